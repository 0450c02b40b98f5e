/**
 * Our code, in-process: src/server/schemaService (previewSchema, applySchema) and the column map
 * cache, each call in its own emulated Apps Script execution (newExecution), as the sidebar and
 * menu run them.
 */
import type { Emulator } from '../../emulator';
import { newExecution } from '../../emulator/harness/execution';
import {
  OPERACIONES,
  V3_COLUMNS,
  V4_COLUMNS,
  V4_HEADERS,
  v3Workbook,
  workbookCells,
} from '../../emulator/harness/workbooks';
import { applySchema, previewSchema } from '../../src/server/schemaService';
import type { SchemaPlan } from '../../src/shared/payloads';
import { type Cost, dataCallsByMethod, type Measured, measure, type Repeated, repeated } from './measure';

export interface ApplyRun extends Repeated {
  /** What the dry run predicted the apply would cost (its `cost`). */
  readonly predicted: SchemaPlan['cost'];
  /** Workbook cells after the apply (all sheets). */
  readonly workbookCellsAfter: number;
  /** Spreadsheet data calls by method, from the last run. */
  readonly byMethod: Record<string, number>;
}

function preview(emu: Emulator): SchemaPlan {
  return previewSchema(newExecution(emu));
}

export interface ApplyAndPreview {
  readonly apply: ApplyRun;
  /** The dry run each apply was confirmed from, on the same fresh workbook (it writes nothing). */
  readonly preview: Repeated & { readonly status: string };
}

/**
 * Previews and applies the v4.0 migration on a fresh v3.0 sheet, `runs` times, each on a newly
 * seeded workbook; `afterLast` gets the last, applied workbook (for measurements on a v4.0 sheet).
 */
export function measureApply(
  spools: number,
  history: boolean,
  runs: number,
  afterLast?: (emu: Emulator) => void,
): ApplyAndPreview {
  const previews: Array<Measured<SchemaPlan>> = [];
  const last: { emu?: Emulator; byMethod?: Record<string, number>; cells?: number } = {};
  const applied = repeated(runs, () => {
    const emu = v3Workbook({ spools, withHistory: history, alone: true }).emu;
    const dryRun = measure(emu, () => preview(emu));
    if (dryRun.result.status !== 'changes')
      throw new Error(`expected changes at ${spools} rows, got ${dryRun.result.status}`);
    if (dryRun.cost.writeCalls !== 0 || dryRun.cost.cellsChanged !== 0) throw new Error('the preview wrote');
    previews.push(dryRun);
    const run = measure(emu, () => applySchema(newExecution(emu), dryRun.result.fingerprint));
    if (run.result.status !== 'applied') throw new Error(`apply at ${spools} rows: ${run.result.status}`);
    last.byMethod = dataCallsByMethod(emu);
    verifyV4(emu, spools);
    last.cells = workbookCells(emu);
    last.emu = emu;
    return run;
  });
  if (last.emu !== undefined) afterLast?.(last.emu);
  const dryRuns = repeated(previews.length, (i) => previews[i]);
  return {
    apply: {
      ...applied,
      predicted: previews[0].result.cost,
      workbookCellsAfter: last.cells ?? 0,
      byMethod: last.byMethod ?? {},
    },
    preview: { ...dryRuns, status: previews[0].result.status },
  };
}

/** The apply did its job: the five headers in BP1:BT1 and the default in the last data row (backdoor read). */
export function verifyV4(emu: Emulator, spools: number): void {
  const sheet = emu.spreadsheet.getSheetByName(OPERACIONES)!;
  const headers = sheet.getRange(1, V3_COLUMNS + 1, 1, V4_HEADERS.length).getValues()[0];
  const last = sheet.getRange(spools + 1, V3_COLUMNS + 1, 1, V4_HEADERS.length).getValues()[0];
  if (
    headers.join('|') !== V4_HEADERS.join('|') ||
    last.some((v) => v !== 0) ||
    emu.sheetInfo(OPERACIONES)!.maxColumns !== V4_COLUMNS
  ) {
    throw new Error(`v4.0 columns not written as expected at ${spools} rows: ${JSON.stringify({ headers, last })}`);
  }
}

export interface ColumnMapCosts {
  /** Cold cache: header row read and stored. */
  readonly miss: Cost;
  /** New execution, CacheService holds the map. */
  readonly hit: Cost;
  /** Same execution as the hit, looked up again (10 times; the cost is the total). */
  readonly repeat: Cost;
  /** Of the miss's Spreadsheet calls, those that return cells (the header-row read). */
  readonly missCellReads: number;
}

/** The column map on the given sheet: miss, hit, repeats. Clears the cache first. */
export function measureColumnMap(emu: Emulator): ColumnMapCosts {
  newExecution(emu).columnMaps().invalidateAll();
  const sheet = () => emu.spreadsheet.getSheetByName(OPERACIONES)!;
  const cold = newExecution(emu);
  const miss = measure(emu, () => cold.columnMaps().getOrBuild(sheet()));
  const missCellReads = emu.stats.snapshot().byMethod['Range.getValues'] ?? 0;
  const warm = newExecution(emu);
  const hit = measure(emu, () => warm.columnMaps().getOrBuild(sheet()));
  const repeat = measure(emu, () => {
    for (let i = 0; i < 10; i++) warm.columnMaps().getOrBuild(sheet());
  });
  if (miss.result.columns.TAG_SPOOL !== 1 || hit.result.columns.TAG_SPOOL !== 1)
    throw new Error('column map lookup wrong');
  return { miss: miss.cost, hit: hit.cost, repeat: repeat.cost, missCellReads };
}

export interface RefusedAtCeiling {
  readonly spools: number;
  readonly status: string;
  readonly codes: readonly string[];
  readonly message: string;
  /** The apply of that plan (it re-plans under the lock and refuses). */
  readonly applyError: string;
  readonly applyCost: Cost;
}

/** One row past the ceiling: the plan is blocked with CELL_LIMIT and the apply writes nothing. */
export function measureRefused(spools: number): RefusedAtCeiling {
  const emu = v3Workbook({ spools, withHistory: true, alone: true }).emu;
  const { plan, applyError, cost } = previewThenApply(emu);
  const findings = plan.sheets.flatMap((s) => s.errors);
  return {
    spools,
    status: plan.status,
    codes: findings.map((f) => f.code),
    message: findings[0]?.message ?? '',
    applyError,
    applyCost: cost,
  };
}

/** The preview, then an apply of exactly that plan, measured; an apply that throws is reported, not fatal. */
function previewThenApply(emu: Emulator): { plan: SchemaPlan; applyError: string; cost: Cost } {
  const plan = preview(emu);
  let applyError = '';
  const apply = measure(emu, () => {
    try {
      applySchema(newExecution(emu), plan.fingerprint);
    } catch (error) {
      applyError = error instanceof Error ? error.message : String(error);
    }
  });
  return { plan, applyError, cost: apply.cost };
}

export interface FirstApplyOverflow {
  readonly spools: number;
  readonly planStatus: string;
  readonly applyError: string;
  readonly cost: Cost;
  readonly sheetUnchanged: boolean;
}

/**
 * The largest sheet whose five new columns fit (72 × rows ≤ 10,000,000) but not together with the
 * `_schema_history` sheet (1000 × 26 cells) the first apply creates: the planner counts that sheet
 * too, so the preview is blocked and the apply refused with zero writes. (An earlier build missed
 * it: the first apply failed on insertSheet and was rolled back.)
 */
export function measureFirstApplyOverflow(spools: number): FirstApplyOverflow {
  const emu = v3Workbook({ spools, withHistory: false, alone: true }).emu;
  const { plan, applyError, cost } = previewThenApply(emu);
  const info = emu.sheetInfo(OPERACIONES)!;
  return {
    spools,
    planStatus: plan.status,
    applyError,
    cost,
    sheetUnchanged: info.maxColumns === V3_COLUMNS && info.lastColumn === V3_COLUMNS,
  };
}
