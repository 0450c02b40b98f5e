/**
 * Finding and reading the few rows of some spools, in a constant number of calls: one TextFinder
 * search over the key column (server-side, whatever the sheet size), then one read per run of
 * found rows and span of needed columns — or, when the rows are scattered, one read of their span.
 */
import { columnSpans } from '../core/columnMap';
import { entireKeyPattern, type RowRun, rowRuns } from '../core/liveMetrics';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Row runs beyond this are read as one span: calls stay constant, cells grow with the spread. */
const MAX_READ_RUNS = 4;
/** Rows between two found rows that are read through rather than costing another call. */
const ROW_GAP = 20;
const COLUMN_GAP = 8;

/** Sheet rows (below `headerRow`) whose key cell, trimmed, is exactly one of `keys`. Case-sensitive, like the join. */
export function findKeyRows(sheet: Sheet, keyColumn: number, headerRow: number, keys: readonly string[]): number[] {
  const lastRow = sheet.getLastRow();
  if (keys.length === 0 || lastRow <= headerRow) return [];
  const pattern = keys.map(entireKeyPattern).join('|');
  return sheet
    .getRange(headerRow + 1, keyColumn, lastRow - headerRow, 1)
    .createTextFinder(pattern)
    .matchCase(true)
    .matchEntireCell(true)
    .useRegularExpression(true)
    .findAll()
    .map((cell) => cell.getRow());
}

/** Values of `columns` (1-based) on `rows`, by sheet row; rows read through gaps are included too. */
export function readRows(sheet: Sheet, rows: readonly number[], columns: readonly number[]): Map<number, unknown[]> {
  const out = new Map<number, unknown[]>();
  if (rows.length === 0) return out;
  let runs: RowRun[] = rowRuns(rows, ROW_GAP);
  if (runs.length > MAX_READ_RUNS) {
    const first = runs[0].first;
    const last = runs[runs.length - 1];
    runs = [{ first, count: last.first + last.count - first }];
  }
  for (const run of runs) {
    const lines: unknown[][] = Array.from({ length: run.count }, () => new Array(columns.length));
    for (const span of columnSpans(columns, COLUMN_GAP)) {
      const values = sheet.getRange(run.first, span.first, run.count, span.last - span.first + 1).getValues();
      columns.forEach((column, c) => {
        if (column < span.first || column > span.last) return;
        for (let i = 0; i < run.count; i++) lines[i][c] = values[i][column - span.first];
      });
    }
    lines.forEach((line, i) => {
      out.set(run.first + i, line);
    });
  }
  return out;
}

/** Writes one row's values into `columns` (1-based, in the order of `values`): one call per adjacent run. */
export function writeRow(sheet: Sheet, row: number, columns: readonly number[], values: readonly unknown[]): void {
  const byColumn = new Map(columns.map((column, i) => [column, values[i]]));
  for (const run of rowRuns(columns)) {
    const line = Array.from({ length: run.count }, (_, k) => byColumn.get(run.first + k));
    sheet.getRange(row, run.first, 1, run.count).setValues([line]);
  }
}
