import { createEmulator, DEFAULT_SWITCHES, type Emulator } from '../../emulator';
import { expectGasError } from './helpers';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const ARBITRARY =
  'Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.';

function setup(switches: Parameters<typeof createEmulator>[0] = {}): { emu: Emulator; sheet: Sheet } {
  const emu = createEmulator(switches);
  const ss = emu.globals.SpreadsheetApp.getActiveSpreadsheet();
  if (!ss) throw new Error('no spreadsheet');
  const sheet = ss.getSheets()[0];
  return { emu, sheet };
}

const columnsOf = (sheet: Sheet, key = 'k') =>
  sheet
    .createDeveloperMetadataFinder()
    .withKey(key)
    .find()
    .map((m) => [m.getValue(), m.getLocation().getColumn()?.getColumn()]);

describe('developer metadata', () => {
  it('goes on whole columns or rows only, with the documented refusal for other ranges', () => {
    const { emu, sheet } = setup();
    expectGasError(() => sheet.getRange('B1').addDeveloperMetadata('k', 'v'), ARBITRARY);
    expectGasError(() => sheet.getRange('B2:B1000').addDeveloperMetadata('k', 'v'), ARBITRARY);
    sheet.getRange('B:B').addDeveloperMetadata('k', 'v');
    sheet.getRange('3:3').addDeveloperMetadata('row', 'r');
    const [column] = sheet.createDeveloperMetadataFinder().withKey('k').find();
    expect(column.getVisibility()).toBe('DOCUMENT');
    expect(column.getLocation().getLocationType()).toBe('COLUMN');
    expect(column.getLocation().getColumn()?.getA1Notation()).toBe('B1:B1000');
    expect(column.getLocation().getRow()).toBeNull();
    const [row] = sheet
      .createDeveloperMetadataFinder()
      .withLocationType(emu.globals.SpreadsheetApp.DeveloperMetadataLocationType.ROW)
      .find();
    expect(row.getLocation().getRow()?.getRow()).toBe(3);
  });

  it('follows inserted, deleted and moved columns and is deleted with its column', () => {
    const { sheet } = setup();
    sheet.getRange('B:B').addDeveloperMetadata('k', 'b');
    sheet.getRange('D:D').addDeveloperMetadata('k', 'd');
    sheet.insertColumnBefore(1);
    expect(columnsOf(sheet)).toEqual([
      ['b', 3],
      ['d', 5],
    ]);
    sheet.moveColumns(sheet.getRange('E:E'), 1);
    expect(columnsOf(sheet)).toEqual([
      ['b', 4],
      ['d', 1],
    ]);
    sheet.deleteColumn(4);
    expect(columnsOf(sheet)).toEqual([['d', 1]]);
    sheet.deleteColumns(2, 2);
    expect(columnsOf(sheet)).toEqual([['d', 1]]);
  });

  it('stays at its index on a column move when switched off (unconfirmed for columns)', () => {
    const { sheet } = setup({ switches: { columnMetadataFollowsMoves: false } });
    sheet.getRange('B:B').addDeveloperMetadata('k', 'b');
    sheet.moveColumns(sheet.getRange('B:B'), 5);
    expect(columnsOf(sheet)).toEqual([['b', 2]]);
  });

  it('finds by key, value and location type across the spreadsheet; a single cell has none', () => {
    const { emu, sheet } = setup();
    const ss = sheet.getParent();
    const other = ss.insertSheet('Other');
    sheet.getRange('A:A').addDeveloperMetadata('k', 'x');
    other.getRange('C:C').addDeveloperMetadata('k', 'y');
    other.addDeveloperMetadata('k', 'sheet-level');
    ss.addDeveloperMetadata('k', 'book-level');
    const all = ss.createDeveloperMetadataFinder().withKey('k').find();
    expect(all.map((m) => m.getValue()).sort()).toEqual(['book-level', 'sheet-level', 'x', 'y']);
    const y = ss.createDeveloperMetadataFinder().withKey('k').withValue('y').find();
    expect(y[0].getLocation().getColumn()?.getSheet().getName()).toBe('Other');
    expect(
      other
        .createDeveloperMetadataFinder()
        .withLocationType(emu.globals.SpreadsheetApp.DeveloperMetadataLocationType.COLUMN)
        .find(),
    ).toHaveLength(1);
    expect(other.getDeveloperMetadata().map((m) => m.getValue())).toEqual(['sheet-level']);
    expect(ss.getDeveloperMetadata().map((m) => m.getValue())).toEqual(['book-level']);
    expect(other.getRange('C1').getDeveloperMetadata()).toEqual([]);
    expect(
      other
        .getRange('C:C')
        .getDeveloperMetadata()
        .map((m) => m.getValue()),
    ).toEqual(['y']);
    ss.deleteSheet(other);
    expect(
      ss
        .createDeveloperMetadataFinder()
        .withKey('k')
        .find()
        .map((m) => m.getValue())
        .sort(),
    ).toEqual(['book-level', 'x']);
    expect(emu.stats.snapshot().byMethod['DeveloperMetadataFinder.find']).toBe(4);
  });

  it('counts find() as one data call and the getters and finder building as navigation', () => {
    const { emu, sheet } = setup();
    sheet.getRange('B:B').addDeveloperMetadata('k', 'b');
    emu.stats.reset();
    columnsOf(sheet);
    const stats = emu.stats.snapshot();
    expect(stats.spreadsheetDataCalls).toBe(1);
    expect(stats.byMethod['DeveloperMetadata.getValue']).toBe(1);
  });

  it('refuses metadata past 30,000 characters per sheet, keys and values counted', () => {
    const { sheet } = setup();
    const key = 'k'.repeat(100);
    for (let c = 1; c <= 26; c++) sheet.getRange(1, c, 1000, 1).addDeveloperMetadata(key, 'v'.repeat(1000));
    // 26 × 1,100 = 28,600 characters used: 1,400 left.
    sheet.getRange('A:A').addDeveloperMetadata('x'.repeat(400), 'y'.repeat(1000));
    expectGasError(
      () => sheet.getRange('B:B').addDeveloperMetadata('x', ''),
      DEFAULT_SWITCHES.developerMetadataLimitMessage,
    );
    sheet.getParent().insertSheet('Fresh').getRange('A:A').addDeveloperMetadata(key, 'v'.repeat(1000));
  });

  it('remove() deletes it; setValue changes it', () => {
    const { sheet } = setup();
    sheet.getRange('B:B').addDeveloperMetadata('k', 'b');
    const [m] = sheet.createDeveloperMetadataFinder().find();
    m.setValue('c');
    expect(columnsOf(sheet)).toEqual([['c', 2]]);
    m.remove();
    expect(columnsOf(sheet)).toEqual([]);
  });
});
