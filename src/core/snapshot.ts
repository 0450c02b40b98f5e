/**
 * What the spreadsheet adapter reads for planning, as plain data. Reading it costs a constant
 * number of Spreadsheet calls whatever the row count: sizes, one header row, the data of managed
 * columns that already exist, and — only when getLastColumn() says something lies right of the
 * headers — that region, to name the offending cell.
 */
import type { Language } from '../shared/messages/catalogue';
import type { HistoryEntry, InterruptedApply } from '../shared/payloads';
import type { ColumnTag } from './identity';
import type { SheetRulesState } from './sheetRules';
import type { SourceSnapshot } from './sourcePlan';

export interface Rect {
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
}

export interface ProtectionInfo extends Rect {
  readonly description: string;
  readonly canEdit: boolean;
  readonly warningOnly: boolean;
  readonly wholeSheet: boolean;
}

export interface CellBlock {
  readonly firstColumn: number;
  /** Sheet row of values[0]. */
  readonly firstRow: number;
  readonly values: readonly (readonly unknown[])[];
  /** Same shape as values; '' where the cell holds no formula. */
  readonly formulas: readonly (readonly string[])[];
}

export interface SheetSnapshot {
  readonly name: string;
  readonly lastRow: number;
  readonly lastColumn: number;
  readonly maxRows: number;
  readonly maxColumns: number;
  readonly hidden: boolean;
  /** Header row values, columns 1..lastColumn. */
  readonly headers: readonly unknown[];
  /** Data rows of the span of managed columns already present (null when none or no data rows). */
  readonly managedBlock: CellBlock | null;
  /** Data right of the last header (null when nothing lies there). */
  readonly rightOfHeaders: CellBlock | null;
  readonly protections: readonly ProtectionInfo[];
  /** Validation, notes, formats and own protections of the managed columns present (null: none present). */
  readonly rules: SheetRulesState | null;
  /** Identity tags on this sheet's columns (absent: read before identity existed, treated as none). */
  readonly tags?: readonly ColumnTag[];
  /** Characters (keys + values) of all developer metadata on this sheet, against Google's 30,000 budget. */
  readonly metadataCharacters?: number;
  /**
   * The language of the operator this read is for: notes, help texts and protection descriptions
   * the apply writes are worded in it (absent: English). Not read from the sheet.
   */
  readonly language?: Language;
}

export interface ReadCost {
  readonly spreadsheetCalls: number;
  readonly cellsRead: number;
}

export interface WorkbookSnapshot {
  readonly spreadsheetName: string;
  /**
   * Cells in the whole spreadsheet (every sheet's grid) and in sheets the apply would create;
   * null when neither a grid grows nor a sheet is created (so unread), and in the apply's re-read.
   */
  readonly cells: { readonly total: number; readonly created: number } | null;
  /** One entry per managed sheet, in declaration order; null when the sheet is missing. */
  readonly sheets: readonly (SheetSnapshot | null)[];
  /** One entry per source sheet (`sourceSheetsOf`), in its order; null when missing. Absent: none read. */
  readonly sources?: readonly (SourceSnapshot | null)[];
  readonly history: readonly HistoryEntry[];
  /** The in-progress marker of an apply that never finished (src/adapters/applyJournal.ts), if any. */
  readonly interrupted: InterruptedApply | null;
  /** Read only when `interrupted`: whether `_schema_history` was left without header or visible. */
  readonly historyShape: { readonly empty: boolean; readonly hidden: boolean } | null;
  readonly readCost: ReadCost;
}
