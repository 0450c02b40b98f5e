/**
 * Live union metrics (issue 14): what one typed weld date costs the installable onEdit at 1,000 /
 * 10,000 / 100,000 unions (calls should stay constant, cells should not grow), a 500-row paste (the
 * bounded fallback to a full recompute), and the full recompute's cells read against the cells it
 * needs and its cells written when 1 % of spools changed. Times are ESTIMATES from published
 * per-call figures (estimates.ts), not measurements.
 */
import type { Emulator } from '../../emulator';
import { newExecution } from '../../emulator/harness/execution';
import { liveWorkbook, METRICS_FROM, U } from '../../emulator/harness/live';
import { columnLetter } from '../../src/core/columnLetters';
import { recomputeUnionMetrics } from '../../src/server/unionMetricsService';
import { estimate, formatDuration } from './estimates';
import { type Cost, measure } from './measure';
import type { Table } from './tableFormat';

export interface LiveRun {
  readonly unions: number;
  readonly spools: number;
  /** Both triggers of one person typing a date (simple onEdit + installable onLiveEdit). */
  readonly typedDate: Cost;
  readonly typedDateEstimate: { readonly lowMs: number; readonly highMs: number; readonly label: 'ESTIMATE' };
  /** A 500-row paste over DN…ARM_FECHA_FIN: more spools than the live bound, so one full recompute. */
  readonly paste500: Cost;
  readonly fullRecompute: {
    readonly cellsNeeded: number;
    readonly cellsRead: number;
    /** 1 % of spools changed, scattered (one write per column run is predicted cheaper). */
    readonly cellsWrittenScattered: number;
    /** 1 % of spools changed in one block of rows (row runs are cheaper). */
    readonly cellsWrittenClustered: number;
    readonly allMetricCells: number;
  };
}

/** generateUniones gives 3–8 unions a spool. */
const UNIONS_PER_SPOOL = 5.5;

function spoil(emu: Emulator, rows: readonly number[]): void {
  emu.beginExecution();
  const sheet = emu.spreadsheet.getSheetByName('Operaciones');
  // A wrong but valid count: the column's validation (whole numbers ≥ 0) rejects -1 from scripts too.
  for (const row of rows) sheet?.getRange(row, METRICS_FROM).setValue(999);
  emu.endExecution();
}

function fullRecomputeCosts(emu: Emulator, spools: number, unions: number): LiveRun['fullRecompute'] {
  const changed = Math.max(1, Math.round(spools / 100));
  spoil(
    emu,
    Array.from({ length: changed }, (_, i) => 2 + Math.floor((i * spools) / changed)),
  );
  const scattered = measure(emu, () => recomputeUnionMetrics(newExecution(emu))).cost;
  spoil(
    emu,
    Array.from({ length: changed }, (_, i) => 2 + i),
  );
  const clustered = measure(emu, () => recomputeUnionMetrics(newExecution(emu))).cost;
  return {
    cellsNeeded: spools * 6 + unions * 4,
    cellsRead: clustered.cellsRead,
    cellsWrittenScattered: scattered.cellsWritten,
    cellsWrittenClustered: clustered.cellsWritten,
    allMetricCells: spools * 5,
  };
}

export function measureLive(unions: number): LiveRun {
  const spools = Math.round(unions / UNIONS_PER_SPOOL);
  const { emu, restore } = liveWorkbook(spools, 5);
  try {
    const actual = (emu.sheetInfo('Uniones')?.lastRow ?? 1) - 1;
    const row = 2 + Math.floor(actual / 2);
    const date = `${columnLetter(U.arm)}${row}`;
    emu.personEdits('Uniones', date, [['']]);
    const typedDate = measure(emu, () => emu.personEdits('Uniones', date, [['2026-03-14']])).cost;
    const at = estimate(typedDate.spreadsheetCalls);
    const block = Array.from({ length: 500 }, () => [3, '', '', '', '2026-03-15']);
    const paste = `${columnLetter(U.dn)}2:${columnLetter(U.arm)}501`;
    const paste500 = measure(emu, () => emu.personEdits('Uniones', paste, block)).cost;
    return {
      unions: actual,
      spools,
      typedDate,
      typedDateEstimate: { lowMs: at.lowMs, highMs: at.highMs, label: 'ESTIMATE' },
      paste500,
      fullRecompute: fullRecomputeCosts(emu, spools, actual),
    };
  } finally {
    restore();
  }
}

const n = (x: number) => x.toLocaleString('en-US');

export function liveTable(runs: readonly LiveRun[]): Table {
  return {
    title: 'Live union metrics (issue 14): one typed date, a 500-row paste, the cheaper full recompute',
    headers: [
      'unions',
      'typed date: calls',
      'cells read',
      'cells written',
      'ESTIMATE',
      '500-row paste: calls',
      'full: cells read / needed',
      'written at 1 % (scattered / block) of all',
    ],
    align: 'rrrrlrrr',
    rows: runs.map((r) => [
      n(r.unions),
      n(r.typedDate.spreadsheetCalls),
      n(r.typedDate.cellsRead),
      n(r.typedDate.cellsWritten),
      `${formatDuration(r.typedDateEstimate.lowMs)}–${formatDuration(r.typedDateEstimate.highMs)}`,
      n(r.paste500.spreadsheetCalls),
      `${n(r.fullRecompute.cellsRead)} / ${n(r.fullRecompute.cellsNeeded)}`,
      `${n(r.fullRecompute.cellsWrittenScattered)} / ${n(r.fullRecompute.cellsWrittenClustered)} of ${n(r.fullRecompute.allMetricCells)}`,
    ]),
    notes: [
      'Typed date: both triggers of one edit (the simple onEdit and the installable onLiveEdit), measured on the emulator.',
      'ESTIMATE = Spreadsheet calls × 7 ms … × 275 ms (published per-call figures, scripts/bench/estimates.ts); not a measurement.',
      'Cells needed by the full recompute: key + 5 metrics per spool row, key + DN + 2 dates per union (header cells not counted).',
    ],
  };
}
