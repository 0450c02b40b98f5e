/**
 * Scattered blank fills (issue 11, defect 5): a partly migrated Operaciones whose five v4.0
 * columns exist but every other data row is blank — the worst scatter, one run per two rows.
 * Each blank run used to cost one setValue; now every rectangle of one default goes out in one
 * RangeList call. Measured: the apply's calls against the dry run's prediction.
 */
import { OPERACIONES_V3_HEADERS } from '../../emulator/fixtures/workbook';
import { newExecution } from '../../emulator/harness/execution';
import { OPERACIONES, V3_COLUMNS, V4_HEADERS, v3Workbook } from '../../emulator/harness/workbooks';
import { applySchema, previewSchema } from '../../src/server/schemaService';
import type { Cost as PlanCost } from '../../src/shared/payloads';
import { type Cost, dataCallsByMethod, measure } from './measure';

export interface BlankFillRun {
  readonly spools: number;
  /** Blank runs in the five columns (rectangles the fill writes). */
  readonly blankRuns: number;
  readonly predicted: PlanCost;
  readonly measured: Cost;
  readonly ms: number;
  readonly byMethod: Record<string, number>;
}

export function measureBlankFill(spools: number): BlankFillRun {
  const emu = v3Workbook({ spools, withHistory: true, alone: true }).emu;
  const sheet = emu.spreadsheet.getSheetByName(OPERACIONES)!;
  // Backdoor writes (uncounted: the stats are reset below): headers, then values on odd rows only.
  sheet.insertColumnsAfter(V3_COLUMNS, V4_HEADERS.length);
  sheet.getRange(1, V3_COLUMNS + 1, 1, V4_HEADERS.length).setValues([[...V4_HEADERS]]);
  const rows = Array.from({ length: spools }, (_, i) => (i % 2 === 0 ? ['', '', '', '', ''] : [1, 1, 1, 0.5, 0.5]));
  sheet.getRange(2, V3_COLUMNS + 1, spools, V4_HEADERS.length).setValues(rows);
  if (sheet.getRange(1, 1).getValue() !== OPERACIONES_V3_HEADERS[0]) throw new Error('unexpected workbook');
  const plan = previewSchema(newExecution(emu));
  if (plan.status !== 'changes') throw new Error(`blank fill at ${spools} rows: plan ${plan.status}`);
  const run = measure(emu, () => applySchema(newExecution(emu), plan.fingerprint));
  const filled = sheet.getRange(2, V3_COLUMNS + 1, 1, V4_HEADERS.length).getValues()[0];
  if (filled.some((v) => v !== 0)) throw new Error(`blank fill at ${spools} rows left ${JSON.stringify(filled)}`);
  return {
    spools,
    blankRuns: Math.ceil(spools / 2),
    predicted: plan.cost,
    measured: run.cost,
    ms: Math.round(run.ms),
    byMethod: dataCallsByMethod(emu),
  };
}
