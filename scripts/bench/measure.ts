/**
 * Measuring one action on the emulator: the service calls and cells it cost (emulator counters,
 * reset right before the action) and its wall time in this Node process.
 */
import { type Emulator, isDataCall } from '../../emulator';

export interface Cost {
  /** Spreadsheet-service calls except pure navigation (getSheetByName, getRange…): the round trips. */
  readonly spreadsheetCalls: number;
  /** Of those, calls that change the spreadsheet (set*, insert*, append*, delete*, clear*, hide*…). */
  readonly writeCalls: number;
  /** Cells whose values, formulas or formats were returned. */
  readonly cellsRead: number;
  /** Values sent: setValues r×c, setValue/setNumberFormat 1 even on a multi-cell range, appendRow its length. */
  readonly cellsWritten: number;
  /** Cells whose stored content actually changed. */
  readonly cellsChanged: number;
  /** CacheService calls (getDocumentCache, get, put, remove…). */
  readonly cacheCalls: number;
}

const SPREADSHEET_CLASSES: ReadonlySet<string> = new Set([
  'SpreadsheetApp',
  'Spreadsheet',
  'Sheet',
  'Range',
  'RangeList',
  'Protection',
  'DeveloperMetadataFinder',
  'DeveloperMetadata',
  'DeveloperMetadataLocation',
]);
const WRITE_METHOD =
  /\.(set|insert|delete|clear|append|hide|show|move|protect|addDeveloperMetadata)|^DeveloperMetadata\.remove$/;

export function costOf(emu: Emulator): Cost {
  const s = emu.stats.snapshot();
  return {
    spreadsheetCalls: s.spreadsheetDataCalls,
    writeCalls: Object.entries(s.byMethod)
      .filter(([method]) => WRITE_METHOD.test(method))
      .reduce((n, [, count]) => n + count, 0),
    cellsRead: s.cellsRead,
    cellsWritten: s.cellsWritten,
    cellsChanged: s.cellsChanged,
    cacheCalls: s.calls.Cache,
  };
}

/** Spreadsheet data calls by method, for the report (e.g. "Range.setValues": 1). */
export function dataCallsByMethod(emu: Emulator): Record<string, number> {
  return Object.fromEntries(
    Object.entries(emu.stats.snapshot().byMethod).filter(([key]) => {
      const [className, method] = key.split('.');
      return SPREADSHEET_CLASSES.has(className) && isDataCall(className, method);
    }),
  );
}

export interface Measured<T> {
  readonly result: T;
  readonly cost: Cost;
  readonly ms: number;
}

/** Resets the counters, runs the action, and reports what it cost. */
export function measure<T>(emu: Emulator, action: () => T): Measured<T> {
  emu.stats.reset();
  const started = performance.now();
  const result = action();
  const ms = performance.now() - started;
  return { result, cost: costOf(emu), ms };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function sameCost(a: Cost, b: Cost): boolean {
  return (Object.keys(a) as Array<keyof Cost>).every((key) => a[key] === b[key]);
}

export interface Repeated {
  readonly cost: Cost;
  /** Median wall time of the runs, ms. */
  readonly ms: number;
  readonly msRuns: readonly number[];
}

/**
 * Runs a measurement `runs` times (each on its own fresh workbook, built by `once`) and keeps the
 * median time. The counts must be identical in every run — they are deterministic — or it throws.
 */
export function repeated(runs: number, once: (run: number) => { cost: Cost; ms: number }): Repeated {
  const results = Array.from({ length: runs }, (_, run) => once(run));
  const cost = results[0].cost;
  const differing = results.find((r) => !sameCost(r.cost, cost));
  if (differing !== undefined)
    throw new Error(`Counts differ between runs: ${JSON.stringify(cost)} vs ${JSON.stringify(differing.cost)}`);
  const msRuns = results.map((r) => round(r.ms, 2));
  return { cost, ms: round(median(results.map((r) => r.ms)), 2), msRuns };
}

export function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
