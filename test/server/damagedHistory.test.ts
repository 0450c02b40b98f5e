/**
 * Defect 4 (issue 11): a person narrows `_schema_history` (columns F:Z deleted), overwrites or
 * empties it. Preview, apply and the check keep working, the preview names the damage, and the
 * next apply puts the header back before its row — at the cost the preview predicted.
 */
import type { Emulator } from '../../emulator';
import { HISTORY_HEADERS, HISTORY_SHEET } from '../../src/adapters/history';
import { SUCCESS_OUTCOME } from '../../src/core/unfinishedApply';
import { applySchema, previewSchema } from '../../src/server/schemaService';
import { newExecution, v3Workbook } from '../support/emulated';

const OLD_ENTRY = [
  '2026-11-20T08:00:00.000Z',
  '3.0-base',
  'Operaciones',
  'earlier',
  'A:BO',
  10,
  'someone@example.com',
  12,
  SUCCESS_OUTCOME,
];

function withHistory(damage: (sheet: GoogleAppsScript.Spreadsheet.Sheet) => void): Emulator {
  const { emu } = v3Workbook({ spools: 20 });
  emu.seedSheet(HISTORY_SHEET, [[...HISTORY_HEADERS], OLD_ENTRY], { hidden: true, numberFormats: { 'A:I': '@' } });
  damage(emu.spreadsheet.getSheetByName(HISTORY_SHEET)!);
  emu.stats.reset();
  return emu;
}

function previewThenApply(emu: Emulator) {
  const plan = previewSchema(newExecution(emu));
  emu.stats.reset();
  const result = applySchema(newExecution(emu), plan.fingerprint);
  return { plan, result, stats: emu.stats.snapshot() };
}

const damages: Array<[string, (sheet: GoogleAppsScript.Spreadsheet.Sheet) => void, RegExp]> = [
  ['columns F:Z deleted', (sheet) => sheet.deleteColumns(6, 21), /it has 5 of its 9 columns/],
  ['emptied', (sheet) => sheet.clearContents(), /its header row is empty/],
  ['header row overwritten with an entry', (sheet) => sheet.getRange(1, 1, 1, 9).setValues([OLD_ENTRY]), /row 1/],
];

describe.each(damages)('_schema_history %s', (_name, damage, problem) => {
  it('the preview works and names the damage', () => {
    const emu = withHistory(damage);
    const plan = previewSchema(newExecution(emu));
    expect(plan.status).toBe('changes');
    const found = plan.sheets.flatMap((s) => s.warnings).find((w) => w.code === 'HISTORY_DAMAGED');
    expect(found?.message).toContain(`"${HISTORY_SHEET}" is damaged`);
    expect(found?.message).toMatch(problem);
    expect(found?.location).toBe(`${HISTORY_SHEET}!A1`);
  });

  it('the apply writes the header back before its row, at the predicted cost', () => {
    const emu = withHistory(damage);
    const { plan, result, stats } = previewThenApply(emu);
    expect(result.status).toBe('applied');
    const rows = emu.readSheet(HISTORY_SHEET);
    expect(rows[0]).toEqual([...HISTORY_HEADERS]);
    expect(rows[rows.length - 1][1]).toBe('4.0-union-metrics');
    expect(rows[rows.length - 1][8]).toBe(SUCCESS_OUTCOME);
    expect(emu.sheetInfo(HISTORY_SHEET)?.maxColumns).toBeGreaterThanOrEqual(9);
    expect({
      calls: stats.spreadsheetDataCalls,
      cellsRead: stats.cellsRead,
      cellsWritten: stats.cellsWritten,
      cellsChanged: stats.cellsChanged,
    }).toEqual({
      calls: plan.cost.spreadsheetCalls,
      cellsRead: plan.cost.cellsRead,
      cellsWritten: plan.cost.cellsWritten,
      cellsChanged: plan.cost.cellsChanged,
    });
    const again = previewSchema(newExecution(emu));
    expect(again.status).toBe('up-to-date');
    expect(again.sheets.flatMap((s) => s.warnings).map((w) => w.code)).not.toContain('HISTORY_DAMAGED');
  });
});

it('no entry is lost when row 1 held one: a row is inserted for the header', () => {
  const emu = withHistory((sheet) => sheet.getRange(1, 1, 1, 9).setValues([OLD_ENTRY]));
  previewThenApply(emu);
  const rows = emu.readSheet(HISTORY_SHEET);
  expect(rows[1]).toEqual(OLD_ENTRY);
  expect(rows[2]).toEqual(OLD_ENTRY);
});
