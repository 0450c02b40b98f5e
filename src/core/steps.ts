/**
 * The writes an apply performs for one sheet, derived from its plan — each step is one
 * Spreadsheet call whatever the row count. The cost shown in the dry run is computed from
 * these same steps, so preview and apply cannot disagree.
 */

import type { PlannedBlankFill, SheetPlan } from '../shared/payloads';
import type { CellDefault } from './schema';
import type { Rect } from './snapshot';

export type WriteStep =
  | { readonly kind: 'insertColumns'; readonly after: number; readonly count: number }
  | { readonly kind: 'setHeaders'; readonly row: number; readonly column: number; readonly headers: readonly string[] }
  | { readonly kind: 'numberFormat'; readonly rect: Rect; readonly format: string }
  | { readonly kind: 'fill'; readonly rect: Rect; readonly value: Exclude<CellDefault, null> }
  | { readonly kind: 'fillList'; readonly rects: readonly Rect[]; readonly value: Exclude<CellDefault, null> }
  | { readonly kind: 'tagColumn'; readonly column: number; readonly identity: string };

/**
 * Ranges per `Sheet.getRangeList(a1s).setValue(v)` call. The reference documents no limit
 * (UNCONFIRMED, docs/platform.md): chunks this size keep the call count constant up to the
 * 10,000,000-cell ceiling (~139,000 rows, at worst one run per two rows) while bounding each
 * request's A1 list (~1 MB of text).
 */
export const MAX_RANGES_PER_LIST = 100_000;

export function writeSteps(plan: SheetPlan, headerRow: number): WriteStep[] {
  const steps: WriteStep[] = [];
  const added = plan.columnsToAdd;
  if (plan.gridColumnsToInsert > 0)
    steps.push({ kind: 'insertColumns', after: plan.gridColumns, count: plan.gridColumnsToInsert });
  if (added.length > 0) {
    // Formats before values, so a text default written into a '@' column stays text — and before
    // the headers: an execution killed right after the headers landed (6-minute limit: no rollback
    // runs) leaves columns the next run completes as blank fills, which set no format. Formatted
    // empty columns without headers are invisible to the next run, which formats them again.
    const formatRows = plan.gridRows - headerRow;
    if (formatRows > 0) {
      for (const run of runsOf(added, (c) => c.numberFormat)) {
        steps.push({
          kind: 'numberFormat',
          rect: { row: headerRow + 1, column: run.first.index, rows: formatRows, columns: run.length },
          format: run.key,
        });
      }
    }
    steps.push({ kind: 'setHeaders', row: headerRow, column: added[0].index, headers: added.map((c) => c.header) });
    if (plan.dataRows > 0) {
      for (const run of runsOf(added, (c) => c.default)) {
        if (run.key === null) continue;
        steps.push({
          kind: 'fill',
          rect: { row: headerRow + 1, column: run.first.index, rows: plan.dataRows, columns: run.length },
          value: run.key,
        });
      }
    }
  }
  steps.push(...blankFillSteps(plan.blanksToFill));
  // Tags last: an execution killed before them leaves exact headers, which the next run adopts.
  for (const tag of plan.columnsToTag) steps.push({ kind: 'tagColumn', column: tag.index, identity: tag.identity });
  return steps;
}

/** Consecutive columns sharing a key (same format, same default) become one rectangle. */
function runsOf<T extends { index: number }, K>(
  columns: readonly T[],
  keyOf: (c: T) => K,
): Array<{ first: T; length: number; key: K }> {
  const runs: Array<{ first: T; length: number; key: K }> = [];
  for (const column of columns) {
    const last = runs[runs.length - 1];
    if (last !== undefined && last.key === keyOf(column) && last.first.index + last.length === column.index)
      last.length++;
    else runs.push({ first: column, length: 1, key: keyOf(column) });
  }
  return runs;
}

/**
 * Adjacent columns with identical blank runs and default are filled together; every rectangle of
 * one default goes out in one RangeList call per MAX_RANGES_PER_LIST (a lone rectangle: one
 * Range.setValue), so scattered blanks cost a constant number of calls, not one per run.
 */
function blankFillSteps(fills: readonly PlannedBlankFill[]): WriteStep[] {
  const sorted = [...fills].sort((a, b) => a.index - b.index);
  const groups = runsOf(sorted, (f) => `${JSON.stringify(f.default)}|${JSON.stringify(f.rowRuns)}`);
  const byValue = new Map<string, { value: Exclude<CellDefault, null>; rects: Rect[] }>();
  for (const group of groups) {
    const { rowRuns, default: value } = group.first;
    if (value === null) continue;
    const key = JSON.stringify(value);
    const entry = byValue.get(key) ?? { value, rects: [] };
    byValue.set(key, entry);
    for (const [first, last] of rowRuns)
      entry.rects.push({ row: first, column: group.first.index, rows: last - first + 1, columns: group.length });
  }
  return [...byValue.values()].flatMap(({ value, rects }): WriteStep[] => {
    if (rects.length === 1) return [{ kind: 'fill', rect: rects[0], value }];
    const steps: WriteStep[] = [];
    for (let i = 0; i < rects.length; i += MAX_RANGES_PER_LIST)
      steps.push({ kind: 'fillList', rects: rects.slice(i, i + MAX_RANGES_PER_LIST), value });
    return steps;
  });
}

export interface WriteCost {
  readonly spreadsheetCalls: number;
  readonly cellsRead: number;
  readonly cellsWritten: number;
  readonly cellsChanged: number;
}

export const NO_COST: WriteCost = { spreadsheetCalls: 0, cellsRead: 0, cellsWritten: 0, cellsChanged: 0 };

export function addCosts(...costs: WriteCost[]): WriteCost {
  return costs.reduce(
    (sum, c) => ({
      spreadsheetCalls: sum.spreadsheetCalls + c.spreadsheetCalls,
      cellsRead: sum.cellsRead + c.cellsRead,
      cellsWritten: sum.cellsWritten + c.cellsWritten,
      cellsChanged: sum.cellsChanged + c.cellsChanged,
    }),
    NO_COST,
  );
}

/**
 * One call per step. A multi-cell fill sends one value (Range.setValue fills the range); the
 * first one in an execution is read back once (1 call, 1 cell) because that fill behaviour is
 * widely observed but not documented — see docs/platform.md.
 */
export function stepsCost(steps: readonly WriteStep[]): WriteCost {
  let verified = false;
  return addCosts(
    // biome-ignore lint/suspicious/useIterableCallbackReturn: the switch is exhaustive over step kinds (tsc checks it)
    ...steps.map((step): WriteCost => {
      switch (step.kind) {
        case 'insertColumns':
        case 'tagColumn':
          return { ...NO_COST, spreadsheetCalls: 1 };
        case 'numberFormat':
          // One pattern sent for the whole rectangle.
          return { ...NO_COST, spreadsheetCalls: 1, cellsWritten: 1 };
        case 'setHeaders':
          return {
            spreadsheetCalls: 1,
            cellsRead: 0,
            cellsWritten: step.headers.length,
            cellsChanged: step.headers.length,
          };
        case 'fill':
        case 'fillList': {
          const rects = step.kind === 'fill' ? [step.rect] : step.rects;
          const cells = rects.reduce((sum, r) => sum + r.rows * r.columns, 0);
          const verify = rects.some((r) => r.rows * r.columns > 1) && !verified;
          verified ||= verify;
          return { spreadsheetCalls: verify ? 2 : 1, cellsRead: verify ? 1 : 0, cellsWritten: 1, cellsChanged: cells };
        }
      }
    }),
  );
}
