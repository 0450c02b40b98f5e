import { createEmulator, installGlobals } from '../../emulator';
import { expectGasError } from './helpers';

describe('execution contexts', () => {
  it('getUi throws without UI; getActiveSpreadsheet follows the trigger switch', () => {
    const emu = createEmulator();
    const app = emu.globals.SpreadsheetApp;
    emu.beginExecution({ kind: 'timeTrigger' });
    expect(emu.currentExecution()).toMatchObject({ ui: false, authMode: 'FULL', documentContext: true });
    expectGasError(() => app.getUi(), 'Cannot call SpreadsheetApp.getUi() from this context.');
    expect(app.getActiveSpreadsheet()).toBeNull();
    expectGasError(() => app.getActiveSheet(), 'Please select an active sheet first.');
    emu.switches.activeSpreadsheetInTrigger = 'container';
    expect(app.getActiveSpreadsheet()?.getId()).toBe('emulated-spreadsheet-id');
    emu.beginExecution({ documentContext: false });
    expect(emu.globals.CacheService.getDocumentCache()).toBeNull();
    expect(emu.globals.PropertiesService.getDocumentProperties()).toBeNull();
    expect(emu.globals.LockService.getDocumentLock()).toBeNull();
    emu.endExecution();
    expect(emu.globals.CacheService.getDocumentCache()).not.toBeNull();
  });

  it('openById opens the container, fails for unknown or deleted ids and in simple triggers', () => {
    const emu = createEmulator({ spreadsheetId: 'id-1' });
    const app = emu.globals.SpreadsheetApp;
    expect(app.openById('id-1').getId()).toBe('id-1');
    expectGasError(
      () => app.openById('other'),
      "Document other is missing (perhaps it was deleted, or you don't have read access?)",
    );
    emu.beginExecution({ kind: 'simpleTrigger' });
    expectGasError(
      () => app.openById('id-1'),
      'You do not have permission to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets',
    );
    emu.endExecution();
    emu.deleteSpreadsheet();
    expectGasError(
      () => app.openById('id-1'),
      "Document id-1 is missing (perhaps it was deleted, or you don't have read access?)",
    );
  });
});

describe('Ui', () => {
  it('records menus, alerts, prompts, sidebars, dialogs and toasts', () => {
    const emu = createEmulator();
    const ui = emu.globals.SpreadsheetApp.getUi();
    ui.createAddonMenu()
      .addItem('Dry run', 'dryRun')
      .addSeparator()
      .addSubMenu(ui.createMenu('More').addItem('Help', 'help'))
      .addToUi();
    expect(emu.ui.menus).toEqual([
      {
        caption: '',
        addon: true,
        items: [{ caption: 'Dry run', functionName: 'dryRun' }],
        entries: [
          { caption: 'Dry run', functionName: 'dryRun' },
          { separator: true },
          {
            caption: 'More',
            submenu: {
              caption: 'More',
              addon: false,
              items: [{ caption: 'Help', functionName: 'help' }],
              entries: [{ caption: 'Help', functionName: 'help' }],
            },
          },
        ],
      },
    ]);
    expect(ui.alert('hello')).toBe(ui.Button.CLOSE);
    emu.ui.respondWith('YES', 'NO');
    expect(ui.alert('Apply?', 'Sure?', ui.ButtonSet.YES_NO)).toBe(ui.Button.YES);
    expect(ui.alert('Sure?', ui.ButtonSet.YES_NO) === ui.Button.YES).toBe(false);
    emu.ui.respondWith('YES');
    expect(() => ui.alert('x', ui.ButtonSet.OK_CANCEL)).toThrow(/not a button of ButtonSet.OK_CANCEL/);
    emu.ui.respondWithText('Sheet A');
    const r = ui.prompt('Name?', ui.ButtonSet.OK_CANCEL);
    expect([r.getResponseText(), r.getSelectedButton()]).toEqual(['Sheet A', ui.Button.OK]);
    expect(emu.ui.alerts.map((a) => [a.kind, a.title, a.prompt, a.buttons, a.response])).toEqual([
      ['alert', undefined, 'hello', undefined, 'CLOSE'],
      ['alert', 'Apply?', 'Sure?', 'YES_NO', 'YES'],
      ['alert', undefined, 'Sure?', 'YES_NO', 'NO'],
      ['prompt', undefined, 'Name?', 'OK_CANCEL', 'OK'],
    ]);
    const html = emu.globals.HtmlService.createHtmlOutput('<b>x</b>').setTitle('Schema');
    ui.showSidebar(html);
    ui.showModalDialog(html, 'Dialog');
    emu.spreadsheet.toast('Done', 'Schema', 3);
    expect(emu.ui.sidebars).toEqual([{ title: 'Schema', html: '<b>x</b>' }]);
    expect(emu.ui.dialogs).toEqual([{ title: 'Dialog', html: '<b>x</b>', modal: true }]);
    expect(emu.ui.toasts).toEqual([{ message: 'Done', title: 'Schema', timeoutSeconds: 3 }]);
  });
});

describe('HtmlService', () => {
  it('serves files, templates and errors on missing files', () => {
    const emu = createEmulator();
    const h = emu.globals.HtmlService;
    emu.html.setFiles({ Sidebar: '<p>side</p>', 'Page.html': '<h1><?= title ?></h1><?!= raw ?>' });
    expect(h.createHtmlOutputFromFile('Sidebar').getContent()).toBe('<p>side</p>');
    expectGasError(() => h.createHtmlOutputFromFile('Index'), 'No HTML file named Index was found.');
    const t = h.createTemplateFromFile('Page');
    Object.assign(t, { title: '<A&B>', raw: '<i>r</i>' });
    expect(t.evaluate().getContent()).toBe('<h1>&lt;A&amp;B&gt;</h1><i>r</i>');
    const out = h
      .createHtmlOutput()
      .append('a')
      .setWidth(300)
      .setHeight(200)
      .setXFrameOptionsMode(h.XFrameOptionsMode.ALLOWALL)
      .setSandboxMode(h.SandboxMode.IFRAME);
    expect([out.getContent(), out.getWidth(), out.getHeight()]).toEqual(['a', 300, 200]);
  });
});

describe('CacheService', () => {
  it('scopes, TTL on the fake clock, getAll, limits and error texts', () => {
    const emu = createEmulator();
    const cs = emu.globals.CacheService;
    const c = cs.getScriptCache();
    c.put('a', 'A');
    c.put('b', 'B', 30);
    c.putAll({ x: '1', y: '2' }, 21600 * 10);
    expect(c.getAll(['a', 'x', 'missing'])).toEqual({ a: 'A', x: '1' });
    emu.clock.advance(31_000);
    expect(c.get('b')).toBeNull();
    emu.clock.advance(600_000);
    expect(c.get('a')).toBeNull();
    expect(c.get('x')).toBe('1');
    emu.clock.advance(21600_000);
    expect(c.get('x')).toBeNull();
    c.put(123 as unknown as string, 'n');
    expect(c.get('123')).toBe('n');
    c.remove('123');
    expect(c.get('123')).toBeNull();
    expectGasError(() => c.put('k'.repeat(251), 'v'), 'Argument too large: key');
    c.put('k'.repeat(250), 'v');
    expectGasError(() => c.put('v', 'é'.repeat(51_201)), 'Argument too large: value');
    c.put('v', 'x'.repeat(102_400));
    expectGasError(() => c.put('', 'v'), 'Invalid argument: key');
    expectGasError(() => c.get(null as unknown as string), 'Invalid argument: key');
    cs.getUserCache().put('u', '1');
    emu.setActiveUser('other@example.com');
    expect(cs.getUserCache().get('u')).toBeNull();
    expect(emu.cacheContents('user', 'operator@example.com')).toEqual({ u: '1' });
    cs.getDocumentCache()!.put('d', '1');
    expect(emu.cacheContents('document')).toEqual({ d: '1' });
  });

  it('caps at 1,000 items and evicts the oldest-created down to 900', () => {
    const emu = createEmulator();
    const c = emu.globals.CacheService.getScriptCache();
    for (let i = 0; i < 1000; i++) c.put(`k${i}`, 'v');
    c.put('k0', 'again');
    expect(Object.keys(emu.cacheContents('script'))).toHaveLength(1000);
    c.put('new', 'v');
    const keys = Object.keys(emu.cacheContents('script'));
    expect(keys).toHaveLength(900);
    expect(keys).toContain('k0');
    expect(keys).not.toContain('k1');
    expect(keys).toContain('new');
  });
});

describe('PropertiesService', () => {
  it('string coercion, chaining, copies, scopes', () => {
    const emu = createEmulator();
    const ps = emu.globals.PropertiesService;
    const p = ps
      .getScriptProperties()
      .setProperty('n', 5 as unknown as string)
      .setProperties({ a: '1', b: true as unknown as string });
    expect(p.getProperty('n')).toBe('5');
    expect(p.getProperty('missing')).toBeNull();
    const copy = p.getProperties();
    copy.a = 'changed';
    expect(p.getProperty('a')).toBe('1');
    expect(p.getKeys().sort()).toEqual(['a', 'b', 'n']);
    p.setProperties({ only: 'x' }, true);
    expect(p.getProperties()).toEqual({ only: 'x' });
    p.deleteProperty('only').deleteAllProperties();
    expect(p.getKeys()).toEqual([]);
    ps.getUserProperties().setProperty('u', '1');
    ps.getDocumentProperties()!.setProperty('d', '2');
    expect(emu.propertiesContents('user')).toEqual({ u: '1' });
    expect(emu.propertiesContents('document')).toEqual({ d: '2' });
  });

  it('per-value limit (switch) and 500 KB store quota', () => {
    const emu = createEmulator();
    const p = emu.globals.PropertiesService.getScriptProperties();
    expectGasError(() => p.setProperty('k', 'x'.repeat(9 * 1024 + 1)), 'Argument too large: value');
    p.setProperty('k', 'x'.repeat(9 * 1024));
    emu.switches.propertiesValueLimitBytes = 100 * 1024;
    for (let i = 0; i < 4; i++) p.setProperty(`big${i}`, 'x'.repeat(100 * 1024));
    expectGasError(
      () => p.setProperty('big4', 'x'.repeat(100 * 1024)),
      'You have exceeded the property storage quota. Please remove some properties and try again.',
    );
    expect(p.getProperty('big4')).toBeNull();
  });
});

describe('LockService', () => {
  it('tryLock/waitLock against another execution, on the fake clock', () => {
    const emu = createEmulator();
    const ls = emu.globals.LockService;
    const release = emu.otherExecution.holdLock('script');
    const lock = ls.getScriptLock();
    const t0 = emu.clock.now();
    expect(lock.tryLock(5000)).toBe(false);
    expect(emu.clock.now() - t0).toBe(5000);
    expect(lock.hasLock()).toBe(false);
    expectGasError(() => lock.waitLock(1000), 'Lock timeout: another process was holding the lock for too long.');
    release();
    expect(lock.tryLock(0)).toBe(true);
    expect(ls.getScriptLock().tryLock(0)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
  });

  it('endExecution releases the locks the execution held', () => {
    const emu = createEmulator();
    emu.beginExecution();
    emu.globals.LockService.getDocumentLock()!.waitLock(100);
    emu.beginExecution();
    expect(emu.globals.LockService.getDocumentLock()!.tryLock(100)).toBe(true);
    const userLock = emu.globals.LockService.getUserLock();
    userLock.waitLock(1);
    emu.endExecution();
    expect(userLock.hasLock()).toBe(false);
  });
});

describe('Session', () => {
  it('active/effective user, temporary key, time zone, locale', () => {
    const emu = createEmulator({ user: 'ana@example.com', timeZone: 'UTC' });
    const s = emu.globals.Session;
    expect(s.getActiveUser().getEmail()).toBe('ana@example.com');
    expect(s.getEffectiveUser().getEmail()).toBe('ana@example.com');
    const key = s.getTemporaryActiveUserKey();
    expect(s.getTemporaryActiveUserKey()).toBe(key);
    emu.setActiveUser('');
    expect(s.getActiveUser().getEmail()).toBe('');
    expect(s.getTemporaryActiveUserKey()).not.toBe(key);
    expect([s.getScriptTimeZone(), s.getActiveUserLocale()]).toEqual(['UTC', 'en']);
  });
});

describe('ScriptApp', () => {
  it('creates, lists (per user) and deletes triggers; 21st fails', () => {
    const emu = createEmulator({ switches: { triggerRules: 'script' } });
    const sa = emu.globals.ScriptApp;
    const t = sa.newTrigger('tick').timeBased().everyMinutes(5).create();
    expect(t.getEventType()).toBe(sa.EventType.CLOCK);
    expect(t.getTriggerSource()).toBe(sa.TriggerSource.CLOCK);
    expect(t.getTriggerSourceId()).toBeNull();
    const e = sa.newTrigger('onEditHandler').forSpreadsheet(emu.spreadsheet).onEdit().create();
    expect([e.getHandlerFunction(), e.getEventType(), e.getTriggerSourceId()]).toEqual([
      'onEditHandler',
      'ON_EDIT',
      'emulated-spreadsheet-id',
    ]);
    expect(sa.getUserTriggers(emu.spreadsheet)).toHaveLength(2);
    emu.setActiveUser('bob@example.com');
    expect(sa.getProjectTriggers()).toHaveLength(0);
    sa.newTrigger('daily').timeBased().everyDays(1).atHour(3).create();
    expect(emu.triggers.list().map((r) => [r.user, r.handlerFunction])).toEqual([
      ['operator@example.com', 'tick'],
      ['operator@example.com', 'onEditHandler'],
      ['bob@example.com', 'daily'],
    ]);
    for (let i = 1; i < 20; i++) sa.newTrigger(`f${i}`).timeBased().everyHours(1).create();
    expectGasError(
      () => sa.newTrigger('one-too-many').timeBased().everyHours(1).create(),
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
    sa.deleteTrigger(sa.getProjectTriggers()[0]);
    expect(sa.getProjectTriggers()).toHaveLength(19);
  });

  it('validates clock builders', () => {
    const sa = createEmulator().globals.ScriptApp;
    expectGasError(
      () => sa.newTrigger('x').timeBased().everyMinutes(7),
      'The value passed to everyMinutes() must be 1, 5, 10, 15 or 30.',
    );
    expectGasError(
      () => sa.newTrigger('x').timeBased().atHour(3).create(),
      'Frequency is required if you are using atHour() or nearMinute().',
    );
  });

  it('authorization info and permission errors in simple triggers', () => {
    const emu = createEmulator();
    const sa = emu.globals.ScriptApp;
    const info = () => sa.getAuthorizationInfo(sa.AuthMode.FULL);
    expect(info().getAuthorizationStatus()).toBe(sa.AuthorizationStatus.NOT_REQUIRED);
    expect(info().getAuthorizationUrl()).toBeNull();
    emu.setAuthorizationRequired(true);
    expect(info().getAuthorizationStatus()).toBe(sa.AuthorizationStatus.REQUIRED);
    expect(info().getAuthorizationUrl()).toMatch(/^https:\/\//);
    emu.beginExecution({ kind: 'simpleTrigger' });
    expectGasError(
      () => sa.newTrigger('x'),
      'You do not have permission to call ScriptApp.newTrigger. Required permissions: https://www.googleapis.com/auth/script.scriptapp',
    );
  });

  it('builds Apps Script-shaped event objects', () => {
    const emu = createEmulator({ startTime: Date.UTC(2026, 10, 21, 9, 5, 7) });
    const sa = emu.globals.ScriptApp;
    const clock = sa.newTrigger('tick').timeBased().everyHours(1).create();
    expect(emu.triggerEvent(clock)).toEqual({
      authMode: 'FULL',
      triggerUid: clock.getUniqueId(),
      year: 2026,
      month: 11,
      'day-of-month': 21,
      'day-of-week': 6,
      hour: 10,
      minute: 5,
      second: 7,
      timezone: 'Europe/Madrid',
      'week-of-year': 47,
    });
    const change = sa.newTrigger('changed').forSpreadsheet('emulated-spreadsheet-id').onChange().create();
    const ev = emu.triggerEvent(change, { changeType: 'INSERT_COLUMN' });
    expect(ev.changeType).toBe('INSERT_COLUMN');
    expect((ev.source as GoogleAppsScript.Spreadsheet.Spreadsheet).getId()).toBe('emulated-spreadsheet-id');
    expect((ev.user as GoogleAppsScript.Base.User).getEmail()).toBe('operator@example.com');
  });
});

describe('Utilities, Logger, console', () => {
  it('sleep advances the fake clock; formatDate; digest; logs', () => {
    const emu = createEmulator({ startTime: Date.UTC(2026, 0, 5, 23, 30, 0) });
    const u = emu.globals.Utilities;
    const start = Date.now();
    u.sleep(120_000);
    expect(Date.now() - start).toBeLessThan(1000);
    expect(emu.clock.now()).toBe(Date.UTC(2026, 0, 5, 23, 32, 0));
    expectGasError(() => u.sleep(300_001), 'Invalid argument: milliseconds. The maximum allowed value is 300000.');
    const d = new Date(Date.UTC(2026, 0, 5, 23, 30, 0));
    expect(u.formatDate(d, 'Europe/Madrid', "yyyy-MM-dd'T'HH:mm:ss")).toBe('2026-01-06T00:30:00');
    expect(u.formatDate(d, 'UTC', 'EEE d MMM yy, h:mm a')).toBe('Mon 5 Jan 26, 11:30 PM');
    expect(u.computeDigest(u.DigestAlgorithm.MD5, 'abc').slice(0, 4)).toEqual([-112, 1, 80, -104]);
    expect(u.getUuid()).toMatch(/^[0-9a-f-]{36}$/);
    emu.globals.Logger.log('a %s b', 1);
    emu.globals.console.log('c', { d: 1 });
    emu.globals.console.error('bad');
    expect(emu.logs).toEqual(['a 1 b', 'c { d: 1 }', 'ERROR: bad']);
  });

  it('installGlobals puts services on globalThis and restores', () => {
    const emu = createEmulator();
    const restore = installGlobals(emu);
    expect(SpreadsheetApp.getActive()?.getName()).toBe('Emulated workbook');
    restore();
    expect('SpreadsheetApp' in globalThis).toBe(false);
  });
});
