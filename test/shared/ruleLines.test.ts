/**
 * The preview's sheet rules, folded by kind and text: v4.0 sets fifteen rules (validation, note,
 * protection on five columns) and the sidebar shows them as four lines with column spans.
 */
import { applySchema, previewSchema } from '../../src/server/schemaService';
import { localText } from '../../src/shared/wording/localText';
import { ruleLines } from '../../src/shared/wording/rules';
import { newExecution, v3Workbook } from '../support/emulated';

const en = localText('en', 'Europe/Madrid');
const es = localText('es', 'Europe/Madrid');

describe('ruleLines', () => {
  it('folds the fifteen v4.0 rules into four lines, one per kind and text, with spans', () => {
    const { emu } = v3Workbook({ spools: 20 });
    const sheet = previewSchema(newExecution(emu)).sheets[0];
    expect(sheet.rules).toHaveLength(15);
    expect(ruleLines(en, sheet.rules).map((l) => [l.kind, l.letters.join(' '), l.text])).toEqual([
      ['validation', 'BP BQ BR', 'Set data validation (rejects: A whole number, 0 or more.) on BP–BR'],
      ['validation', 'BS BT', 'Set data validation (rejects: A number of inches, 0 or more.) on BS–BT'],
      ['protection', 'BP BQ BR BS BT', 'Set warning-only protection on BP–BT'],
      ['note', 'BP BQ BR BS BT', 'Set header note on BP–BT'],
    ]);
  });

  it('speaks Spanish with the Spanish help text of a Spanish operator', () => {
    const { emu } = v3Workbook({ spools: 20, emulator: { locale: 'es_ES' } });
    const lines = ruleLines(es, previewSchema(newExecution(emu)).sheets[0].rules).map((l) => l.text);
    expect(lines[0]).toMatch(/^Poner validación de datos \(rechaza: .+\) en BP–BR$/);
    expect(lines[0]).not.toContain('A whole number');
    expect(lines).toContain('Poner protección con advertencia en BP–BT');
  });

  it('one column to restore keeps its header beside its letter', () => {
    const { emu } = v3Workbook({ spools: 20 });
    applySchema(newExecution(emu), previewSchema(newExecution(emu)).fingerprint);
    emu.spreadsheet.getSheetByName('Operaciones')?.getRange('BR2:BR21').clearDataValidations();
    const lines = ruleLines(en, previewSchema(newExecution(emu)).sheets[0].rules);
    expect(lines.map((l) => l.text)).toEqual([
      'Restore data validation (rejects: A whole number, 0 or more.) on BR (Uniones_SOLD_Completadas)',
    ]);
  });
});
