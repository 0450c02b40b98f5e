/**
 * `npm run bench`: Spreadsheet calls, cells and time of the real code (in-process, on the shared
 * emulator) at 1k / 10k / 100k rows and at the 10-million-cell ceiling, side by side with the
 * usual approaches. Prints the tables, writes docs/benchmark/results.json and chart.svg, refreshes
 * the generated part of docs/benchmark.md, and exits 1 if a target fails.
 *
 *   npm run bench                 full run (about a minute on 2 cores)
 *   npm run bench -- --quick      1k and 10k rows, one run each, nothing written (a smoke test)
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, platform, release, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Emulator } from '../emulator';
import { spoolRows, V4_COLUMNS } from '../emulator/harness/workbooks';
import { MAX_CELLS } from '../src/core/planLimits';
import { measureBaseline } from './bench/baselines';
import { measureBlankFill } from './bench/blankFill';
import { type BundleCheck, crossCheckBundle } from './bench/bundle';
import { measureCheck } from './bench/check';
import { measureEmulatorSpeed } from './bench/emulatorSpeed';
import { estimate, HIGH, LOW } from './bench/estimates';
import { benchmarkChart } from './bench/figure';
import { liveTable, measureLive } from './bench/liveMetrics';
import {
  type ColumnMapCosts,
  measureApply,
  measureColumnMap,
  measureFirstApplyOverflow,
  measureRefused,
} from './bench/ours';
import { bundleLine, headline, markdownTable, tables, textTable } from './bench/report';
import type { BenchResults, SizeResult } from './bench/results';
import { measureSourceSheets, sourceSheetsTable } from './bench/sourceSheets';
import { evaluateTargets } from './bench/targets';
import { measureAggregation, measureUnionMetrics } from './bench/unionMetrics';
import { ceilingRows } from './bench/workbook';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const QUICK = process.argv.includes('--quick');
const RUNS = QUICK
  ? { apply: 1, applyFirst: 1, baselines: 1, unionMetrics: 1, aggregation: 3, emulator: 1 }
  : { apply: 5, applyFirst: 3, baselines: 3, unionMetrics: 3, aggregation: 9, emulator: 3 };
const SIZES = QUICK ? [1_000, 10_000] : [1_000, 10_000, 100_000, ceilingRows()];
const METRIC_SIZES = QUICK ? [1_000, 10_000] : [1_000, 10_000, 100_000];
/** Operaciones and its Uniones together: at 100,000 spools Uniones alone (~555,000 rows) passes 10,000,000 cells. */
const SOURCE_SIZES = [1_000, 10_000];

function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

async function measureSize(spools: number): Promise<SizeResult> {
  progress(`${spools.toLocaleString('en-US')} rows`);
  // Measured on the last applied (v4.0, up-to-date) workbook of the steady-state runs.
  const onApplied: { columnMap?: ColumnMapCosts; emu?: Emulator } = {};
  const steady = measureApply(spools, true, RUNS.apply, (emu) => {
    onApplied.columnMap = measureColumnMap(emu);
    onApplied.emu = emu;
  });
  if (onApplied.columnMap === undefined || onApplied.emu === undefined) throw new Error('no applied workbook');
  const check = await measureCheck(onApplied.emu);
  const columnMap = onApplied.columnMap;
  delete onApplied.emu;
  const first = measureApply(spools, false, RUNS.applyFirst);
  const perCell = measureBaseline('perCell', spools, RUNS.baselines);
  const fullMatrix = measureBaseline('fullMatrix', spools, RUNS.baselines);
  return {
    spools,
    ceiling: spools === ceilingRows(),
    previewFirst: first.preview,
    previewSteady: steady.preview,
    applyFirst: first.apply,
    applySteady: steady.apply,
    perCell,
    fullMatrix,
    columnMap,
    check,
    estimates: {
      applyFirst: estimate(first.apply.cost.spreadsheetCalls),
      applySteady: estimate(steady.apply.cost.spreadsheetCalls),
      perCell: estimate(perCell.cost.spreadsheetCalls),
      fullMatrix: estimate(fullMatrix.cost.spreadsheetCalls),
    },
  };
}

function machine(): BenchResults['machine'] {
  const cores = cpus();
  return {
    cpu: cores[0]?.model.trim() ?? 'unknown',
    cores: cores.length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    os: `${platform()} ${release()}`,
    node: process.version,
  };
}

function method(): BenchResults['method'] {
  return {
    runner:
      'In-process: src/server/schemaService, unionMetricsService, checkService and the column map cache called directly, each call in its own emulated Apps Script execution (emulator/harness/execution.ts newExecution), on the shared in-memory emulator (emulator/). A cross-check runs the built bundle (dist/Code.js) through google.script.run semantics at 10,000 rows and compares the counts.',
    runs: RUNS,
    counters:
      'emu.stats: spreadsheetDataCalls (every Spreadsheet-service call except pure navigation), cellsRead, cellsWritten (values sent), cellsChanged, calls.Cache. Reset right before the measured call.',
    time: 'performance.now() around the measured call only (seeding and the preview before an apply are outside it); the median of the runs, each apply on a newly seeded workbook.',
  };
}

const BEGIN = '<!-- bench:results:begin -->';
const END = '<!-- bench:results:end -->';

/** Replaces the generated part of docs/benchmark.md (between the markers); the prose around it is hand-written. */
function updateDoc(results: BenchResults): void {
  const path = join(ROOT, 'docs', 'benchmark.md');
  if (!existsSync(path)) {
    progress('docs/benchmark.md not found: tables not written there');
    return;
  }
  const doc = readFileSync(path, 'utf8');
  const begin = doc.indexOf(BEGIN);
  const end = doc.indexOf(END);
  if (begin < 0 || end < begin) {
    progress('docs/benchmark.md has no bench:results markers: tables not written there');
    return;
  }
  const generated = [
    `_Generated by \`npm run bench\` on ${results.generatedAt.slice(0, 16).replace('T', ' ')} UTC — ${results.machine.cpu}, ${results.machine.cores} cores, ${results.machine.memoryGb} GB, Node ${results.machine.node}; ${results.totalSeconds} s in total._`,
    '',
    ...tables(results).flatMap((t) => [markdownTable(t), '']),
    ...(results.sourceSheets === undefined ? [] : [markdownTable(sourceSheetsTable(results.sourceSheets)), '']),
    bundleLine(results),
    '',
  ].join('\n');
  writeFileSync(path, `${doc.slice(0, begin + BEGIN.length)}\n${generated}${doc.slice(end)}`);
}

/** One row past the ceiling, and the first-apply finding (the largest sheet the planner accepts without a history sheet). */
function measureCeiling(sizes: readonly SizeResult[]): BenchResults['ceiling'] {
  progress('ceiling checks');
  const spools = ceilingRows();
  const atCeiling = sizes.find((s) => s.spools === spools);
  if (atCeiling === undefined) throw new Error('no run at the ceiling');
  const overflowRows = Math.floor(MAX_CELLS / V4_COLUMNS) - 1;
  return {
    spools,
    workbookCellsAfterApply: atCeiling.applySteady.workbookCellsAfter,
    oneRowMore: measureRefused(spools + 1),
    firstApplyWithoutHistory: measureFirstApplyOverflow(overflowRows),
  };
}

async function collect(started: number): Promise<BenchResults> {
  const largest = QUICK ? SIZES[SIZES.length - 1] : Math.floor(MAX_CELLS / V4_COLUMNS);
  progress(`generating ${largest.toLocaleString('en-US')} Operaciones rows`);
  spoolRows(largest); // generated once here, sliced by every workbook after
  const sizes: SizeResult[] = [];
  for (const spools of SIZES) sizes.push(await measureSize(spools));
  const ceilingResult = QUICK ? null : measureCeiling(sizes);
  progress('union metrics');
  const unionSizes = METRIC_SIZES.map((spools) => measureUnionMetrics(spools, RUNS.unionMetrics));
  const aggregation = measureAggregation(RUNS.aggregation);
  progress('emulator speed');
  const emulator = measureEmulatorSpeed(RUNS.emulator);
  progress('live metrics');
  const liveMetrics = METRIC_SIZES.map((unions) => measureLive(unions));
  progress('scattered blank fills');
  const blankFill = METRIC_SIZES.map((spools) => measureBlankFill(spools));
  progress('source sheets (Uniones identity)');
  const sourceSheets = SOURCE_SIZES.map((spools) => measureSourceSheets(spools));
  progress('bundle cross-check');
  const at10k = sizes.find((s) => s.spools === 10_000);
  const bundle: BundleCheck =
    at10k === undefined
      ? { ran: false, reason: 'no 10,000-row run' }
      : crossCheckBundle(ROOT, 10_000, { preview: at10k.previewSteady.cost, apply: at10k.applySteady.cost });
  const partial = {
    generatedAt: new Date().toISOString(),
    command: QUICK ? 'npm run bench -- --quick' : 'npm run bench',
    machine: machine(),
    method: method(),
    estimates: {
      low: LOW,
      high: HIGH,
      formula: `ESTIMATE = Spreadsheet calls × ${LOW.msPerCall} ms (low) … × ${HIGH.msPerCall} ms (high)`,
      notModelled: 'payload size (a 700k-value setValues is not free), spreadsheet recalculation, quota throttling',
    },
    sizes,
    ceiling: ceilingResult,
    unionMetrics: { sizes: unionSizes, aggregation },
    liveMetrics,
    blankFill,
    sourceSheets,
    bundle,
    emulator,
  };
  return {
    ...partial,
    targets: evaluateTargets(partial),
    totalSeconds: Math.round((performance.now() - started) / 1000),
  };
}

async function main(): Promise<void> {
  const started = performance.now();
  const results = await collect(started);
  for (const t of tables(results)) console.log(textTable(t));
  console.log(textTable(liveTable(results.liveMetrics)));
  if (results.sourceSheets !== undefined) console.log(textTable(sourceSheetsTable(results.sourceSheets)));
  console.log(`\n${bundleLine(results)}`);
  console.log(`\n${headline(results)}\nTotal ${results.totalSeconds} s.`);
  if (!QUICK) {
    mkdirSync(join(ROOT, 'docs', 'benchmark'), { recursive: true });
    writeFileSync(join(ROOT, 'docs', 'benchmark', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    writeFileSync(join(ROOT, 'docs', 'benchmark', 'chart.svg'), benchmarkChart(results));
    updateDoc(results);
    console.log('Wrote docs/benchmark/results.json, docs/benchmark/chart.svg and the tables in docs/benchmark.md.');
  }
  const failed = results.targets.filter((t) => t.status === 'fail');
  if (failed.length > 0) {
    console.error(`\n${failed.length} target(s) FAILED: ${failed.map((t) => t.id).join(', ')}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
