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
