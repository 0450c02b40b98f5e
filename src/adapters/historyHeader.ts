/**
 * The header of `_schema_history` as a person may have left it: columns deleted (F:Z gone), the
 * header row cleared or overwritten, the whole sheet emptied. Reading stays within the sheet's
 * real size; the next apply puts the header back before its row, and the preview names the damage.
 */
import type { WriteCost } from '../core/steps';
import type { Finding } from '../shared/payloads';
import type { CallMeter } from './meter';

const HISTORY_SHEET = '_schema_history';

export const HISTORY_HEADERS = [
  'Time (ISO)',
  'Migration',
  'Sheet',
  'Description',
  'Columns added',
  'Cells written',
  'User',
  'Duration (ms)',
  'Outcome',
] as const;

/** Headers of a history sheet created for a Spanish-speaking operator; reading accepts either set. */
export const HISTORY_HEADERS_ES = [
  'Fecha y hora',
  'Migración',
  'Hoja',
  'Descripción',
  'Columnas añadidas',
  'Celdas escritas',
  'Usuario',
  'Duración (ms)',
  'Resultado',
] as const;

export type HistoryLanguage = 'es' | 'en';

export function historyHeaders(language: HistoryLanguage): readonly string[] {
  return language === 'es' ? HISTORY_HEADERS_ES : HISTORY_HEADERS;
}

/** The language a history header row (its first cell) is in, English when it is neither: new rows are written in it. */
export function historyLanguageOf(row1: readonly unknown[]): HistoryLanguage {
  return row1[0] === HISTORY_HEADERS_ES[0] ? 'es' : 'en';
}

const WIDTH = HISTORY_HEADERS.length;

/** The header set row 1 was written in (either language), English when it is neither. */
function headerSetOf(row1: readonly unknown[]): readonly string[] {
  return historyHeaders(historyLanguageOf(row1));
}

/** What the apply must do before appending, when the header row is not intact. */
export interface HeaderRepair {
  /** The grid's width when read. */
  readonly maxColumns: number;
  /** Columns to add at the right so the nine history columns exist again. */
  readonly columnsToInsert: number;
  /** Row 1 holds something else than a header (an entry, other text): a row is inserted above it. */
  readonly insertRow: boolean;
  /** Header cells the rewrite changes. */
  readonly cellsChanged: number;
  /** Plain-language description for the preview (English, the log's). */
  readonly problem: string;
  /** The main damage, as a code the catalogue words: row 1 overwritten, emptied, changed, or columns deleted. */
  readonly damage: 'overwritten' | 'empty' | 'changed' | 'columns';
  /** The header written back: the language it was in, English when it cannot be told. */
  readonly headers: readonly string[];
}

/**
 * One call: the whole of row 1 (`1:1` always lies inside the grid), whose length is the grid's
 * width: the repair (null when the header is intact) and the language new rows are written in.
 */
export function readHeaderRow(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  meter: CallMeter,
): { readonly repair: HeaderRepair | null; readonly language: HistoryLanguage } {
  const row1 = meter.read(() => sheet.getRange('1:1').getValues())[0];
  return { repair: headerRepair(row1, row1.length), language: historyLanguageOf(row1) };
}

export function headerRepair(row1: readonly unknown[], maxColumns: number): HeaderRepair | null {
  const headers = headerSetOf(row1);
  const cells = headers.map((_, i) => (i < row1.length ? row1[i] : ''));
  const intact = maxColumns >= WIDTH && cells.every((cell, i) => cell === headers[i]);
  if (intact) return null;
  const blank = cells.every((cell) => cell === '');
  const isHeader = blank || cells[0] === headers[0];
  const columnsToInsert = Math.max(0, WIDTH - maxColumns);
  const problems = [
    ...(columnsToInsert > 0 ? [`it has ${maxColumns} of its ${WIDTH} columns`] : []),
    ...(blank ? ['its header row is empty'] : isHeader ? ['its header row was changed'] : []),
    ...(isHeader ? [] : ['row 1 holds something other than its header']),
  ];
  return {
    maxColumns,
    columnsToInsert,
    insertRow: !isHeader,
    cellsChanged: isHeader ? cells.filter((cell, i) => cell !== headers[i]).length : WIDTH,
    problem: problems.join(', '),
    damage: !isHeader ? 'overwritten' : blank ? 'empty' : columnsToInsert > 0 ? 'columns' : 'changed',
    headers,
  };
}

export function damageFinding(repair: HeaderRepair): Finding {
  return {
    code: 'HISTORY_DAMAGED',
    message: `"${HISTORY_SHEET}" is damaged: ${repair.problem}. Sheet Schema keeps working from the rows it can read; the next apply writes the header back (nothing in it is deleted).`,
    location: `${HISTORY_SHEET}!A1`,
    params: { sheet: HISTORY_SHEET, damage: repair.damage, have: repair.maxColumns, width: WIDTH },
  };
}

/** Widens the grid, makes room for the header when row 1 holds an entry, then formats B:I as text and writes the header. */
export function repairHeader(sheet: GoogleAppsScript.Spreadsheet.Sheet, repair: HeaderRepair, meter: CallMeter): void {
  if (repair.columnsToInsert > 0) meter.call(() => sheet.insertColumnsAfter(repair.maxColumns, repair.columnsToInsert));
  if (repair.insertRow) meter.call(() => sheet.insertRowsBefore(1, 1));
  // Column A holds real date-times (see createHistorySheet); the other columns stay text.
  meter.call(() => sheet.getRange('B:I').setNumberFormat('@'));
  meter.call(() => sheet.getRange(1, 1, 1, WIDTH).setValues([[...repair.headers]]));
}

/** What repairHeader costs. */
export function repairCost(repair: HeaderRepair | null): WriteCost {
  if (repair === null) return { spreadsheetCalls: 0, cellsRead: 0, cellsWritten: 0, cellsChanged: 0 };
  const structure = (repair.columnsToInsert > 0 ? 1 : 0) + (repair.insertRow ? 1 : 0);
  return { spreadsheetCalls: structure + 2, cellsRead: 0, cellsWritten: 1 + WIDTH, cellsChanged: repair.cellsChanged };
}
