import { createEmulator, MSG } from '../../emulator';
import type { EmulatorOptions } from '../../emulator/types';
import { expectGasError } from './helpers';

function setup(options: EmulatorOptions = {}) {
  const emu = createEmulator(options);
  const app = emu.globals.SpreadsheetApp;
  const sheet = emu.seedSheet(
    'Data',
    [
      ['Estado', 'Total'],
      ['OK', 1],
      ['', 2],
      ['', ''],
    ],
    { maxRows: 10, maxColumns: 2 },
  );
  return { emu, app, sheet };
}

const wholeNumber = (app: GoogleAppsScript.Spreadsheet.SpreadsheetApp, formula: string) =>
  app
    .newDataValidation()
    .requireFormulaSatisfied(formula)
    .setAllowInvalid(false)
    .setHelpText('Whole number ≥ 0')
    .build();

describe('data validation', () => {
  it('builds rules and stores one per cell; null where none; clearDataValidations removes them', () => {
    const { app, sheet } = setup();
    const rule = app.newDataValidation().requireNumberGreaterThanOrEqualTo(0).setHelpText('≥ 0').build();
    sheet.getRange('B2:B10').setDataValidation(rule);
    const got = sheet.getRange('A2:B3').getDataValidations();
    expect(got[0][0]).toBeNull();
    const b2 = got[0][1] as GoogleAppsScript.Spreadsheet.DataValidation;
    expect(b2.getCriteriaType()).toBe(app.DataValidationCriteria.NUMBER_GREATER_THAN_OR_EQUAL_TO);
    expect(b2.getCriteriaValues()).toEqual([0]);
    expect(b2.getAllowInvalid()).toBe(true);
    expect(b2.getHelpText()).toBe('≥ 0');
    expect(app.newDataValidation().requireValueInList(['a']).build().getHelpText()).toBeNull();
    sheet.getRange('B3:B10').clearDataValidations();
    expect(sheet.getRange('B2').getDataValidation()).not.toBeNull();
    expect(sheet.getRange('B3').getDataValidation()).toBeNull();
  });

  it('a rejecting rule refuses a violating script write naming the cell, before anything lands', () => {
    const { app, sheet } = setup();
    const list = app.newDataValidation().requireValueInList(['OK', 'NOK']).setAllowInvalid(false).build();
    sheet.getRange('A2:A10').setDataValidation(list);
    expectGasError(() => sheet.getRange('A2:A3').setValues([['NOK'], ['maybe']]), MSG.validationViolation('A3'));
    expect(sheet.getRange('A2').getValue()).toBe('OK');
    sheet.getRange('A3').setValue('NOK');
    sheet.getRange('A4').setValue('');
    expect(sheet.getRange('A3:A4').getValues()).toEqual([['NOK'], ['']]);
  });

  it('with validationRejectsScriptWrites off, the write lands and the rule stays', () => {
    const { app, sheet } = setup({ switches: { validationRejectsScriptWrites: false } });
    sheet.getRange('B2:B10').setDataValidation(wholeNumber(app, '=INT(ABS(B2))=B2'));
    sheet.getRange('B2').setValue('N/A');
    expect(sheet.getRange('B2').getValue()).toBe('N/A');
    expect(sheet.getRange('B2').getDataValidation()?.getAllowInvalid()).toBe(false);
  });

  it('custom formulas are relative to the rule’s top-left cell', () => {
    const { app, sheet } = setup();
    sheet.getRange('B2:B10').setDataValidation(wholeNumber(app, '=INT(ABS(B2))=B2'));
    sheet.getRange('B5').setValue(7);
    expectGasError(() => sheet.getRange('B6').setValue(-1), MSG.validationViolation('B6'));
    expectGasError(() => sheet.getRange('B7').setValue(1.5), MSG.validationViolation('B7'));
    expectGasError(() => sheet.getRange('B8').setValue('N/A'), MSG.validationViolation('B8'));
    expectGasError(() => sheet.getRange('B4:B9').setValue(-2), MSG.validationViolation('B4'));
  });

  it('a custom formula moves with its column: its relative references follow, as in Sheets', () => {
    const { app, sheet } = setup();
    sheet.getRange('B2:B10').setDataValidation(wholeNumber(app, '=INT(ABS(B2))=B2'));
    sheet.insertColumnsBefore(1, 2); // B → D
    expect(sheet.getRange('D3').getDataValidation()?.getCriteriaValues()).toEqual(['=INT(ABS(D2))=D2']);
    sheet.getRange('B4').setValue('text in the column the old references pointed at');
    sheet.getRange('D4').setValue(3);
    expectGasError(() => sheet.getRange('D5').setValue(-1), MSG.validationViolation('D5'));
    sheet.moveColumns(sheet.getRange('D:D'), 1); // D → A
    expect(sheet.getRange('A3').getDataValidation()?.getCriteriaValues()).toEqual(['=INT(ABS(A2))=A2']);
    sheet.getRange('A6').setValue(8);
    expectGasError(() => sheet.getRange('A7').setValue(2.5), MSG.validationViolation('A7'));
  });

  it.each([
    ['en_US', '=AND(ISNUMBER(B2),B2>=0)', true],
    ['en_US', '=AND(ISNUMBER(B2);B2>=0)', false],
    ['es_ES', '=AND(ISNUMBER(B2);B2>=0)', true],
    ['es_ES', '=AND(ISNUMBER(B2),B2>=0)', false],
    ['es_ES', '=INT(ABS(B2))=B2', true],
    ['en_US', '=INT(ABS(B2))=B2', true],
  ])('under %s, %s works: %s', (locale, formula, works) => {
    const { app, sheet, emu } = setup({ spreadsheetLocale: locale });
    expect(emu.spreadsheet.getSpreadsheetLocale()).toBe(locale);
    sheet.getRange('B2:B10').setDataValidation(wholeNumber(app, formula));
    const write = () => sheet.getRange('B3').setValue(3);
    if (works) write();
    else expectGasError(write, MSG.validationViolation('B3'));
  });

  it('rules move with row and column inserts and deletes', () => {
    const { app, sheet } = setup();
    sheet.getRange('B2:B10').setDataValidation(app.newDataValidation().requireValueInList(['x']).build());
    sheet.insertRowsBefore(1, 2);
    expect(sheet.getRange('B3').getDataValidation()).toBeNull();
    expect(sheet.getRange('B4').getDataValidation()).not.toBeNull();
    sheet.insertColumnsBefore(1, 1);
    expect(sheet.getRange('C4').getDataValidation()).not.toBeNull();
    expect(sheet.getRange('B4').getDataValidation()).toBeNull();
    sheet.deleteColumn(3);
    expect(
      sheet
        .getRange('A4:B12')
        .getDataValidations()
        .flat()
        .every((r) => r === null),
    ).toBe(true);
  });

  it.each([true, false])(
    'insertColumnsAfter inheritance switch %s: formats and rules of the left neighbour',
    (inherit) => {
      const { app, sheet } = setup({ switches: { insertColumnsInherit: inherit } });
      sheet.getRange('B2:B10').setDataValidation(app.newDataValidation().requireValueInList(['x']).build());
      sheet.getRange('B2:B10').setNumberFormat('0.00');
      sheet.insertColumnsAfter(2, 2);
      const rules = sheet.getRange('C2:D2').getDataValidations()[0];
      const formats = sheet.getRange('C2:D2').getNumberFormats()[0];
      expect(rules.every((r) => (r !== null) === inherit)).toBe(true);
      expect(formats.every((f) => (f === '0.00') === inherit)).toBe(true);
    },
  );
});

describe('notes and protections', () => {
  it('setNote/setNotes/getNote(s): one note per cell, moving with columns', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B1').setNotes([['state', 'count']]);
    expect(sheet.getRange('A1:B1').getNotes()).toEqual([['state', 'count']]);
    sheet.getRange('A1').setNote('');
    expect(sheet.getRange('A1').getNote()).toBe('');
    sheet.insertColumnsBefore(1, 1);
    expect(sheet.getRange('C1').getNote()).toBe('count');
  });

  it('protect() makes a new, overlapping protection each call; the spreadsheet lists them all', () => {
    const { app, sheet, emu } = setup();
    const a = sheet.getRange('B1:B10').protect().setDescription('Sheet Schema').setWarningOnly(true);
    sheet.getRange('B1:B10').protect();
    const listed = sheet.getProtections(app.ProtectionType.RANGE);
    expect(listed).toHaveLength(2);
    expect(listed.map((p) => p.getDescription())).toEqual(['Sheet Schema', '']);
    expect(a.isWarningOnly()).toBe(true);
    expect(emu.spreadsheet.getProtections(app.ProtectionType.RANGE)).toHaveLength(2);
    sheet.getRange('B2').setValue(5);
    expect(sheet.getRange('B2').getValue()).toBe(5);
  });
});
