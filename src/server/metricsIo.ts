/**
 * The full recompute's I/O, made cheaper: read only the columns it needs (one range per column, not
 * spans through unrelated ones) and write only the rows that changed when they are few — row runs,
 * or one write per column run when that is cheaper, as planMetricsWrite predicts.
 */
import { type ColumnData, readColumns, writeColumns } from '../adapters/columnAccess';
import type { ColumnMapCache } from '../adapters/columnMapCache';
import { changedRowIndexes, planMetricsWrite, rowRuns } from '../core/liveMetrics';
import { cellHolds } from '../core/unionMetrics';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Each wanted column read on its own: cells read = cells needed (plus one header cell each). */
export function readNeededColumns(sheet: Sheet, names: readonly string[], maps: ColumnMapCache): ColumnData {
  return readColumns(sheet, names, maps, { maxGap: 0 });
}

/**
 * Writes `next` (one row of metrics per data row) where it differs from `current`. Rows are written
 * by runs only when this execution's read confirmed the headers; otherwise the checked whole write.
 */
export function writeMetricRows(options: {
  sheet: Sheet;
  names: readonly string[];
  current: readonly (readonly unknown[])[];
  next: readonly (readonly number[])[];
  maps: ColumnMapCache;
}): { cellsWritten: number } {
  const { sheet, names, current, next, maps } = options;
  const map = maps.getOrBuild(sheet);
  const columns = names.map((name) => map.columns[name]);
  const columnRuns = rowRuns(columns);
  const plan = planMetricsWrite({
    changed: changedRowIndexes(current, next, cellHolds),
    totalRows: next.length,
    width: names.length,
    columnRuns: columnRuns.length,
  });
  if (plan.kind === 'none') return { cellsWritten: 0 };
  const confirmed = maps.isConfirmed(sheet.getName(), names) && columns.every((c) => c !== undefined);
  if (plan.kind === 'all' || !confirmed) {
    writeColumns(sheet, names, next, maps);
    return { cellsWritten: next.length * names.length };
  }
  const byColumn = new Map(columns.map((column, i) => [column, i]));
  for (const run of plan.runs) {
    for (const span of columnRuns) {
      const block = next
        .slice(run.first, run.first + run.count)
        .map((row) => Array.from({ length: span.count }, (_, k) => row[byColumn.get(span.first + k) as number]));
      sheet.getRange(map.headerRow + 1 + run.first, span.first, run.count, span.count).setValues(block);
    }
  }
  return { cellsWritten: plan.cells };
}
