import { applySchema, previewSchema } from '../../src/server/schemaService';
import { newExecution, sheetWrites, v3Workbook } from '../support/emulated';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function applied(switches: { validationRejectsScriptWrites?: boolean } = {}) {
  const { emu } = v3Workbook({ spools: 30, emulator: { switches } });
  applySchema(newExecution(emu), previewSchema(newExecution(emu)).fingerprint);
  const sheet = emu.spreadsheet.getSheetByName('Operaciones') as Sheet;
  return { emu, sheet, app: emu.globals.SpreadsheetApp };
}

describe('existing rules and the data in the preview', () => {
  it.each([true, false])(
    'a rejecting rule over a blank-fill cell is refused with its cell before any write (rejects writes: %s)',
    (rejects) => {
      const { emu, sheet, app } = applied({ validationRejectsScriptWrites: rejects });
      sheet.getRange('BQ3:BQ4').clearContent();
      const dropdown = app.newDataValidation().requireValueInList(['sí', 'no']).setAllowInvalid(false).build();
      sheet.getRange('BQ4:BQ31').setDataValidation(dropdown);
      const plan = previewSchema(newExecution(emu));
      expect(plan.status).toBe('blocked');
      expect(plan.sheets[0].errors.map((e) => [e.code, e.location])).toEqual([
        ['VALIDATION_REJECTS_FILL', 'Operaciones!BQ4'],
      ]);
      emu.stats.reset();
      expect(() => applySchema(newExecution(emu), plan.fingerprint)).toThrow(/BQ4/);
      expect(sheetWrites(emu)).toEqual({});
      expect(sheet.getRange('BQ3:BQ4').getValues()).toEqual([[''], ['']]);
    },
  );

  it('blanks under the column’s own rule are filled (its default passes it)', () => {
    const { emu, sheet } = applied();
    sheet.getRange('BP3').clearContent();
    const plan = previewSchema(newExecution(emu));
    expect(plan.sheets[0].errors).toEqual([]);
    applySchema(newExecution(emu), plan.fingerprint);
    expect(sheet.getRange('BP3').getValue()).toBe(0);
  });

  it('counts values that break their type and names the first ones, from the data it already reads', () => {
    const { emu, sheet } = applied({ validationRejectsScriptWrites: false });
    sheet.getRange('BP5').setValue('N/A');
    sheet.getRange('BP9').setValue(2.5);
    sheet.getRange('BS7').setValue(-2);
    emu.stats.reset();
    const plan = previewSchema(newExecution(emu));
    const read = emu.stats.snapshot().cellsRead;
    const quality = plan.sheets[0].warnings.filter((w) => w.code === 'DATA_QUALITY');
    expect(quality.map((w) => [w.params?.header, w.params?.count, w.params?.examples])).toEqual([
      ['Total_Uniones', 2, 'BP5 = "N/A", BP9 = 2.5'],
      ['Pulgadas_ARM', 1, 'BS7 = -2'],
    ]);
    const clean = applied({ validationRejectsScriptWrites: false });
    clean.emu.stats.reset();
    previewSchema(newExecution(clean.emu));
    expect(read).toBe(clean.emu.stats.snapshot().cellsRead);
  });
});
