/** CacheService in AuthMode.NONE: refused by default, allowed behind the switch (UNCONFIRMED; docs/platform.md). */
import { createEmulator, MSG } from '../../emulator';
import { expectGasError } from './helpers';

describe('CacheService and AuthMode', () => {
  it('NONE (default switch): every cache getter is refused with the permission error', () => {
    const emu = createEmulator();
    emu.beginExecution({ kind: 'simpleTrigger', authMode: 'NONE' });
    const cache = emu.globals.CacheService;
    expectGasError(() => cache.getScriptCache(), MSG.permissionDenied('CacheService.getScriptCache'));
    expectGasError(() => cache.getUserCache(), MSG.permissionDenied('CacheService.getUserCache'));
    expectGasError(() => cache.getDocumentCache(), MSG.permissionDenied('CacheService.getDocumentCache'));
  });

  it('NONE with the switch on allow: the caches work', () => {
    const emu = createEmulator({ switches: { cacheServiceInAuthModeNone: 'allow' } });
    emu.beginExecution({ kind: 'simpleTrigger', authMode: 'NONE' });
    emu.globals.CacheService.getScriptCache().put('k', 'v');
    expect(emu.globals.CacheService.getScriptCache().get('k')).toBe('v');
  });

  it.each(['LIMITED', 'FULL'] as const)('%s: the caches work', (authMode) => {
    const emu = createEmulator();
    emu.beginExecution({ kind: authMode === 'LIMITED' ? 'simpleTrigger' : 'menu', authMode });
    emu.globals.CacheService.getDocumentCache()?.put('k', 'v');
    expect(emu.globals.CacheService.getDocumentCache()?.get('k')).toBe('v');
    expect(emu.globals.CacheService.getUserCache().get('k')).toBeNull();
  });
});
