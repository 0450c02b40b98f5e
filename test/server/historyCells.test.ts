/**
 * The Description and "Columns added" cells of `_schema_history` follow the history sheet's
 * language, as its headers and outcomes do: a Spanish sheet gets Spanish rows whoever applies,
 * an English sheet English ones (issue 13).
 */
import type { Emulator } from '../../emulator';
import { HISTORY_HEADERS_ES, HISTORY_SHEET } from '../../src/adapters/history';
import { readOutcome } from '../../src/adapters/historyOutcome';
import { restoreColumnHeader } from '../../src/server/identityService';
import { applySchema, previewSchema } from '../../src/server/schemaService';
import type { PlannedRuleChange } from '../../src/shared/payloads';
import { historyCells } from '../../src/shared/wording/historyCells';
import { localText } from '../../src/shared/wording/localText';
import { historyLine } from '../../src/shared/wording/plan';
import { newExecution, v3Workbook } from '../support/emulated';

const OPERATOR = 'operator@example.com';
const apply = (emu: Emulator) => applySchema(newExecution(emu), previewSchema(newExecution(emu)).fingerprint);
const rows = (emu: Emulator) => emu.readSheet(HISTORY_SHEET).slice(1);
const cellsOf = (row: unknown[] | undefined) => ({ description: row?.[3], columns: row?.[4], outcome: row?.[8] });

function extendedBy(locale: string): Emulator {
  const { emu } = v3Workbook({ spools: 10, withUniones: true, emulator: { locale } });
  apply(emu);
  return emu;
}

describe('history cells in the history sheet’s language', () => {
  it('a Spanish operator’s first apply writes the description, columns, rules and tags in Spanish', () => {
    const emu = extendedBy('es_ES');
    expect(emu.readSheet(HISTORY_SHEET)[0]).toEqual([...HISTORY_HEADERS_ES]);
    const managed = rows(emu).find((r) => r[2] === 'Operaciones');
    expect(cellsOf(managed)).toEqual({
      description: 'v4.0: avance de uniones (soldaduras) por spool — cantidades y pulgadas de ARM y SOLD',
      columns:
        'BP–BT: Total_Uniones, Uniones_ARM_Completadas, Uniones_SOLD_Completadas, Pulgadas_ARM, Pulgadas_SOLD; reglas puestas (validación, nota, protección) en BP–BT',
      outcome: 'aplicada',
    });
    const source = rows(emu).find((r) => r[2] === 'Uniones');
    expect(String(source?.[3])).toMatch(/^v4\.0: avance de uniones/);
    expect(String(source?.[4])).toMatch(/^etiquetada la columna existente [A-Z]+ \(TAG_SPOOL\); etiquetada/);
    expect(String(source?.[4])).not.toMatch(/tagged/);
  });

  it('an English operator on a Spanish sheet fills blanks in Spanish; a Spanish one on an English sheet in English', () => {
    const spanish = extendedBy('es_ES');
    spanish.setUserLocale(OPERATOR, 'en_US');
    spanish.spreadsheet.getSheetByName('Operaciones')?.getRange('BP2:BP3').setValue('');
    apply(spanish);
    expect(rows(spanish).at(-1)?.[4]).toBe('rellenadas 2 celdas vacías en BP (Total_Uniones)');

    const english = extendedBy('en_US');
    english.setUserLocale(OPERATOR, 'es_ES');
    english.spreadsheet.getSheetByName('Operaciones')?.getRange('BP2').setValue('');
    apply(english);
    expect(cellsOf(rows(english).at(-1))).toEqual({
      description: 'v4.0: per-spool union (weld) progress — counts and inches for ARM and SOLD',
      columns: 'filled 1 blank cell in BP (Total_Uniones)',
      outcome: 'applied',
    });
  });

  it('a restored header is recorded in the sheet’s language and read back as its outcome code', () => {
    const emu = extendedBy('es_ES');
    emu.setUserLocale(OPERATOR, 'en_US');
    emu.spreadsheet.getSheetByName('Operaciones')?.getRange('BR1').setValue('Uniones SOLD');
    restoreColumnHeader(newExecution(emu), { sheet: 'Operaciones', identity: 'Uniones_SOLD_Completadas' });
    const row = rows(emu).at(-1);
    expect(cellsOf(row)).toEqual({
      description: 'Encabezado de la columna gestionada «Uniones_SOLD_Completadas» restaurado',
      columns: 'Operaciones!BR1: "Uniones SOLD" → "Uniones_SOLD_Completadas"',
      outcome: 'encabezado restaurado',
    });
    const [restored] = previewSchema(newExecution(emu)).history;
    expect(restored.outcome).toBe('header restored');
    expect(historyLine(localText('es', 'UTC'), restored)).toMatch(/encabezado restaurado$/);
    expect(historyLine(localText('en', 'UTC'), restored)).toMatch(/header restored$/);
    expect(readOutcome('header restored')).toEqual({ outcome: 'header restored' });
  });
});

describe('historyCells', () => {
  const rule = (index: number, letter: string, reason: PlannedRuleChange['reason']): PlannedRuleChange => ({
    migrationId: 'm',
    index,
    letter,
    header: 'H',
    reason,
    kind: 'note',
    note: 'n',
  });

  it('words restored rules on scattered columns, and nothing for no rules, in both languages', () => {
    const scattered = [rule(68, 'BP', 'missing'), rule(70, 'BR', 'new')];
    expect(historyCells('en').ruleChanges(scattered)).toEqual(['restored note on BP BR']);
    expect(historyCells('es').ruleChanges(scattered)).toEqual(['reglas restauradas (nota) en BP BR']);
    expect(historyCells('es').ruleChanges([])).toEqual([]);
  });

  it('words an interrupted apply and a count with the language’s grouping', () => {
    expect(historyCells('en').completes('2026-11-21T08:00:00.000Z')).toBe(
      'completes the apply stopped at 2026-11-21T08:00:00.000Z',
    );
    expect(historyCells('es').completes('2026-11-21T08:00:00.000Z')).toBe(
      'completa la ampliación que se detuvo el 2026-11-21T08:00:00.000Z',
    );
    const fill = { cells: 2400, letter: 'BP', header: 'Total_Uniones' };
    expect(historyCells('es').filled(fill)).toBe('rellenadas 2.400 celdas vacías en BP (Total_Uniones)');
    expect(historyCells('en').filled(fill)).toBe('filled 2,400 blank cells in BP (Total_Uniones)');
  });
});
