import { headerLookalikeKey } from '../../src/core/headers';
import { declarationProblems, type ManagedSheet } from '../../src/core/schema';
import { locateColumns, protectionDescription, ruleChanges, ruleFor } from '../../src/core/sheetRules';

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
