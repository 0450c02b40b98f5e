/** The benchmark's tables, as padded text for stdout and as Markdown for docs/benchmark.md. */
import { formatDuration, formatRange, HIGH, LOW } from './estimates';
import type { Cost, Repeated } from './measure';
import type { BenchResults, SizeResult } from './results';

export interface Table {
  readonly title: string;
  readonly headers: readonly string[];
  /** 'l' or 'r' per column. */
  readonly align: string;
  readonly rows: ReadonlyArray<readonly string[]>;
  readonly notes?: readonly string[];
}

const fmt = (n: number): string => n.toLocaleString('en-US');
const ms = (n: number): string => `${n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : Math.round(n).toString()} ms`;

export function sizeLabel(s: Pick<SizeResult, 'spools' | 'ceiling'>): string {
  return s.ceiling ? `${fmt(s.spools)} (10M ceiling)` : fmt(s.spools);
}

function costCells(cost: Cost): string[] {
  return [
    fmt(cost.spreadsheetCalls),
    fmt(cost.cellsRead),
    fmt(cost.cellsWritten),
    fmt(cost.cellsChanged),
    fmt(cost.cacheCalls),
  ];
}

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

function applyTable(r: BenchResults): Table {
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

function previewTable(r: BenchResults): Table {
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

function columnMapTable(r: BenchResults): Table {
  const m = r.sizes[0].columnMap;
  const same = r.sizes.every((s) => JSON.stringify(s.columnMap) === JSON.stringify(m));
  const row = (name: string, c: Cost): string[] => [name, fmt(c.spreadsheetCalls), fmt(c.cellsRead), fmt(c.cacheCalls)];
  return {
    title: 'Column map (header → column) lookups',
    headers: ['lookup', 'Spreadsheet calls', 'cells read', 'cache calls'],
    align: 'lrrr',
    rows: [
      row('miss (cold cache): one header-row read, then put', m.miss),
      row('hit (new execution, map in CacheService)', m.hit),
      row('10 repeat lookups in the same execution (total)', m.repeat),
    ],
    notes: [
      same ? `Identical at ${r.sizes.map(sizeLabel).join(', ')} rows.` : 'Differs between sizes: see results.json.',
    ],
  };
}

function blankFillTable(r: BenchResults): Table {
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

function checkTable(r: BenchResults): Table {
  const first = r.sizes[0].check;
  if (!first.measured) {
    return {
      title: 'Scheduled (hourly) check, nothing changed',
      headers: ['rows', 'result'],
      align: 'rl',
      rows: [['all', `NOT YET MEASURED — ${first.reason}`]],
    };
  }
  return {
    title: 'Scheduled (hourly) check, nothing changed since the previous check',
    headers: [
      'rows',
      'Spreadsheet calls per run',
      'of which openById',
      'per managed sheet',
      'cells read',
      'cache calls',
      'status',
    ],
    align: 'rrrrrrl',
    rows: r.sizes.map((s) =>
      s.check.measured
        ? [
            sizeLabel(s),
            fmt(s.check.cost.spreadsheetCalls),
            fmt(s.check.openCalls),
            fmt(s.check.callsPerSheet),
            fmt(s.check.cost.cellsRead),
            fmt(s.check.cost.cacheCalls),
            s.check.status,
          ]
        : [sizeLabel(s), `not measured: ${s.check.reason}`, '', '', '', '', ''],
    ),
    notes: [`Path: ${first.path}. ${first.managedSheets} managed sheet (Operaciones).`],
  };
}

function metricsTable(r: BenchResults): Table {
  const { sizes, aggregation } = r.unionMetrics;
  return {
    title: 'Union metrics: recomputeUnionMetrics (reads Operaciones + Uniones, writes the five columns)',
    headers: [
      'spools',
      'unions',
      'calls (cold column maps)',
      'cells read',
      'cells written',
      'calls (maps cached)',
      'cache calls (cold / cached)',
      'emulator wall time (median, cold)',
    ],
    align: 'rrrrrrrr',
    rows: sizes.map((s) => [
      fmt(s.spools),
      fmt(s.unions),
      fmt(s.cold.cost.spreadsheetCalls),
      fmt(s.cold.cost.cellsRead),
      fmt(s.cold.cost.cellsWritten),
      fmt(s.warm.spreadsheetCalls),
      `${s.cold.cost.cacheCalls} / ${s.warm.cacheCalls}`,
      ms(s.cold.ms),
    ]),
    notes: [
      `Unions per spool: ${sizes.map((s) => `${s.unionsPerSpool[0]}–${s.unionsPerSpool[1]} at ${fmt(s.spools)}`).join(', ')}. At 100,000 spools, ~5 unions a spool (500k × 16 columns = 8M cells) plus Operaciones (7.2M) would exceed the 10M-cell limit, so that size uses 1–2.`,
      `CPU of aggregateUnions + metricsRows, ${fmt(aggregation.unions)} unions × ${fmt(aggregation.spools)} spools: ${ms(aggregation.ms)} median of ${aggregation.msRuns.length} runs (after 2 warm-ups), Node ${process.versions.node} on this machine.`,
    ],
  };
}

function ceilingTable(r: BenchResults): Table {
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

function targetsTable(r: BenchResults): Table {
  const mark = { pass: 'PASS', fail: 'FAIL', 'not measured': 'NOT MEASURED' } as const;
  return {
    title: 'Targets',
    headers: ['', 'target', 'measured'],
    align: 'lll',
    rows: r.targets.map((t) => [
      mark[t.status],
      t.target,
      t.note === undefined ? t.measured : `${t.measured} — ${t.note}`,
    ]),
  };
}

export function tables(r: BenchResults): Table[] {
  return [
    applyTable(r),
    previewTable(r),
    columnMapTable(r),
    checkTable(r),
    metricsTable(r),
    blankFillTable(r),
    ceilingTable(r),
    targetsTable(r),
  ];
}

export function textTable(t: Table): string {
  const widths = t.headers.map((h, i) => Math.max(h.length, ...t.rows.map((row) => row[i].length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (t.align[i] === 'r' ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  const out = [
    `\n${t.title}`,
    line(t.headers),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...t.rows.map(line),
    ...(t.notes ?? []).map((n) => `  · ${n}`),
  ];
  return out.join('\n');
}

export function markdownTable(t: Table): string {
  const escapeCell = (c: string) => c.replace(/\|/g, '\\|');
  const sep = t.headers.map((_, i) => (t.align[i] === 'r' ? '---:' : '---'));
  return [
    `#### ${t.title}`,
    '',
    `| ${t.headers.map(escapeCell).join(' | ')} |`,
    `| ${sep.join(' | ')} |`,
    ...t.rows.map((row) => `| ${row.map(escapeCell).join(' | ')} |`),
    ...(t.notes === undefined || t.notes.length === 0 ? [] : ['', ...t.notes.map((n) => `- ${n}`)]),
  ].join('\n');
}

export function bundleLine(r: BenchResults): string {
  const b = r.bundle;
  if (!b.ran) return `Bundle cross-check skipped: ${b.reason}.`;
  return `Bundle cross-check: dist/Code.js run through google.script.run semantics at ${fmt(b.spools)} rows — preview ${b.preview.spreadsheetCalls} and apply ${b.apply.spreadsheetCalls} Spreadsheet calls, ${b.matchesInProcess ? 'the same counts as in-process' : 'COUNTS DIFFER from in-process (is dist/ stale? npm run build)'}.`;
}

export function headline(r: BenchResults): string {
  const big = r.sizes[r.sizes.length - 1];
  return `At ${fmt(big.spools)} rows: ours ${big.applySteady.cost.spreadsheetCalls} Spreadsheet calls / ${fmt(big.applySteady.cost.cellsWritten)} values sent (${formatDuration(big.applySteady.ms)} on the emulator); (a) ${fmt(big.perCell.cost.spreadsheetCalls)} calls; (b) ${big.fullMatrix.cost.spreadsheetCalls} calls / ${fmt(big.fullMatrix.cost.cellsWritten)} values sent.`;
}
