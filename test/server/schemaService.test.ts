import { HISTORY_HEADERS, HISTORY_SHEET } from '../../src/adapters/history';
import { textIn } from '../../src/core/sheetText';
import { SCHEMA } from '../../src/schema/managedSheets';
import { applySchema, previewSchema } from '../../src/server/schemaService';
import { newExecution, rowsNotZeroInBpOnwards, V4_HEADERS, v3Workbook, writeCalls } from '../support/emulated';

describe('previewSchema (dry run)', () => {
  it('plans BP..BT on a 67-column sheet and writes nothing', () => {
    const { emu } = v3Workbook({ spools: 2000 });
    const plan = previewSchema(newExecution(emu));
    expect(plan.status).toBe('changes');
    const sheet = plan.sheets[0];
    expect(sheet.columnsToAdd.map((c) => `${c.letter}${c.index}:${c.header}`)).toEqual([
      'BP68:Total_Uniones',
      'BQ69:Uniones_ARM_Completadas',
      'BR70:Uniones_SOLD_Completadas',
      'BS71:Pulgadas_ARM',
      'BT72:Pulgadas_SOLD',
    ]);
    expect(sheet.columnsToAdd.every((c) => c.rowsInitialised === 2000)).toBe(true);
    expect(writeCalls(emu)).toEqual({});
    expect(emu.stats.snapshot().cellsChanged).toBe(0);
    expect(emu.sheetNames()).not.toContain(HISTORY_SHEET);
  });

  it('reads with a constant number of calls and cells that do not grow with rows', () => {
    const measure = (spools: number) => {
      const { emu } = v3Workbook({ spools });
      const plan = previewSchema(newExecution(emu));
      const stats = emu.stats.snapshot();
      expect(plan.cost.spreadsheetCalls).toBeGreaterThan(0);
      return { calls: stats.spreadsheetDataCalls, cells: stats.cellsRead };
    };
    const small = measure(10);
    expect(measure(5000)).toEqual(small);
  });

  it('returns plain JSON: no Date survives, so google.script.run does not turn it into null', () => {
    const { emu } = v3Workbook();
    const plan = previewSchema(newExecution(emu));
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
  });
});

describe('applySchema on a fresh v3.0 sheet', () => {
  const spools = 2000;
  const setup = () => {
    const { emu } = v3Workbook({ spools });
    const before = emu.readSheet('Operaciones');
    const plan = previewSchema(newExecution(emu));
    emu.stats.reset();
    const result = applySchema(newExecution(emu), plan.fingerprint);
    return { emu, before, plan, result, stats: emu.stats.snapshot() };
  };

  it('adds the five columns with 0 in every data row and leaves columns 1-67 exactly as they were', () => {
    const { emu, before, result } = setup();
    const after = emu.readSheet('Operaciones');
    expect(emu.sheetInfo('Operaciones')).toMatchObject({ lastColumn: 72, maxColumns: 72, lastRow: spools + 1 });
    expect(after[0].slice(67)).toEqual(V4_HEADERS);
    expect(rowsNotZeroInBpOnwards(emu)).toEqual([]);
    expect(after.map((row) => row.slice(0, 67))).toEqual(before);
    expect(result).toMatchObject({ status: 'applied', cellsChanged: 5 + 5 * spools });
    expect(result.columnsAdded.map((c) => c.letter)).toEqual(['BP', 'BQ', 'BR', 'BS', 'BT']);
    expect(result.summary).toContain(
      'Operaciones: added 5 columns BP–BT (Total_Uniones, Uniones_ARM_Completadas, Uniones_SOLD_Completadas, Pulgadas_ARM, Pulgadas_SOLD), initialised 2,000 data rows with 0.',
    );
    expect(result.summary).toContain('10,005 cells written');
  });

  it('formats integers as 0 and inches as 0.00', () => {
    const { emu } = setup();
    expect(emu.readNumberFormats('Operaciones', 'BP2:BT2')).toEqual([['0', '0', '0', '0.00', '0.00']]);
    expect(emu.readNumberFormats('Operaciones', `BP${spools + 1}:BT${spools + 1}`)).toEqual([
      ['0', '0', '0', '0.00', '0.00'],
    ]);
  });

  it('costs what the dry run said, in bulk: a default is sent once, not once per row', () => {
    const { plan, stats } = setup();
    expect({
      calls: stats.spreadsheetDataCalls,
      cellsWritten: stats.cellsWritten,
      cellsRead: stats.cellsRead,
      cellsChanged: stats.cellsChanged,
    }).toEqual({
      calls: plan.cost.spreadsheetCalls,
      cellsWritten: plan.cost.cellsWritten,
      cellsRead: plan.cost.cellsRead,
      cellsChanged: plan.cost.cellsChanged,
    });
    expect(stats.cellsWritten).toBeLessThan(40);
    expect(stats.byMethod['Range.setValue']).toBe(1);
  });

  it('records one history row in a hidden _schema_history sheet', () => {
    const { emu } = setup();
    expect(emu.sheetInfo(HISTORY_SHEET)).toMatchObject({ hidden: true });
    const history = emu.readSheet(HISTORY_SHEET);
    expect(history[0]).toEqual([...HISTORY_HEADERS]);
    expect(history).toHaveLength(2);
    const [time, id, sheet, description, columns, cells, user, duration, outcome] = history[1];
    expect({ id, sheet, description, columns, cells, user, outcome }).toEqual({
      id: '4.0-union-metrics',
      sheet: 'Operaciones',
      description: textIn(SCHEMA.managedSheets[0].migrations[0].description, 'en'),
      columns:
        'BP–BT: Total_Uniones, Uniones_ARM_Completadas, Uniones_SOLD_Completadas, Pulgadas_ARM, Pulgadas_SOLD; set validation, note, protection on BP–BT',
      cells: 5 + 5 * spools,
      user: 'operator@example.com',
      outcome: 'applied',
    });
    // A real date-time the sheet can sort and show in its zone (older rows hold ISO text).
    expect(Object.prototype.toString.call(time)).toBe('[object Date]');
    expect(typeof duration).toBe('number');
  });

  it('is idempotent: a second run writes nothing and records nothing', () => {
    const { emu } = setup();
    const snapshot = emu.readSheet('Operaciones');
    const plan = previewSchema(newExecution(emu));
    expect(plan.status).toBe('up-to-date');
    expect(plan.sheets[0].migrations[0].state).toBe('applied');
    emu.stats.reset();
    const again = applySchema(newExecution(emu), plan.fingerprint);
    expect(again.status).toBe('up-to-date');
    expect(writeCalls(emu)).toEqual({});
    expect(emu.readSheet('Operaciones')).toEqual(snapshot);
    expect(emu.readSheet(HISTORY_SHEET)).toHaveLength(2);
  });

  it('shows the migration as applied, from history, in the next preview', () => {
    const { emu } = setup();
    const plan = previewSchema(newExecution(emu));
    expect(plan.history[0]).toMatchObject({ migrationId: '4.0-union-metrics', outcome: 'applied' });
  });
});

describe('applySchema on partially migrated sheets', () => {
  it('adds only the missing columns and fills only blank cells, never overwriting values or formulas', () => {
    const { emu } = v3Workbook({
      spools: 6,
      extraHeaders: ['Total_Uniones', 'Uniones_ARM_Completadas'],
      maxColumns: 69,
    });
    const sheet = emu.globals.SpreadsheetApp.getActiveSpreadsheet()!.getSheetByName('Operaciones')!;
    sheet.getRange('BP2:BQ3').setValues([
      [4, 2],
      [7, ''],
    ]);
    sheet.getRange('BQ5').setFormula('=BP5*0');
    emu.stats.reset();
    const plan = previewSchema(newExecution(emu));
    expect(plan.sheets[0].columnsToAdd.map((c) => c.letter)).toEqual(['BR', 'BS', 'BT']);
    expect(plan.sheets[0].blanksToFill.map((f) => [f.letter, f.rowRuns])).toEqual([
      ['BP', [[4, 7]]],
      [
        'BQ',
        [
          [3, 4],
          [6, 7],
        ],
      ],
    ]);
    applySchema(newExecution(emu), plan.fingerprint);
    const after = emu.readSheet('Operaciones');
    expect(after[0].slice(67)).toEqual(V4_HEADERS);
    expect(after.slice(1).map((row) => row.slice(67, 69))).toEqual([
      [4, 2],
      [7, 0],
      [0, 0],
      [0, ''],
      [0, 0],
      [0, 0],
    ]);
    expect(emu.readFormulas('Operaciones')[4][68]).toBe('=BP5*0');
    expect(previewSchema(newExecution(emu)).status).toBe('up-to-date');
  });

  it('completes headers left with blank data by an interrupted run', () => {
    const { emu } = v3Workbook({ spools: 30, extraHeaders: V4_HEADERS });
    const plan = previewSchema(newExecution(emu));
    expect(plan.sheets[0].columnsToAdd).toEqual([]);
    expect(plan.sheets[0].blanksToFill.map((f) => f.cells)).toEqual([30, 30, 30, 30, 30]);
    expect(plan.sheets[0].migrations[0].state).toBe('partial');
    emu.stats.reset();
    applySchema(newExecution(emu), plan.fingerprint);
    expect(emu.stats.snapshot().byMethod['Range.setValue']).toBe(1);
    expect(rowsNotZeroInBpOnwards(emu)).toEqual([]);
  });
});

type Emu = ReturnType<typeof v3Workbook>['emu'];
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const operaciones = (emu: Emu) => emu.spreadsheet.getSheetByName('Operaciones') as Sheet;
/** One blank column inserted right of Estado_Detalle (BP), then `then` done to the sheet. */
const withBlankBp = (then: (sheet: Sheet) => void) => (emu: Emu) => {
  operaciones(emu).insertColumnsAfter(67, 1);
  then(operaciones(emu));
};

/** What a person did to the sheet → the words the refusal must contain. */
const REFUSALS: ReadonlyArray<readonly [string, (emu: Emu) => void, string]> = [
  [
    'a missing Operaciones sheet',
    (emu) => emu.spreadsheet.deleteSheet(operaciones(emu)),
    'Sheet "Operaciones" was not found',
  ],
  ['duplicate headers', (emu) => operaciones(emu).getRange('C1').setValue('TAG_SPOOL'), '(A1, C1)'],
  [
    'a near-duplicate of a managed name',
    withBlankBp((s) => s.getRange('BP1').setValue('Total_Uniones\u00A0')),
    'Operaciones!BP1',
  ],
  [
    'data without a header in the target columns',
    withBlankBp((s) => s.getRange('BP4').setValue('x')),
    'Operaciones!BP4 holds data',
  ],
  [
    'a protected target range',
    (emu) => {
      operaciones(emu).insertColumnsAfter(67, 5);
      emu.protectRange('Operaciones', 'BP1:BT11', { editors: ['owner@example.com'], description: 'locked' });
    },
    'Operaciones!BP1:BT11 is protected',
  ],
];

describe('applySchema refuses, writing nothing', () => {
  it('a plan the operator did not see (the sheet changed since the preview)', () => {
    const { emu } = v3Workbook({ spools: 10 });
    const plan = previewSchema(newExecution(emu));
    emu.globals.SpreadsheetApp.getActiveSpreadsheet()!.getSheetByName('Operaciones')!.appendRow(['NEW-SPOOL']);
    emu.stats.reset();
    expect(() => applySchema(newExecution(emu), plan.fingerprint)).toThrow('the sheet changed since this preview');
    expect(writeCalls(emu)).toEqual({});
  });

  it('while another execution holds the document lock', () => {
    const { emu } = v3Workbook({ spools: 10 });
    const plan = previewSchema(newExecution(emu));
    const release = emu.otherExecution.holdLock('document');
    emu.stats.reset();
    expect(() => applySchema(newExecution(emu), plan.fingerprint)).toThrow(
      'another schema change is running — try again',
    );
    expect(writeCalls(emu)).toEqual({});
    release();
    expect(applySchema(newExecution(emu), plan.fingerprint).status).toBe('applied');
  });

  it.each(REFUSALS)('%s', (_label, breakSheet, message) => {
    const { emu } = v3Workbook({ spools: 10, emulator: { owner: 'owner@example.com' } });
    breakSheet(emu);
    const before = emu.sheetNames().map((n) => emu.readSheet(n));
    const plan = previewSchema(newExecution(emu));
    expect(plan.status).toBe('blocked');
    emu.stats.reset();
    expect(() => applySchema(newExecution(emu), plan.fingerprint)).toThrow(message);
    expect(writeCalls(emu)).toEqual({});
    expect(emu.sheetNames().map((n) => emu.readSheet(n))).toEqual(before);
  });

  it('an empty sheet', () => {
    const { emu } = v3Workbook();
    emu.seedSheet('Operaciones', []);
    const plan = previewSchema(newExecution(emu));
    expect(plan.sheets[0].errors[0]).toMatchObject({ code: 'EMPTY_SHEET', location: 'Operaciones!A1' });
  });

  it('a change that would pass 10,000,000 cells', () => {
    const { emu } = v3Workbook({ spools: 10 });
    const used = emu
      .sheetNames()
      .reduce((sum, name) => sum + emu.sheetInfo(name)!.maxRows * emu.sheetInfo(name)!.maxColumns, 0);
    // The five new columns need 11 × 5 more cells than are left.
    emu.seedSheet('Big', [['x']], { maxRows: 10_000_000 - used - 10, maxColumns: 1 });
    const plan = previewSchema(newExecution(emu));
    expect(plan.sheets[0].errors.map((e) => e.code)).toEqual(['CELL_LIMIT']);
    expect(() => applySchema(newExecution(emu), plan.fingerprint)).toThrow("over Google Sheets' limit of 10,000,000");
  });
});

describe('the 10,000,000-cell limit counts the history sheet the first apply creates', () => {
  it('blocks when only the new history sheet would pass the limit, naming it', () => {
    const { emu } = v3Workbook({ spools: 10, maxColumns: 80 });
    const used = emu
      .sheetNames()
      .reduce((sum, name) => sum + emu.sheetInfo(name)!.maxRows * emu.sheetInfo(name)!.maxColumns, 0);
    emu.seedSheet('Big', [['x']], { maxRows: 10_000_000 - used - 1000, maxColumns: 1 });
    const plan = previewSchema(newExecution(emu));
    expect(plan.sheets[0].gridColumnsToInsert).toBe(0);
    expect(plan.sheets[0].errors.map((e) => e.code)).toEqual(['CELL_LIMIT']);
    expect(plan.sheets[0].errors[0].message).toContain('cells of the history sheet the first apply creates');
  });
});

describe('header-only sheet', () => {
  it('gets headers only', () => {
    const { emu } = v3Workbook({ spools: 0, maxRows: 1 });
    const plan = previewSchema(newExecution(emu));
    applySchema(newExecution(emu), plan.fingerprint);
    expect(emu.readSheet('Operaciones')).toEqual([[...emu.readSheet('Operaciones')[0].slice(0, 67), ...V4_HEADERS]]);
  });
});

describe('Range.setValue fill behaviour (UNCONFIRMED platform fact) — correct either way', () => {
  it('falls back to a full matrix when setValue only sets the top-left cell', () => {
    const { emu } = v3Workbook({ spools: 40, emulator: { switches: { multiCellSetValue: 'topLeft' } } });
    const plan = previewSchema(newExecution(emu));
    applySchema(newExecution(emu), plan.fingerprint);
    expect(rowsNotZeroInBpOnwards(emu)).toEqual([]);
  });
});
