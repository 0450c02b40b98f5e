import { headerLookalikeKey } from '../../src/core/headers';
import { planSheet } from '../../src/core/plan';
import { declarationProblems, declaredColumns, type ManagedSheet, type SchemaDeclaration } from '../../src/core/schema';
import { SCHEMA } from '../../src/schema/managedSheets';
import { ExecutionContext } from '../../src/server/context';
import { applySchema, previewSchema } from '../../src/server/schemaService';
import { newExecution, servicesOf, v3Workbook } from '../support/emulated';
import { block, snapshot, V4_COLUMNS, v3Headers } from '../support/snapshots';

describe('the schema declaration', () => {
  it('is sound', () => {
    expect(declarationProblems(SCHEMA, headerLookalikeKey)).toEqual([]);
  });

  it('declares Operaciones v4.0 exactly as specified', () => {
    const operaciones = SCHEMA.managedSheets.find((m) => m.sheet === 'Operaciones')!;
    expect(operaciones.headerRow).toBe(1);
    expect(operaciones.migrations.map((m) => m.id)).toEqual(['4.0-union-metrics']);
    expect(declaredColumns(operaciones).map((c) => [c.name, c.type, c.default])).toEqual([
      ['Total_Uniones', 'integer', 0],
      ['Uniones_ARM_Completadas', 'integer', 0],
      ['Uniones_SOLD_Completadas', 'integer', 0],
      ['Pulgadas_ARM', 'decimal', 0],
      ['Pulgadas_SOLD', 'decimal', 0],
    ]);
    expect(operaciones.unionMetrics?.targetColumns).toEqual(V4_COLUMNS);
  });

  it('gives every text it writes into the sheet in Spanish and in English', () => {
    const texts = SCHEMA.managedSheets.flatMap((m) =>
      declaredColumns(m).flatMap((c) => [c.note, c.computed?.source, c.validation?.helpText]),
    );
    expect(texts).toHaveLength(15);
    for (const text of texts) {
      if (typeof text !== 'object') throw new Error(`not bilingual: ${String(text)}`);
      expect(text.es.trim()).not.toBe('');
      expect(text.en.trim()).not.toBe('');
      expect(text.es).not.toBe(text.en);
    }
  });

  it('catches declaration mistakes before they reach a sheet', () => {
    const bad: SchemaDeclaration = {
      managedSheets: [
        {
          sheet: 'S',
          headerRow: 1,
          migrations: [
            { id: 'a', description: '', addColumns: [{ name: 'X', type: 'integer', default: 0.5 }] },
            { id: 'a', description: '', addColumns: [{ name: ' x', type: 'text', default: 1 }] },
          ],
        },
      ],
    };
    expect(declarationProblems(bad, headerLookalikeKey)).toEqual([
      'S / a / "X": default 0.5 does not fit type integer.',
      'S: migration id "a" is used twice.',
      'S / a / " x": the name is empty or has surrounding spaces.',
      'S / a / " x": clashes with "X" declared earlier.',
      'S / a / " x": default 1 does not fit type text.',
    ]);
  });
});

describe('adding v4.1 is a data change', () => {
  const v41: ManagedSheet = {
    ...SCHEMA.managedSheets[0],
    migrations: [
      ...SCHEMA.managedSheets[0].migrations,
      {
        id: '4.1-inspection',
        description: 'v4.1: NDT inspection date and notes',
        addColumns: [
          { name: 'Fecha_Inspeccion_NDT', type: 'date', default: null },
          { name: 'Estado_NDT', type: 'text', default: 'pendiente' },
        ],
      },
    ],
  };
  const declaration: SchemaDeclaration = { managedSheets: [v41] };

  it('is sound and plans only the new migration on a v4.0 sheet', () => {
    expect(declarationProblems(declaration, headerLookalikeKey)).toEqual([]);
    const headers = [...v3Headers(), ...V4_COLUMNS];
    const plan = planSheet(
      v41,
      snapshot({
        headers,
        lastRow: 3,
        managedBlock: block(2, 68, [
          [1, 1, 1, 1, 1],
          [0, 0, 0, 0, 0],
        ]),
      }),
      [],
      { total: 0, created: 0 },
    );
    expect(plan.columnsToAdd.map((c) => `${c.letter}:${c.header}:${c.numberFormat}`)).toEqual([
      'BU:Fecha_Inspeccion_NDT:yyyy-mm-dd',
      'BV:Estado_NDT:@',
    ]);
    expect(plan.migrations.map((m) => m.state)).toEqual(['applied-outside', 'pending']);
  });

  it('applies after v4.0 on the emulator, keeping text defaults as text', () => {
    const { emu } = v3Workbook({ spools: 5 });
    applySchema(newExecution(emu), previewSchema(newExecution(emu)).fingerprint);
    emu.beginExecution();
    const context = new ExecutionContext(servicesOf(emu), declaration);
    applySchema(context, previewSchema(context).fingerprint);
    const sheet = emu.readSheet('Operaciones');
    expect(sheet[0].slice(67)).toEqual([...V4_COLUMNS, 'Fecha_Inspeccion_NDT', 'Estado_NDT']);
    expect(sheet.slice(1).map((r) => r.slice(72))).toEqual(Array.from({ length: 5 }, () => ['', 'pendiente']));
    const history = emu
      .readSheet('_schema_history')
      .slice(1)
      .map((r) => r[1]);
    expect(history).toEqual(['4.0-union-metrics', '4.1-inspection']);
  });
});
