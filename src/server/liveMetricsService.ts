/**
 * Live union metrics: the installable onEdit's work. An edit of a source column recomputes exactly
 * the affected spools (TextFinder on the key columns, the found rows' cells, that spool's five cells
 * written only when they differ) in a constant number of Spreadsheet calls; a large paste, a paste
 * over keys or a structure change falls back to the full recompute. Concurrent executions: the one
 * holding the document lock works; one that cannot take it records its spools as pending in document
 * properties, and the next execution (or the next check) does them.
 */
import { findKeyRows, readRows, writeRow } from '../adapters/keyRows';
import { LiveState, type PendingWork } from '../adapters/liveState';
import type { ColumnMap } from '../core/columnMap';
import { classifyEdit, distinctKeys, type EditedRect, MAX_LIVE_SPOOLS, type SourceLayout } from '../core/liveMetrics';
import type { UnionMetricsSource } from '../core/schema';
import { aggregateUnions, cellHolds, metricsRows, normalizeKey } from '../core/unionMetrics';
import type { ExecutionContext } from './context';
import { recomputeUnionMetrics } from './unionMetricsService';

/** Waiting longer only queues executions (30 simultaneous per user); a deferred spool is done by the next one. */
export const LIVE_LOCK_WAIT_MS = 2_000;

export type LiveOutcome =
  | { readonly kind: 'ignored' }
  | { readonly kind: 'deferred'; readonly keys: number; readonly full: boolean }
  | { readonly kind: 'incremental'; readonly spools: number; readonly rowsWritten: number }
  | { readonly kind: 'full'; readonly rowsChanged: number };

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

interface Work {
  keys: string[];
  /** Spool-sheet rows edited directly: recomputed even when their key is now blank (they get zeros). */
  spoolRows: number[];
  full: boolean;
}

const FULL: Work = { keys: [], spoolRows: [], full: true };

export function liveState(context: ExecutionContext): LiveState {
  return new LiveState(context.services.propertiesService.getDocumentProperties());
}

function metricsSource(context: ExecutionContext): { spoolSheet: string; source: UnionMetricsSource } {
  const managed = context.declaration.managedSheets.find((m) => m.unionMetrics !== undefined);
  if (managed?.unionMetrics === undefined) throw new Error('No managed sheet declares unionMetrics.');
  return { spoolSheet: managed.sheet, source: managed.unionMetrics };
}

/** The installable onEdit: what the edit asks for, then the work under the lock (or deferred). */
export function processLiveEdit(
  context: ExecutionContext,
  range: GoogleAppsScript.Spreadsheet.Range,
  oldValue: unknown,
): LiveOutcome {
  const work = workForEdit(context, range, oldValue);
  if (work === null) return { kind: 'ignored' };
  return underLockOrDeferred(context, work);
}

/** Installable onChange of a row insert, delete or sort: no range, so the metrics are stale as a whole. */
export function processStructureChange(context: ExecutionContext): LiveOutcome {
  liveState(context).markStale(context.isoNow());
  return underLockOrDeferred(context, FULL);
}

function workForEdit(
  context: ExecutionContext,
  range: GoogleAppsScript.Spreadsheet.Range,
  oldValue: unknown,
): Work | null {
  const { spoolSheet, source } = metricsSource(context);
  const sheet = range.getSheet();
  const name = sheet.getName();
  if (name !== source.sheet && name !== spoolSheet) return null;
  const map = context.columnMaps().getOrBuild(sheet);
  const others =
    name === source.sheet
      ? [source.diameterColumn, source.armDoneColumn, source.soldDoneColumn]
      : [...source.targetColumns];
  const layout = sourceLayout(map, source.keyColumn, others);
  if (layout === null) return FULL;
  const edit: EditedRect = {
    row: range.getRow(),
    column: range.getColumn(),
    numRows: range.getNumRows(),
    numColumns: range.getNumColumns(),
    oldValue,
  };
  const action = classifyEdit(edit, layout);
  if (action.kind === 'ignore') return null;
  if (action.kind === 'full') return FULL;
  const keys = sheet
    .getRange(action.firstRow, layout.key, action.numRows, 1)
    .getValues()
    .map((row) => row[0]);
  const all = distinctKeys(keys, action.extraKeys);
  const spoolRows = name === spoolSheet ? Array.from({ length: action.numRows }, (_, i) => action.firstRow + i) : [];
  return { keys: all, spoolRows, full: all.length > MAX_LIVE_SPOOLS };
}

/** Columns by the column map (identity-aware when it is); null when one is missing or ambiguous. */
function sourceLayout(map: ColumnMap, keyName: string, otherNames: readonly string[]): SourceLayout | null {
  const column = (name: string) => (map.ambiguous.includes(name) ? undefined : map.columns[name]);
  const key = column(keyName);
  const others = otherNames.map(column);
  if (key === undefined || others.some((c) => c === undefined)) return null;
  return { headerRow: map.headerRow, key, others: others as number[] };
}

function underLockOrDeferred(context: ExecutionContext, work: Work): LiveOutcome {
  const lockService = context.services.lockService;
  const lock = lockService.getDocumentLock() ?? lockService.getUserLock();
  if (!lock.tryLock(LIVE_LOCK_WAIT_MS)) {
    liveState(context).defer(work, `${context.services.now()}-${Math.random().toString(36).slice(2, 10)}`);
    return { kind: 'deferred', keys: work.keys.length, full: work.full };
  }
  try {
    return runWork(context, work);
  } finally {
    lock.releaseLock();
  }
}

/**
 * Holding the lock: this edit's spools plus everything deferred; then once more for what was deferred
 * while this ran. The full recompute is always the last step (it releases the lock when it ends).
 */
function runWork(context: ExecutionContext, own: Work): LiveOutcome {
  const state = liveState(context);
  let work = own;
  let spools = 0;
  let rowsWritten = 0;
  for (let round = 0; round < 2; round++) {
    const pending = state.pending();
    const merged = merge(work, pending);
    if (merged.full) return fullRecompute(context, state, pending);
    const done = recomputeSpools(context, merged);
    if (done === null) return fullRecompute(context, state, pending);
    state.settle(pending);
    spools += merged.keys.length;
    rowsWritten += done;
    work = { keys: [], spoolRows: [], full: false };
  }
  return { kind: 'incremental', spools, rowsWritten };
}

function merge(work: Work, pending: PendingWork): Work {
  const keys = distinctKeys(work.keys, pending.keys);
  const spoolRows = [...new Set([...work.spoolRows, ...pending.spoolRows])];
  return { keys, spoolRows, full: work.full || pending.full || keys.length > MAX_LIVE_SPOOLS };
}

function fullRecompute(context: ExecutionContext, state: LiveState, pending: PendingWork): LiveOutcome {
  const report = recomputeUnionMetrics(context);
  state.settle(pending);
  return { kind: 'full', rowsChanged: report.rowsChanged };
}

/** Recomputes exactly these spools: how many spool rows were written, or null when only a full recompute can say. */
export function recomputeSpools(context: ExecutionContext, work: Pick<Work, 'keys' | 'spoolRows'>): number | null {
  const { keys } = work;
  if (keys.length === 0 && work.spoolRows.length === 0) return 0;
  const { spoolSheet, source } = metricsSource(context);
  const spreadsheet = context.spreadsheet();
  const unions = requireSheet(spreadsheet, source.sheet);
  const spools = requireSheet(spreadsheet, spoolSheet);
  const maps = context.columnMaps();
  const unionMap = maps.getOrBuild(unions);
  const spoolMap = maps.getOrBuild(spools);
  const u = sourceLayout(unionMap, source.keyColumn, [
    source.diameterColumn,
    source.armDoneColumn,
    source.soldDoneColumn,
  ]);
  const s = sourceLayout(spoolMap, source.keyColumn, source.targetColumns);
  if (u === null || s === null) return null;
  const unionCells = readRows(unions, findKeyRows(unions, u.key, u.headerRow, keys), [u.key, ...u.others]);
  const wanted = new Set(keys);
  const mine = [...unionCells.values()].filter((cells) => wanted.has(normalizeKey(cells[0])));
  const aggregation = aggregateUnions(
    {
      keys: mine.map((c) => c[0]),
      diameters: mine.map((c) => c[1]),
      armDone: mine.map((c) => c[2]),
      soldDone: mine.map((c) => c[3]),
      firstDataRow: u.headerRow + 1,
    },
    keys,
  );
  const spoolRows = [...findKeyRows(spools, s.key, s.headerRow, keys), ...work.spoolRows];
  const edited = new Set(work.spoolRows);
  const spoolCells = readRows(spools, spoolRows, [s.key, ...s.others]);
  let written = 0;
  for (const [row, cells] of spoolCells) {
    if (!wanted.has(normalizeKey(cells[0])) && !edited.has(row)) continue;
    const [next] = metricsRows([cells[0]], aggregation);
    if (next.every((value, c) => cellHolds(cells[c + 1], value))) continue;
    writeRow(spools, row, s.others, next);
    written++;
  }
  return written;
}

function requireSheet(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, name: string): Sheet {
  const sheet = spreadsheet.getSheetByName(name);
  if (sheet === null) throw new Error(`Sheet "${name}" was not found; live metrics cannot run.`);
  return sheet;
}
