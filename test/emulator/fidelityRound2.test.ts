/** Rules issue 11's audit found the emulator did not enforce (see docs/platform.md, "Reliability round 2"). */
import { createEmulator, MSG } from '../../emulator';
import { expectGasError } from './helpers';

const CURRENT_ONLY = 'https://www.googleapis.com/auth/spreadsheets.currentonly';

describe('AuthMode', () => {
  it('NONE: no document, no Properties, no Lock, no sidebar; menus and the locale are available', () => {
    const emu = createEmulator({ locale: 'es' });
    emu.beginExecution({ kind: 'simpleTrigger', authMode: 'NONE' });
    const g = emu.globals;
    expectGasError(
      () => g.SpreadsheetApp.getActiveSpreadsheet(),
      MSG.permission('SpreadsheetApp.getActiveSpreadsheet', CURRENT_ONLY),
    );
    expectGasError(
      () => g.PropertiesService.getDocumentProperties(),
      MSG.permissionDenied('PropertiesService.getDocumentProperties'),
    );
    expectGasError(
      () => g.PropertiesService.getUserProperties(),
      MSG.permissionDenied('PropertiesService.getUserProperties'),
    );
    expectGasError(() => g.LockService.getDocumentLock(), MSG.permissionDenied('LockService.getDocumentLock'));
    const ui = g.SpreadsheetApp.getUi();
    ui.createAddonMenu().addItem('Extend schema', 'extendSchema').addToUi();
    expect(emu.ui.menus).toHaveLength(1);
    expect(() => ui.showSidebar(g.HtmlService.createHtmlOutput('<p>x</p>'))).toThrow('Ui.showSidebar');
    expect(g.Session.getActiveUserLocale()).toBe('es');
    expect(g.Session.getActiveUser().getEmail()).toBe('');
  });

  it('LIMITED: the bound document and Properties, no sidebars or dialogs, no user email', () => {
    const emu = createEmulator();
    emu.beginExecution({ kind: 'simpleTrigger' });
    const g = emu.globals;
    expect(emu.currentExecution().authMode).toBe('LIMITED');
    expect(g.SpreadsheetApp.getActiveSpreadsheet()?.getId()).toBe('emulated-spreadsheet-id');
    g.PropertiesService.getDocumentProperties()?.setProperty('k', 'v');
    expect(emu.propertiesContents('document')).toEqual({ k: 'v' });
    const html = g.HtmlService.createHtmlOutput('<p>x</p>');
    expect(() => g.SpreadsheetApp.getUi().showSidebar(html)).toThrow(
      'Required permissions: https://www.googleapis.com/auth/script.container.ui',
    );
    expect(() => g.SpreadsheetApp.getUi().showModalDialog(html, 't')).toThrow('Ui.showModalDialog');
    expect(g.Session.getActiveUser().getEmail()).toBe('');
    expect(() => g.SpreadsheetApp.openById('emulated-spreadsheet-id')).toThrow('SpreadsheetApp.openById');
  });

  it('FULL (menu, sidebar, installable triggers): everything, with the user email', () => {
    const emu = createEmulator({ user: 'ana@example.com' });
    emu.beginExecution({ kind: 'menu' });
    const g = emu.globals;
    g.SpreadsheetApp.getUi().showSidebar(g.HtmlService.createHtmlOutput('<p>x</p>'));
    expect(emu.ui.sidebars).toHaveLength(1);
    expect(g.Session.getActiveUser().getEmail()).toBe('ana@example.com');
  });
});

describe('values written as if typed', () => {
  const written = (options: { parse: boolean; locale?: string }, value: string) => {
    const emu = createEmulator({ spreadsheetLocale: options.locale ?? 'en', timeZone: 'Europe/Madrid' });
    emu.switches.parseStringsAsUserEntered = options.parse;
    const sheet = emu.seedSheet('Data', [['x']]);
    sheet.getRange('A2').setValue(value);
    sheet.getRange('B2:B2').setValues([[value]]);
    sheet.appendRow([value]);
    const rows = emu.readSheet('Data');
    return [rows[1][0], rows[1][1], rows[2][0]];
  };

  it("parse: '0012' becomes 12, an ISO date a Date at midnight in the spreadsheet's time zone", () => {
    expect(written({ parse: true }, '0012')).toEqual([12, 12, 12]);
    const [date] = written({ parse: true }, '2026-01-30');
    expect(date).toBeInstanceOf(Date);
    expect((date as Date).toISOString()).toBe('2026-01-29T23:00:00.000Z');
  });

  it("parse: '1,234' is 1234 under en and 1.234 under es; '1.5' stays text under es", () => {
    expect(written({ parse: true, locale: 'en' }, '1,234')[0]).toBe(1234);
    expect(written({ parse: true, locale: 'es' }, '1,234')[0]).toBe(1.234);
    expect(written({ parse: true, locale: 'es_ES' }, '1.234')[0]).toBe(1234);
    expect(written({ parse: true, locale: 'es' }, '1.5')[0]).toBe('1.5');
  });

  it('keep: strings stay strings', () => {
    for (const value of ['0012', '2026-01-30', '1,234'])
      expect(written({ parse: false }, value)).toEqual([value, value, value]);
  });

  it('plain-text cells keep strings whatever the switch', () => {
    const emu = createEmulator({ spreadsheetLocale: 'es' });
    const sheet = emu.seedSheet('Data', [['x']], { numberFormats: { 'A:A': '@' } });
    sheet.getRange('A2').setValue('2026-01-30');
    sheet.appendRow(['0012']);
    expect(emu.readSheet('Data').map((r) => r[0])).toEqual(['x', '2026-01-30', '0012']);
  });
});

describe('smaller gaps', () => {
  it('tryLock/waitLock with a negative timeout throw by default, or wait 0 ms (switch)', () => {
    const emu = createEmulator();
    const lock = emu.globals.LockService.getScriptLock();
    expectGasError(() => lock.tryLock(-1), MSG.negativeTimeout);
    expectGasError(() => lock.waitLock(-5), MSG.negativeTimeout);
    emu.switches.negativeLockTimeout = 'zero';
    expect(lock.tryLock(-1)).toBe(true);
    const release = emu.otherExecution.holdLock('script');
    const before = emu.clock.now();
    lock.releaseLock();
    expect(lock.tryLock(-1)).toBe(false);
    expect(emu.clock.now()).toBe(before);
    release();
  });

  it("Sheet.getRange('Name!A1') names its sheet", () => {
    const emu = createEmulator();
    const data = emu.seedSheet('Data', [['d1']]);
    emu.seedSheet('My sheet', [['m1']]);
    expect(data.getRange('Data!A1').getValue()).toBe('d1');
    expect(data.getRange("'My sheet'!A1").getValue()).toBe('m1');
    expect(data.getRange("'My sheet'!A1").getSheet().getName()).toBe('My sheet');
    expectGasError(() => data.getRange('Nope!A1'), MSG.rangeNotFound);
  });

  it('signature errors name argument types as Apps Script does', () => {
    const emu = createEmulator();
    const sheet = emu.seedSheet('Data', [['x']]);
    const call =
      (...args: unknown[]) =>
      () =>
        (sheet.getRange as (...a: unknown[]) => unknown)(...args);
    expectGasError(
      call('A1', 2),
      "The parameters (String,number) don't match the method signature for SpreadsheetApp.Sheet.getRange.",
    );
    expectGasError(
      call(1, { x: 1 }),
      "The parameters (number,(class)) don't match the method signature for SpreadsheetApp.Sheet.getRange.",
    );
    expectGasError(
      () => sheet.getRangeList('A1' as unknown as string[]),
      "The parameters (String) don't match the method signature for SpreadsheetApp.Sheet.getRangeList.",
    );
    expectGasError(
      () => sheet.getRange('A1').setValues([1] as unknown as unknown[][]),
      "The parameters (Object[]) don't match the method signature for SpreadsheetApp.Range.setValues.",
    );
  });
});
