import { MSG } from '../../emulator';
import { applySchema, previewSchema } from '../../src/server/schemaService';
import { newExecution, sheetWrites, V4_HEADERS, V4_RULE_CRITERIA, v3Workbook } from '../support/emulated';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function applied(options: Parameters<typeof v3Workbook>[0] = {}) {
  const { emu } = v3Workbook({ spools: 40, ...options });
  const plan = previewSchema(newExecution(emu));
  emu.stats.reset();
  applySchema(newExecution(emu), plan.fingerprint);
  const stats = emu.stats.snapshot();
  const sheet = emu.spreadsheet.getSheetByName('Operaciones') as Sheet;
  return { emu, plan, stats, sheet };
}

describe('sheet rules set by the apply', () => {
  it('BP–BT carry the declared validation, a warning-only protection and a header note', () => {
    const { sheet, emu } = applied();
    const rules = sheet.getRange('BP2:BT2').getDataValidations()[0];
    expect(rules.map((r) => r?.getCriteriaType())).toEqual(V4_RULE_CRITERIA);
    expect(rules[0]?.getCriteriaValues()).toEqual(['=INT(ABS(BP2))=BP2']);
    expect(rules.every((r) => r?.getAllowInvalid() === false)).toBe(true);
    expect(sheet.getRange('BP41').getDataValidation()).not.toBeNull();
    const own = sheet
      .getProtections(emu.globals.SpreadsheetApp.ProtectionType.RANGE)
      .filter((p) => p.getDescription().startsWith('Sheet Schema'));
    expect(own.map((p) => [p.getRange().getA1Notation(), p.isWarningOnly()])).toEqual(
      ['BP', 'BQ', 'BR', 'BS', 'BT'].map((c) => [`${c}1:${c}41`, true]),
    );
    expect(
      sheet
        .getRange('BP1:BT1')
        .getNotes()[0]
        .every((n) => n.includes('Sheet Schema')),
    ).toBe(true);
    expect(emu.readSheet('Operaciones')[0].slice(67)).toEqual(V4_HEADERS);
  });

  it('costs what the preview said, and a second apply adds nothing', () => {
    const { emu, plan, stats } = applied();
    expect([stats.spreadsheetDataCalls, stats.cellsRead, stats.cellsWritten]).toEqual([
      plan.cost.spreadsheetCalls,
      plan.cost.cellsRead,
      plan.cost.cellsWritten,
    ]);
    const again = previewSchema(newExecution(emu));
    expect(again.status).toBe('up-to-date');
    emu.stats.reset();
    expect(applySchema(newExecution(emu), again.fingerprint).status).toBe('up-to-date');
    expect(sheetWrites(emu)).toEqual({});
  });

  it.each([true, false])('with inheritance %s, a dropdown on column 67 does not end up on BP–BT', (inherit) => {
    const { emu } = v3Workbook({ spools: 20, emulator: { switches: { insertColumnsInherit: inherit } } });
    const sheet = emu.spreadsheet.getSheetByName('Operaciones') as Sheet;
    const app = emu.globals.SpreadsheetApp;
    sheet
      .getRange('BO1:BO21')
      .setDataValidation(app.newDataValidation().requireValueInList(['OK', 'NOK']).setAllowInvalid(false).build());
    sheet.getRange('BO1:BO21').setNumberFormat('@');
    const plan = previewSchema(newExecution(emu));
    applySchema(newExecution(emu), plan.fingerprint);
    const rules = sheet.getRange('BP1:BT1').getDataValidations()[0];
    expect(rules.every((r) => r === null)).toBe(true);
    expect(
      sheet
        .getRange('BP2:BT2')
        .getDataValidations()[0]
        .map((r) => r?.getCriteriaType()),
    ).not.toContain('VALUE_IN_LIST');
    expect(sheet.getRange('BP2:BT2').getValues()[0]).toEqual([0, 0, 0, 0, 0]);
  });

  it.each(['en_US', 'es_ES'])('under %s the whole-number rule accepts 3 and refuses -1 and N/A', (locale) => {
    const { sheet } = applied({ emulator: { spreadsheetLocale: locale } });
    sheet.getRange('BP3').setValue(3);
    expect(() => sheet.getRange('BP4').setValue(-1)).toThrow(MSG.validationViolation('BP4'));
    expect(() => sheet.getRange('BQ4').setValue('N/A')).toThrow(MSG.validationViolation('BQ4'));
  });
});
