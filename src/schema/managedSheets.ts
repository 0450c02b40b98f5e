import type { SchemaDeclaration } from '../core/schema';

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
            { name: 'Total_Uniones', type: 'integer', default: 0 },
            { name: 'Uniones_ARM_Completadas', type: 'integer', default: 0 },
            { name: 'Uniones_SOLD_Completadas', type: 'integer', default: 0 },
            { name: 'Pulgadas_ARM', type: 'decimal', default: 0 },
            { name: 'Pulgadas_SOLD', type: 'decimal', default: 0 },
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
