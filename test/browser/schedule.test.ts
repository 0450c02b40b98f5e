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
import { browserSessions, clickAndSettle, DIST, screenshot, smallDemo, waitForSidebar } from './support';

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

describe('hourly check panel', () => {
  it('turns the hourly check on (installed, first check shown) and off again; controls are disabled while a call runs', async () => {
    const { page, sidebar, playground } = await open({ seed: smallDemo(), rpcDelayMs: 300 });
    await waitForSidebar(sidebar, 'changes');
    await sidebar.locator('#schedule[data-installed="false"]').waitFor();
    expect(await text(sidebar, '#schedule-message')).toBe('The hourly check is off.');
    expect(await text(sidebar, '#schedule-badge')).toBe('off');
    // Trigger counts are jargon: under Details.
    expect(await sidebar.locator('.triggers').isVisible()).toBe(false);
    expect(await sidebar.locator('.triggers').textContent()).toMatch(/^Triggers: 0 of 20 in use/);
    expect(await sidebar.locator('.next-check').count()).toBe(0);
    expect(await text(sidebar, '.last-check')).toContain('No check has run yet');
    expect(await sidebar.getByLabel('Auto-repair', { exact: true }).isChecked()).toBe(false);

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
    // Local time (the spreadsheet's zone), never "UTC".
    expect(await text(sidebar, '#schedule-message')).toMatch(
      /^The hourly check is on since \d{1,2} \w{3} \d{4}, \d\d:\d\d\.$/,
    );
    expect(await text(sidebar, '#schedule-status')).toBe('Hourly check turned on. Check finished: changes waiting.');
    expect(await text(sidebar, '#schedule-badge')).toBe('on');
    expect(await text(sidebar, '.next-check')).toMatch(
      /^Next check: after \d{1,2} \w{3} \d{4}, \d\d:\d\d \(approximate\)\.$/,
    );
    expect(await sidebar.locator('.triggers').textContent()).toMatch(/^Triggers: 2 of 20 in use/);
    const check = sidebar.locator('.last-check[data-status="pending"]');
    expect(await check.locator('.badge').innerText()).toBe('changes waiting');
    expect(await check.locator('.check-meta').innerText()).toMatch(/^\d{1,2} \w{3} \d{4}, \d\d:\d\d · run by hand$/);
    // Uniones is checked too (the columns the union metrics read): untagged before the first apply, informational.
    expect(await check.locator('.check-summary').innerText()).toBe('Operaciones: changes waiting.\n\nUniones: OK.');
    const pending = check.locator('li[data-code="PENDING_MIGRATION"]');
    expect(await pending.locator('.finding-text').innerText()).toBe(
      'Columns are missing in Operaciones: "Extend schema" adds them.',
    );
    expect(await pending.locator('.finding-details').textContent()).toContain(
      'Migration 4.0-union-metrics is not done on Operaciones: 5 columns to add',
    );
    expect(await check.locator('.auto-repair-outcome').count()).toBe(0);
    expect(status(playground.emulator).installed).toBe(true);
    expect(await sidebar.evaluate('document.activeElement.id')).toBe('schedule-toggle');
    await screenshot(page.locator('.sidebar-panel'), 'sidebar-schedule-on');
    await screenshot(sidebar.locator('#schedule'), 'sidebar-schedule-panel');

    await clickAndSettle(sidebar, 'Turn off hourly check', '#schedule[data-installed="false"]');
    expect(await text(sidebar, '#schedule-message')).toBe('The hourly check is off.');
    expect(await text(sidebar, '#schedule-status')).toBe('Hourly check turned off.');
    expect(await sidebar.locator('.triggers').textContent()).toMatch(/^Triggers: 0 of 20 in use/);
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
    expect(await sidebar.locator('.triggers').textContent()).toMatch(/^Triggers: 19 of 20 in use/);

    await sidebar.getByRole('button', { name: 'Turn on hourly check' }).click();
    const error = sidebar.locator('#schedule-error [role="alert"]');
    await error.waitFor();
    await waitForSidebar(sidebar);
    expect(await error.locator('.notice-title').innerText()).toBe('Could not turn the hourly check on');
    expect(await error.locator('.error-text').innerText()).toContain(
      'already has the maximum of 20 triggers for this add-on',
    );
    expect(await error.locator('.error-text').innerText()).toContain('Nothing was changed:');
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
    expect(await text(sidebar, '#schedule-status')).toBe('Check finished: OK.');
    expect(await sidebar.locator('.check-findings').count()).toBe(0);
    expect(await sidebar.evaluate('document.activeElement.id')).toBe('check-now');

    const sheet = operaciones(playground.emulator);
    sheet.getRange('BR1').setValue('Uniones_SOLD');
    sheet.getRange('BS1').setValue(HTML_HEADER);
    sheet.insertColumnAfter(72);
    sheet.getRange(1, 73).setValue('Notas');
    await clickAndSettle(sidebar, 'Check now', '.last-check[data-status="drift"]');

    const check = sidebar.locator('.last-check');
    expect(await check.locator('.badge').innerText()).toBe('sheet changed');
    expect(await check.locator('.check-summary').innerText()).toBe('Operaciones: sheet changed.\n\nUniones: OK.');
    const renamed = check.locator('li[data-code="COLUMN_RENAMED"]');
    expect(await renamed.locator('.finding-text').allInnerTexts()).toEqual([
      'A column header of the schema was renamed in Operaciones (BR1).',
      'A column header of the schema was renamed in Operaciones (BS1).',
    ]);
    expect(await renamed.first().locator('.finding-details').textContent()).toContain(
      'BR1 reads "Uniones_SOLD" but is column "Uniones_SOLD_Completadas" of the schema (renamed).',
    );
    expect(await renamed.nth(1).locator('.finding-details').textContent()).toContain(
      `reads "${HTML_HEADER}" but is column "Pulgadas_ARM" of the schema (renamed).`,
    );
    expect(await check.locator('b').count()).toBe(0);
    expect(await sidebar.locator('.last-check b, #schedule b').count()).toBe(0);

    const unknown = check.locator('li[data-code="UNKNOWN_COLUMNS"]');
    expect(await unknown.getAttribute('class')).toBe('finding-info');
    expect(await unknown.locator('.finding-tag').innerText()).toMatch(/^info$/i);
    expect(await unknown.locator('.finding-text').innerText()).toBe(
      'Columns outside the schema in Operaciones (BU1): they are left as they are.',
    );
    expect(await unknown.locator('.finding-details').textContent()).toContain('Notas');
    await check.scrollIntoViewIfNeeded();
    await screenshot(page.locator('.sidebar-panel'), 'sidebar-check-drift');
  });

  it('the auto-repair checkbox round-trips; with it on, "Check now" applies pending migrations and the plan refreshes', async () => {
    const { sidebar, playground } = await open({ seed: smallDemo() });
    await waitForSidebar(sidebar, 'changes');
    const box = sidebar.getByLabel('Auto-repair', { exact: true });
    expect(await box.getAttribute('aria-describedby')).toBe('auto-repair-help');
    expect(await text(sidebar, '#auto-repair-help')).toContain('never deletes or renames');

    // Changes are waiting: turning auto-repair on asks first (see language.test.ts).
    await box.click();
    await sidebar.locator('#auto-repair-confirm-yes').click();
    await sidebar.locator('#schedule[data-auto-repair="true"]').waitFor();
    await waitForSidebar(sidebar);
    expect(await text(sidebar, '#schedule-status')).toBe('Auto-repair: on.');
    expect(status(playground.emulator).autoRepair).toBe(true);
    expect(await sidebar.evaluate('document.activeElement.id')).toBe('auto-repair');

    // Reloading the sidebar reads the setting back from the server.
    await sidebar.goto(sidebar.url());
    await waitForSidebar(sidebar, 'changes');
    expect(await sidebar.getByLabel('Auto-repair', { exact: true }).isChecked()).toBe(true);

    await clickAndSettle(sidebar, 'Check now', '.auto-repair-outcome[data-outcome="applied"]');
    await waitForSidebar(sidebar, 'up-to-date');
    expect(await text(sidebar, '.auto-repair-outcome .outcome-title')).toBe('Auto-repair: done.');
    expect(await text(sidebar, '.auto-repair-outcome')).toContain('5 columns added (Operaciones BP–BT)');
    expect(await text(sidebar, '#notice .notice-success')).toBe(
      'The check extended the schema (auto-repair): 5 columns added (Operaciones BP–BT).',
    );
    expect(playground.emulator.sheetInfo('Operaciones')?.lastColumn).toBe(72);
    expect(await sidebar.locator('section.sheet .badge').innerText()).toBe('up to date');

    await sidebar.getByLabel('Auto-repair', { exact: true }).uncheck();
    await sidebar.locator('#schedule[data-auto-repair="false"]').waitFor();
    await waitForSidebar(sidebar);
    expect(await sidebar.getByLabel('Auto-repair', { exact: true }).isChecked()).toBe(false);
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
    expect(await text(sidebar, '#schedule-status')).toBe('Recompute union metrics in each check: on.');
    expect(status(playground.emulator).recomputeMetrics).toBe(true);

    await clickAndSettle(sidebar, 'Check now', '.last-check[data-status="ok"]');
    expect(await text(sidebar, '.last-check .check-summary')).toMatch(/Union metrics: \d+ spool rows updated\./);
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
    // Information, not an error: every operator's first day.
    const refusal = sidebar.locator('#metrics-report .notice-info');
    expect(await refusal.locator('.notice-title').innerText()).toBe(
      'First extend the schema: the five union metric columns are not in the sheet yet.',
    );
    expect(await sidebar.locator('#metrics-report [role="alert"]').count()).toBe(0);
    expect(await sidebar.locator('#metrics-recompute').isDisabled()).toBe(true);
    await screenshot(page.locator('.sidebar-panel'), 'sidebar-metrics-extend-first');

    await sidebar.getByRole('button', { name: 'Extend schema', exact: true }).click();
    await sidebar.getByRole('button', { name: 'Extend schema now' }).click();
    await waitForSidebar(sidebar, 'up-to-date');
    expect(await sidebar.locator('#metrics').getAttribute('data-step')).toBe('stale');
    expect(await sidebar.locator('#metrics-recompute').isDisabled()).toBe(true);

    await clickAndSettle(sidebar, 'Preview union metrics', '#metrics[data-step="previewed"]');
    const preview = sidebar.locator('.metrics-report[data-status="preview"]');
    expect(await preview.locator('.notice-title').innerText()).toBe(
      '60 of 60 spool rows would change. Nothing has been written yet.',
    );
    const orphans = preview.locator('.metrics-problem[data-kind="orphans"]');
    expect(await orphans.locator('p').innerText()).toMatch(
      /^\d+ unions in Uniones name a spool that is not in Operaciones: MK-[^ ]+(, MK-[^ ]+)*( \(\+\d+\))?\. They are not counted\.$/,
    );
    const listed = await orphans.locator('.example-list li').allTextContents();
    expect(new Set(listed).size).toBe(listed.length);
    expect(await text(sidebar, '#metrics-status')).toBe(
      '60 of 60 spool rows would change. Nothing has been written yet.',
    );
    expect(await sidebar.evaluate('document.activeElement.id')).toBe('metrics-report');

    // Enter opens the confirm step on its summary (a second Enter cannot confirm); Escape cancels.
    await sidebar.locator('#metrics-recompute').focus();
    await page.keyboard.press('Enter');
    await sidebar.locator('#app[data-state="confirming-metrics"]').waitFor();
    expect(await sidebar.evaluate('document.activeElement.id')).toBe('metrics-confirm-summary');
    await page.keyboard.press('Enter');
    expect(await sidebar.locator('#app').getAttribute('data-state')).toBe('confirming-metrics');
    expect(await text(sidebar, '#metrics-confirm-summary')).toContain(
      '60 of 60 spool rows would change. Nothing has been written yet.',
    );
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
    expect(await result.locator('.metrics-facts').innerText()).toMatch(
      /^Operaciones: 60 spool rows · Uniones: [\d,]+ unions · /,
    );
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
