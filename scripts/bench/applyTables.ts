/** The apply-side tables: apply cost and time, dry run, blank fill, the 10M-cell ceiling. */
import { formatRange, HIGH, LOW } from './estimates';
import type { Repeated } from './measure';
import type { BenchResults, SizeResult } from './results';
import { costCells, fmt, ms, sizeLabel, type Table } from './tableFormat';

function applyRows(s: SizeResult): string[][] {
  const row = (name: string, run: Repeated, estimate: keyof SizeResult['estimates']): string[] => [
    sizeLabel(s),
    name,
    ...costCells(run.cost),
    ms(run.ms),
    formatRange(s.estimates[estimate]) +
      (s.estimates[estimate].exceedsSixMinutesAtLow
        ? ' ✗ > 6 min'
        : s.estimates[estimate].exceedsSixMinutesAtHigh
          ? ' (> 6 min at high)'
          : ''),
  ];
  return [
    row('ours: apply, history present', s.applySteady, 'applySteady'),
    row('ours: first apply (creates history sheet)', s.applyFirst, 'applyFirst'),
    row('(a) per-cell setValue loop', s.perCell, 'perCell'),
    row('(b) one full-matrix setValues', s.fullMatrix, 'fullMatrix'),
  ];
}

function predictionHolds(s: SizeResult): boolean {
  return [s.applySteady, s.applyFirst].every(
    (run) =>
      run.predicted.spreadsheetCalls === run.cost.spreadsheetCalls &&
      run.predicted.cellsRead === run.cost.cellsRead &&
      run.predicted.cellsWritten === run.cost.cellsWritten &&
      run.predicted.cellsChanged === run.cost.cellsChanged,
  );
}

export function applyTable(r: BenchResults): Table {
  return {
    title: 'Apply v4.0 (5 columns, default 0) to a fresh v3.0 Operaciones',
    headers: [
      'rows',
      'approach',
      'Spreadsheet calls',
      'cells read',
      'cells written (values sent)',
      'cells changed',
      'cache calls',
      'emulator wall time (median)',
      `Apps Script time ESTIMATE (calls × ${LOW.msPerCall}–${HIGH.msPerCall} ms)`,
    ],
    align: 'rlrrrrrrl',
    rows: r.sizes.flatMap(applyRows),
    notes: [
      'Counts are measured by the emulator. "cells written" = values sent (setValue on a range sends 1); "cells changed" = cells whose content changed — the same for every approach.',
      'Emulator wall time is this machine running the code in-process against the in-memory emulator (median of the runs); it is not Apps Script time.',
      `ESTIMATE = Spreadsheet calls × ${LOW.msPerCall} ms (${LOW.label}; ${LOW.confidence}) to × ${HIGH.msPerCall} ms (${HIGH.label}; ${HIGH.confidence}). Payload size is not modelled. ✗ = over Apps Script's 6-minute limit even at the low estimate.`,
      'The baselines do not read, lock, check, format, record history or roll back.',
      `The dry run's predicted cost (SchemaPlan.cost) equals the measured apply at every size: ${r.sizes.every((s) => predictionHolds(s)) ? 'yes' : 'NO — see results.json'}.`,
    ],
  };
}

export function previewTable(r: BenchResults): Table {
  return {
    title: 'Preview (dry run) of the same sheet',
    headers: [
      'rows',
      'calls (no history sheet)',
      'cells read',
      'calls (history present)',
      'cells read',
      'emulator wall time (median)',
    ],
    align: 'rrrrrr',
    rows: r.sizes.map((s) => [
      sizeLabel(s),
      fmt(s.previewFirst.cost.spreadsheetCalls),
      fmt(s.previewFirst.cost.cellsRead),
      fmt(s.previewSteady.cost.spreadsheetCalls),
      fmt(s.previewSteady.cost.cellsRead),
      ms(s.previewSteady.ms),
    ]),
    notes: [
      'With the history sheet present the preview also reads its last row (its entries too when it has any; the seeded one has only its header), and — because the grid must grow — the size of every sheet for the cell limit: getMaxRows + getMaxColumns per sheet, so +2 for the history sheet.',
    ],
  };
}

export function blankFillTable(r: BenchResults): Table {
  return {
    title: 'Scattered blank fills: every other data row blank in BP–BT (apply, history present)',
    headers: [
      'rows',
      'blank runs',
      'Spreadsheet calls',
      'predicted',
      'values sent',
      'cells changed',
      'RangeList.setValue',
      'ms',
    ],
    align: 'rrrrrrrr',
    rows: r.blankFill.map((b) => [
      fmt(b.spools),
      fmt(b.blankRuns),
      fmt(b.measured.spreadsheetCalls),
      fmt(b.predicted.spreadsheetCalls),
      fmt(b.measured.cellsWritten),
      fmt(b.measured.cellsChanged),
      fmt(b.byMethod['RangeList.setValue'] ?? 0),
      fmt(b.ms),
    ]),
    notes: [
      'one RangeList call per default for up to 100,000 rectangles (the platform documents no limit; see docs/platform.md); before issue 11 each run cost one setValue',
    ],
  };
}

export function ceilingTable(r: BenchResults): Table {
  const c = r.ceiling;
  if (c === null)
    return {
      title: 'The 10,000,000-cell ceiling',
      headers: ['case', 'result'],
      align: 'll',
      rows: [['all', 'not run (--quick)']],
    };
  const overflow = c.firstApplyWithoutHistory;
  return {
    title: 'The 10,000,000-cell ceiling',
    headers: ['case', 'result'],
    align: 'll',
    rows: [
      [
        `${fmt(c.spools)} rows, history sheet present`,
        `applied; workbook ${fmt(c.workbookCellsAfterApply)} cells (Operaciones ${fmt(c.spools + 1)} grid rows × 72 + _schema_history 1000 × 26)`,
      ],
      [
        `${fmt(c.oneRowMore.spools)} rows (one more)`,
        `preview ${c.oneRowMore.status} (${c.oneRowMore.codes.join(', ')}); apply refused, ${c.oneRowMore.applyCost.writeCalls} write calls, ${c.oneRowMore.applyCost.cellsChanged} cells changed`,
      ],
      [
        `${fmt(overflow.spools)} rows, no history sheet yet`,
        `preview ${overflow.planStatus}; first apply ${overflow.applyError === '' ? 'succeeded' : `refused (sheet unchanged: ${overflow.sheetUnchanged ? 'yes' : 'NO'})`}`,
      ],
    ],
    notes:
      overflow.applyError === ''
        ? []
        : [
            `The five columns alone would fit; with the 1000 × 26 _schema_history sheet the first apply creates they would not, and the plan counts it. Message: ${overflow.applyError}`,
          ],
  };
}
