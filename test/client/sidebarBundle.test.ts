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
  it('opens the built sidebar titled "Sheet Schema"', () => {
    const emu = createEmulator();
    runEntryPoint(emu, DIST, 'showSidebar', []);
    expect(emu.ui.sidebars).toEqual([{ title: 'Sheet Schema', html: sidebarHtml() }]);
  });

  it('is in the add-on menu right after "Extend schema"', () => {
    const emu = createEmulator();
    runEntryPoint(emu, DIST, 'onOpen', [], { kind: 'simpleTrigger' });
    const items = emu.ui.menus[0].items.map((i) => `${i.caption} → ${i.functionName}`);
    expect(items.slice(0, 2)).toEqual(['Extend schema → extendSchema', 'Preview changes… → showSidebar']);
    expect(MENU_ITEMS.find((i) => i.functionName === 'showSidebar')?.caption).toBe('Preview changes…');
  });

  it('the functions the sidebar calls are google.script.run targets of the bundle', () => {
    const emu = createEmulator();
    emu.seedSheet('Operaciones', [['TAG_SPOOL'], ['MK-1']]);
    expect(scriptRun(emu, DIST, 'clearColumnCache')).toEqual({ cleared: ['Operaciones'] });
    expect(() => scriptRun(emu, DIST, 'previewSchem')).toThrow('google.script.run.previewSchem is not a function');
  });
});
