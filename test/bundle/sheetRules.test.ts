/**
 * Sheet rules through the built bundle (dist/Code.js), as the sidebar and the hourly check call it:
 * after apply BP–BT carry validation, warning-only protection and notes; a second apply adds
 * nothing; with inheritance on, column 67's dropdown does not reach BP–BT; the whole-number rule
 * works under en_US and es_ES; a removed validation and protection are reported and restored; a
 * rejecting rule in a blank-fill target is refused with its cell.
 */
import { join } from 'node:path';
import { scriptRun } from '../../emulator/bundle';
import { MSG } from '../../emulator/errors';
import type { ApplyResult, CheckResult, SchemaPlan } from '../../src/shared/payloads';
import { sheetWrites, V4_RULE_CRITERIA, v3Workbook } from '../support/emulated';

const DIST = join(__dirname, '..', '..', 'dist');
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function workbook(emulator: NonNullable<Parameters<typeof v3Workbook>[0]>['emulator'] = {}) {
  const { emu } = v3Workbook({ spools: 200, emulator });
  const sheet = emu.spreadsheet.getSheetByName('Operaciones') as Sheet;
  const app = emu.globals.SpreadsheetApp;
  const extend = () => {
    const plan = scriptRun(emu, DIST, 'previewSchema') as SchemaPlan;
    return { plan, result: scriptRun(emu, DIST, 'applySchema', plan.fingerprint) as ApplyResult };
  };
  const own = () =>
    sheet.getProtections(app.ProtectionType.RANGE).filter((p) => p.getDescription().startsWith('Sheet Schema'));
  return { emu, sheet, app, extend, own };
}

describe('sheet rules through the bundle', () => {
  it.each([false, true])(
    'apply sets validation, protection and notes; a second apply adds nothing (inherit %s)',
    (inherit) => {
      const { emu, sheet, app, extend, own } = workbook({ switches: { insertColumnsInherit: inherit } });
      const dropdown = app.newDataValidation().requireValueInList(['Pendiente', 'Listo']).setAllowInvalid(false);
      sheet.getRange('BO2:BO201').setDataValidation(dropdown.build());
      expect(extend().result.status).toBe('applied');
      const rules = sheet.getRange('BP2:BT2').getDataValidations()[0];
      expect(rules.map((r) => r?.getCriteriaType())).toEqual(V4_RULE_CRITERIA);
      expect(own().map((p) => [p.getRange().getColumn(), p.isWarningOnly()])).toEqual(
        [68, 69, 70, 71, 72].map((c) => [c, true]),
      );
      expect(
        sheet
          .getRange('BP1:BT1')
          .getNotes()[0]
          .every((n) => n !== ''),
      ).toBe(true);
      emu.stats.reset();
      const again = extend();
      expect([again.plan.status, again.result.status]).toEqual(['up-to-date', 'up-to-date']);
      expect(Object.keys(sheetWrites(emu))).toEqual([]);
      expect(own()).toHaveLength(5);
    },
  );

  it.each(['en_US', 'es_ES'])('under %s the whole-number rule takes 4 and refuses 2.5', (locale) => {
    const { sheet, extend } = workbook({ spreadsheetLocale: locale });
    extend();
    sheet.getRange('BR10').setValue(4);
    expect(() => sheet.getRange('BR11').setValue(2.5)).toThrow(MSG.validationViolation('BR11'));
  });

  it('the check reports a removed validation and protection; Extend schema restores them', () => {
    const { emu, sheet, extend, own } = workbook();
    extend();
    sheet.getRange('BT2:BT201').clearDataValidations();
    own()
      .find((p) => p.getRange().getColumn() === 68)
      ?.remove();
    const check = scriptRun(emu, DIST, 'checkSchemaNow', { sidebar: true }) as CheckResult;
    expect(check.sheets[0].findings.map((f) => [f.code, f.location])).toEqual([
      ['PROTECTION_REMOVED', 'Operaciones!BP1'],
      ['VALIDATION_REMOVED', 'Operaciones!BT1'],
    ]);
    const { plan } = extend();
    expect(plan.sheets[0].columnsToAdd).toEqual([]);
    expect(own()).toHaveLength(5);
    expect(sheet.getRange('BT2').getDataValidation()).not.toBeNull();
    expect((scriptRun(emu, DIST, 'checkSchemaNow', { sidebar: true }) as CheckResult).status).toBe('ok');
  });

  it('a rejecting rule in a blank-fill target is refused with its cell, zero writes', () => {
    const { emu, sheet, app, extend } = workbook();
    extend();
    sheet.getRange('BS50').clearContent();
    sheet
      .getRange('BS40:BS60')
      .setDataValidation(app.newDataValidation().requireNumberGreaterThan(1).setAllowInvalid(false).build());
    const plan = scriptRun(emu, DIST, 'previewSchema') as SchemaPlan;
    expect(plan.sheets[0].errors.map((e) => e.location)).toEqual(['Operaciones!BS50']);
    emu.stats.reset();
    expect(() => scriptRun(emu, DIST, 'applySchema', plan.fingerprint)).toThrow(/BS50/);
    expect(sheetWrites(emu)).toEqual({});
  });
});
