/**
 * The hourly check and union metrics panels of the sidebar in a real browser, answered by the
 * real server bundle on the emulated workbook. Time-driven triggers never fire in the playground:
 * the tests turn the check on and off, run "Check now", and change headers through the emulator.
 * Every wait is on UI state (data-state, data-installed, data-step, elements appearing).
 */
import type { Frame } from 'playwright-core';
import { type Emulator, scriptRun } from '../../emulator';
import { seedDemo } from '../../scripts/playground';
import type { ScheduleStatus, SchemaPlan } from '../../src/shared/payloads';
import { browserSessions, DIST, screenshot, smallDemo, waitForSidebar } from './support';

const HTML_HEADER = '<b>x</b>';
/** Every control of the sidebar (its bottom bar and both panels). */
const CONTROLS = [
  '#apply',
  '#refresh',
  '#clear-cache',
  '#schedule-toggle',
  '#check-now',
  '#auto-repair',
  '#metrics-in-check',
  '#metrics-preview',
  '#metrics-recompute',
];

const open = browserSessions();

const status = (emulator: Emulator) => scriptRun(emulator, DIST, 'getScheduleStatus') as ScheduleStatus;
const operaciones = (emulator: Emulator) => emulator.spreadsheet.getSheetByName('Operaciones')!;

/** Applies the v4.0 migration behind the sidebar's back (as a colleague would). */
function applyElsewhere(emulator: Emulator): void {
  const plan = scriptRun(emulator, DIST, 'previewSchema') as SchemaPlan;
  scriptRun(emulator, DIST, 'applySchema', plan.fingerprint);
}

async function text(sidebar: Frame, selector: string): Promise<string> {
  return sidebar.locator(selector).innerText();
}

/** One snapshot (a single evaluate, so the call cannot finish halfway through the reading). */
function controlsWhileWorking(
  sidebar: Frame,
): Promise<{ state: string; enabled: string[]; busy: string | null; said: string }> {
  return sidebar.evaluate(`({
    state: document.getElementById('app').dataset.state,
    enabled: ${JSON.stringify(CONTROLS)}.filter((id) => !document.querySelector(id).disabled),
    busy: document.getElementById('schedule').getAttribute('aria-busy'),
    said: document.getElementById('schedule-status').textContent,
  })`);
}

async function clickAndSettle(sidebar: Frame, name: string, settled: string): Promise<void> {
  await sidebar.getByRole('button', { name, exact: true }).click();
  await sidebar.locator(settled).waitFor();
  await waitForSidebar(sidebar);
}

describe('hourly check panel', () => {
  it('turns the hourly check on (installed, first check shown) and off again; controls are disabled while a call runs', async () => {
    const { page, sidebar, playground } = await open({ seed: smallDemo(), rpcDelayMs: 300 });
    await waitForSidebar(sidebar, 'changes');
    await sidebar.locator('#schedule[data-installed="false"]').waitFor();
    expect(await text(sidebar, '#schedule-message')).toBe('Your hourly check is off; auto-repair is off.');
    expect(await text(sidebar, '#schedule-badge')).toBe('off');
    expect(await text(sidebar, '.triggers')).toMatch(/^Triggers: 0 of 20 in use/);
    expect(await sidebar.locator('.next-check').count()).toBe(0);
    expect(await text(sidebar, '.last-check')).toContain('No check has run yet');
    expect(await sidebar.getByLabel('Auto-repair').isChecked()).toBe(false);

    await sidebar.getByRole('button', { name: 'Turn on hourly check' }).click();
    await sidebar.locator('#app[data-state="working"]').waitFor();
    expect(await controlsWhileWorking(sidebar)).toEqual({
      state: 'working',
      enabled: [],
      busy: 'true',
      said: 'Turning the hourly check on…',
    });

    await sidebar.locator('#schedule[data-installed="true"]').waitFor();
    await waitForSidebar(sidebar, 'changes');
    expect(await text(sidebar, '#schedule-message')).toMatch(
      /^Your hourly check is on \(since \d{4}-\d\d-\d\d \d\d:\d\d UTC\); auto-repair is off\.$/,
    );
    expect(await text(sidebar, '#schedule-status')).toBe('Hourly check turned on. First check: migrations pending.');
    expect(await text(sidebar, '#schedule-badge')).toBe('on');
    expect(await text(sidebar, '.next-check')).toMatch(
      /^Next check: after \d{4}-\d\d-\d\d \d\d:\d\d UTC \(an estimate/,
    );
    expect(await text(sidebar, '.triggers')).toMatch(/^Triggers: 2 of 20 in use/);
    const check = sidebar.locator('.last-check[data-status="pending"]');
    expect(await check.locator('.badge').innerText()).toBe('migrations pending');
    expect(await check.locator('.check-meta').innerText()).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d UTC · run by hand/);
    expect(await check.locator('.check-summary').innerText()).toBe(
      'Operaciones: migrations pending — 1 pending migration.',
    );
    const pending = check.locator('li[data-code="PENDING_MIGRATION"]');
    expect(await pending.locator('.location').innerText()).toBe('Operaciones!BP1:BT1');
    expect(await pending.locator('.finding-text').innerText()).toContain(
      'Migration 4.0-union-metrics is pending on "Operaciones"',
    );
    expect(await check.locator('.auto-repair-outcome').count()).toBe(0);
    expect(status(playground.emulator).installed).toBe(true);
    expect(await sidebar.evaluate('document.activeElement.id')).toBe('schedule-toggle');
    await screenshot(page.locator('.sidebar-panel'), 'sidebar-schedule-on');
    await screenshot(sidebar.locator('#schedule'), 'sidebar-schedule-panel');

    await clickAndSettle(sidebar, 'Turn off hourly check', '#schedule[data-installed="false"]');
    expect(await text(sidebar, '#schedule-message')).toBe('Your hourly check is off; auto-repair is off.');
    expect(await text(sidebar, '#schedule-status')).toBe('Hourly check turned off.');
    expect(await text(sidebar, '.triggers')).toMatch(/^Triggers: 0 of 20 in use/);
    expect(await sidebar.locator('.next-check').count()).toBe(0);
    expect(await sidebar.locator('.last-check[data-status="pending"]').count()).toBe(1);
    expect(status(playground.emulator).installed).toBe(false);
  });

  it("shows the server's refusal at the 20-trigger limit as is, and changes nothing", async () => {
    const { sidebar, playground } = await open({
      seed: (emulator) => {
        seedDemo(emulator, { spools: 20 });
        // Triggers this user made in other spreadsheets (add-ons allow one of each type per document).
        emulator.beginExecution({ kind: 'menu', documentContext: false });
        for (let i = 0; i < 19; i++)
          emulator.globals.ScriptApp.newTrigger('somethingElse').timeBased().everyDays(1).create();
        emulator.endExecution();
      },
    });
    await waitForSidebar(sidebar, 'changes');
    expect(await text(sidebar, '.triggers')).toMatch(/^Triggers: 19 of 20 in use/);

    await sidebar.getByRole('button', { name: 'Turn on hourly check' }).click();
    const error = sidebar.locator('#schedule-error [role="alert"]');
    await error.waitFor();
    await waitForSidebar(sidebar);
    expect(await error.locator('.notice-title').innerText()).toBe('Could not turn the hourly check on');
    expect(await error.locator('.error-text').innerText()).toContain(
      'already has the maximum of 20 triggers for this add-on',
    );
    expect(await error.locator('.error-text').innerText()).toContain('Nothing was changed.');
    expect(await text(sidebar, '#schedule-status')).toBe('Nothing changed: the hourly check is still off.');
    expect(await sidebar.locator('#schedule').getAttribute('data-installed')).toBe('false');
    expect(await sidebar.getByRole('button', { name: 'Turn on hourly check' }).isEnabled()).toBe(true);
    expect(playground.emulator.triggers.list()).toHaveLength(19);
  });

  it('"Check now" names a renamed managed header\'s cell; sheet text renders literally; unknown columns are informational', async () => {
    const { page, sidebar, playground } = await open({ seed: smallDemo() });
    await waitForSidebar(sidebar, 'changes');
    applyElsewhere(playground.emulator);

    // The first check sets the baseline the next one compares with.
    await clickAndSettle(sidebar, 'Check now', '.last-check[data-status="ok"]');
    expect(await text(sidebar, '#schedule-status')).toBe('Check finished: OK. Operaciones: OK.');
    expect(await sidebar.locator('.check-findings').count()).toBe(0);
    expect(await sidebar.evaluate('document.activeElement.id')).toBe('check-now');

    const sheet = operaciones(playground.emulator);
    sheet.getRange('BR1').setValue('Uniones_SOLD');
    sheet.getRange('BS1').setValue(HTML_HEADER);
    sheet.insertColumnAfter(72);
    sheet.getRange(1, 73).setValue('Notas');
    await clickAndSettle(sidebar, 'Check now', '.last-check[data-status="drift"]');

    const check = sidebar.locator('.last-check');
    expect(await check.locator('.badge').innerText()).toBe('drift');
    expect(await check.locator('.check-summary').innerText()).toBe(
      'Operaciones: drift — 2 renamed, 1 new column outside the schema.',
    );
    const renamed = check.locator('li[data-code="COLUMN_RENAMED"]');
    expect(await renamed.locator('.location').allInnerTexts()).toEqual(['Operaciones!BR1', 'Operaciones!BS1']);
    expect(await renamed.first().locator('.finding-text').innerText()).toContain(
      'Operaciones!BR1 reads "Uniones_SOLD" where managed column "Uniones_SOLD_Completadas" was',
    );
    expect(await renamed.nth(1).locator('.finding-text').innerText()).toContain(
      `reads "${HTML_HEADER}" where managed column "Pulgadas_ARM" was`,
    );
    expect(await check.locator('b').count()).toBe(0);
    expect(await sidebar.locator('.last-check b, #schedule b').count()).toBe(0);

    const unknown = check.locator('li[data-code="UNKNOWN_COLUMNS"]');
    expect(await unknown.getAttribute('class')).toBe('finding-info');
    expect(await unknown.locator('.finding-tag').innerText()).toMatch(/^info$/i);
    expect(await unknown.locator('.finding-text').innerText()).toContain('Notas');
    await check.scrollIntoViewIfNeeded();
    await screenshot(page.locator('.sidebar-panel'), 'sidebar-check-drift');
  });

  it('the auto-repair checkbox round-trips; with it on, "Check now" applies pending migrations and the plan refreshes', async () => {
    const { sidebar, playground } = await open({ seed: smallDemo() });
    await waitForSidebar(sidebar, 'changes');
    const box = sidebar.getByLabel('Auto-repair');
    expect(await box.getAttribute('aria-describedby')).toBe('auto-repair-help');
    expect(await text(sidebar, '#auto-repair-help')).toContain('never deletes or renames');

    await box.check();
    await sidebar.locator('#schedule[data-auto-repair="true"]').waitFor();
    await waitForSidebar(sidebar);
    expect(await text(sidebar, '#schedule-status')).toBe('Auto-repair is on.');
    expect(await text(sidebar, '#schedule-message')).toContain('auto-repair is on');
    expect(status(playground.emulator).autoRepair).toBe(true);
    expect(await sidebar.evaluate('document.activeElement.id')).toBe('auto-repair');

    // Reloading the sidebar reads the setting back from the server.
    await sidebar.goto(sidebar.url());
    await waitForSidebar(sidebar, 'changes');
    expect(await sidebar.getByLabel('Auto-repair').isChecked()).toBe(true);

    await clickAndSettle(sidebar, 'Check now', '.auto-repair-outcome[data-outcome="applied"]');
    await waitForSidebar(sidebar, 'up-to-date');
    expect(await text(sidebar, '.auto-repair-outcome .outcome-title')).toBe('Auto-repair: applied.');
    expect(await text(sidebar, '.auto-repair-outcome')).toContain('Operaciones: added 5 columns BP–BT');
    expect(playground.emulator.sheetInfo('Operaciones')?.lastColumn).toBe(72);
    expect(await sidebar.locator('section.sheet .badge').innerText()).toBe('up to date');

    await sidebar.getByLabel('Auto-repair').uncheck();
    await sidebar.locator('#schedule[data-auto-repair="false"]').waitFor();
    await waitForSidebar(sidebar);
    expect(await sidebar.getByLabel('Auto-repair').isChecked()).toBe(false);
    expect(status(playground.emulator).autoRepair).toBe(false);
  });
});

describe('union metrics in the check', () => {
  it('the checkbox round-trips, and "Check now" then recomputes the metrics and says so', async () => {
    const { sidebar, playground } = await open({ seed: smallDemo() });
    applyElsewhere(playground.emulator);
    await waitForSidebar(sidebar);
    await sidebar.getByRole('button', { name: 'Refresh' }).click();
    await waitForSidebar(sidebar, 'up-to-date');
    const box = sidebar.getByLabel('Recompute union metrics in each check');
    expect(await box.isChecked()).toBe(false);

    await box.check();
    await sidebar.locator('#schedule[data-metrics-in-check="true"]').waitFor();
    await waitForSidebar(sidebar);
    expect(await text(sidebar, '#schedule-status')).toBe('Recomputing union metrics in the check is on.');
    expect(await text(sidebar, '#schedule-message')).toContain('union metrics are recomputed by the check');
    expect(status(playground.emulator).recomputeMetrics).toBe(true);

    await clickAndSettle(sidebar, 'Check now', '.last-check[data-status="ok"]');
    expect(await text(sidebar, '.last-check .check-summary')).toMatch(/Union metrics: \d+ of \d+ spool rows updated/);
    expect(
      playground.emulator
        .readSheet('Operaciones')
        .slice(1)
        .some((row) => typeof row[67] === 'number' && row[67] > 0),
    ).toBe(true);

    await box.uncheck();
    await sidebar.locator('#schedule[data-metrics-in-check="false"]').waitFor();
    expect(status(playground.emulator).recomputeMetrics).toBe(false);
  });
});

describe('union metrics panel', () => {
  it('says "Extend schema" first and keeps Recompute disabled; after Apply: preview, confirm, recompute', async () => {
    const { page, sidebar, playground } = await open({ seed: smallDemo() });
    await waitForSidebar(sidebar, 'changes');
    expect(await sidebar.locator('#metrics-recompute').isDisabled()).toBe(true);

    await clickAndSettle(sidebar, 'Preview union metrics', '#metrics[data-step="needs-schema"]');
    const refusal = sidebar.locator('#metrics-report [role="alert"]');
    expect(await refusal.locator('.notice-title').innerText()).toBe('Extend the schema first');
    expect(await refusal.locator('.error-text').innerText()).toContain(
      'Run "Extend schema" first, then recompute. Nothing was written.',
    );
    expect(await sidebar.locator('#metrics-recompute').isDisabled()).toBe(true);
    await screenshot(page.locator('.sidebar-panel'), 'sidebar-metrics-extend-first');

    await sidebar.getByRole('button', { name: 'Apply', exact: true }).click();
    await sidebar.getByRole('button', { name: 'Confirm apply' }).click();
    await waitForSidebar(sidebar, 'up-to-date');
    expect(await sidebar.locator('#metrics').getAttribute('data-step')).toBe('stale');
    expect(await sidebar.locator('#metrics-recompute').isDisabled()).toBe(true);

    await clickAndSettle(sidebar, 'Preview union metrics', '#metrics[data-step="previewed"]');
    const preview = sidebar.locator('.metrics-report[data-status="preview"]');
    expect(await preview.locator('.notice-title').innerText()).toBe(
      '60 of 60 spool rows would change. Nothing has been written yet.',
    );
    const summary = await preview.locator('.metrics-summary').innerText();
    expect(summary).toMatch(/^Union metrics: 60 of 60 spool rows would change \(from [\d,]+ unions in "Uniones"\)\./);
    expect(summary).toMatch(/\d+ unions name a spool that is not in "Operaciones", e\.g\. MK-/);
    expect(await text(sidebar, '#metrics-status')).toBe(
      '60 of 60 spool rows would change. Nothing has been written yet.',
    );
    expect(await sidebar.evaluate('document.activeElement.id')).toBe('metrics-recompute');

    // Enter opens the confirm step on its button; Escape cancels.
    await page.keyboard.press('Enter');
    await sidebar.locator('#app[data-state="confirming-metrics"]').waitFor();
    expect(await sidebar.evaluate('document.activeElement.id')).toBe('metrics-confirm-recompute');
    expect(await text(sidebar, '#metrics-confirm-summary')).toBe(summary);
    for (const id of CONTROLS) expect(await sidebar.locator(id).isDisabled()).toBe(true);
    await page.keyboard.press('Escape');
    await waitForSidebar(sidebar);
    expect(await text(sidebar, '#metrics-status')).toBe('Cancelled: nothing was written.');
    expect(await sidebar.evaluate('document.activeElement.id')).toBe('metrics-recompute');

    await sidebar.getByRole('button', { name: 'Recompute union metrics' }).click();
    await screenshot(page.locator('.sidebar-panel'), 'sidebar-metrics-confirm');
    await clickAndSettle(sidebar, 'Confirm recompute', '#metrics[data-step="done"]');
    const result = sidebar.locator('.metrics-report[data-status="applied"]');
    expect(await result.locator('.notice-title').innerText()).toBe('Union metrics written: 60 spool rows updated.');
    expect(await result.locator('.metrics-summary').innerText()).toMatch(/^Union metrics: 60 of 60 spool rows updated/);
    expect(await sidebar.locator('#metrics-recompute').isDisabled()).toBe(true);
    const [headers, ...rows] = playground.emulator.readSheet('Operaciones');
    const total = headers.indexOf('Total_Uniones');
    expect(rows.some((row) => Number(row[total]) > 0)).toBe(true);
    await screenshot(page.locator('.sidebar-panel'), 'sidebar-metrics-done');

    await clickAndSettle(sidebar, 'Preview union metrics', '#metrics[data-step="previewed"]');
    expect(await text(sidebar, '.metrics-report .notice-title')).toBe(
      'Union metrics are already correct for all 60 spool rows: nothing to recompute.',
    );
    expect(await sidebar.locator('#metrics-recompute').isDisabled()).toBe(true);
  });
});
