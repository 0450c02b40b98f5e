import {
  changeRows,
  columnStrip,
  formatDefault,
  historyLine,
  isStalePlan,
  migrationState,
  planHeadline,
  resultDetails,
  resultHeadline,
  sheetBadge,
  shortTime,
} from '../../src/client/format';
import { columnLetter } from '../../src/core/columnLetters';
import { STALE_PLAN_MESSAGE } from '../../src/core/errors';
import type { ApplyResult, PlannedColumn, SchemaPlan, SheetPlan } from '../../src/shared/payloads';

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
  columnsToAdd: [
    'Total_Uniones',
    'Uniones_ARM_Completadas',
    'Uniones_SOLD_Completadas',
    'Pulgadas_ARM',
    'Pulgadas_SOLD',
  ].map((h, i) => column(68 + i, h)),
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
    expect(sheetBadge(sheet())).toEqual({ text: '5 changes', tone: 'changes' });
    expect(sheetBadge(sheet({ columnsToAdd: [column(68, 'X')] }))).toEqual({ text: '1 change', tone: 'changes' });
    expect(sheetBadge(sheet({ status: 'up-to-date', columnsToAdd: [] }))).toEqual({ text: 'up to date', tone: 'ok' });
    expect(sheetBadge(sheet({ status: 'blocked' }))).toEqual({ text: 'blocked', tone: 'blocked' });
    expect(planHeadline(plan([sheet()], 'changes'))).toBe('5 changes ready to apply. Nothing has been written yet.');
    const error = { code: 'MISSING_SHEET', message: 'x', location: null };
    expect(planHeadline(plan([sheet({ status: 'blocked', errors: [error, error] })], 'blocked'))).toBe(
      'Blocked: 2 problems to fix before anything can change.',
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
    expect(planHeadline(onlyRecord)).toBe(
      'An earlier apply was stopped before it finished: Apply records it in history. No cell of the sheet changes.',
    );
  });
});

describe('columnStrip', () => {
  it('collapses the leading existing columns and highlights the new ones at their letters', () => {
    const strip = columnStrip(sheet());
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
    const strip = columnStrip(sheet({ columnsToAdd: [], lastColumn: 72, blanksToFill: [fill] }));
    expect(strip.cells.map((c) => `${c.kind}:${c.label}`)).toEqual(['collapsed:A–BR', 'fill:BS', 'existing:BT']);
    expect(strip.caption).toBe('A–BT: 72 existing columns');
  });

  it('collapses the middle of a long run of new columns', () => {
    const many = Array.from({ length: 9 }, (_, i) => column(3 + i, `C${i}`));
    const strip = columnStrip(sheet({ columnsToAdd: many, lastColumn: 2 }));
    expect(strip.cells.map((c) => c.label)).toEqual(['A', 'B', 'C', 'D', 'E–I', 'J', 'K']);
    expect(strip.caption).toBe('A–B: 2 existing columns · C–K: 9 new');
  });

  it('is empty for a missing sheet', () => {
    expect(columnStrip(sheet({ columnsToAdd: [], lastColumn: 0 })).cells).toEqual([]);
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
    const rows = changeRows(sheet({ columnsToAdd: [column(68, 'Total_Uniones')], blanksToFill: [fill] }));
    expect(rows).toEqual([
      { letter: 'BP', header: 'Total_Uniones', type: 'integer', defaultValue: '0', cells: '2,400 rows', kind: 'add' },
      { letter: 'C', header: 'Estado', type: 'fill', defaultValue: '"PENDIENTE"', cells: '1 blank', kind: 'fill' },
    ]);
  });

  it('formats defaults', () => {
    expect([formatDefault(null), formatDefault(true), formatDefault(1.5), formatDefault('x')]).toEqual([
      '(blank)',
      'TRUE',
      '1.5',
      '"x"',
    ]);
  });
});

describe('history, migrations and results', () => {
  it('formats times, states and history lines', () => {
    expect(shortTime('2026-11-21T09:05:00.000Z')).toBe('2026-11-21 09:05 UTC');
    expect(shortTime('yesterday')).toBe('yesterday');
    expect(migrationState({ id: 'm', description: '', state: 'applied', appliedAt: '2026-11-21T09:05:00.000Z' })).toBe(
      'applied 2026-11-21 09:05 UTC',
    );
    expect(migrationState({ id: 'm', description: '', state: 'applied-outside', appliedAt: null })).toBe(
      'present (added outside Sheet Schema)',
    );
    expect(
      historyLine({
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
    ).toBe('Operaciones: BP–BT: a, b — 12,005 cells, op@example.com, applied');
  });

  it('sums up an apply result', () => {
    const result: ApplyResult = {
      status: 'applied',
      summary: 'Operaciones: added 5 columns BP–BT (…).\n12,005 cells written in 1.2 s.',
      columnsAdded: ['BP', 'BQ', 'BR', 'BS', 'BT'].map((letter) => ({ sheet: 'Operaciones', letter, header: letter })),
      cellsChanged: 12005,
      durationMs: 1234,
    };
    expect(resultHeadline(result)).toBe('Applied: 5 columns added (Operaciones BP–BT), 12,005 cells written in 1.2 s.');
    expect(resultDetails(result)).toEqual(['Operaciones: added 5 columns BP–BT (…).']);
    expect(resultHeadline({ ...result, status: 'up-to-date', columnsAdded: [], cellsChanged: 0 })).toBe(
      'Nothing to apply: everything was already up to date.',
    );
  });

  it("recognises the server's stale-plan refusal", () => {
    expect(isStalePlan(STALE_PLAN_MESSAGE)).toBe(true);
    expect(isStalePlan('Sheet Schema: another schema change is running')).toBe(false);
  });
});
