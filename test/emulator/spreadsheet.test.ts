import { createEmulator, type Emulator, MSG } from '../../emulator';
import { expectGasError } from './helpers';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function setup(options?: Parameters<typeof createEmulator>[0]): {
  emu: Emulator;
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
} {
  const emu = createEmulator(options);
  const ss = emu.globals.SpreadsheetApp.getActiveSpreadsheet();
  if (!ss) throw new Error('no active spreadsheet');
  return { emu, ss };
}

describe('spreadsheet and sheets', () => {
  it('starts with Sheet1 (id 0, 1000×26) and exposes id, name, url, time zone', () => {
    const { emu, ss } = setup({ spreadsheetId: 'abc', spreadsheetName: 'Book' });
    expect(ss.getId()).toBe('abc');
    expect(ss.getName()).toBe('Book');
    expect(ss.getUrl()).toBe('https://docs.google.com/spreadsheets/d/abc/edit');
    expect(ss.getSpreadsheetTimeZone()).toBe('Europe/Madrid');
    expect(emu.sheetNames()).toEqual(['Sheet1']);
    const s = ss.getSheets()[0];
    expect([s.getSheetId(), s.getMaxRows(), s.getMaxColumns(), s.getLastRow(), s.getLastColumn()]).toEqual([
      0, 1000, 26, 0, 0,
    ]);
  });

  it('insertSheet: overloads, monotonic ids, new sheet active, default names, duplicate error', () => {
    const { emu, ss } = setup();
    const a = ss.insertSheet('A');
    expect(ss.getActiveSheet().getName()).toBe('A');
    const b = ss.insertSheet('B', 0);
    const c = ss.insertSheet();
    expect(c.getName()).toBe('Sheet4');
    expect(emu.sheetNames()).toEqual(['B', 'Sheet4', 'Sheet1', 'A']);
    expect([a.getSheetId(), b.getSheetId(), c.getSheetId()]).toEqual([1, 2, 3]);
    expect(b.getIndex()).toBe(1);
    expectGasError(() => ss.insertSheet('a'), 'A sheet with the name "a" already exists. Please enter another name.');
    emu.switches.insertSheetPosition = 'end';
    ss.insertSheet('Last');
    expect(emu.sheetNames().at(-1)).toBe('Last');
  });

  it('insertSheet with a template copies content, formats and size', () => {
    const { emu, ss } = setup();
    emu.seedSheet(
      'T',
      [
        ['h1', 'h2'],
        [1, { formula: '=A2*2', value: 2 }],
      ],
      { maxRows: 10, maxColumns: 4, numberFormats: { 'A1:A2': '@' } },
    );
    const copy = ss.insertSheet('Copy', { template: ss.getSheetByName('T')! });
    expect([copy.getMaxRows(), copy.getMaxColumns()]).toEqual([10, 4]);
    expect(emu.readSheet('Copy')).toEqual([
      ['h1', 'h2'],
      [1, 2],
    ]);
    expect(emu.readFormulas('Copy')).toEqual([
      ['', ''],
      ['', '=A2*2'],
    ]);
    expect(emu.readNumberFormats('Copy', 'A1:B1')).toEqual([['@', '0.###############']]);
  });

  it('getSheetByName returns null when missing; deleteSheet; cannot delete the last sheet', () => {
    const { emu, ss } = setup();
    expect(ss.getSheetByName('nope')).toBeNull();
    const x = ss.insertSheet('X');
    ss.deleteSheet(x);
    expect(emu.sheetNames()).toEqual(['Sheet1']);
    expectGasError(() => ss.deleteSheet(ss.getSheets()[0]), MSG.deleteLastSheet);
  });

  it('hideSheet refuses to hide the only visible sheet', () => {
    const { emu, ss } = setup();
    const s1 = ss.getSheets()[0];
    expectGasError(() => s1.hideSheet(), "You can't hide all the sheets in a document.");
    ss.insertSheet('Two');
    expect(s1.hideSheet().isSheetHidden()).toBe(true);
    expect(emu.sheetInfo('Sheet1')?.hidden).toBe(true);
    s1.showSheet();
    expect(s1.isSheetHidden()).toBe(false);
  });

  it('setName rejects duplicates; frozen rows round-trip', () => {
    const { ss } = setup();
    const a = ss.insertSheet('A');
    expectGasError(
      () => a.setName('Sheet1'),
      'A sheet with the name "Sheet1" already exists. Please enter another name.',
    );
    expect(a.setName('Renamed').getName()).toBe('Renamed');
    a.setFrozenRows(2);
    expect(a.getFrozenRows()).toBe(2);
  });

  it('Spreadsheet.getRange accepts a sheet prefix', () => {
    const { emu, ss } = setup();
    emu.seedSheet('My Data', [
      [1, 2],
      [3, 4],
    ]);
    expect(ss.getRange("'My Data'!A2:B2").getValues()).toEqual([[3, 4]]);
    expectGasError(() => ss.getRange('Nope!A1'), 'Range not found');
  });
});

describe('ranges: coordinates and errors', () => {
  let sheet: Sheet;
  beforeEach(() => {
    sheet = setup().ss.getSheets()[0];
  });

  it('reports coordinates and A1 notation', () => {
    const r = sheet.getRange(2, 3, 4, 5);
    expect([r.getRow(), r.getColumn(), r.getNumRows(), r.getNumColumns(), r.getLastRow(), r.getLastColumn()]).toEqual([
      2, 3, 4, 5, 5, 7,
    ]);
    expect(r.getA1Notation()).toBe('C2:G5');
    expect(sheet.getRange('B3').getA1Notation()).toBe('B3');
    // Whole columns and rows keep their notation (issue 11's audit against live-verified behaviour).
    expect(sheet.getRange('A:B').getA1Notation()).toBe('A:B');
    expect(sheet.getRange('A:B').getNumRows()).toBe(1000);
    expect(sheet.getRange('2:3').getA1Notation()).toBe('2:3');
    expect(sheet.getRange('2:3').getNumColumns()).toBe(26);
    expect(sheet.getRange('Z1').getColumn()).toBe(26);
    expect(r.offset(1, -1).getA1Notation()).toBe('B3:F6');
    expect(r.offset(0, 0, 1, 1).getA1Notation()).toBe('C2');
  });

  it('throws the exact Apps Script texts for bad coordinates', () => {
    expectGasError(
      () => sheet.getRange(1001, 1),
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expectGasError(
      () => sheet.getRange(1, 1, 1, 27),
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expectGasError(() => sheet.getRange(1, 1, 0, 1), 'The number of rows in the range must be at least 1.');
    expectGasError(() => sheet.getRange(1, 1, 1, 0), 'The number of columns in the range must be at least 1.');
    expectGasError(() => sheet.getRange(0, 1), 'The starting row of the range is too small.');
    expectGasError(() => sheet.getRange('A1:B2:C3'), 'Range not found');
  });

  it('setValues dimension errors (rows checked first)', () => {
    const r = sheet.getRange(1, 1, 2, 3);
    expectGasError(
      () => r.setValues([[1, 2, 3]]),
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expectGasError(
      () =>
        r.setValues([
          [1, 2, 3],
          [1, 2, 3, 4],
        ]),
      'The number of columns in the data does not match the number of columns in the range. The data has 4 but the range has 3.',
    );
    expectGasError(
      () => r.setValues([[1, 2], [3]]),
      'The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 3.',
    );
  });

  it('getDataRange is A1 on an empty sheet and tracks content', () => {
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
    sheet.getRange('C5').setValue('x');
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C5');
    sheet.getRange('C5').clearContent();
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([0, 0]);
    sheet.getRange('B2').setFormula('=1+1');
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([2, 2]);
  });
});

describe('values', () => {
  let emu: Emulator;
  let sheet: Sheet;
  beforeEach(() => {
    ({ emu } = setup());
    sheet = emu.seedSheet('S', []);
  });

  it('round-trips numbers, booleans, dates and strings; empty cells are ""', () => {
    const d = new Date(Date.UTC(2026, 0, 2, 3, 4, 5));
    sheet.getRange(1, 1, 1, 4).setValues([[1.5, true, d, 'txt']]);
    const got = sheet.getRange(1, 1, 1, 5).getValues();
    expect(got).toEqual([[1.5, true, d, 'txt', '']]);
    expect(got[0][2]).not.toBe(d);
    (got[0][2] as Date).setFullYear(1999);
    expect(sheet.getRange(1, 3).getValue()).toEqual(d);
  });

  it('parses strings like USER_ENTERED unless the cell format is "@"', () => {
    sheet.getRange(1, 1, 1, 6).setValues([['0', '12.5', 'TRUE', 'false', "'007", ' 42 ']]);
    expect(emu.readSheet('S')).toEqual([[0, 12.5, true, false, '007', 42]]);
    sheet.getRange('A2:B2').setNumberFormat('@');
    sheet.getRange('A2:B2').setValues([['0', 'TRUE']]);
    expect(emu.readSheet('S')[1].slice(0, 2)).toEqual(['0', 'TRUE']);
    emu.switches.parseStringsAsUserEntered = false;
    sheet.getRange('A3').setValue('5');
    expect(sheet.getRange('A3').getValue()).toBe('5');
  });

  it('null/undefined clear a cell; objects become strings; "=" strings become formulas', () => {
    sheet.getRange('A1:C1').setValues([[null, undefined, { a: 1 }]]);
    expect(emu.readSheet('S')).toEqual([['', '', '[object Object]']]);
    sheet.getRange('A2').setValue('=SUM(1,2)');
    expect(sheet.getRange('A2').getFormula()).toBe('=SUM(1,2)');
    expect(sheet.getRange('A2').getValue()).toBe('');
    expect(emu.readFormulas('S')[1][0]).toBe('=SUM(1,2)');
  });

  it('setValue on a multi-cell range fills it (switch: topLeft)', () => {
    sheet.getRange('A1:B2').setValue(7);
    expect(emu.readSheet('S')).toEqual([
      [7, 7],
      [7, 7],
    ]);
    emu.switches.multiCellSetValue = 'topLeft';
    sheet.getRange('A1:B2').setValue(8);
    expect(emu.readSheet('S')).toEqual([
      [8, 7],
      [7, 7],
    ]);
  });

  it('rejects more than 50,000 characters in a cell', () => {
    expectGasError(
      () => sheet.getRange('A1').setValue('x'.repeat(50001)),
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
    sheet.getRange('A1').setValue('x'.repeat(50000));
  });

  it('display values follow simple number formats and dates', () => {
    const d = new Date(Date.UTC(2026, 10, 21, 8, 30, 0));
    sheet.getRange('A1:D1').setValues([[Math.PI, true, d, 1234.5]]);
    sheet.getRange('A1').setNumberFormat('0.00');
    sheet.getRange('D1').setNumberFormat('#,##0.00');
    sheet.getRange('C2').setValue(d);
    sheet.getRange('C2').setNumberFormat('yyyy-mm-dd hh:mm');
    expect(sheet.getRange('A1:D1').getDisplayValues()).toEqual([['3.14', 'TRUE', '11/21/2026 9:30:00', '1,234.50']]);
    expect(sheet.getRange('C2').getDisplayValue()).toBe('2026-11-21 09:30');
  });

  it('number formats: default, per range and per cell, stored as rectangles', () => {
    expect(sheet.getRange('A1').getNumberFormat()).toBe('0.###############');
    sheet.getRange('A1:B3').setNumberFormat('@');
    sheet.getRange('B2:B3').setNumberFormats([['0.00'], ['0%']]);
    expect(sheet.getRange('A1:C3').getNumberFormats()).toEqual([
      ['@', '@', '0.###############'],
      ['@', '0.00', '0.###############'],
      ['@', '0%', '0.###############'],
    ]);
    emu.switches.defaultNumberFormat = 'General';
    expect(emu.readNumberFormats('S', 'C1')).toEqual([['General']]);
    sheet.getRange('A1:C3').clearFormat();
    expect(sheet.getRange('A1').getNumberFormat()).toBe('General');
  });

  it('offGridWrite grow: getRange past the grid works and writing grows the grid', () => {
    emu.switches.offGridWrite = 'grow';
    sheet.getRange(1005, 2).setValue('far');
    expect(emu.sheetInfo('S')).toMatchObject({ maxRows: 1005, lastRow: 1005 });
  });
});

describe('structure changes', () => {
  let emu: Emulator;
  let sheet: Sheet;
  beforeEach(() => {
    ({ emu } = setup());
    sheet = emu.seedSheet(
      'S',
      [
        ['a', 'b', 'c'],
        [1, 2, 3],
      ],
      { maxRows: 10, maxColumns: 5, numberFormats: { 'B1:B2': '@' } },
    );
  });

  it('insertColumnsAfter/Before return the sheet; insertColumns returns void; content and formats shift', () => {
    expect(sheet.insertColumnsAfter(1, 2)).toBe(sheet);
    expect(emu.readSheet('S')).toEqual([
      ['a', '', '', 'b', 'c'],
      [1, '', '', 2, 3],
    ]);
    expect(emu.readNumberFormats('S', 'D1')).toEqual([['@']]);
    expect(sheet.insertColumnsBefore(1, 1)).toBe(sheet);
    expect(sheet.insertColumns(1)).toBeUndefined();
    expect(sheet.getMaxColumns()).toBe(9);
    expect(emu.readSheet('S')[0]).toEqual(['', '', 'a', '', '', 'b', 'c']);
  });

  it('deleteColumns (void) / deleteColumn (sheet), rows likewise, with bounds errors', () => {
    expect(sheet.deleteColumns(1, 1)).toBeUndefined();
    expect(sheet.deleteColumn(1)).toBe(sheet);
    expect(emu.readSheet('S')).toEqual([['c'], [3]]);
    expect(sheet.insertRowsAfter(1, 2)).toBe(sheet);
    expect(emu.readSheet('S')).toEqual([['c'], [''], [''], [3]]);
    expect(sheet.deleteRows(2, 2)).toBeUndefined();
    expect(sheet.getMaxRows()).toBe(10);
    expectGasError(() => sheet.deleteRows(10, 2), 'Those rows are out of bounds.');
    expectGasError(() => sheet.deleteRows(1, 10), 'Sorry, it is not possible to delete all non-frozen rows.');
  });

  it('appendRow writes after the last row and grows the grid', () => {
    expect(sheet.appendRow(['x', '5'])).toBe(sheet);
    expect(emu.readSheet('S')[2]).toEqual(['x', 5, '']);
    const s2 = emu.seedSheet('Full', [[1]], { maxRows: 1, maxColumns: 1 });
    s2.appendRow([2, 3]);
    expect(emu.sheetInfo('Full')).toMatchObject({ maxRows: 2, maxColumns: 2, lastRow: 2 });
  });

  it('moveColumns moves content and formats (destination in pre-move coordinates)', () => {
    sheet.moveColumns(sheet.getRange('A1'), 4);
    expect(emu.readSheet('S')).toEqual([
      ['b', 'c', 'a'],
      [2, 3, 1],
    ]);
    expect(emu.readNumberFormats('S', 'A1:C1')).toEqual([['@', '0.###############', '0.###############']]);
    sheet.moveColumns(sheet.getRange('C:C'), 1);
    expect(emu.readSheet('S')).toEqual([
      ['a', 'b', 'c'],
      [1, 2, 3],
    ]);
  });

  it('enforces the column limit and the 10,000,000-cell limit', () => {
    expectGasError(() => sheet.insertColumnsAfter(5, 18274), MSG.columnLimit);
    emu.seedSheet('Big', [], { maxRows: 99700, maxColumns: 100 });
    expectGasError(
      () => emu.spreadsheet.getSheetByName('Big')!.insertColumnsAfter(1, 1),
      'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
    );
    expectGasError(() => emu.spreadsheet.insertSheet('More'), MSG.cellLimit);
  });

  it('clear / clearContents / Range.clear', () => {
    sheet.getRange('A1:A2').clear();
    expect(emu.readSheet('S')).toEqual([
      ['', 'b', 'c'],
      ['', 2, 3],
    ]);
    sheet.clearContents();
    expect(emu.readSheet('S')).toEqual([]);
    expect(emu.readNumberFormats('S', 'B1')).toEqual([['@']]);
    sheet.clear();
    expect(emu.readNumberFormats('S', 'B1')).toEqual([['0.###############']]);
  });
});

describe('protections', () => {
  it('owner can always edit; a non-editor is blocked with the exact message; warning-only is allowed', () => {
    const emu = createEmulator({ user: 'owner@example.com' });
    emu.seedSheet('P', [['h']]);
    emu.protectRange('P', 'A1:B2', { editors: ['ed@example.com'], description: 'headers' });
    const sheet = emu.spreadsheet.getSheetByName('P')!;
    sheet.getRange('A1').setValue('by owner');
    emu.setActiveUser('ed@example.com');
    sheet.getRange('B2').setValue('by editor');
    emu.setActiveUser('viewer@example.com');
    const p = sheet.getProtections(emu.globals.SpreadsheetApp.ProtectionType.RANGE)[0];
    expect(p.getDescription()).toBe('headers');
    expect(p.canEdit()).toBe(false);
    expect(p.getEditors().map((u) => u.getEmail())).toEqual(['owner@example.com', 'ed@example.com']);
    expectGasError(() => sheet.getRange('B1:C1').setValues([['x', 'y']]), emu.switches.protectedEditMessage);
    expectGasError(() => sheet.deleteRows(2, 1), emu.switches.protectedEditMessage);
    expectGasError(() => sheet.getRange('A1').setNumberFormat('@'), emu.switches.protectedEditMessage);
    sheet.getRange('C3').setValue('outside');
    p.setWarningOnly(true);
    sheet.getRange('B1').setValue('warned');
    expect(emu.readSheet('P')[0]).toEqual(['by owner', 'warned', '']);
  });

  it('Range.protect mirrors the spreadsheet until editors are removed; Sheet.protect is unique', () => {
    const emu = createEmulator({ user: 'alice@example.com', owner: 'owner@example.com' });
    const sheet = emu.seedSheet('P', [[1]]);
    const p = sheet.getRange('A1:A5').protect().setDescription('ids');
    expect(p.canEdit()).toBe(true);
    expect(p.getProtectionType()).toBe(emu.globals.SpreadsheetApp.ProtectionType.RANGE);
    sheet.getRange('A1').setValue(2);
    p.removeEditors(p.getEditors());
    expect(p.getEditors().map((u) => u.getEmail())).toEqual(['owner@example.com']);
    expectGasError(() => sheet.getRange('A2').setValue(3), emu.switches.protectedEditMessage);
    p.addEditor('alice@example.com');
    sheet.getRange('A2').setValue(3);
    expect(p.getRange().getA1Notation()).toBe('A1:A5');
    sheet.insertRowsBefore(1, 2);
    expect(p.getRange().getA1Notation()).toBe('A3:A7');
    p.remove();
    expect(sheet.getProtections(emu.globals.SpreadsheetApp.ProtectionType.RANGE)).toEqual([]);
    expect(sheet.protect()).toBe(sheet.protect());
    expect(sheet.getProtections(emu.globals.SpreadsheetApp.ProtectionType.SHEET)[0].getRange().getA1Notation()).toBe(
      'A1:Z1002',
    );
  });
});

describe('Sheet.getRangeList', () => {
  it('sets one value into every range in one counted call, and clears them', () => {
    const emu = createEmulator();
    const sheet = emu.seedSheet('Data', [['a', 'b', 'c']]);
    emu.stats.reset();
    const list = sheet.getRangeList(['A2', 'B3:C4']);
    list.setValue(7);
    expect(emu.readSheet('Data').slice(1)).toEqual([
      [7, '', ''],
      ['', 7, 7],
      ['', 7, 7],
    ]);
    const stats = emu.stats.snapshot();
    expect(stats.spreadsheetDataCalls).toBe(1);
    expect(stats).toMatchObject({ cellsWritten: 1, cellsChanged: 5 });
    expect(list.getRanges().map((r) => r.getA1Notation())).toEqual(['A2', 'B3:C4']);
    list.clearContent();
    expect(emu.readSheet('Data')).toEqual([['a', 'b', 'c']]);
  });

  it('writes nothing when one range is outside the grid', () => {
    const emu = createEmulator();
    const sheet = emu.seedSheet('Data', [['a']], { maxRows: 3, maxColumns: 3 });
    expect(() => sheet.getRangeList(['A2', 'A9']).setValue(1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(emu.readSheet('Data')).toEqual([['a']]);
  });
});
