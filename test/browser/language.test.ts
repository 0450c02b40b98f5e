/**
 * The sidebar in Spanish and in English, in a real browser: the emulated user locale picks the
 * language, the emulated spreadsheet time zone the clock. axe-core runs over every state
 * (preview, confirm, applying, applied, blocked, stale, schedule on/off, metrics) with zero
 * serious or critical violations; screenshots of each state land in artifacts/screenshots and
 * the README's two pictures in docs/screenshots.
 */
import type { Frame, Locator } from 'playwright-core';
import { scriptRun } from '../../emulator';
import { seedDemo } from '../../scripts/playground';
import { textFor } from '../../src/client/text';
import type { SchemaPlan } from '../../src/shared/payloads';
import { type AxeProblem, seriousViolations } from './axe';
import { browserSessions, DIST, publishToDocs, screenshot, smallDemo, waitForSidebar } from './support';

const open = browserSessions();

const LANGUAGES = [
  {
    language: 'es',
    locale: 'es_ES',
    timeZone: 'Europe/Madrid',
    headline:
      'Operaciones: añadir 5 columnas BP–BT a la derecha de la columna BO y poner 0 en 2.400 filas. Nada más cambia. Todavía no se ha escrito nada.',
    extend: 'Ampliar esquema',
    done: /^Hecho: 5 columnas añadidas \(Operaciones BP–BT\), 12\.005 celdas escritas en (< 1|[\d,]+) s\.$/,
    needsSchema: 'Primero amplíe el esquema',
    blocked: 'No se ha cambiado nada: antes hay que corregir 1 problema.',
    stale: 'La hoja cambió desde esta vista previa, así que no se ha escrito nada.',
    scheduleOn: 'activada',
    description: 'v4.0: avance de uniones (soldaduras) por spool — cantidades y pulgadas de ARM y SOLD',
  },
  {
    language: 'en',
    locale: 'en_US',
    timeZone: 'America/Mexico_City',
    headline:
      'Operaciones: add 5 columns BP–BT to the right of column BO and put 0 in 2,400 rows. Nothing else changes. Nothing has been written yet.',
    extend: 'Extend schema',
    done: /^Done: 5 columns added \(Operaciones BP–BT\), 12,005 cells written in (< 1|[\d.]+) s\.$/,
    needsSchema: 'First extend the schema',
    blocked: 'Nothing was changed: 1 problem to fix first.',
    stale: 'The sheet changed since this preview, so nothing was written.',
    scheduleOn: 'on',
    description: 'v4.0: per-spool union (weld) progress — counts and inches for ARM and SOLD',
  },
] as const;

type Case = (typeof LANGUAGES)[number];

/** Checks one state with axe and takes its screenshot; the problems are collected, then asserted empty. */
function auditor(sidebar: Frame, page: Locator, language: string) {
  const problems: AxeProblem[] = [];
  return {
    problems,
    async state(name: string, target = page): Promise<void> {
      problems.push(...(await seriousViolations(sidebar, `${language}:${name}`)));
      await screenshot(target, `language-${language}-${name}`);
    },
  };
}

describe.each(LANGUAGES)('the sidebar in $language', (c: Case) => {
  it('speaks the language through preview, confirm, applying, applied, schedule and metrics; axe finds nothing serious', async () => {
    const { page, sidebar } = await open({ locale: c.locale, timeZone: c.timeZone, rpcDelayMs: 800 });
    const panel = page.locator('.sidebar-panel');
    const audit = auditor(sidebar, panel, c.language);
    await waitForSidebar(sidebar, 'changes');
    expect(await sidebar.evaluate('document.documentElement.lang')).toBe(c.language);
    expect(await sidebar.locator('#status').innerText()).toBe(c.headline);
    expect(await sidebar.locator('#apply').innerText()).toBe(c.extend);
    expect(await sidebar.locator('h1').count()).toBe(1);
    // The migration's description (declared in both languages) in the operator's.
    expect(await sidebar.locator('.migrations li').first().getAttribute('title')).toBe(c.description);
    await audit.state('preview');
    publishToDocs(await screenshot(panel, `sidebar-${c.language}`), `sidebar-${c.language}.png`);

    await sidebar.locator('#metrics-preview').click();
    await sidebar.locator('#metrics[data-step="needs-schema"]').waitFor();
    await waitForSidebar(sidebar);
    expect(await sidebar.locator('#metrics-report .notice-info').innerText()).toContain(c.needsSchema);
    expect(await sidebar.locator('#metrics-report .notice-error').count()).toBe(0);
    await audit.state('metrics-needs-schema');

    await sidebar.locator('#apply').click();
    await sidebar.locator('#app[data-state="confirming"]').waitFor();
    await audit.state('confirm');
    await sidebar.locator('#confirm-apply').click();
    await sidebar.locator('#app[data-state="applying"]').waitFor();
    await audit.state('applying');
    await waitForSidebar(sidebar, 'up-to-date');
    expect(await sidebar.locator('.notice-success').innerText()).toMatch(c.done);
    await audit.state('applied');
    const history = await sidebar.locator('.history-time').first().innerText();
    expect(history).not.toContain('UTC');
    expect(history).not.toContain('T');

    await sidebar.locator('#schedule-toggle').click();
    await sidebar.locator('#schedule[data-installed="true"]').waitFor();
    await waitForSidebar(sidebar);
    expect(await sidebar.locator('#schedule-badge').innerText()).toBe(c.scheduleOn);
    await audit.state('schedule-on');

    await sidebar.locator('#metrics-preview').click();
    await sidebar.locator('#metrics[data-step="previewed"]').waitFor();
    await waitForSidebar(sidebar);
    await audit.state('metrics-preview');
    await sidebar.locator('#metrics-recompute').click();
    await sidebar.locator('#app[data-state="confirming-metrics"]').waitFor();
    expect(await sidebar.evaluate('document.activeElement.id')).toBe('metrics-confirm-summary');
    await sidebar.locator('#metrics-confirm-recompute').click();
    await sidebar.locator('#metrics-progress:not([hidden])').waitFor();
    expect(await sidebar.locator('#metrics-report').isVisible()).toBe(false);
    await audit.state('metrics-progress');
    await sidebar.locator('#metrics[data-step="done"]').waitFor();
    await waitForSidebar(sidebar);
    await audit.state('metrics-done');

    await sidebar.locator('#schedule-toggle').click();
    await sidebar.locator('#schedule[data-installed="false"]').waitFor();
    await waitForSidebar(sidebar);
    await audit.state('schedule-off');
    expect(audit.problems).toEqual([]);
  }, 180_000);

  it('blocked and stale plans read plainly; axe finds nothing serious', async () => {
    const blocked = await open({
      locale: c.locale,
      timeZone: c.timeZone,
      seed: (emulator) => {
        seedDemo(emulator, { spools: 30 });
        emulator.spreadsheet.deleteSheet(emulator.spreadsheet.getSheetByName('Operaciones')!);
      },
    });
    const blockedAudit = auditor(blocked.sidebar, blocked.page.locator('.sidebar-panel'), c.language);
    await waitForSidebar(blocked.sidebar, 'blocked');
    expect(await blocked.sidebar.locator('#status').innerText()).toBe(c.blocked);
    expect(await blocked.sidebar.locator('table.changes').count()).toBe(0);
    await blockedAudit.state('blocked');

    const stale = await open({ locale: c.locale, timeZone: c.timeZone, seed: smallDemo(60) });
    const staleAudit = auditor(stale.sidebar, stale.page.locator('.sidebar-panel'), c.language);
    await waitForSidebar(stale.sidebar, 'changes');
    stale.playground.emulator.spreadsheet.getSheetByName('Operaciones')!.appendRow(['MK-NEW-0001']);
    await stale.sidebar.locator('#apply').click();
    await stale.sidebar.locator('#confirm-apply').click();
    await stale.sidebar.locator('.notice-info').waitFor();
    await waitForSidebar(stale.sidebar, 'changes');
    expect(await stale.sidebar.locator('.notice-info').innerText()).toContain(c.stale);
    await staleAudit.state('stale');
    expect([...blockedAudit.problems, ...staleAudit.problems]).toEqual([]);
  }, 120_000);
});

describe('layout, time and no silent writes (Spanish)', () => {
  it('never scrolls the page as a whole: the wheel past the end moves only the content area', async () => {
    const { page, sidebar } = await open({ locale: 'es', seed: smallDemo() });
    await waitForSidebar(sidebar, 'changes');
    const box = await page.locator('iframe#sidebar').boundingBox();
    await page.mouse.move((box?.x ?? 0) + 150, (box?.y ?? 0) + 200);
    for (let i = 0; i < 10; i++) await page.mouse.wheel(0, 400);
    const scroll = (await sidebar.evaluate(
      '({ top: document.scrollingElement.scrollTop, height: document.scrollingElement.scrollHeight, frame: window.innerHeight })',
    )) as { top: number; height: number; frame: number };
    expect(scroll.top).toBe(0);
    expect(scroll.height).toBeLessThanOrEqual(scroll.frame);
    expect(await sidebar.locator('#apply').isVisible()).toBe(true);
  });

  it('shows history times in the spreadsheet time zone', async () => {
    const { sidebar, playground } = await open({ locale: 'es_ES', timeZone: 'America/Mexico_City', seed: smallDemo() });
    await waitForSidebar(sidebar, 'changes');
    const plan = scriptRun(playground.emulator, DIST, 'previewSchema') as SchemaPlan;
    scriptRun(playground.emulator, DIST, 'applySchema', plan.fingerprint);
    const time = (scriptRun(playground.emulator, DIST, 'previewSchema') as SchemaPlan).history[0].time;
    await sidebar.locator('#refresh').click();
    await waitForSidebar(sidebar, 'up-to-date');
    expect(await sidebar.locator('.history-time').first().innerText()).toBe(
      textFor('es', 'America/Mexico_City').time(time),
    );
  });

  it('asks before turning auto-repair on while changes wait; the check that then writes says so at the top', async () => {
    const { page, sidebar, playground } = await open({ locale: 'es_ES', seed: smallDemo() });
    await waitForSidebar(sidebar, 'changes');
    await sidebar.locator('#schedule[data-state="loaded"]').waitFor();
    // click, not check(): the box stays unticked until the operator confirms.
    await sidebar.locator('#auto-repair').click();
    await sidebar.locator('#app[data-state="confirming-repair"]').waitFor();
    expect(await sidebar.evaluate('document.activeElement.id')).toBe('auto-repair-confirm-summary');
    expect(await sidebar.locator('#auto-repair-confirm').innerText()).toContain(
      'Operaciones: añadir 5 columnas BP–BT a la derecha de la columna BO',
    );
    expect(await sidebar.locator('#auto-repair').isChecked()).toBe(false);
    expect((await seriousViolations(sidebar, 'es:auto-repair-confirm')).length).toBe(0);
    await screenshot(page.locator('.sidebar-panel'), 'language-es-auto-repair-confirm');
    await sidebar.locator('#auto-repair-cancel').click();
    await waitForSidebar(sidebar, 'changes');
    expect(await sidebar.locator('#schedule').getAttribute('data-auto-repair')).toBe('false');

    await sidebar.locator('#auto-repair').click();
    await sidebar.locator('#auto-repair-confirm-yes').click();
    await sidebar.locator('#schedule[data-auto-repair="true"]').waitFor();
    await waitForSidebar(sidebar, 'changes');
    expect(playground.emulator.sheetInfo('Operaciones')?.lastColumn).toBe(67);

    await sidebar.locator('#check-now').click();
    await waitForSidebar(sidebar, 'up-to-date');
    expect(await sidebar.locator('#notice .notice-success').innerText()).toBe(
      'La revisión amplió el esquema (reparación automática): 5 columnas añadidas (Operaciones BP–BT).',
    );
    expect(await sidebar.locator('#schedule-status').innerText()).toMatch(/^La revisión amplió el esquema/);
    expect(playground.emulator.sheetInfo('Operaciones')?.lastColumn).toBe(72);
  });
});
