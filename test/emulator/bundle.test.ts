import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmulator, loadBundle, runEntryPoint, scriptRun, topLevelFunctionNames } from '../../emulator';

const SOURCE = `
var loads = (typeof loads === 'number' ? loads : 0) + 1;
SpreadsheetApp.getActive && Logger.log('global statement ran');
function hello() { return SpreadsheetApp.getActive().getName(); }
function activeOrNull() { return SpreadsheetApp.getActiveSpreadsheet() === null ? 'null' : 'container'; }
function echo(x) { return x; }
function withDate() { return { when: new Date(0), n: 1 }; }
function withUndefined() { return [1, undefined, { a: undefined, b: 2 }]; }
function fails() { SpreadsheetApp.getActive().getSheets()[0].getRange(0, 1); }
function lockHolder() { LockService.getScriptLock().waitLock(10); return LockService.getScriptLock().hasLock(); }
function sidebar() { SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile('Sidebar')); }
var menu = { item: function () { return 'menu item'; } };
function secret_() { return 'private'; }
function isDateCell() { var v = SpreadsheetApp.getActive().getSheetByName('D').getRange('A1').getValue(); return v instanceof Date; }
`;

describe('bundle helpers', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'emu-bundle-'));
    writeFileSync(join(dir, 'Code.js'), SOURCE);
    writeFileSync(join(dir, 'Sidebar.html'), '<p>sidebar</p>');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('topLevelFunctionNames lists declared functions even if top-level statements throw', () => {
    expect(topLevelFunctionNames(SOURCE)).toEqual(expect.arrayContaining(['hello', 'echo', 'secret_', 'sidebar']));
    expect(topLevelFunctionNames('function a(){}\nthrow new Error("x");\nfunction b(){}')).toEqual(['a', 'b']);
  });

  it('loadBundle gives a fresh context per call with the emulator globals', () => {
    const emu = createEmulator();
    const first = loadBundle(emu, dir);
    const second = loadBundle(emu, dir);
    expect(first.hello()).toBe('Emulated workbook');
    expect(first.hello).not.toBe(second.hello);
    expect(emu.logs).toEqual(['global statement ran', 'global statement ran']);
    expect(Object.keys(first)).not.toContain('SpreadsheetApp');
  });

  it('runEntryPoint runs one execution (context, html files, lock release), also on throw', () => {
    const emu = createEmulator();
    expect(runEntryPoint(emu, dir, 'activeOrNull', [], { kind: 'timeTrigger' })).toBe('null');
    expect(runEntryPoint(emu, dir, 'activeOrNull', [])).toBe('container');
    expect(runEntryPoint(emu, dir, 'lockHolder', [])).toBe(true);
    expect(emu.globals.LockService.getScriptLock().tryLock(0)).toBe(true);
    expect(() => runEntryPoint(emu, dir, 'fails', [], { kind: 'menu' })).toThrow(
      'The starting row of the range is too small.',
    );
    expect(emu.currentExecution().kind).toBe('menu');
    runEntryPoint(emu, dir, 'sidebar', []);
    expect(emu.ui.sidebars).toEqual([{ title: '', html: '<p>sidebar</p>' }]);
    expect(runEntryPoint(emu, dir, 'menu.item', [])).toBe('menu item');
    expect(() => runEntryPoint(emu, dir, 'nope', [])).toThrow('Script function not found: nope');
    emu.seedSheet('D', [[new Date(0)]]);
    expect(runEntryPoint(emu, dir, 'isDateCell', [])).toBe(true);
    expect(emu.spreadsheet.getSheetByName('D')!.getRange('A1').getValue()).toBeInstanceOf(Date);
  });

  it('scriptRun follows google.script.run rules', () => {
    const emu = createEmulator();
    expect(scriptRun(emu, dir, 'echo', { a: [1, 'x', null] })).toEqual({ a: [1, 'x', null] });
    expect(scriptRun(emu, dir, 'withDate')).toBeNull();
    expect(scriptRun(emu, dir, 'withUndefined')).toEqual([1, null, { b: 2 }]);
    expect(() => scriptRun(emu, dir, 'secret_')).toThrow(TypeError);
    expect(() => scriptRun(emu, dir, 'secret_')).toThrow('google.script.run.secret_ is not a function');
    expect(() => scriptRun(emu, dir, 'menu')).toThrow('google.script.run.menu is not a function');
    expect(() => scriptRun(emu, dir, 'echo', new Date())).toThrow('Failed due to illegal value in property: 0');
    expect(() => scriptRun(emu, dir, 'echo', { f: () => 1 })).toThrow('Failed due to illegal value in property: f');
    class Thing {
      x = 1;
    }
    expect(() => scriptRun(emu, dir, 'echo', [new Thing()])).toThrow('Failed due to illegal value in property: 0');
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(() => scriptRun(emu, dir, 'echo', circular)).toThrow('Failed due to circular reference.');
    let err: Error | undefined;
    try {
      scriptRun(emu, dir, 'fails');
    } catch (e) {
      err = e as Error;
    }
    expect(err?.message).toBe('The starting row of the range is too small.');
    expect(err?.name).toBe('Exception');
    expect(emu.stats.snapshot().byMethod['Sheet.getRange']).toBe(1);
  });
});
