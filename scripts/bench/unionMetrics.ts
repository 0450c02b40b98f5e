/**
 * Union metrics: the Spreadsheet calls of recomputeUnionMetrics (src/server/unionMetricsService)
 * at growing sizes, and the CPU time of the pure aggregation (src/core/unionMetrics).
 */
import type { Emulator } from '../../emulator';
import { generateOperaciones, generateUniones, UNIONES_HEADERS } from '../../emulator/fixtures/workbook';
import { newExecution } from '../../emulator/harness/execution';
import {
  OPERACIONES,
  V3_COLUMNS,
  V4_COLUMNS,
  V4_HEADERS,
  v3Workbook,
  workbookCells,
} from '../../emulator/harness/workbooks';
import { MAX_CELLS } from '../../src/core/planLimits';
import { aggregateUnions, metricsRows } from '../../src/core/unionMetrics';
import { SCHEMA } from '../../src/schema/managedSheets';
import { applySchema, previewSchema } from '../../src/server/schemaService';
import { recomputeUnionMetrics } from '../../src/server/unionMetricsService';
import { type Cost, measure, median, type Repeated, repeated, round } from './measure';

const UNIONES = SCHEMA.managedSheets[0].unionMetrics?.sheet ?? 'Uniones';

export interface MetricsRun {
  readonly spools: number;
  readonly unions: number;
  readonly unionsPerSpool: readonly [number, number];
  /** recomputeUnionMetrics with both column maps (Operaciones, Uniones) out of the cache; median time of the runs. */
  readonly cold: Repeated;
  /** The same with the column maps in CacheService (a later recompute). */
  readonly warm: Cost;
  readonly workbookCells: number;
}

/**
 * Unions per spool for a size: ~5 where it fits; at 100,000 spools, 5 unions a spool (500k rows ×
 * 16 columns = 8M cells) plus Operaciones (7.2M) exceed Google Sheets' 10M-cell limit, so fewer.
 */
export function unionsPerSpoolFor(spools: number): readonly [number, number] {
  return spools >= 100_000 ? [1, 2] : [4, 6];
}

function seedMetricsWorkbook(spools: number): { emu: Emulator; unions: number } {
  const { emu, tags } = v3Workbook({ spools, withHistory: false, alone: true });
  const uniones = generateUniones({
    tags,
    seed: 11,
    unionsPerSpool: unionsPerSpoolFor(spools),
    orphans: 3,
    badDiameters: 4,
    textDates: true,
  });
  emu.seedSheet(UNIONES, [uniones.headers, ...uniones.rows], {
    maxRows: uniones.rows.length + 1,
    maxColumns: UNIONES_HEADERS.length,
  });
  const plan = previewSchema(newExecution(emu));
  applySchema(newExecution(emu), plan.fingerprint);
  if (workbookCells(emu) > MAX_CELLS) throw new Error('metrics workbook over the cell limit');
  return { emu, unions: uniones.rows.length };
}

/** Puts the five metric columns back to the apply's zeros (counted, but before the counters are reset). */
function resetMetrics(emu: Emulator, spools: number, dropMaps: boolean): void {
  emu.spreadsheet
    .getSheetByName(OPERACIONES)!
    .getRange(2, V3_COLUMNS + 1, spools, V4_HEADERS.length)
    .setValue(0);
  if (!dropMaps) return;
  // invalidateAll drops the managed sheets' maps only; Uniones' map is dropped by name.
  const maps = newExecution(emu).columnMaps();
  maps.invalidateAll();
  maps.invalidate(UNIONES);
}

function recompute(emu: Emulator): { cost: Cost; ms: number } {
  const run = measure(emu, () => recomputeUnionMetrics(newExecution(emu)));
  if (run.result.status !== 'applied') throw new Error(`union metrics: ${run.result.status}`);
  return run;
}

export function measureUnionMetrics(spools: number, runs: number): MetricsRun {
  const { emu, unions } = seedMetricsWorkbook(spools);
  const cold = repeated(runs, () => {
    resetMetrics(emu, spools, true);
    return recompute(emu);
  });
  resetMetrics(emu, spools, false);
  const warm = recompute(emu).cost;
  const written = emu.spreadsheet.getSheetByName(OPERACIONES)!.getRange(1, 1, 1, V4_COLUMNS).getValues()[0];
  if (written[V4_COLUMNS - 1] !== V4_HEADERS[V4_HEADERS.length - 1]) throw new Error('metrics sheet lost its headers');
  return { spools, unions, unionsPerSpool: unionsPerSpoolFor(spools), cold, warm, workbookCells: workbookCells(emu) };
}

export interface AggregationCpu {
  readonly unions: number;
  readonly spools: number;
  /** Median of `runs` timed runs (after 2 warm-up runs), ms. */
  readonly ms: number;
  readonly msRuns: readonly number[];
}

/** aggregateUnions + metricsRows on 100,000 unions over 20,000 spools (5 each), pure CPU. */
export function measureAggregation(runs: number): AggregationCpu {
  const spools = generateOperaciones({ spools: 20_000, seed: 7 });
  const uniones = generateUniones({ tags: spools.tags, seed: 11, unionsPerSpool: [5, 5], textDates: true });
  const column = (name: string) => uniones.rows.map((row) => row[UNIONES_HEADERS.indexOf(name)]);
  const input = {
    keys: column('TAG_SPOOL'),
    armDone: column('ARM_FECHA_FIN'),
    soldDone: column('SOL_FECHA_FIN'),
    diameters: column('DN_UNION'),
    firstDataRow: 2,
  };
  const keys = spools.rows.map((row) => row[0]);
  const once = (): number => {
    const started = performance.now();
    const rows = metricsRows(keys, aggregateUnions(input, keys));
    const ms = performance.now() - started;
    if (rows.length !== keys.length) throw new Error('metricsRows length');
    return ms;
  };
  once();
  once();
  const msRuns = Array.from({ length: runs }, once);
  return {
    unions: input.keys.length,
    spools: keys.length,
    ms: round(median(msRuns), 2),
    msRuns: msRuns.map((ms) => round(ms, 2)),
  };
}
