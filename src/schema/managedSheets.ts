import type { ColumnSpec, SchemaDeclaration } from '../core/schema';
import type { SheetText } from '../core/sheetText';

/**
 * Texts written into the sheet (header notes, the validation popup) come in both languages: the
 * apply writes the applying operator's, and accepts either as in place (docs/sheet-rules.md).
 */
const METRICS_SOURCE: SheetText = {
  en: 'Computed by Sheet Schema from sheet Uniones ("Recompute union metrics"); edits by hand are overwritten.',
  es: 'Calculado por Sheet Schema a partir de la hoja Uniones («Recalcular métricas de uniones»); lo editado a mano se sobrescribe.',
};

const WHOLE_NUMBER_HELP: SheetText = { en: 'A whole number, 0 or more.', es: 'Un número entero, 0 o más.' };
const INCHES_HELP: SheetText = { en: 'A number of inches, 0 or more.', es: 'Un número de pulgadas, 0 o más.' };

/** A v4.0 union metric: a whole number or inches, never negative, filled by the add-on. */
function metric(name: string, type: 'integer' | 'decimal', note: SheetText): ColumnSpec {
  const whole = type === 'integer';
  return {
    name,
    type,
    default: 0,
    validation: {
      kind: whole ? 'wholeNumber' : 'decimal',
      mode: 'reject',
      helpText: whole ? WHOLE_NUMBER_HELP : INCHES_HELP,
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
          description: {
            en: 'v4.0: per-spool union (weld) progress — counts and inches for ARM and SOLD',
            es: 'v4.0: avance de uniones (soldaduras) por spool — cantidades y pulgadas de ARM y SOLD',
          },
          addColumns: [
            metric('Total_Uniones', 'integer', {
              en: 'Uniones (welds) of this spool: rows of Uniones with its TAG_SPOOL.',
              es: 'Uniones (soldaduras) de este spool: filas de Uniones con su TAG_SPOOL.',
            }),
            metric('Uniones_ARM_Completadas', 'integer', {
              en: 'Uniones of this spool with ARM_FECHA_FIN filled in.',
              es: 'Uniones de este spool con ARM_FECHA_FIN rellenada.',
            }),
            metric('Uniones_SOLD_Completadas', 'integer', {
              en: 'Uniones of this spool with SOL_FECHA_FIN filled in.',
              es: 'Uniones de este spool con SOL_FECHA_FIN rellenada.',
            }),
            metric('Pulgadas_ARM', 'decimal', {
              en: 'Sum of DN_UNION (inches) over the ARM-completed uniones of this spool.',
              es: 'Suma de DN_UNION (pulgadas) de las uniones de este spool con ARM completado.',
            }),
            metric('Pulgadas_SOLD', 'decimal', {
              en: 'Sum of DN_UNION (inches) over the SOLD-completed uniones of this spool.',
              es: 'Suma de DN_UNION (pulgadas) de las uniones de este spool con SOLD completado.',
            }),
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
