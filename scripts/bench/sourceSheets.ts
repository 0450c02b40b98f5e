/**
 * Source-sheet identity (Uniones, the sheet the union metrics read): what preview, apply and check
 * cost on a workbook with Operaciones and Uniones, first (the apply tags the four read columns) and
 * steady (everything tagged). Constant in the row count: the Uniones header row is read with two
 * calls whatever its size, and its tags come from the one find() that reads every sheet's.
 */
import type { Emulator } from '../../emulator';
import { newExecution } from '../../emulator/harness/execution';
import { v3Workbook } from '../../emulator/harness/workbooks';
import { IDENTITY_KEY } from '../../src/core/identity';
import { runCheck } from '../../src/server/checkService';
import { applySchema, previewSchema } from '../../src/server/schemaService';
import { type Cost, measure } from './measure';
import { fmt, type Table } from './tableFormat';

export interface SourceSheetCosts {
  readonly spools: number;
  readonly unions: number;
  readonly previewFirst: Cost;
  readonly applyFirst: Cost;
  /** What the first preview predicted the apply would cost. */
  readonly predictedCalls: number;
  readonly unionTagsAfter: number;
  readonly previewSteady: Cost;
  readonly check: Cost;
}

export function measureSourceSheets(spools: number): SourceSheetCosts {
  const emu = v3Workbook({ spools, withUniones: true, withHistory: true }).emu;
  const previewFirst = measure(emu, () => previewSchema(newExecution(emu)));
  const plan = previewFirst.result;
  const applyFirst = measure(emu, () => applySchema(newExecution(emu), plan.fingerprint));
  if (applyFirst.result.status !== 'applied') throw new Error(`apply at ${spools} rows: ${applyFirst.result.status}`);
  const previewSteady = measure(emu, () => previewSchema(newExecution(emu)));
  if (previewSteady.result.status !== 'up-to-date') throw new Error('the second preview is not up to date');
  const check = measure(emu, () => runCheck(newExecution(emu), 'manual'));
  return {
    spools,
    unions: (emu.sheetInfo('Uniones')?.lastRow ?? 1) - 1,
    previewFirst: previewFirst.cost,
    applyFirst: applyFirst.cost,
    predictedCalls: plan.cost.spreadsheetCalls,
    unionTagsAfter: unionTags(emu),
    previewSteady: previewSteady.cost,
    check: check.cost,
  };
}

/** Identity tags on Uniones after the apply (backdoor: counters are not read after this). */
function unionTags(emu: Emulator): number {
  return emu.spreadsheet
    .createDeveloperMetadataFinder()
    .withKey(IDENTITY_KEY)
    .find()
    .filter((item) => item.getLocation().getColumn()?.getSheet().getName() === 'Uniones').length;
}

export function sourceSheetsTable(rows: readonly SourceSheetCosts[]): Table {
  return {
    title: 'Source-sheet identity (Operaciones + Uniones): Spreadsheet calls / cells read',
    headers: [
      'Spools',
      'Unions',
      'Preview (first)',
      'Apply (first)',
      'Predicted',
      'Preview (steady)',
      'Check',
      'Uniones tags',
    ],
    align: 'rrrrrrrr',
    rows: rows.map((r) => [
      fmt(r.spools),
      fmt(r.unions),
      `${fmt(r.previewFirst.spreadsheetCalls)} / ${fmt(r.previewFirst.cellsRead)}`,
      `${fmt(r.applyFirst.spreadsheetCalls)} / ${fmt(r.applyFirst.cellsRead)}`,
      fmt(r.predictedCalls),
      `${fmt(r.previewSteady.spreadsheetCalls)} / ${fmt(r.previewSteady.cellsRead)}`,
      `${fmt(r.check.spreadsheetCalls)} / ${fmt(r.check.cellsRead)}`,
      fmt(r.unionTagsAfter),
    ]),
    notes: [
      'Uniones adds 2 calls to preview, apply and check (getLastColumn and its header row; its tags come with the one find()), 1 call per read column the apply tags (4, once) and 1 history row.',
    ],
  };
}
