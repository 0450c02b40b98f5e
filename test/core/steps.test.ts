import { planSheet } from '../../src/core/plan';
import type { ManagedSheet } from '../../src/core/schema';
import { stepsCost, writeSteps } from '../../src/core/steps';
import { SCHEMA } from '../../src/schema/managedSheets';
import { block, snapshot, V4_COLUMNS, v3Headers } from '../support/snapshots';

const OPERACIONES: ManagedSheet = SCHEMA.managedSheets[0];

describe('writeSteps for a fresh v3.0 sheet', () => {
  const plan = planSheet(OPERACIONES, snapshot({ headers: v3Headers(), lastRow: 2001, maxRows: 2500 }), [], {
    total: 0,
    created: 0,
  });
  const steps = writeSteps(plan, 1);

  it('widens the grid, formats per type, writes headers, then fills defaults in one rectangle', () => {
    // Formats precede headers: a run killed after the headers is completed by blank fills, which set no format.
    expect(steps).toEqual([
      { kind: 'insertColumns', after: 67, count: 5 },
      { kind: 'numberFormat', rect: { row: 2, column: 68, rows: 2499, columns: 3 }, format: '0' },
      { kind: 'numberFormat', rect: { row: 2, column: 71, rows: 2499, columns: 2 }, format: '0.00' },
      {
        kind: 'setHeaders',
        row: 1,
        column: 68,
        headers: V4_COLUMNS,
      },
      { kind: 'fill', rect: { row: 2, column: 68, rows: 2000, columns: 5 }, value: 0 },
      // Each created column is tagged with its identity: one call per column.
      ...V4_COLUMNS.map((identity, i) => ({ kind: 'tagColumn', column: 68 + i, identity })),
    ]);
  });

  it('costs a constant number of calls whatever the row count, and values sent do not grow with rows', () => {
    const costFor = (rows: number) =>
      stepsCost(
        writeSteps(
          planSheet(OPERACIONES, snapshot({ headers: v3Headers(), lastRow: rows + 1, maxRows: rows + 1 }), [], {
            total: 0,
            created: 0,
          }),
          1,
        ),
      );
    const small = costFor(1000);
    const large = costFor(100_000);
    expect(large.spreadsheetCalls).toBe(small.spreadsheetCalls);
    expect(large.cellsWritten).toBe(small.cellsWritten);
    expect(small).toEqual({ spreadsheetCalls: 6 + 5, cellsRead: 1, cellsWritten: 8, cellsChanged: 5 + 5 * 1000 });
    expect(large.cellsChanged).toBe(5 + 5 * 100_000);
  });
});

describe('writeSteps for other shapes', () => {
  it('header-only sheet: formats and headers, no fill', () => {
    const plan = planSheet(
      OPERACIONES,
      snapshot({ headers: v3Headers(), lastRow: 1, maxRows: 1000, maxColumns: 100 }),
      [],
      { total: 0, created: 0 },
    );
    expect(writeSteps(plan, 1).map((s) => s.kind)).toEqual([
      'numberFormat',
      'numberFormat',
      'setHeaders',
      ...V4_COLUMNS.map(() => 'tagColumn'),
    ]);
  });

  it('a one-row grid has no data rows to format', () => {
    const plan = planSheet(
      OPERACIONES,
      snapshot({ headers: v3Headers(), lastRow: 1, maxRows: 1, maxColumns: 100 }),
      [],
      { total: 0, created: 0 },
    );
    expect(writeSteps(plan, 1).map((s) => s.kind)).toEqual(['setHeaders', ...V4_COLUMNS.map(() => 'tagColumn')]);
  });

  it('blank fills of adjacent columns with the same runs merge into one rectangle per run, one RangeList per value', () => {
    const headers = [...v3Headers(), ...V4_COLUMNS];
    const values = [
      [1, 1, 1, 1, 1],
      ['', '', '', '', 9],
      ['', '', '', '', ''],
      [2, 2, 2, 2, 2],
    ];
    const tags = V4_COLUMNS.map((identity, i) => ({ column: 68 + i, identity }));
    const plan = planSheet(
      OPERACIONES,
      snapshot({ headers, lastRow: 5, managedBlock: block(2, 68, values), tags }),
      [],
      { total: 0, created: 0 },
    );
    expect(writeSteps(plan, 1)).toEqual([
      {
        kind: 'fillList',
        rects: [
          { row: 3, column: 68, rows: 2, columns: 4 },
          { row: 4, column: 72, rows: 1, columns: 1 },
        ],
        value: 0,
      },
    ]);
  });

  it('a null default initialises nothing', () => {
    const managed: ManagedSheet = {
      ...OPERACIONES,
      migrations: [{ id: 'x', description: 'x', addColumns: [{ name: 'Notas', type: 'text', default: null }] }],
    };
    const plan = planSheet(managed, snapshot({ headers: v3Headers(), maxColumns: 80 }), [], { total: 0, created: 0 });
    expect(writeSteps(plan, 1).map((s) => s.kind)).toEqual(['numberFormat', 'setHeaders', 'tagColumn']);
    expect(plan.columnsToAdd[0]).toMatchObject({ numberFormat: '@', rowsInitialised: 0 });
  });
});
