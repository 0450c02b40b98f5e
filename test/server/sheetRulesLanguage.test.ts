import { runCheck } from '../../src/server/checkService';
import { applySchema, previewSchema } from '../../src/server/schemaService';
import { newExecution, sheetWrites, v3Workbook } from '../support/emulated';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const ANA = 'ana@example.com'; // Spanish
const BOB = 'bob@example.com'; // English

function shop(spools = 20) {
  const { emu } = v3Workbook({ spools, emulator: { user: ANA, locale: 'es' } });
  emu.setUserLocale(BOB, 'en');
  const sheet = emu.spreadsheet.getSheetByName('Operaciones') as Sheet;
  const as = (user: string) => {
    emu.setActiveUser(user);
    return newExecution(emu);
  };
  const apply = (user: string) => {
    const plan = previewSchema(as(user));
    return { plan, result: applySchema(as(user), plan.fingerprint) };
  };
  const texts = () => ({
    notes: sheet.getRange('BP1:BT1').getNotes()[0],
    help: sheet
      .getRange('BP2:BT2')
      .getDataValidations()[0]
      .map((r) => r?.getHelpText()),
    protections: sheet
      .getProtections(emu.globals.SpreadsheetApp.ProtectionType.RANGE)
      .map((p) => p.getDescription())
      .filter((d) => d.startsWith('Sheet Schema')),
  });
  return { emu, sheet, as, apply, texts };
}

const codes = (result: ReturnType<typeof runCheck>) => result.sheets.flatMap((s) => s.findings.map((f) => f.code));

describe('texts written into the sheet speak the applying operator’s language', () => {
  it('a Spanish operator’s apply writes Spanish notes, help texts and protection descriptions', () => {
    const { apply, texts } = shop();
    apply(ANA);
    const { notes, help, protections } = texts();
    expect(notes[0]).toBe(
      'Uniones (soldaduras) de este spool: filas de Uniones con su TAG_SPOOL.\nCalculado por Sheet Schema a partir de la hoja Uniones («Recalcular métricas de uniones»); lo editado a mano se sobrescribe.',
    );
    expect(help).toEqual([
      ...Array(3).fill('Un número entero, 0 o más.'),
      ...Array(2).fill('Un número de pulgadas, 0 o más.'),
    ]);
    expect(protections).toHaveLength(5);
    expect(protections[0]).toMatch(/^Sheet Schema: columna calculada "Total_Uniones": la rellena el complemento/);
  });

  it('an English operator’s apply writes English texts', () => {
    const { apply, texts } = shop();
    apply(BOB);
    const { notes, help, protections } = texts();
    expect(notes[4]).toBe(
      'Sum of DN_UNION (inches) over the SOLD-completed uniones of this spool.\nComputed by Sheet Schema from sheet Uniones ("Recompute union metrics"); edits by hand are overwritten.',
    );
    expect(help[0]).toBe('A whole number, 0 or more.');
    expect(protections[0]).toMatch(/^Sheet Schema: computed column "Total_Uniones": filled by the add-on/);
  });

  it('two operators in different languages converge: neither rewrites the other’s texts, checks stay ok', () => {
    const { emu, as, apply, texts } = shop();
    apply(ANA);
    const spanish = texts();
    for (const user of [BOB, ANA, BOB]) {
      expect(previewSchema(as(user)).status).toBe('up-to-date');
      const check = runCheck(as(user), 'manual');
      expect([user, check.status, codes(check)]).toEqual([user, 'ok', []]);
      emu.stats.reset();
      expect(applySchema(as(user), previewSchema(as(user)).fingerprint).status).toBe('up-to-date');
      expect(sheetWrites(emu)).toEqual({});
    }
    expect(texts()).toEqual(spanish);
  });

  it('a blank to fill under the Spanish rule is not refused when an English operator extends', () => {
    const { sheet, as, apply } = shop();
    apply(ANA);
    sheet.getRange('BP5').clearContent();
    const plan = previewSchema(as(BOB));
    expect(plan.status).toBe('changes');
    expect(plan.sheets[0].errors).toEqual([]);
    applySchema(as(BOB), plan.fingerprint);
    expect(sheet.getRange('BP5').getValue()).toBe(0);
  });

  it('restore writes the missing texts in the restoring operator’s language and leaves the rest', () => {
    const { sheet, as, apply, texts, emu } = shop();
    apply(ANA);
    sheet.getRange('BQ1').clearNote();
    sheet.getRange('BQ2:BQ21').clearDataValidations();
    const protection = sheet
      .getProtections(emu.globals.SpreadsheetApp.ProtectionType.RANGE)
      .find((p) => p.getRange().getColumn() === 70);
    protection?.remove();
    expect(codes(runCheck(as(BOB), 'manual'))).toEqual(['VALIDATION_REMOVED', 'NOTE_CHANGED', 'PROTECTION_REMOVED']);
    const { plan } = apply(BOB);
    expect(plan.sheets[0].rules.map((r) => [r.kind, r.letter])).toEqual([
      ['validation', 'BQ'],
      ['note', 'BQ'],
      ['protection', 'BR'],
    ]);
    const after = texts();
    expect(after.notes[1]).toMatch(/^Uniones of this spool with ARM_FECHA_FIN filled in\.\nComputed by Sheet Schema/);
    expect(after.notes[0]).toMatch(/^Uniones \(soldaduras\)/);
    expect(after.help.slice(0, 2)).toEqual(['Un número entero, 0 o más.', 'A whole number, 0 or more.']);
    expect(after.protections.filter((d) => d.includes('computed column "Uniones_SOLD_Completadas"'))).toHaveLength(1);
    expect(after.protections).toHaveLength(5);
    expect(runCheck(as(ANA), 'manual').status).toBe('ok');
  });
});
