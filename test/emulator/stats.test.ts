import { createEmulator } from '../../emulator';
import { expectGasError } from './helpers';

describe('call counting', () => {
  it('counts every service method call by service and Class.method, once per outer call', () => {
    const emu = createEmulator();
    emu.seedSheet('S', [
      [1, 2],
      [3, 4],
    ]);
    emu.stats.reset();
    const ss = emu.globals.SpreadsheetApp.getActiveSpreadsheet()!;
    const sheet = ss.getSheetByName('S')!;
    const values = sheet.getDataRange().getValues();
    sheet.getRange(1, 1, 2, 2).setValues(values.map((r) => r.map((v) => (v as number) * 10)));
    sheet.getRange('A1').setValue(10);
    sheet.getRange('A1:B1').setValue('x');
    sheet.appendRow(['a', 'b', 'c']);
    emu.globals.CacheService.getScriptCache().put('k', 'v');
    emu.globals.SpreadsheetApp.getUi().alert('hi');
    const s = emu.stats.snapshot();
    expect(s.byMethod).toEqual({
      'SpreadsheetApp.getActiveSpreadsheet': 1,
      'Spreadsheet.getSheetByName': 1,
      'Sheet.getDataRange': 1,
      'Range.getValues': 1,
      'Sheet.getRange': 3,
      'Range.setValues': 1,
      'Range.setValue': 2,
      'Sheet.appendRow': 1,
      'CacheService.getScriptCache': 1,
      'Cache.put': 1,
      'SpreadsheetApp.getUi': 1,
      'Ui.alert': 1,
    });
    expect(s.calls).toMatchObject({ Spreadsheet: 12, Cache: 2, Ui: 1, Lock: 0 });
    // data calls: getDataRange, getValues, setValues, setValue ×2, appendRow
    expect(s.spreadsheetDataCalls).toBe(6);
    expect(s.cellsRead).toBe(4);
    expect(s.cellsWritten).toBe(4 + 1 + 1 + 3);
    // setValues changes 4, setValue(10) on A1 changes nothing, 'x' changes 2, appendRow 3
    expect(s.cellsChanged).toBe(4 + 0 + 2 + 3);
  });

  it('backdoors are neither counted nor faulted', () => {
    const emu = createEmulator();
    emu.faults.failOnCall(1);
    emu.seedSheet('S', [[1]]);
    emu.readSheet('S');
    emu.protectRange('S', 'A1', { editors: [] });
    emu.cacheContents('script');
    expect(emu.stats.snapshot().calls.Spreadsheet).toBe(0);
    expectGasError(
      () => emu.spreadsheet.getSheets(),
      'Service Spreadsheets timed out while accessing document with id emulated-spreadsheet-id.',
    );
  });
});

describe('fault injection', () => {
  it('fails the k-th call of a service, before any effect, one-shot', () => {
    const emu = createEmulator();
    const sheet = emu.seedSheet('S', [[1]]);
    emu.globals.CacheService.getScriptCache();
    emu.faults.failOnCall(3, { message: 'boom' });
    const r = sheet.getRange('A1');
    r.getValue();
    expectGasError(() => r.setValue(2), 'boom');
    expect(emu.readSheet('S')).toEqual([[1]]);
    r.setValue(3);
    expect(emu.readSheet('S')).toEqual([[3]]);
  });

  it('faults other services with the generic server error', () => {
    const emu = createEmulator();
    emu.faults.failOnCall(2, { service: 'Properties' });
    const p = emu.globals.PropertiesService.getScriptProperties();
    expectGasError(
      () => p.setProperty('a', '1'),
      "We're sorry, a server error occurred. Please wait a bit and try again.",
    );
    expect(emu.propertiesContents('script')).toEqual({});
    emu.faults.failOnCall(1, { service: 'Lock' });
    emu.faults.clear();
    emu.globals.LockService.getScriptLock();
  });
});
