/**
 * The built add-on where it may run in AuthMode.NONE (onOpen of an add-on not yet enabled in the
 * document; simple triggers "sometimes"): whichever way the platform treats CacheService there
 * (the emulator switch), onOpen builds the menu and onEdit touches no service it may lack.
 */
import { join } from 'node:path';
import { runEntryPoint } from '../../emulator/bundle';
import type { Switches } from '../../emulator/types';
import { v3Workbook } from '../support/emulated';

const DIST = join(__dirname, '..', '..', 'dist');
const SETTINGS: ReadonlyArray<Switches['cacheServiceInAuthModeNone']> = ['refuse', 'allow'];

const serviceCalls = (stats: ReturnType<ReturnType<typeof v3Workbook>['emu']['stats']['snapshot']>) =>
  stats.spreadsheetDataCalls + stats.calls.Properties + stats.calls.Lock + stats.calls.Cache + stats.calls.Script;

describe.each(SETTINGS)('AuthMode.NONE with CacheService set to %s', (cacheServiceInAuthModeNone) => {
  const workbook = () => v3Workbook({ spools: 5, emulator: { switches: { cacheServiceInAuthModeNone } } }).emu;

  it('onOpen builds the whole menu in the operator’s language and calls nothing else', () => {
    const emu = workbook();
    emu.stats.reset();
    runEntryPoint(emu, DIST, 'onOpen', [{ authMode: 'NONE' }], { authMode: 'NONE', kind: 'simpleTrigger' });
    expect(emu.ui.menus.find((m) => m.addon)?.items.length).toBe(10);
    expect(serviceCalls(emu.stats.snapshot())).toBe(0);
    expect(emu.logs).toEqual([]);
  });

  it('onEdit of a header cell in NONE touches no cache and logs nothing; in LIMITED it drops the map', () => {
    const emu = workbook();
    const sheet = emu.spreadsheet.getSheetByName('Operaciones')!;
    const event = (authMode: string) => ({ authMode, range: sheet.getRange('B1'), source: emu.spreadsheet });
    emu.stats.reset();
    runEntryPoint(emu, DIST, 'onEdit', [event('NONE')], { authMode: 'NONE', kind: 'simpleTrigger' });
    expect(emu.stats.snapshot().calls.Cache).toBe(0);
    expect(emu.logs).toEqual([]);
    runEntryPoint(emu, DIST, 'onEdit', [event('LIMITED')], { kind: 'simpleTrigger' });
    expect(emu.stats.snapshot().calls.Cache).toBeGreaterThan(0);
    expect(emu.logs).toEqual([]);
  });
});
