import { runCheck } from '../../src/server/checkService';
import { applySchema, previewSchema } from '../../src/server/schemaService';
import { newExecution, sheetWrites, v3Workbook } from '../support/emulated';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function applied(spools = 30) {
  const { emu } = v3Workbook({ spools });
  applySchema(newExecution(emu), previewSchema(newExecution(emu)).fingerprint);
  const sheet = emu.spreadsheet.getSheetByName('Operaciones') as Sheet;
  return { emu, sheet, app: emu.globals.SpreadsheetApp };
}

const located = (result: ReturnType<typeof runCheck>) =>
  result.sheets.flatMap((s) => s.findings.map((f) => [f.code, f.location]));

describe('the rule check finds its columns by identity', () => {
  it('a renamed managed column keeps its rules checked at its real column', () => {
    const { emu, sheet, app } = applied();
    sheet.getRange('BR1').setValue('Uniones SOLD');
    sheet.getRange('BR2:BR31').setDataValidation(app.newDataValidation().requireValueInList(['x']).build());
    sheet.getRange('BS2:BS31').clearDataValidations();
    const result = runCheck(newExecution(emu), 'manual');
    expect(located(result)).toEqual(
      expect.arrayContaining([
        ['COLUMN_RENAMED', 'Operaciones!BR1'],
        ['VALIDATION_CHANGED', 'Operaciones!BR1'],
        ['VALIDATION_REMOVED', 'Operaciones!BS1'],
      ]),
    );
    const changed = result.sheets[0].findings.find((f) => f.code === 'VALIDATION_CHANGED');
    expect(changed?.params).toMatchObject({ column: 'BR', header: 'Uniones_SOLD_Completadas' });
  });

  it('rows the grid grew by below the rule are reported at the last row; Restore covers them', () => {
    const { emu, sheet } = applied();
    expect(runCheck(newExecution(emu), 'manual').status).toBe('ok');
    // A person adds rows at the bottom (appendRow past the grid grows it the same way).
    sheet.insertRowsAfter(sheet.getMaxRows(), 20);
    const last = sheet.getMaxRows();
    expect(sheet.getRange(`BP${last}`).getDataValidation()).toBeNull();
    const result = runCheck(newExecution(emu), 'manual');
    expect(result.status).toBe('pending');
    expect(located(result)).toEqual(
      ['BP', 'BQ', 'BR', 'BS', 'BT'].map((c) => ['VALIDATION_REMOVED', `Operaciones!${c}${last}`]),
    );
    expect(result.sheets[0].findings[0].params).toMatchObject({ column: 'BP', row: last, kind: 'validation' });
    const before = emu.readSheet('Operaciones');
    const plan = previewSchema(newExecution(emu));
    expect(plan.sheets[0].rules.map((r) => [r.kind, r.letter, r.reason])).toEqual(
      ['BP', 'BQ', 'BR', 'BS', 'BT'].map((c) => ['validation', c, 'missing']),
    );
    emu.stats.reset();
    applySchema(newExecution(emu), plan.fingerprint);
    expect(sheetWrites(emu)['Range.setValue']).toBeUndefined();
    expect(emu.readSheet('Operaciones')).toEqual(before);
    expect(sheet.getRange(`BT${last}`).getDataValidation()?.getCriteriaType()).toBe('NUMBER_GREATER_THAN_OR_EQUAL_TO');
    expect(runCheck(newExecution(emu), 'manual').status).toBe('ok');
  });

  it('the last-row read costs the same calls at 30 and 3,000 rows', () => {
    const cost = (spools: number) => {
      const { emu } = applied(spools);
      emu.stats.reset();
      runCheck(newExecution(emu), 'manual');
      return emu.stats.snapshot().byMethod['Range.getDataValidations'];
    };
    expect(cost(3000)).toBe(2);
    expect(cost(30)).toBe(2);
  });
});
