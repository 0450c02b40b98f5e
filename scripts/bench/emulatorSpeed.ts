/**
 * The emulator's own speed on a 100,000-row × 72-column sheet: every test and benchmark runs on
 * it, so it must stay workable. Timed here, not in jest (a loaded 2-core machine once took
 * 1,567 ms for a 1,000 ms budget and failed a unit test). The budgets are generous upper bounds.
 */
import { createEmulator } from '../../emulator';
import type { TargetResult } from './results';

export interface EmulatorSpeed {
  readonly rows: number;
  readonly columns: number;
  /** Milliseconds per operation (median of the runs). */
  readonly ms: Readonly<Record<EmulatorOperation, number>>;
}

export type EmulatorOperation = 'emptyGrid' | 'getValues' | 'setValue' | 'lastRowColumn' | 'insertColumns';

/** Upper bounds in ms, as the perf unit test had them. */
export const EMULATOR_BUDGET_MS: Readonly<Record<EmulatorOperation, number>> = {
  emptyGrid: 50,
  getValues: 1000,
  setValue: 500,
  lastRowColumn: 300,
  insertColumns: 1000,
};

const ROWS = 100_000;
const COLUMNS = 72;

function time(fn: () => void): number {
  const started = performance.now();
  fn();
  return Math.round(performance.now() - started);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function bigRows(): unknown[][] {
  return Array.from({ length: ROWS }, (_, i) => [
    i,
    ...Array.from({ length: COLUMNS - 1 }, (_, j) => `r${i}c${j + 1}`),
  ]);
}

function runOnce(rows: readonly unknown[][]): Record<EmulatorOperation, number> {
  const emu = createEmulator();
  const sheet = emu.seedSheet('Big', rows as unknown[][]);
  return {
    emptyGrid: time(() => emu.seedSheet('Empty', [], { maxRows: ROWS, maxColumns: 25 })),
    getValues: time(() => sheet.getRange(1, 1, ROWS, 67).getValues()),
    setValue: time(() => sheet.getRange(1, 3, ROWS, 5).setValue('x')),
    lastRowColumn: time(() => [sheet.getLastRow(), sheet.getLastColumn()]),
    insertColumns: time(() => sheet.insertColumnsAfter(10, 2)),
  };
}

export function measureEmulatorSpeed(runs: number): EmulatorSpeed {
  const rows = bigRows();
  const samples = Array.from({ length: runs }, () => runOnce(rows));
  const operations = Object.keys(EMULATOR_BUDGET_MS) as EmulatorOperation[];
  const ms = Object.fromEntries(operations.map((op) => [op, median(samples.map((s) => s[op]))]));
  return { rows: ROWS, columns: COLUMNS, ms: ms as Record<EmulatorOperation, number> };
}

export function emulatorSpeedTarget(speed: EmulatorSpeed | undefined): TargetResult {
  const target = `Emulator on a ${ROWS.toLocaleString('en-US')} × ${COLUMNS} sheet: ${Object.entries(EMULATOR_BUDGET_MS)
    .map(([op, budget]) => `${op} < ${budget} ms`)
    .join(', ')}`;
  if (speed === undefined) return { id: 'emulator-speed', target, measured: 'not run', status: 'not measured' };
  const entries = Object.entries(speed.ms) as Array<[EmulatorOperation, number]>;
  return {
    id: 'emulator-speed',
    target,
    measured: entries.map(([op, ms]) => `${op} ${ms} ms`).join(', '),
    status: entries.every(([op, ms]) => ms < EMULATOR_BUDGET_MS[op]) ? 'pass' : 'fail',
  };
}
