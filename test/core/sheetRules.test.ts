import { headerLookalikeKey } from '../../src/core/headers';
import { declarationProblems, type ManagedSheet } from '../../src/core/schema';
import {
  isDeclaredNote,
  isOwnProtection,
  isSheetSchemaProtection,
  locateColumns,
  noteFor,
  protectionDescription,
  ruleChanges,
  ruleFor,
} from '../../src/core/sheetRules';

const spec = {
  name: 'Estado',
  type: 'text' as const,
  default: 'nuevo',
  validation: { kind: 'list' as const, values: ['nuevo', 'listo'], mode: 'warn' as const, helpText: 'Pick one' },
  computed: { source: 'From Uniones' },
  note: 'State',
};
const located = locateColumns([{ migrationId: 'm', spec }], () => 5, []);
const grid = { headerRow: 1, gridRows: 100 };

describe('sheet rules (pure)', () => {
  it('an existing column with everything in place needs nothing; each missing piece is one change', () => {
    const inPlace = {
      index: 5,
      validation: ruleFor(spec.validation, 5, 2),
      numberFormat: '@',
      note: 'State\nFrom Uniones',
      protected: true,
      lastRow: { row: 100, validation: ruleFor(spec.validation, 5, 2) },
    };
    expect(ruleChanges(located, { columns: [inPlace], fillRules: null }, grid)).toEqual([]);
    const bare = { ...inPlace, validation: null, note: '', protected: false, numberFormat: '0' };
    expect(ruleChanges(located, { columns: [bare], fillRules: null }, grid).map((c) => [c.kind, c.reason])).toEqual([
      ['validation', 'missing'],
      ['numberFormat', 'changed'],
      ['note', 'missing'],
      ['protection', 'missing'],
    ]);
  });

  it('a rule in place on the first data row but not on the last grid row is missing there', () => {
    const rule = ruleFor(spec.validation, 5, 2);
    const base = { index: 5, validation: rule, numberFormat: '@', note: 'State\nFrom Uniones', protected: true };
    const grown = { ...base, lastRow: { row: 100, validation: null } };
    expect(ruleChanges(located, { columns: [grown], fillRules: null }, grid)).toEqual([
      expect.objectContaining({ kind: 'validation', reason: 'missing', uncoveredRow: 100, rule }),
    ]);
    const other = { ...base, lastRow: { row: 100, validation: { ...rule, helpText: 'x' } } };
    expect(ruleChanges(located, { columns: [other], fillRules: null }, grid)).toEqual([
      expect.objectContaining({ kind: 'validation', reason: 'changed', uncoveredRow: 100 }),
    ]);
    // One data row only: the first data row is the last; nothing more to read or compare.
    expect(ruleChanges(located, { columns: [{ ...base, lastRow: null }], fillRules: null }, grid)).toEqual([]);
  });

  it('texts in place in either language count as in place; changes are worded in the operator’s', () => {
    const bilingual = {
      ...spec,
      note: { en: 'State', es: 'Estado' },
      computed: { source: { en: 'From Uniones', es: 'De Uniones' } },
      validation: { ...spec.validation, helpText: { en: 'Pick one', es: 'Elija uno' } },
    };
    const at = locateColumns([{ migrationId: 'm', spec: bilingual }], () => 5, []);
    const spanish = {
      index: 5,
      validation: ruleFor(bilingual.validation, 5, 2, 'es'),
      numberFormat: '@',
      note: 'Estado\nDe Uniones',
      protected: true,
      lastRow: null,
    };
    expect(noteFor(bilingual, 'es')).toBe(spanish.note);
    expect(ruleChanges(at, { columns: [spanish], fillRules: null }, { ...grid, language: 'en' })).toEqual([]);
    // A mixed or foreign text is not the declared one.
    expect(isDeclaredNote('State\nDe Uniones', bilingual)).toBe(false);
    const bare = { ...spanish, validation: null, note: '', protected: false };
    const changes = ruleChanges(at, { columns: [bare], fillRules: null }, { ...grid, language: 'es' });
    expect(
      changes.map((c) => (c.kind === 'validation' ? c.rule.helpText : c.kind === 'note' ? c.note : c.kind)),
    ).toEqual(['Elija uno', 'Estado\nDe Uniones', 'protection']);
    expect(changes[2]).toMatchObject({ description: protectionDescription('Estado', 'es') });
  });

  it('finds its own protection in either language, and no other', () => {
    for (const language of ['en', 'es'] as const) {
      const description = protectionDescription('Total_Uniones', language);
      expect(isOwnProtection(description, 'Total_Uniones')).toBe(true);
      expect(isOwnProtection(description, 'Total')).toBe(false);
      expect(isSheetSchemaProtection(description)).toBe(true);
    }
    expect(isSheetSchemaProtection('Sheet Schema is great')).toBe(false);
    expect(isSheetSchemaProtection('Locked by the office')).toBe(false);
  });

  it('a warn-mode list allows invalid input; the description names the column', () => {
    expect(ruleFor(spec.validation, 5, 2)).toEqual({
      criteria: 'VALUE_IN_LIST',
      args: [['nuevo', 'listo'], true],
      allowInvalid: true,
      helpText: 'Pick one',
    });
    expect(protectionDescription('Estado')).toMatch(/^Sheet Schema: computed column "Estado"/);
  });

  it('a default that breaks its own validation is a declaration problem', () => {
    const managed: ManagedSheet = {
      sheet: 'S',
      headerRow: 1,
      migrations: [{ id: 'm', description: '', addColumns: [{ ...spec, default: 'otro' }] }],
    };
    expect(declarationProblems({ managedSheets: [managed] }, headerLookalikeKey)).toEqual([
      'S / m / "Estado": default "otro" breaks the column\'s own validation.',
    ]);
  });
});
