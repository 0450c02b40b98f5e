import {
  changeRows,
  changeSentences,
  columnStrip,
  formatDefault,
  historyLine,
  migrationState,
  planHeadline,
  resultHeadline,
  sheetBadge,
  tagSummary,
} from '../../src/client/format';
import { textFor } from '../../src/client/text';
import { columnLetter } from '../../src/core/columnLetters';
import type { ApplyResult, PlannedColumn, SchemaPlan, SheetPlan } from '../../src/shared/payloads';
import { V4_COLUMNS } from '../support/snapshots';

const en = textFor('en', 'Europe/Madrid');
const es = textFor('es', 'Europe/Madrid');

const column = (index: number, header: string): PlannedColumn => ({
  migrationId: '4.0-union-metrics',
  index,
  letter: columnLetter(index),
  header,
  type: 'integer',
  default: 0,
  numberFormat: '0',
  rowsInitialised: 2400,
});

const sheet = (overrides: Partial<SheetPlan> = {}): SheetPlan => ({
  sheet: 'Operaciones',
  status: 'changes',
  lastRow: 2401,
  lastColumn: 67,
  dataRows: 2400,
  gridRows: 2401,
  gridColumns: 67,
  gridColumnsToInsert: 5,
  rules: [],
  columnsToAdd: V4_COLUMNS.map((h, i) => column(68 + i, h)),
  blanksToFill: [],
  columnsToTag: [],
  migrations: [{ id: '4.0-union-metrics', description: 'v4.0', state: 'pending', appliedAt: null }],
  warnings: [],
  errors: [],
  ...overrides,
});

const plan = (sheets: SheetPlan[], status: SchemaPlan['status']): SchemaPlan => ({
  fingerprint: '0123456789abcd',
  generatedAt: '2026-11-21T09:00:00.000Z',
  spreadsheetName: 'Demo',
  status,
  sheets,
  cost: { spreadsheetCalls: 27, cellsRead: 68, cellsWritten: 27, cellsChanged: 12023 },
  history: [],
  interrupted: null,
});

describe('badges and headlines', () => {
  it('counts changes, says up to date or blocked', () => {
    expect(sheetBadge(en, sheet())).toEqual({ text: '5 changes', tone: 'changes' });
    expect(sheetBadge(en, sheet({ columnsToAdd: [column(68, 'X')] }))).toEqual({ text: '1 change', tone: 'changes' });
    expect(sheetBadge(en, sheet({ status: 'up-to-date', columnsToAdd: [] }))).toEqual({
      text: 'up to date',
      tone: 'ok',
    });
    expect(sheetBadge(en, sheet({ status: 'blocked' }))).toEqual({ text: 'problem', tone: 'blocked' });
    expect(planHeadline(en, plan([sheet()], 'changes'))).toBe(
      'Operaciones: add 5 columns BP–BT to the right of column BO and put 0 in 2,400 rows. Nothing else changes. Nothing has been written yet.',
    );
    expect(planHeadline(es, plan([sheet()], 'changes'))).toBe(
      'Operaciones: añadir 5 columnas BP–BT a la derecha de la columna BO y poner 0 en 2.400 filas. Nada más cambia. Todavía no se ha escrito nada.',
    );
    const error = { code: 'MISSING_SHEET', message: 'x', location: null };
    expect(planHeadline(en, plan([sheet({ status: 'blocked', errors: [error, error] })], 'blocked'))).toBe(
      'Nothing was changed: 2 problems to fix first.',
    );
  });

  it('says what applying does when only an interrupted apply is left to record', () => {
    const interrupted = {
      startedAt: '2026-11-21T08:00:00.000Z',
      user: 'a@example.com',
      migrations: [],
      unrecorded: [],
      historyRepair: null,
    };
    const onlyRecord = { ...plan([sheet({ status: 'up-to-date', columnsToAdd: [] })], 'changes'), interrupted };
    expect(planHeadline(en, onlyRecord)).toBe(
      'An earlier "Extend schema" was stopped before it finished: extending now records it. No cell of the sheet changes.',
    );
  });
});

describe('columnStrip', () => {
  it('collapses the leading existing columns and highlights the new ones at their letters', () => {
    const strip = columnStrip(en, sheet());
    expect(strip.cells.map((c) => `${c.kind}:${c.label}`)).toEqual([
      'collapsed:A–BM',
      'existing:BN',
      'existing:BO',
      'new:BP',
      'new:BQ',
      'new:BR',
      'new:BS',
      'new:BT',
    ]);
    expect(strip.caption).toBe('A–BO: 67 existing columns · BP–BT: 5 new');
  });

  it('shows an up-to-date sheet up to its last column, and marks columns with blanks to fill', () => {
    const fill = {
      migrationId: 'm',
      index: 71,
      letter: 'BS',
      header: 'Pulgadas_ARM',
      default: 0,
      cells: 3,
      rowRuns: [[2, 4]] as Array<[number, number]>,
    };
    const strip = columnStrip(en, sheet({ columnsToAdd: [], lastColumn: 72, blanksToFill: [fill] }));
    expect(strip.cells.map((c) => `${c.kind}:${c.label}`)).toEqual(['collapsed:A–BR', 'fill:BS', 'existing:BT']);
    expect(strip.caption).toBe('A–BT: 72 existing columns');
  });

  it('collapses the middle of a long run of new columns', () => {
    const many = Array.from({ length: 9 }, (_, i) => column(3 + i, `C${i}`));
    const strip = columnStrip(en, sheet({ columnsToAdd: many, lastColumn: 2 }));
    expect(strip.cells.map((c) => c.label)).toEqual(['A', 'B', 'C', 'D', 'E–I', 'J', 'K']);
    expect(strip.caption).toBe('A–B: 2 existing columns · C–K: 9 new');
  });

  it('is empty for a missing sheet', () => {
    expect(columnStrip(en, sheet({ columnsToAdd: [], lastColumn: 0 })).cells).toEqual([]);
  });
});

describe('changeRows', () => {
  it('lists new columns then blanks to fill', () => {
    const fill = {
      migrationId: 'm',
      index: 3,
      letter: 'C',
      header: 'Estado',
      default: 'PENDIENTE',
      cells: 1,
      rowRuns: [[5, 5]] as Array<[number, number]>,
    };
    const rows = changeRows(en, sheet({ columnsToAdd: [column(68, 'Total_Uniones')], blanksToFill: [fill] }));
    expect(rows).toEqual([
      {
        letter: 'BP',
        header: 'Total_Uniones',
        type: 'whole number',
        defaultValue: '0',
        cells: '2,400 rows',
        kind: 'add',
      },
      { letter: 'C', header: 'Estado', type: 'fill', defaultValue: '"PENDIENTE"', cells: '1 empty', kind: 'fill' },
    ]);
    expect(changeRows(es, sheet({ columnsToAdd: [column(68, 'Total_Uniones')] }))[0]).toMatchObject({
      type: 'número entero',
      cells: '2.400 filas',
    });
    expect(changeSentences(es, plan([sheet({ columnsToAdd: [], blanksToFill: [fill] })], 'changes'))).toEqual([
      'Operaciones: poner "PENDIENTE" en 1 celda vacía de Estado (columna C).',
    ]);
  });

  it('folds the identity tags into one line per sheet, created and adopted in the detail, in both languages', () => {
    const tags: SheetPlan['columnsToTag'] = [
      ...V4_COLUMNS.map((identity, i) => ({
        identity,
        migrationId: '4.0-union-metrics',
        index: 68 + i,
        letter: columnLetter(68 + i),
        reason: 'created' as const,
      })),
      { identity: 'TAG_SPOOL', migrationId: null, index: 1, letter: 'A', reason: 'adopted' },
    ];
    const withTags = sheet({ columnsToTag: tags });
    expect(changeRows(en, withTags)).toHaveLength(5);
    expect(tagSummary(en, tags)?.line).toBe('Label 6 columns so they are found even if renamed: BP–BT, A');
    expect(tagSummary(en, tags)?.items.slice(-2)).toEqual([
      'BT · Pulgadas_SOLD — on the new column',
      'A · TAG_SPOOL — adopted: existing column',
    ]);
    expect(tagSummary(es, tags)?.line).toBe('Etiquetar 6 columnas para encontrarlas aunque las renombren: BP–BT, A');
    expect(tagSummary(es, tags.slice(-1))).toEqual({
      line: 'Etiquetar 1 columna para encontrarla aunque la renombren: A',
      items: ['A · TAG_SPOOL — adoptada: columna existente'],
    });
    expect(tagSummary(en, [])).toBeNull();
  });

  it('a plan that only tags says so in its sentences; with columns to add the tags stay a detail', () => {
    const source = {
      sheet: 'Uniones',
      migrationId: '4.0-union-metrics',
      warnings: [],
      columnsToTag: [2, 4, 11, 14].map((index, i) => ({
        identity: ['TAG_SPOOL', 'DN_UNION', 'ARM_FECHA_FIN', 'SOL_FECHA_FIN'][i],
        migrationId: '4.0-union-metrics',
        index,
        letter: columnLetter(index),
        reason: 'adopted' as const,
      })),
    };
    const onlyTags = { ...plan([sheet({ status: 'up-to-date', columnsToAdd: [] })], 'changes'), sources: [source] };
    expect(changeSentences(en, onlyTags)).toEqual([
      'Uniones: Label 4 columns so they are found even if renamed: B, D, K, N.',
    ]);
    const withColumns = { ...plan([sheet()], 'changes'), sources: [source] };
    expect(changeSentences(en, withColumns)).toEqual([
      'Operaciones: add 5 columns BP–BT to the right of column BO and put 0 in 2,400 rows.',
    ]);
  });

  it('formats defaults', () => {
    expect([formatDefault(en, null), formatDefault(en, true), formatDefault(en, 1.5), formatDefault(en, 'x')]).toEqual([
      '(empty)',
      'TRUE',
      '1.5',
      '"x"',
    ]);
    expect([formatDefault(es, true), formatDefault(es, 1.315)]).toEqual(['VERDADERO', '1,315']);
  });
});

describe('history, migrations and results', () => {
  it('formats times, states and history lines', () => {
    // 09:05 UTC is 10:05 in Madrid (CET): local time, no "UTC".
    expect(en.time('2026-11-21T09:05:00.000Z')).toBe('21 Nov 2026, 10:05');
    expect(es.time('2026-11-21T09:05:00.000Z')).toBe('21 nov 2026, 10:05');
    expect(en.time('yesterday')).toBe('yesterday');
    const applied = { id: 'm', description: '', state: 'applied', appliedAt: '2026-11-21T09:05:00.000Z' } as const;
    expect(migrationState(en, applied)).toBe('done 21 Nov 2026, 10:05');
    expect(migrationState(es, applied)).toBe('hecha 21 nov 2026, 10:05');
    expect(migrationState(en, { id: 'm', description: '', state: 'applied-outside', appliedAt: null })).toBe(
      'present (added by hand)',
    );
    expect(
      historyLine(en, {
        time: '',
        migrationId: 'm',
        sheet: 'Operaciones',
        description: 'd',
        columnsAdded: 'BP–BT: a, b',
        cellsWritten: 12005,
        user: 'op@example.com',
        durationMs: 1,
        outcome: 'applied',
      }),
    ).toBe('Operaciones: BP–BT: a, b — 12,005 cells, op@example.com, done');
  });

  it('sums up an apply result', () => {
    const result: ApplyResult = {
      status: 'applied',
      summary: 'Operaciones: added 5 columns BP–BT (…).\n12,005 cells written in 1.2 s.',
      columnsAdded: ['BP', 'BQ', 'BR', 'BS', 'BT'].map((letter) => ({ sheet: 'Operaciones', letter, header: letter })),
      cellsChanged: 12005,
      durationMs: 1234,
    };
    expect(resultHeadline(en, result)).toBe(
      'Done: 5 columns added (Operaciones BP–BT), 12,005 cells written in 1.2 s.',
    );
    expect(resultHeadline(es, { ...result, durationMs: 40 })).toBe(
      'Hecho: 5 columnas añadidas (Operaciones BP–BT), 12.005 celdas escritas en < 1 s.',
    );
    expect(resultHeadline(en, { ...result, status: 'up-to-date', columnsAdded: [], cellsChanged: 0 })).toBe(
      'Nothing to do: everything was already up to date.',
    );
  });
});
