/**
 * Reads what the planner needs with a constant number of Spreadsheet calls, whatever the row
 * count: the data extent (one getDataRange), the grid size, the header row, the existing
 * managed columns' data (only when some exist), and the region right of the headers only when
 * the extent says something lies there.
 *
 * The apply re-reads under the lock in 'apply' mode, skipping what only the preview needs:
 * protections and the workbook's cell count (a write they would have refused fails instead and
 * is rolled back, with the platform's reason), the hidden flag and history rows (informational).
 */
import { analyseHeaders } from '../core/headers';
import { identitiesOf, resolveIdentities } from '../core/identity';
import { planSheet } from '../core/plan';
import type { ManagedSheet, SchemaDeclaration } from '../core/schema';
import type { CellBlock, ProtectionInfo, SheetSnapshot, WorkbookSnapshot } from '../core/snapshot';
import { sourceSheetsOf } from '../core/sourcePlan';
import type { Language } from '../shared/messages/catalogue';
import type { InterruptedApply } from '../shared/payloads';
import { NEW_HISTORY_SHEET_CELLS, readHistory } from './history';
import type { HeaderRepair, HistoryLanguage } from './historyHeader';
import { readIdentityTags, type SheetMetadata } from './identityTags';
import { CallMeter } from './meter';
import { readSheetRules } from './sheetRulesReader';
import { readSourceSheets } from './sourceReader';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export type ReadMode = 'preview' | 'apply';

export interface ReadOptions {
  readonly protectionType: typeof GoogleAppsScript.Spreadsheet.ProtectionType;
  readonly mode: ReadMode;
  /** The in-progress marker of an apply that never finished: then history is read in both modes. */
  readonly interrupted: InterruptedApply | null;
  /** The operator's language, carried on each sheet's snapshot for the texts the apply writes. */
  readonly language?: Language;
}

export type Workbook = WorkbookSnapshot & {
  readonly historyExists: boolean;
  /** `_schema_history`'s header row as a person damaged it (read in both modes: the apply repairs it). */
  readonly historyHeaderRepair: HeaderRepair | null;
  /** The language of `_schema_history`'s header: the apply writes its rows in it. */
  readonly historyLanguage: HistoryLanguage;
};

export function readWorkbook(spreadsheet: Spreadsheet, declaration: SchemaDeclaration, options: ReadOptions): Workbook {
  const meter = new CallMeter();
  const preview = options.mode === 'preview';
  const metadata = readIdentityTags(spreadsheet, meter);
  const sheets = declaration.managedSheets.map((managed) => {
    const sheet = spreadsheet.getSheetByName(managed.sheet);
    const found = metadata.get(managed.sheet) ?? { tags: [], characters: 0 };
    const identities = identitiesOf(declaration, managed.sheet);
    return sheet === null ? null : readSheet(sheet, managed, meter, { ...options, metadata: found, identities });
  });
  // Both modes: the fingerprint covers the source sheets' tags, so the apply re-reads them under the lock.
  const sources = readSourceSheets(spreadsheet, sourceSheetsOf(declaration), metadata, meter);
  const growsGrid = sheets.some(
    (snapshot, i) => snapshot !== null && needsWiderGrid(snapshot, declaration.managedSheets[i]),
  );
  const interrupted = options.interrupted;
  const history = readHistory(spreadsheet, meter, {
    previewOnly: interrupted === null,
    checkShape: interrupted !== null,
    entries: preview || interrupted !== null,
  });
  const created = history.exists ? 0 : NEW_HISTORY_SHEET_CELLS;
  const cells = preview && (growsGrid || created > 0) ? { total: countCells(spreadsheet, meter), created } : null;
  return {
    spreadsheetName: spreadsheet.getName(),
    cells,
    sheets,
    sources,
    history: history.entries,
    historyExists: history.exists,
    historyHeaderRepair: history.headerRepair,
    historyLanguage: history.language,
    interrupted,
    historyShape: history.shape,
    readCost: meter.applyReadCost(),
  };
}

interface SheetReadOptions extends ReadOptions {
  readonly metadata: SheetMetadata;
  readonly identities: readonly string[];
}

function readSheet(sheet: Sheet, managed: ManagedSheet, meter: CallMeter, options: SheetReadOptions): SheetSnapshot {
  const preview = options.mode === 'preview';
  const extent = meter.call(() => sheet.getDataRange());
  const maxRows = meter.call(() => sheet.getMaxRows());
  const maxColumns = meter.call(() => sheet.getMaxColumns());
  const headerRow = managed.headerRow;
  const extentRows = extent.getNumRows();
  const extentColumns = extent.getNumColumns();
  const headers =
    extentRows >= headerRow ? meter.read(() => sheet.getRange(headerRow, 1, 1, extentColumns).getValues())[0] : [];
  // getDataRange() of an empty sheet is A1: a blank 1×1 extent means no content at all.
  const empty = extentRows === 1 && extentColumns === 1 && headers[0] === '';
  const lastRow = empty ? 0 : extentRows;
  const lastColumn = empty ? 0 : extentColumns;
  const analysis = analyseHeaders(headers);
  // Declared columns found by identity (tag first, exact header second): a renamed one keeps its data read.
  const resolution = resolveIdentities(options.identities, headers, analysis, options.metadata.tags);
  const managedColumns = managed.migrations.flatMap((m) =>
    m.addColumns.flatMap((c) => {
      const found = resolution.columns.get(c.name);
      return found === undefined ? (analysis.columnsByName.get(c.name) ?? []) : [found.column];
    }),
  );
  const dataRows = lastRow - headerRow;
  const first = Math.min(...managedColumns);
  const managedBlock =
    managedColumns.length > 0 && dataRows > 0
      ? readBlock(sheet, meter, headerRow + 1, first, dataRows, Math.max(...managedColumns) - first + 1)
      : null;
  const rightOfHeaders =
    lastColumn > analysis.lastHeaderColumn && analysis.lastHeaderColumn > 0
      ? readBlock(sheet, meter, 1, analysis.lastHeaderColumn + 1, lastRow, lastColumn - analysis.lastHeaderColumn)
      : null;
  return {
    name: managed.sheet,
    lastRow,
    lastColumn,
    maxRows,
    maxColumns,
    hidden: preview ? meter.call(() => sheet.isSheetHidden(), true) : false,
    headers: empty ? [] : headers,
    managedBlock,
    rightOfHeaders,
    protections: preview ? readProtections(sheet, meter, options.protectionType) : [],
    rules: readSheetRules(sheet, managed, meter, {
      maxRows,
      present: (name) => resolution.columns.get(name)?.column,
      managedBlock,
      protectionType: options.protectionType,
    }),
    tags: options.metadata.tags,
    metadataCharacters: options.metadata.characters,
    language: options.language,
  };
}

function readBlock(
  sheet: Sheet,
  meter: CallMeter,
  row: number,
  column: number,
  rows: number,
  columns: number,
): CellBlock {
  const range = sheet.getRange(row, column, rows, columns);
  return {
    firstRow: row,
    firstColumn: column,
    values: meter.read(() => range.getValues()),
    formulas: meter.read(() => range.getFormulas()),
  };
}

function readProtections(
  sheet: Sheet,
  meter: CallMeter,
  protectionType: typeof GoogleAppsScript.Spreadsheet.ProtectionType,
): ProtectionInfo[] {
  const describe = (protection: GoogleAppsScript.Spreadsheet.Protection, wholeSheet: boolean): ProtectionInfo => {
    const range = protection.getRange();
    return {
      row: range.getRow(),
      column: range.getColumn(),
      rows: range.getNumRows(),
      columns: range.getNumColumns(),
      description: meter.call(() => protection.getDescription(), true),
      canEdit: meter.call(() => protection.canEdit(), true),
      warningOnly: meter.call(() => protection.isWarningOnly(), true),
      wholeSheet,
    };
  };
  const ranges = meter.call(() => sheet.getProtections(protectionType.RANGE), true);
  const sheets = meter.call(() => sheet.getProtections(protectionType.SHEET), true);
  return [...ranges.map((p) => describe(p, false)), ...sheets.map((p) => describe(p, true))];
}

/** Whether the declared columns still missing would run past the grid's last column. */
function needsWiderGrid(snapshot: SheetSnapshot, managed: ManagedSheet): boolean {
  return planSheet(managed, snapshot, [], null).gridColumnsToInsert > 0;
}

function countCells(spreadsheet: Spreadsheet, meter: CallMeter): number {
  return spreadsheet
    .getSheets()
    .reduce(
      (sum, sheet) => sum + meter.call(() => sheet.getMaxRows(), true) * meter.call(() => sheet.getMaxColumns(), true),
      0,
    );
}
