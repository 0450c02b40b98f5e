import type { ColumnSpec, SchemaDeclaration } from '../core/schema';

const METRICS_SOURCE =
  'Computed by Sheet Schema from sheet Uniones ("Recompute union metrics"); edits by hand are overwritten.';

/** A v4.0 union metric: a whole number or inches, never negative, filled by the add-on. */
function metric(name: string, type: 'integer' | 'decimal', note: string): ColumnSpec {
  const whole = type === 'integer';
  return {
    name,
    type,
    default: 0,
    validation: {
      kind: whole ? 'wholeNumber' : 'decimal',
      mode: 'reject',
      helpText: whole ? 'A whole number, 0 or more.' : 'A number of inches, 0 or more.',
    },
    computed: { source: METRICS_SOURCE },
    note,
  };
}

/**
 * The one place that declares managed sheets and their migrations.
 * Adding v4.1 = append a migration below (new id, new columns) plus a test.
 */
export const SCHEMA: SchemaDeclaration = {
  managedSheets: [
    {
      sheet: 'Operaciones',
      headerRow: 1,
      migrations: [
        {
          id: '4.0-union-metrics',
          description: 'v4.0: per-spool union (weld) progress — counts and inches for ARM and SOLD',
          addColumns: [
            metric('Total_Uniones', 'integer', 'Uniones (welds) of this spool: rows of Uniones with its TAG_SPOOL.'),
            metric('Uniones_ARM_Completadas', 'integer', 'Uniones of this spool with ARM_FECHA_FIN filled in.'),
            metric('Uniones_SOLD_Completadas', 'integer', 'Uniones of this spool with SOL_FECHA_FIN filled in.'),
            metric('Pulgadas_ARM', 'decimal', 'Sum of DN_UNION (inches) over the ARM-completed uniones of this spool.'),
            metric(
              'Pulgadas_SOLD',
              'decimal',
              'Sum of DN_UNION (inches) over the SOLD-completed uniones of this spool.',
            ),
          ],
        },
      ],
      unionMetrics: {
        sheet: 'Uniones',
        keyColumn: 'TAG_SPOOL',
        armDoneColumn: 'ARM_FECHA_FIN',
        soldDoneColumn: 'SOL_FECHA_FIN',
        diameterColumn: 'DN_UNION',
        targetColumns: [
          'Total_Uniones',
          'Uniones_ARM_Completadas',
          'Uniones_SOLD_Completadas',
          'Pulgadas_ARM',
          'Pulgadas_SOLD',
        ],
      },
    },
  ],
};
