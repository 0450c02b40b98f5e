/**
 * The usual approaches, for comparison, on the same emulated workbook. Neither reads the sheet,
 * takes a lock, checks anything (existing columns, protections, limits), sets number formats,
 * records history or can roll back: they do less than our apply, and still cost more.
 *
 * (a) The common hand-written script: a header `setValue` per new column, then
 *     `sheet.getRange(r, c).setValue(0)` for every data row — plus the `insertColumnsAfter` it
 *     needs on a sheet whose grid ends at column 67, or the first write past it throws.
 * (b) The one-call full-matrix write: `insertColumnsAfter`, then one
 *     `getRange(1, 68, rows + 1, 5).setValues(matrix)` of headers plus defaults.
 */
import type { Emulator } from '../../emulator';
import { OPERACIONES, V3_COLUMNS, V4_HEADERS, v3Workbook } from '../../emulator/harness/workbooks';
import { measure, type Repeated, repeated } from './measure';
import { verifyV4 } from './ours';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function operaciones(emu: Emulator): Sheet {
  const sheet = emu.globals.SpreadsheetApp.getActive().getSheetByName(OPERACIONES);
  if (sheet === null) throw new Error('no Operaciones');
  return sheet;
}

/** (a) per-cell loop. */
export function perCellScript(sheet: Sheet, spools: number): void {
  sheet.insertColumnsAfter(V3_COLUMNS, V4_HEADERS.length);
  V4_HEADERS.forEach((header, i) => {
    const column = V3_COLUMNS + 1 + i;
    sheet.getRange(1, column).setValue(header);
    for (let row = 2; row <= spools + 1; row++) sheet.getRange(row, column).setValue(0);
  });
}

/** (b) one full-matrix setValues. */
export function fullMatrixScript(sheet: Sheet, spools: number): void {
  sheet.insertColumnsAfter(V3_COLUMNS, V4_HEADERS.length);
  const matrix: unknown[][] = [[...V4_HEADERS]];
  for (let row = 0; row < spools; row++) matrix.push(V4_HEADERS.map(() => 0));
  sheet.getRange(1, V3_COLUMNS + 1, spools + 1, V4_HEADERS.length).setValues(matrix);
}

export type BaselineName = 'perCell' | 'fullMatrix';

const SCRIPTS: Record<BaselineName, (sheet: Sheet, spools: number) => void> = {
  perCell: perCellScript,
  fullMatrix: fullMatrixScript,
};

/**
 * Runs a baseline `runs` times on fresh workbooks (with the history sheet present, the same
 * workbook as our steady-state apply) in one emulated execution each.
 */
export function measureBaseline(name: BaselineName, spools: number, runs: number): Repeated {
  return repeated(runs, () => {
    const emu = v3Workbook({ spools, withHistory: true, alone: true }).emu;
    emu.beginExecution({ kind: 'menu' });
    const run = measure(emu, () => SCRIPTS[name](operaciones(emu), spools));
    emu.endExecution();
    verifyV4(emu, spools);
    return run;
  });
}
