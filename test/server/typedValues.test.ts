/**
 * Strings written with setValue(s)/appendRow may be read as if typed (emulator switch
 * parseStringsAsUserEntered: parse / keep; numbers in the spreadsheet locale's notation, ISO
 * dates). Whatever the add-on writes — headers, defaults, history — reads back the same either way.
 */
import { HISTORY_SHEET } from '../../src/adapters/history';
import type { SchemaDeclaration } from '../../src/core/schema';
import { SCHEMA } from '../../src/schema/managedSheets';
import { ExecutionContext } from '../../src/server/context';
import { applySchema, previewSchema } from '../../src/server/schemaService';
import { recomputeUnionMetrics } from '../../src/server/unionMetricsService';
import { newExecution, servicesOf, V4_HEADERS, v3Workbook } from '../support/emulated';

/** A migration whose id and defaults look like a number, a date and a grouped number. */
const LOOKALIKES: SchemaDeclaration = {
  managedSheets: [
    {
      ...SCHEMA.managedSheets[0],
      migrations: [
        ...SCHEMA.managedSheets[0].migrations,
        {
          id: '4.1',
          description: '2026-01-30',
          addColumns: [
            { name: 'Lote', type: 'text', default: '0012' },
            { name: 'Fecha_Texto', type: 'text', default: '2026-01-30' },
            { name: 'Codigo', type: 'text', default: '1,234' },
          ],
        },
      ],
    },
  ],
};

function run(parse: boolean) {
  const { emu } = v3Workbook({ spools: 20, withUniones: true, emulator: { spreadsheetLocale: 'es', locale: 'es' } });
  emu.switches.parseStringsAsUserEntered = parse;
  const context = () => {
    emu.beginExecution({ kind: 'scriptRun' });
    return new ExecutionContext(servicesOf(emu), LOOKALIKES);
  };
  applySchema(context(), previewSchema(context()).fingerprint);
  recomputeUnionMetrics(newExecution(emu));
  return {
    sheet: emu.readSheet('Operaciones'),
    history: emu.readSheet(HISTORY_SHEET),
    plan: previewSchema(context()),
  };
}

describe('what the add-on writes reads back the same, strings parsed as typed or kept', () => {
  const parsed = run(true);
  const kept = run(false);

  it('headers and text defaults are exactly as declared', () => {
    for (const result of [parsed, kept]) {
      expect(result.sheet[0].slice(67)).toEqual([...V4_HEADERS, 'Lote', 'Fecha_Texto', 'Codigo']);
      expect(
        result.sheet.slice(1).every((row) => row[72] === '0012' && row[73] === '2026-01-30' && row[74] === '1,234'),
      ).toBe(true);
    }
  });

  it('history rows and what the plan reads from them are identical', () => {
    expect(parsed.history).toEqual(kept.history);
    expect(parsed.plan.history).toEqual(kept.plan.history);
    // The first apply also records the Uniones tags under the migration declaring the metric columns.
    expect(parsed.plan.history.map((h) => `${h.sheet} ${h.migrationId}`).sort()).toEqual([
      'Operaciones 4.0-union-metrics',
      'Operaciones 4.1',
      'Uniones 4.0-union-metrics',
    ]);
    expect(parsed.plan.history.every((h) => typeof h.time === 'string' && h.time.endsWith('Z'))).toBe(true);
    expect(parsed.plan.status).toBe('up-to-date');
  });

  it('the union metrics are the same numbers', () => {
    expect(parsed.sheet.map((row) => row.slice(67, 72))).toEqual(kept.sheet.map((row) => row.slice(67, 72)));
  });
});
