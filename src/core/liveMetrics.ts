/**
 * Live union metrics, the pure parts: which spools an edit affects, and how to write a set of
 * metric rows at least cost. No Apps Script globals: the server reads cells and hands them in.
 *
 * Decisions (asserted in test/core/liveMetrics.test.ts):
 * - Apps Script sends `oldValue` only for single-cell edits, so only a single-cell key edit can
 *   name the spool the row left; a multi-cell edit that covers the key column cannot, and asks
 *   for the full recompute (correct, bounded cost) instead of guessing.
 * - Header-row cells are never sources: a header edit is the column map's business.
 * - Beyond MAX_LIVE_SPOOLS affected spools the per-spool searches cost more than one full pass.
 */
import { normalizeKey } from './unionMetrics';

/** Above this many affected spools one full recompute is cheaper than per-spool searches. */
export const MAX_LIVE_SPOOLS = 25;
/** An edit over more rows than this is recomputed fully (reading its keys alone would be a big read). */
export const MAX_LIVE_ROWS = 2000;
/**
 * Predicted cost of one Spreadsheet round trip, in cells moved: 7–275 ms per call (scripts/bench/estimates.ts)
 * against a per-cell payload cost that no published figure gives (UNCONFIRMED: ~2,000 cells per call assumed).
 */
export const CALL_COST_IN_CELLS = 2000;

/** 1-based columns of one sheet that feed the metrics; `key` is the join key. */
export interface SourceLayout {
  readonly headerRow: number;
  readonly key: number;
  readonly others: readonly number[];
}

export interface EditedRect {
  readonly row: number;
  readonly column: number;
  readonly numRows: number;
  readonly numColumns: number;
  /** The event's oldValue (present only for a single-cell edit of a non-empty cell). */
  readonly oldValue?: unknown;
}

export type EditAction =
  | { readonly kind: 'ignore' }
  | { readonly kind: 'full'; readonly reason: 'keys-pasted' | 'too-many-rows' }
  /** Recompute the spools named in the key column of these rows, plus `extraKeys`. */
  | { readonly kind: 'rows'; readonly firstRow: number; readonly numRows: number; readonly extraKeys: string[] };

/** What an edit of one sheet means for the metrics (see the module's decisions). */
export function classifyEdit(edit: EditedRect, layout: SourceLayout): EditAction {
  const firstRow = Math.max(edit.row, layout.headerRow + 1);
  const lastRow = edit.row + edit.numRows - 1;
  if (lastRow < firstRow) return { kind: 'ignore' };
  const covers = (column: number) => column >= edit.column && column < edit.column + edit.numColumns;
  const touchesKey = covers(layout.key);
  if (!touchesKey && !layout.others.some(covers)) return { kind: 'ignore' };
  const single = edit.numRows === 1 && edit.numColumns === 1;
  if (touchesKey && !single) return { kind: 'full', reason: 'keys-pasted' };
  const numRows = lastRow - firstRow + 1;
  if (numRows > MAX_LIVE_ROWS) return { kind: 'full', reason: 'too-many-rows' };
  const old = touchesKey ? normalizeKey(edit.oldValue) : '';
  return { kind: 'rows', firstRow, numRows, extraKeys: old === '' ? [] : [old] };
}

/** Distinct non-blank keys, first appearance first. */
export function distinctKeys(...lists: ReadonlyArray<readonly unknown[]>): string[] {
  const seen = new Set<string>();
  for (const list of lists)
    for (const raw of list) {
      const key = normalizeKey(raw);
      if (key !== '') seen.add(key);
    }
  return [...seen];
}

export interface RowRun {
  readonly first: number;
  readonly count: number;
}

/** Sorted distinct rows grouped into runs; gaps of up to `maxGap` rows are read through. */
export function rowRuns(rows: readonly number[], maxGap = 0): RowRun[] {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const runs: { first: number; count: number }[] = [];
  for (const row of sorted) {
    const last = runs[runs.length - 1];
    if (last !== undefined && row - (last.first + last.count) <= maxGap) last.count = row - last.first + 1;
    else runs.push({ first: row, count: 1 });
  }
  return runs;
}

/** The regex a TextFinder uses to find cells whose trimmed text is exactly `key` (normalizeKey's join). */
export function entireKeyPattern(key: string): string {
  return `\\s*${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*`;
}

export type MetricsWritePlan =
  | { readonly kind: 'none' }
  | { readonly kind: 'all'; readonly calls: number; readonly cells: number }
  | { readonly kind: 'runs'; readonly runs: RowRun[]; readonly calls: number; readonly cells: number };

/**
 * Whether to rewrite every metric row in one write per column run, or only the changed rows
 * (one write per row run and column run): whichever the predicted cost says is cheaper.
 * `changed` holds 0-based data-row indexes; `width` is the number of metric columns.
 */
export function planMetricsWrite(options: {
  changed: readonly number[];
  totalRows: number;
  width: number;
  columnRuns: number;
}): MetricsWritePlan {
  const { changed, totalRows, width, columnRuns } = options;
  if (changed.length === 0) return { kind: 'none' };
  const runs = rowRuns(changed);
  const all = { calls: columnRuns, cells: totalRows * width };
  const partial = { calls: runs.length * columnRuns, cells: changed.length * width };
  const cost = (c: { calls: number; cells: number }) => c.calls * CALL_COST_IN_CELLS + c.cells;
  return cost(partial) < cost(all) ? { kind: 'runs', runs, ...partial } : { kind: 'all', ...all };
}

/** 0-based indexes of rows whose cells differ from the wanted metrics (`holds` compares one cell). */
export function changedRowIndexes(
  current: readonly (readonly unknown[])[],
  next: readonly (readonly number[])[],
  holds: (cell: unknown, wanted: number) => boolean,
): number[] {
  const changed: number[] = [];
  next.forEach((wanted, i) => {
    const cells = current[i] ?? [];
    if (wanted.some((value, c) => !holds(cells[c], value))) changed.push(i);
  });
  return changed;
}
