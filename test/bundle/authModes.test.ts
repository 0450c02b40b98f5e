/**
 * The built add-on under each AuthMode the emulator now enforces (issue 11): onOpen builds its
 * menu in NONE and LIMITED without touching the document, Properties or locks; the sidebar opens
 * only from a menu click (FULL), never from a simple trigger (LIMITED); onEdit (LIMITED) works
 * without user data.
 */
import { join } from 'node:path';
import { runEntryPoint } from '../../emulator/bundle';
import { v3Workbook } from '../support/emulated';

const DIST = join(__dirname, '..', '..', 'dist');

describe('the add-on under AuthMode NONE, LIMITED and FULL', () => {
  it.each(['NONE', 'LIMITED'] as const)('onOpen in %s builds the menu and touches nothing else', (authMode) => {
    const { emu } = v3Workbook({ spools: 5 });
    runEntryPoint(emu, DIST, 'onOpen', [{ authMode }], { authMode, kind: 'simpleTrigger' });
    expect(emu.ui.menus.find((m) => m.addon)?.items.length).toBe(10);
    const stats = emu.stats.snapshot();
    expect(stats.spreadsheetDataCalls + stats.calls.Properties + stats.calls.Lock + stats.calls.Cache).toBe(0);
  });

  it('the sidebar opens from the menu (FULL); the platform refuses it in LIMITED', () => {
    const { emu } = v3Workbook({ spools: 5 });
    emu.html.setFiles({ Sidebar: '<p>sidebar</p>' });
    runEntryPoint(emu, DIST, 'showSidebar', [], { kind: 'menu' });
    expect(emu.ui.sidebars).toHaveLength(1);
    expect(() => runEntryPoint(emu, DIST, 'showSidebar', [], { kind: 'simpleTrigger' })).toThrow('Ui.showSidebar');
    expect(emu.ui.sidebars).toHaveLength(1);
  });

  it('onEdit (LIMITED, no user email) runs within its mode: nothing refused, nothing logged', () => {
    const { emu } = v3Workbook({ spools: 5 });
    const sheet = emu.spreadsheet.getSheetByName('Operaciones')!;
    const event = { authMode: 'LIMITED', range: sheet.getRange('B1'), source: emu.spreadsheet, value: 'x' };
    runEntryPoint(emu, DIST, 'onEdit', [event], { kind: 'simpleTrigger' });
    expect(emu.logs.filter((l) => l.includes('Sheet Schema onEdit'))).toEqual([]);
  });
});
