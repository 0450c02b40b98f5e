/** The built sidebar file and the server functions around it (dist/ comes from `npm run build`). */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createEmulator, runEntryPoint, scriptRun } from '../../emulator';
import { MENU_ITEMS } from '../../src/server/menu';

const DIST = resolve(__dirname, '../../dist');
const sidebarHtml = (): string => readFileSync(join(DIST, 'Sidebar.html'), 'utf8');

describe('dist/Sidebar.html', () => {
  it('is one self-contained file: inlined CSS and JS, no external resources, no template scriptlets', () => {
    const html = sidebarHtml();
    expect(html).not.toContain('inline:sidebar');
    expect(html.match(/<script\b/g)).toHaveLength(1);
    expect(html.match(/<style\b/g)).toHaveLength(1);
    expect(html).not.toMatch(/\b(?:src|href)\s*=\s*["']?(?:https?:)?\/\//i);
    expect(html).not.toContain('<?');
    expect(html).toContain('id="apply"');
  });

  it('builds no element from HTML strings and evaluates no code', () => {
    const html = sidebarHtml();
    for (const banned of ['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'document.write', 'eval(', 'new Function'])
      expect(html).not.toContain(banned);
  });
});

describe('showSidebar', () => {
  it('opens the built sidebar titled "Sheet Schema", in the language and time zone of the operator', () => {
    const emu = createEmulator();
    runEntryPoint(emu, DIST, 'showSidebar', []);
    const html = sidebarHtml().replace('<html lang="en">', '<html lang="en" data-time-zone="Europe/Madrid">');
    expect(emu.ui.sidebars).toEqual([{ title: 'Sheet Schema', html }]);
    const spanish = createEmulator({ locale: 'es_ES', timeZone: 'America/Mexico_City' });
    runEntryPoint(spanish, DIST, 'showSidebar', []);
    expect(spanish.ui.sidebars[0].html).toContain('<html lang="es" data-time-zone="America/Mexico_City">');
  });

  it('builds the menu in Spanish for an es* locale, in AuthMode.NONE', () => {
    const emu = createEmulator({ locale: 'es_MX' });
    runEntryPoint(emu, DIST, 'onOpen', [{ authMode: 'NONE' }], { authMode: 'NONE', kind: 'simpleTrigger' });
    expect(emu.ui.menus[0].items.map((i) => i.caption)).toEqual([
      'Ampliar esquema',
      'Vista previa de los cambios…',
      'Revisar el esquema ahora',
      'Vaciar la caché de columnas',
      'Recalcular métricas de uniones',
      'Restaurar encabezados renombrados…',
      'Activar la revisión cada hora',
      'Desactivar la revisión cada hora',
      'Mantener las métricas al día',
      'Dejar de actualizar las métricas',
    ]);
  });

  it('is in the add-on menu right after "Extend schema"', () => {
    const emu = createEmulator();
    runEntryPoint(emu, DIST, 'onOpen', [], { kind: 'simpleTrigger' });
    const items = emu.ui.menus[0].items.map((i) => `${i.caption} → ${i.functionName}`);
    expect(items.slice(0, 2)).toEqual(['Extend schema → extendSchema', 'Preview changes… → showSidebar']);
    expect(MENU_ITEMS.find((i) => i.functionName === 'showSidebar')?.caption).toBe('menu.preview');
  });

  it('the functions the sidebar calls are google.script.run targets of the bundle', () => {
    const emu = createEmulator();
    emu.seedSheet('Operaciones', [['TAG_SPOOL'], ['MK-1']]);
    expect(scriptRun(emu, DIST, 'clearColumnCache')).toEqual({ cleared: ['Operaciones'] });
    expect(() => scriptRun(emu, DIST, 'previewSchem')).toThrow('google.script.run.previewSchem is not a function');
  });
});
