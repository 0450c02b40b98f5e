import { checkHeadline, findingText, metricsProblems } from '../../src/client/checkFormat';
import { textFor } from '../../src/client/text';
import type { CheckResult, UnionMetricsReport } from '../../src/shared/payloads';

const en = textFor('en', 'Europe/Madrid');
const es = textFor('es', 'Europe/Madrid');

describe('findings from their code and location', () => {
  it('names the sheet and the cell in either language; an unknown code keeps the server sentence', () => {
    const renamed = { code: 'COLUMN_RENAMED', message: 'Operaciones!BR1 reads "X"…', location: 'Operaciones!BR1' };
    expect(findingText(en, renamed, 'Operaciones')).toBe(
      'A column header of the schema was renamed in Operaciones (BR1).',
    );
    expect(findingText(es, renamed, 'Operaciones')).toBe(
      'Se renombró en Operaciones el encabezado de una columna del esquema (BR1).',
    );
    const quoted = { code: 'DUPLICATE_HEADER', message: 'm', location: "'Hoja 1'!F1" };
    expect(findingText(en, quoted, 'Hoja 1')).toBe('The header at F1 repeats another header of Hoja 1.');
    expect(findingText(en, { code: 'RENAME_NEW', message: 'Server words.', location: null }, 'Operaciones')).toBe(
      'Server words.',
    );
  });

  it('words identity findings from their params (column identity, cells, header texts), never the server sentence', () => {
    const duplicated = {
      code: 'DUPLICATE_IDENTITY',
      message: 'English server sentence',
      location: 'Operaciones!BS1',
      params: { sheet: 'Operaciones', identity: 'Pulgadas_ARM', cells: 'Operaciones!BP1, Operaciones!BS1' },
    };
    expect(findingText(es, duplicated, 'Operaciones')).toBe(
      'La columna Pulgadas_ARM del esquema está en más de una columna de Operaciones (Operaciones!BP1, Operaciones!BS1), por ejemplo una copia. No se escribe nada: borre o renombre la copia y previsualice de nuevo.',
    );
    const mismatch = {
      code: 'IDENTITY_MISMATCH',
      message: 'English server sentence',
      location: 'Operaciones!BQ1',
      params: { sheet: 'Operaciones', cell: 'Operaciones!BQ1', identity: 'Total_Uniones', header: 'Pulgadas_SOLD' },
    };
    expect(findingText(en, mismatch, 'Operaciones')).toBe(
      'BQ1 belongs to column Total_Uniones of the schema but its header is "Pulgadas_SOLD", another column of the schema: headers were moved without their columns. Nothing is written until each header stands over its own column again.',
    );
    const limit = {
      code: 'METADATA_LIMIT',
      message: 'English server sentence',
      location: 'Operaciones',
      params: { sheet: 'Operaciones', used: 29_990, needed: 140, limit: 30_000 },
    };
    expect(findingText(es, limit, 'Operaciones')).toContain('necesita 140 caracteres');
    expect(findingText(es, limit, 'Operaciones')).toContain('ya usa 29.990 de los 30.000');
    for (const code of ['COLUMN_LOOKS_RENAMED', 'COLUMNS_UNTAGGED']) {
      const f = {
        code,
        message: 'English server sentence',
        location: 'Operaciones!BR1',
        params: { identity: 'X', header: 'Y', cells: 'BR1' },
      };
      expect(findingText(en, f, 'Operaciones')).not.toContain('English server sentence');
      expect(findingText(es, f, 'Operaciones')).not.toContain('English server sentence');
      expect(findingText(es, f, 'Operaciones')).not.toMatch(/\{\w+\}/);
    }
  });
});

describe('check headline', () => {
  it('says first that the check wrote, when auto-repair applied', () => {
    const result = {
      status: 'ok',
      autoRepair: {
        outcome: 'applied',
        message: '',
        columnsAdded: ['BP', 'BQ'].map((letter) => ({ sheet: 'Operaciones', letter, header: letter })),
      },
    } as unknown as CheckResult;
    expect(checkHeadline(es, result)).toBe(
      'La revisión amplió el esquema (reparación automática): 2 columnas añadidas (Operaciones BP–BQ). Revisión terminada: correcto.',
    );
    expect(checkHeadline(en, { ...result, autoRepair: { ...result.autoRepair, outcome: 'off' } })).toBe(
      'Check finished: OK.',
    );
  });
});

describe('union metrics problems', () => {
  it('name both sheets, list each spool once and keep the full list', () => {
    const report = {
      sheet: 'Operaciones',
      unionSheet: 'Uniones',
      orphans: {
        count: 5,
        examples: [
          { row: 179, key: 'MK-9' },
          { row: 180, key: 'MK-9' },
          { row: 181, key: 'MK-7' },
          { row: 182, key: 'MK-5' },
          { row: 183, key: 'MK-3' },
        ],
      },
      badDiameters: { count: 0, examples: [] },
      blankKeys: { count: 1, rows: [44] },
      duplicateSpools: { count: 0, examples: [] },
    } as unknown as UnionMetricsReport;
    const [orphans, blank] = metricsProblems(es, report);
    expect(orphans.text).toBe(
      '5 uniones de Uniones nombran un spool que no está en Operaciones: MK-9, MK-7, MK-5 (+1). No se cuentan.',
    );
    expect(orphans.examples).toEqual(['MK-9', 'MK-7', 'MK-5', 'MK-3']);
    expect(blank.text).toBe('1 unión de Uniones no tiene spool: fila 44. No se cuenta.');
  });
});
