import { blankRuns } from '../../src/core/blankFills';
import { buildPlan, planSheet } from '../../src/core/plan';
import { MAX_CELLS } from '../../src/core/planLimits';
import type { ManagedSheet } from '../../src/core/schema';
import { SCHEMA } from '../../src/schema/managedSheets';
import type { HistoryEntry } from '../../src/shared/payloads';
import { block, protection, snapshot, V4_COLUMNS, v3Headers } from '../support/snapshots';

const OPERACIONES: ManagedSheet = SCHEMA.managedSheets[0];

describe('planSheet on a v3.0 sheet', () => {
  const plan = planSheet(OPERACIONES, snapshot({ headers: v3Headers() }), [], { total: 2001 * 67, created: 0 });

  it('adds the five v4.0 columns at BP..BT in declared order with their types and defaults', () => {
    expect(plan.status).toBe('changes');
    expect(plan.columnsToAdd.map((c) => [c.index, c.letter, c.header, c.type, c.default, c.rowsInitialised])).toEqual([
      [68, 'BP', 'Total_Uniones', 'integer', 0, 2000],
      [69, 'BQ', 'Uniones_ARM_Completadas', 'integer', 0, 2000],
      [70, 'BR', 'Uniones_SOLD_Completadas', 'integer', 0, 2000],
      [71, 'BS', 'Pulgadas_ARM', 'decimal', 0, 2000],
      [72, 'BT', 'Pulgadas_SOLD', 'decimal', 0, 2000],
    ]);
    expect(plan.columnsToAdd.map((c) => c.numberFormat)).toEqual(['0', '0', '0', '0.00', '0.00']);
  });

  it('widens the grid by exactly the missing columns', () => {
    expect(plan.gridColumnsToInsert).toBe(5);
    expect(
      planSheet(OPERACIONES, snapshot({ headers: v3Headers(), maxColumns: 70 }), [], { total: 0, created: 0 })
        .gridColumnsToInsert,
    ).toBe(2);
    expect(
      planSheet(OPERACIONES, snapshot({ headers: v3Headers(), maxColumns: 100 }), [], { total: 0, created: 0 })
        .gridColumnsToInsert,
    ).toBe(0);
  });

  it('marks the migration pending with no errors', () => {
    expect(plan.errors).toEqual([]);
    expect(plan.migrations).toEqual([
      {
        id: '4.0-union-metrics',
        description: OPERACIONES.migrations[0].description,
        state: 'pending',
        appliedAt: null,
      },
    ]);
  });
});

describe('planSheet on partially migrated sheets', () => {
  it('adds only the missing columns, after the last header', () => {
    const headers = [...v3Headers(), 'Total_Uniones', 'Uniones_ARM_Completadas'];
    const values = Array.from({ length: 2000 }, () => [3, 1]);
    const plan = planSheet(OPERACIONES, snapshot({ headers, managedBlock: block(2, 68, values), maxColumns: 80 }), [], {
      total: 0,
      created: 0,
    });
    expect(plan.columnsToAdd.map((c) => `${c.letter}:${c.header}`)).toEqual([
      'BR:Uniones_SOLD_Completadas',
      'BS:Pulgadas_ARM',
      'BT:Pulgadas_SOLD',
    ]);
    expect(plan.blanksToFill).toEqual([]);
    expect(plan.migrations[0].state).toBe('partial');
  });

  it('fills only the blank cells of present columns, in runs, never formulas', () => {
    const values = [
      [5, ''],
      ['', ''],
      ['', 7],
      [0, ''],
    ];
    const formulas = [
      ['', ''],
      ['', ''],
      ['', ''],
      ['', '=A5*0'],
    ];
    const headers = [...v3Headers(), 'Total_Uniones', 'Uniones_ARM_Completadas'];
    const plan = planSheet(
      OPERACIONES,
      snapshot({ headers, lastRow: 5, managedBlock: { firstRow: 2, firstColumn: 68, values, formulas } }),
      [],
      { total: 0, created: 0 },
    );
    expect(plan.blanksToFill.map((f) => [f.letter, f.cells, f.rowRuns])).toEqual([
      ['BP', 2, [[3, 4]]],
      ['BQ', 2, [[2, 3]]],
    ]);
  });

  it('is up to date when every column exists and no blank is left', () => {
    const headers = [...v3Headers(), ...V4_COLUMNS];
    const done: HistoryEntry = {
      time: '2026-11-20T10:00:00.000Z',
      migrationId: '4.0-union-metrics',
      sheet: 'Operaciones',
      description: '',
      columnsAdded: '',
      cellsWritten: 0,
      user: '',
      durationMs: 0,
      outcome: 'applied',
    };
    const tags = V4_COLUMNS.map((identity, i) => ({ column: 68 + i, identity }));
    const plan = planSheet(
      OPERACIONES,
      snapshot({ headers, managedBlock: block(2, 68, [[0, 0, 0, 0, 0]]), lastRow: 2, tags }),
      [done],
      { total: 0, created: 0 },
    );
    expect(plan.status).toBe('up-to-date');
    expect(plan.migrations[0]).toMatchObject({ state: 'applied', appliedAt: '2026-11-20T10:00:00.000Z' });
  });

  it('tells columns added by hand from applied migrations', () => {
    const headers = [...v3Headers(), ...V4_COLUMNS];
    const plan = planSheet(OPERACIONES, snapshot({ headers, lastRow: 1 }), [], { total: 0, created: 0 });
    expect(plan.migrations[0].state).toBe('applied-outside');
  });
});

describe('planSheet refuses bad input with findings naming the sheet, cell or column', () => {
  const codes = (p: ReturnType<typeof planSheet>) => p.errors.map((e) => e.code);

  it('missing sheet', () => {
    const plan = planSheet(OPERACIONES, null, [], null);
    expect(plan.status).toBe('blocked');
    expect(plan.errors[0].message).toContain('"Operaciones" was not found');
  });

  it('empty sheet', () => {
    const plan = planSheet(OPERACIONES, snapshot({ headers: [], lastRow: 0, lastColumn: 0 }), [], null);
    expect(codes(plan)).toEqual(['EMPTY_SHEET']);
    expect(plan.errors[0].location).toBe('Operaciones!A1');
  });

  it('duplicate headers, naming both cells', () => {
    const headers = v3Headers();
    headers[9] = 'TAG_SPOOL';
    const plan = planSheet(OPERACIONES, snapshot({ headers }), [], null);
    expect(codes(plan)).toEqual(['DUPLICATE_HEADER']);
    expect(plan.errors[0].message).toContain('(A1, J1)');
  });

  it('near-duplicate of a managed name', () => {
    const plan = planSheet(OPERACIONES, snapshot({ headers: [...v3Headers(), 'total_uniones '] }), [], null);
    expect(codes(plan)).toEqual(['NEAR_DUPLICATE_HEADER']);
    expect(plan.errors[0].location).toBe('Operaciones!BP1');
    expect(plan.errors[0].message).toContain('"Total_Uniones"');
  });

  it('data without a header where the new columns go', () => {
    const right = block(1, 68, [[''], [''], ['stray']]);
    const plan = planSheet(
      OPERACIONES,
      snapshot({ headers: [...v3Headers(), ''], lastColumn: 68, rightOfHeaders: right }),
      [],
      null,
    );
    expect(codes(plan)).toEqual(['DATA_WITHOUT_HEADER']);
    expect(plan.errors[0].location).toBe('Operaciones!BP3');
  });

  it('a protected target range the user cannot edit; a warning-only one is a note', () => {
    const target = protection({ row: 1, column: 68, rows: 10, columns: 1, description: 'metrics' });
    const blocked = planSheet(
      OPERACIONES,
      snapshot({ headers: v3Headers(), maxColumns: 80, protections: [target] }),
      [],
      null,
    );
    expect(codes(blocked)).toEqual(['PROTECTED_RANGE']);
    expect(blocked.errors[0].location).toBe('Operaciones!BP1:BP10');
    const elsewhere = protection({ row: 1, column: 1, rows: 10, columns: 3 });
    expect(
      planSheet(OPERACIONES, snapshot({ headers: v3Headers(), maxColumns: 80, protections: [elsewhere] }), [], null)
        .errors,
    ).toEqual([]);
    const warning = planSheet(
      OPERACIONES,
      snapshot({ headers: v3Headers(), maxColumns: 80, protections: [{ ...target, warningOnly: true }] }),
      [],
      null,
    );
    expect(warning.status).toBe('changes');
    expect(warning.warnings.map((w) => w.code)).toEqual(['PROTECTED_WARNING']);
  });

  it('a protected sheet blocks growing its grid', () => {
    const sheetWide = protection({ rows: 2001, columns: 67, wholeSheet: true });
    expect(
      codes(
        planSheet(OPERACIONES, snapshot({ headers: v3Headers(), protections: [sheetWide] }), [], {
          total: 0,
          created: 0,
        }),
      ),
    ).toEqual(['PROTECTED_RANGE']);
    expect(
      planSheet(OPERACIONES, snapshot({ headers: v3Headers(), protections: [{ ...sheetWide, canEdit: true }] }), [], {
        total: 0,
        created: 0,
      }).status,
    ).toBe('changes');
  });

  it('the 10,000,000-cell limit', () => {
    const justFits = MAX_CELLS - 5 * 2001;
    expect(
      planSheet(OPERACIONES, snapshot({ headers: v3Headers() }), [], { total: justFits, created: 0 }).errors,
    ).toEqual([]);
    expect(
      codes(planSheet(OPERACIONES, snapshot({ headers: v3Headers() }), [], { total: justFits + 1, created: 0 })),
    ).toEqual(['CELL_LIMIT']);
  });

  it('the 18,278-column limit', () => {
    const headers = v3Headers(18_276);
    const plan = planSheet(OPERACIONES, snapshot({ headers, lastRow: 1, maxRows: 1 }), [], {
      total: 18_276,
      created: 0,
    });
    expect(codes(plan)).toEqual(['COLUMN_LIMIT']);
  });

  it('reports blank header gaps and odd header cells as warnings, never as columns to fill', () => {
    const headers: unknown[] = v3Headers();
    headers[4] = '';
    headers[5] = 42;
    headers[6] = '#REF!';
    const plan = planSheet(OPERACIONES, snapshot({ headers }), [], { total: 0, created: 0 });
    expect(plan.status).toBe('changes');
    expect(plan.warnings.map((w) => `${w.code}@${w.location}`)).toEqual([
      'BLANK_HEADER@Operaciones!E1',
      'NON_TEXT_HEADER@Operaciones!F1',
      'ERROR_HEADER@Operaciones!G1',
    ]);
    expect(plan.columnsToAdd[0].index).toBe(68);
  });

  it('a header-only sheet gets headers and no data rows', () => {
    const plan = planSheet(OPERACIONES, snapshot({ headers: v3Headers(), lastRow: 1, maxRows: 1000 }), [], {
      total: 0,
      created: 0,
    });
    expect(plan.dataRows).toBe(0);
    expect(plan.columnsToAdd.every((c) => c.rowsInitialised === 0)).toBe(true);
  });
});

describe('blankRuns', () => {
  it('groups consecutive blank rows and skips formulas', () => {
    const b = {
      firstRow: 2,
      firstColumn: 5,
      values: [[''], [''], [1], [''], ['']],
      formulas: [[''], ['=X'], [''], [''], ['']],
    };
    expect(blankRuns(b, 5)).toEqual([
      [2, 2],
      [5, 6],
    ]);
  });
});

describe('buildPlan', () => {
  const workbook = (sheets: Parameters<typeof planSheet>[1][]) => ({
    spreadsheetName: 'Shop',
    cells: null,
    sheets,
    history: [],
    interrupted: null,
    historyShape: null,
    readCost: { spreadsheetCalls: 0, cellsRead: 0 },
  });

  it('keeps its fingerprint when nothing relevant changed and changes it when the plan would', () => {
    const base = buildPlan(SCHEMA, workbook([snapshot({ headers: v3Headers() })]), 't1');
    expect(buildPlan(SCHEMA, workbook([snapshot({ headers: v3Headers() })]), 't2').fingerprint).toBe(base.fingerprint);
    expect(buildPlan(SCHEMA, workbook([snapshot({ headers: v3Headers(), lastRow: 2002 })]), 't1').fingerprint).not.toBe(
      base.fingerprint,
    );
    const renamed = v3Headers();
    renamed[3] = 'OTHER';
    expect(buildPlan(SCHEMA, workbook([snapshot({ headers: renamed })]), 't1').fingerprint).toBe(base.fingerprint);
    expect(buildPlan(SCHEMA, workbook([snapshot({ headers: [...v3Headers(), 'X'] })]), 't1').fingerprint).not.toBe(
      base.fingerprint,
    );
  });

  it('is blocked when any managed sheet is', () => {
    expect(buildPlan(SCHEMA, workbook([null]), 't').status).toBe('blocked');
  });

  it('is plain JSON (it crosses google.script.run)', () => {
    const plan = buildPlan(SCHEMA, workbook([snapshot({ headers: v3Headers() })]), 't');
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
  });
});
