import { runCheck } from '../../src/server/checkService';
import { setAutoRepair } from '../../src/server/scheduleService';
import { applySchema, previewSchema } from '../../src/server/schemaService';
import { newExecution, sheetWrites, v3Workbook } from '../support/emulated';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function appliedThenDamaged(spools = 30) {
  const { emu } = v3Workbook({ spools });
  applySchema(newExecution(emu), previewSchema(newExecution(emu)).fingerprint);
  const sheet = emu.spreadsheet.getSheetByName('Operaciones') as Sheet;
  const type = emu.globals.SpreadsheetApp.ProtectionType.RANGE;
  sheet.getRange(`BQ2:BQ${spools + 1}`).clearDataValidations();
  const br = sheet.getProtections(type).find((p) => p.getRange().getColumn() === 70);
  br?.remove();
  sheet.getRange(`BS2:BS${spools + 1}`).setNumberFormat('0.0');
  emu.stats.reset();
  return { emu, sheet, type };
}

const codes = (result: ReturnType<typeof runCheck>) =>
  result.sheets.flatMap((s) => s.findings.map((f) => [f.code, f.location]));

describe('the check and sheet rules', () => {
  it('reports a removed validation, a removed protection and a changed format, pending, without reading data rows', () => {
    const { emu } = appliedThenDamaged();
    const result = runCheck(newExecution(emu), 'manual');
    expect(result.status).toBe('pending');
    expect(codes(result)).toEqual([
      ['VALIDATION_REMOVED', 'Operaciones!BQ1'],
      ['PROTECTION_REMOVED', 'Operaciones!BR1'],
      ['NUMBER_FORMAT_CHANGED', 'Operaciones!BS1'],
    ]);
    expect(result.sheets[0].findings[0].params).toMatchObject({ column: 'BQ', kind: 'validation' });
    expect(result.summary).toContain('1 validation missing');
    // Header and first data row (drift, blank defaults, and the rules' columns by identity); notes,
    // rules and formats of the first data row of BP–BT, rules of the last grid row: no other data row.
    expect(emu.stats.snapshot().cellsRead).toBe(72 * 2 + 5 * 4);
  });

  it('is ok right after an apply, with the same calls at 30 and 3,000 rows', () => {
    const calls = (spools: number) => {
      const { emu } = v3Workbook({ spools });
      applySchema(newExecution(emu), previewSchema(newExecution(emu)).fingerprint);
      emu.stats.reset();
      const result = runCheck(newExecution(emu), 'manual');
      expect(result.status).toBe('ok');
      return [emu.stats.snapshot().spreadsheetDataCalls, emu.stats.snapshot().cellsRead];
    };
    expect(calls(3000)).toEqual(calls(30));
  });

  it('restores them on request (Extend schema) without touching a value', () => {
    const { emu, sheet, type } = appliedThenDamaged();
    sheet.getRange('BQ5').setValue(7);
    const before = emu.readSheet('Operaciones');
    const plan = previewSchema(newExecution(emu));
    expect(plan.sheets[0].rules.map((r) => [r.kind, r.letter])).toEqual([
      ['validation', 'BQ'],
      ['protection', 'BR'],
      ['numberFormat', 'BS'],
    ]);
    applySchema(newExecution(emu), plan.fingerprint);
    expect(emu.readSheet('Operaciones')).toEqual(before);
    expect(sheet.getRange('BQ2').getDataValidation()).not.toBeNull();
    expect(sheet.getProtections(type).filter((p) => p.getDescription().startsWith('Sheet Schema'))).toHaveLength(5);
    expect(runCheck(newExecution(emu), 'manual').status).toBe('ok');
  });

  it('auto-repair restores them and the recorded result is ok', () => {
    const { emu, sheet } = appliedThenDamaged();
    setAutoRepair(newExecution(emu), true);
    const result = runCheck(newExecution(emu), 'manual');
    expect(result.autoRepair.outcome).toBe('applied');
    expect(result.status).toBe('ok');
    expect(sheet.getRange('BS2').getNumberFormat()).toBe('0.00');
    expect(sheetWrites(emu)['Range.setValue']).toBeUndefined();
  });
});
