/**
 * The identity tags in the sidebar's preview, folded: one line per sheet (Operaciones' new and
 * adopted columns, the Uniones columns the metrics read), the per-column detail collapsed under
 * it, in Spanish and English, inside the 300 px sidebar without horizontal overflow; axe finds
 * nothing serious with the detail closed or open.
 */
import { seriousViolations } from './axe';
import { browserSessions, screenshot, smallDemo, waitForSidebar } from './support';

const open = browserSessions();

const CASES = [
  {
    language: 'es',
    locale: 'es_ES',
    operaciones: 'Etiquetar 6 columnas para encontrarlas aunque las renombren: BP–BT, A',
    uniones: 'Etiquetar 4 columnas para encontrarlas aunque las renombren: B, D, H, K',
    firstItem: 'B · TAG_SPOOL — adoptada: columna existente',
    role: 'La leen las métricas de uniones: solo se añaden etiquetas, no se escribe ninguna celda.',
  },
  {
    language: 'en',
    locale: 'en_US',
    operaciones: 'Label 6 columns so they are found even if renamed: BP–BT, A',
    uniones: 'Label 4 columns so they are found even if renamed: B, D, H, K',
    firstItem: 'B · TAG_SPOOL — adopted: existing column',
    role: 'Read by the union metrics: only labels are added, no cell is written.',
  },
] as const;

describe.each(CASES)('folded identity tags in $language', (c) => {
  it('one line per sheet, the detail collapsed, no overflow at 300 px, axe clean', async () => {
    const { page, sidebar } = await open({ locale: c.locale, seed: smallDemo() });
    await waitForSidebar(sidebar, 'changes');
    expect(await sidebar.evaluate('document.documentElement.clientWidth')).toBeLessThanOrEqual(300);
    const operaciones = sidebar.locator('section.sheet[data-sheet="Operaciones"] details.tags');
    const uniones = sidebar.locator('section.source[data-sheet="Uniones"]');
    expect(await operaciones.locator('summary').innerText()).toBe(c.operaciones);
    expect(await uniones.locator('details.tags summary').innerText()).toBe(c.uniones);
    expect(await uniones.locator('.source-role').innerText()).toBe(c.role);
    // Collapsed: no tag row in the change table, no detail visible.
    expect(await sidebar.locator('table.changes tbody tr').count()).toBe(5);
    expect(await uniones.locator('details.tags li').first().isVisible()).toBe(false);
    const problems = await seriousViolations(sidebar, `${c.language}:tags-folded`);

    await uniones.locator('details.tags summary').click();
    expect(await uniones.locator('details.tags li').allInnerTexts()).toHaveLength(4);
    expect(await uniones.locator('details.tags li').first().innerText()).toBe(c.firstItem);
    const overflow = await sidebar.evaluate(
      "[...document.querySelectorAll('details.tags')].some((d) => d.scrollWidth > d.clientWidth)",
    );
    expect(overflow).toBe(false);
    problems.push(...(await seriousViolations(sidebar, `${c.language}:tags-open`)));
    await screenshot(page.locator('.sidebar-panel'), `sidebar-tags-${c.language}`);
    expect(problems).toEqual([]);
  });
});
