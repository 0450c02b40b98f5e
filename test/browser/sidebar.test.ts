/**
 * The operator sidebar in a real browser: the built dist/Sidebar.html inside the playground,
 * google.script.run answered by the built dist/Code.js on the emulated workbook. Every wait is
 * on UI state (data-state / data-plan, elements appearing), never a fixed sleep.
 */
import { scriptRun } from '../../emulator';
import { seedDemo } from '../../scripts/playground';
import { textFor } from '../../src/client/text';
import type { SchemaPlan } from '../../src/shared/payloads';
import { V4_HEADERS } from '../support/emulated';
import { browserSessions, DIST, publishToDocs, screenshot, smallDemo, waitForSidebar } from './support';

const NEW_HEADERS = V4_HEADERS;
const PWN_HEADER = '<img src=x onerror=window.__pwned=1>';

const open = browserSessions();

describe('preview', () => {
  it('lists the five new columns BP–BT of the demo workbook, with badge, strip, history and cost in Details', async () => {
    const { page, sidebar } = await open();
    await waitForSidebar(sidebar, 'changes');

    const card = sidebar.locator('section.sheet[data-sheet="Operaciones"]');
    expect(await card.locator('.badge').innerText()).toBe('5 changes');
    expect(await card.locator('table.changes tr.change-add td.letter').allInnerTexts()).toEqual([
      'BP',
      'BQ',
      'BR',
      'BS',
      'BT',
    ]);
    expect(await card.locator('table.changes tr.change-add td.header').allInnerTexts()).toEqual(NEW_HEADERS);
    // Then the identity tags, folded into one line under the table: five created, the key adopted.
    expect(await card.locator('details.tags summary').innerText()).toBe(
      'Label 6 columns so they are found even if renamed: BP–BT, A',
    );
    expect(await card.locator('table.changes tbody tr').count()).toBe(5);
    expect(await card.locator('table.changes tbody tr').first().innerText()).toMatch(
      /BP\s+Total_Uniones\s+whole number\s+0\s+2,400 rows/,
    );
    expect(await card.locator('.strip-new').allInnerTexts()).toEqual(['BP', 'BQ', 'BR', 'BS', 'BT']);
    expect(await card.locator('figcaption').innerText()).toBe('A–BO: 67 existing columns · BP–BT: 5 new');
    // Jargon (calls, cells read, fingerprint, migration ids) waits in a collapsed Details.
    expect(await sidebar.locator('.cost').isVisible()).toBe(false);
    await sidebar.locator('details.details summary').click();
    expect(await sidebar.locator('.cost').innerText()).toMatch(
      /^Technical cost: \d+ Spreadsheet calls, .*, 12,0\d\d cells that change\.$/,
    );
    expect(await sidebar.locator('.migration-id').innerText()).toBe('4.0-union-metrics');
    await sidebar.locator('details.details summary').click();
    expect(await sidebar.locator('.history').innerText()).toContain('Nothing extended from Sheet Schema yet.');
    expect(await sidebar.locator('#status').innerText()).toBe(
      'Operaciones: add 5 columns BP–BT to the right of column BO and put 0 in 2,400 rows. Nothing else changes. Nothing has been written yet.',
    );
    expect(await sidebar.locator('#apply').isEnabled()).toBe(true);

    const shot = await screenshot(page.locator('.sidebar-panel'), 'sidebar-preview');
    publishToDocs(shot, 'sidebar-preview.png');
    await screenshot(page, 'playground-preview');
  });

  it('shows a missing managed sheet as a blocking error and keeps Apply disabled', async () => {
    const { page, sidebar } = await open({
      seed: (emulator) => {
        seedDemo(emulator, { spools: 30 });
        emulator.spreadsheet.deleteSheet(emulator.spreadsheet.getSheetByName('Operaciones')!);
      },
    });
    await waitForSidebar(sidebar, 'blocked');
    const card = sidebar.locator('section.sheet[data-sheet="Operaciones"]');
    expect(await card.locator('.badge').innerText()).toBe('problem');
    expect(await card.locator('.findings-error li[data-code="MISSING_SHEET"]').innerText()).toBe(
      'Sheet Operaciones is missing.',
    );
    expect(await sidebar.locator('#status').innerText()).toBe('Nothing was changed: 1 problem to fix first.');
    expect(await card.locator('table.changes').count()).toBe(0);
    expect(await sidebar.locator('.server-text').textContent()).toContain(
      'Sheet Operaciones was not found. Sheet Schema works on a sheet',
    );
    expect(await sidebar.locator('#apply').isDisabled()).toBe(true);
    await screenshot(page.locator('.sidebar-panel'), 'sidebar-missing-sheet');
  });

  it('renders an HTML-looking header as literal text and runs nothing', async () => {
    const { page, sidebar, playground } = await open({
      seed: (emulator) => {
        seedDemo(emulator, { spools: 30 });
        const sheet = emulator.spreadsheet.getSheetByName('Operaciones')!;
        sheet.getRange('F1').setValue(PWN_HEADER);
        sheet.getRange('H1').setValue(PWN_HEADER);
      },
    });
    await waitForSidebar(sidebar, 'blocked');
    expect(playground.emulator.readSheet('Operaciones')[0][5]).toBe(PWN_HEADER);

    const finding = sidebar.locator('.findings-error li[data-code="DUPLICATE_HEADER"] .finding-text');
    expect(await finding.innerText()).toBe('The header at H1 repeats another header of Operaciones.');
    await sidebar.locator('details.details summary').click();
    expect(await sidebar.locator('.server-text').first().innerText()).toContain(
      `Header "${PWN_HEADER}" appears 2 times in Operaciones (F1, H1)`,
    );
    await page.locator('td.header-cell', { hasText: PWN_HEADER }).first().waitFor();
    expect(await page.locator('td.header-cell', { hasText: PWN_HEADER }).count()).toBe(2);

    expect(await sidebar.locator('img').count()).toBe(0);
    expect(await page.locator('img').count()).toBe(0);
    expect(await sidebar.evaluate('typeof window.__pwned')).toBe('undefined');
    expect(await page.evaluate('typeof window.__pwned')).toBe('undefined');
    await screenshot(page.locator('.sidebar-panel'), 'sidebar-html-header');
  });
});

describe('apply', () => {
  it('confirms with the summary, shows progress with buttons disabled, then the result; the sheet has 72 columns', async () => {
    const { page, sidebar, playground } = await open({ rpcDelayMs: 250 });
    await waitForSidebar(sidebar, 'changes');

    await sidebar.getByRole('button', { name: 'Extend schema', exact: true }).click();
    await sidebar.locator('#app[data-state="confirming"]').waitFor();
    const summary = await sidebar.locator('#confirm-summary').innerText();
    expect(summary).toContain('Operaciones: add 5 columns BP–BT to the right of column BO and put 0 in 2,400 rows.');
    expect(summary).toContain('Nothing else changes.');
    await screenshot(page.locator('.sidebar-panel'), 'sidebar-confirm');

    await sidebar.getByRole('button', { name: 'Extend schema now' }).click();
    await sidebar.locator('#app[data-state="applying"]').waitFor();
    // One snapshot (a single evaluate), so the apply cannot finish halfway through the reading.
    expect(
      await sidebar.evaluate(`({
        state: document.getElementById('app').dataset.state,
        enabled: ['#apply', '#refresh', '#clear-cache', '#confirm-apply'].filter((id) => !document.querySelector(id).disabled),
        progress: !document.getElementById('progress').hidden,
        busy: document.getElementById('app').getAttribute('aria-busy'),
      })`),
    ).toEqual({ state: 'applying', enabled: [], progress: true, busy: 'true' });

    await waitForSidebar(sidebar, 'up-to-date');
    const notice = await sidebar.locator('.notice-success').innerText();
    expect(notice).toMatch(/^Done: 5 columns added \(Operaciones BP–BT\), 12,005 cells written in (< 1|[\d.]+) s\.$/);
    // The result is in view and has the focus.
    expect(await sidebar.evaluate('document.activeElement.id')).toBe('notice');
    expect(await sidebar.locator('section.sheet .badge').innerText()).toBe('up to date');
    expect(await sidebar.locator('#apply').isDisabled()).toBe(true);
    expect(await sidebar.locator('.history li').first().innerText()).toContain('Operaciones: BP–BT');

    expect(playground.emulator.sheetInfo('Operaciones')?.lastColumn).toBe(72);
    expect(playground.emulator.readSheet('Operaciones')[0].slice(67)).toEqual(NEW_HEADERS);
    await page.locator('thead th.new-col').nth(4).waitFor();
    expect(await page.locator('thead th.new-col').allInnerTexts()).toEqual(['BP', 'BQ', 'BR', 'BS', 'BT']);
    await screenshot(page.locator('.sidebar-panel'), 'sidebar-applied');
    await screenshot(page, 'playground-applied');

    await page.getByRole('button', { name: 'Reset workbook' }).click();
    await waitForSidebar(sidebar, 'changes');
    expect(playground.emulator.sheetInfo('Operaciones')?.lastColumn).toBe(67);
  });

  it('Refresh shows "up to date" once the schema was applied elsewhere', async () => {
    const { sidebar, playground } = await open({ seed: smallDemo() });
    await waitForSidebar(sidebar, 'changes');
    const plan = scriptRun(playground.emulator, DIST, 'previewSchema') as SchemaPlan;
    scriptRun(playground.emulator, DIST, 'applySchema', plan.fingerprint);

    await sidebar.getByRole('button', { name: 'Refresh' }).click();
    await waitForSidebar(sidebar, 'up-to-date');
    expect(await sidebar.locator('section.sheet .badge').innerText()).toBe('up to date');
    expect(await sidebar.locator('#status').innerText()).toBe('Up to date: nothing to add, nothing to fill.');
    expect(await sidebar.locator('table.changes').count()).toBe(0);
    expect(await sidebar.locator('figcaption').innerText()).toBe('A–BT: 72 existing columns');
    expect(await sidebar.locator('#apply').isDisabled()).toBe(true);
  });

  it('refuses a stale plan as information: the sheet changed since this preview, nothing written, preview refreshed', async () => {
    const { page, sidebar, playground } = await open({ seed: smallDemo(60) });
    await waitForSidebar(sidebar, 'changes');
    expect(await sidebar.locator('.sheet-meta').innerText()).toBe('60 data rows');

    playground.emulator.spreadsheet.getSheetByName('Operaciones')!.appendRow(['MK-NEW-0001']);
    await sidebar.getByRole('button', { name: 'Extend schema', exact: true }).click();
    await sidebar.getByRole('button', { name: 'Extend schema now' }).click();

    const info = sidebar.locator('.notice-info');
    await info.waitFor();
    expect(await info.innerText()).toContain('The sheet changed since this preview, so nothing was written.');
    expect(await sidebar.locator('.notice-error').count()).toBe(0);
    await waitForSidebar(sidebar, 'changes');
    expect(await sidebar.locator('.sheet-meta').innerText()).toBe('61 data rows');
    expect(playground.emulator.sheetInfo('Operaciones')?.lastColumn).toBe(67);
    await screenshot(page.locator('.sidebar-panel'), 'sidebar-stale-plan');

    await sidebar.getByRole('button', { name: 'Extend schema', exact: true }).click();
    await sidebar.getByRole('button', { name: 'Extend schema now' }).click();
    await waitForSidebar(sidebar, 'up-to-date');
    expect(playground.emulator.sheetInfo('Operaciones')?.lastColumn).toBe(72);
  });

  it('a plan a colleague already applied is an information notice naming who and when', async () => {
    const { sidebar, playground } = await open({ seed: smallDemo(), timeZone: 'Europe/Madrid' });
    await waitForSidebar(sidebar, 'changes');
    playground.emulator.setActiveUser('colleague@example.com');
    const plan = scriptRun(playground.emulator, DIST, 'previewSchema') as SchemaPlan;
    scriptRun(playground.emulator, DIST, 'applySchema', plan.fingerprint);
    playground.emulator.setActiveUser('operator@example.com');
    const applied = (scriptRun(playground.emulator, DIST, 'previewSchema') as SchemaPlan).history[0];

    await sidebar.getByRole('button', { name: 'Extend schema', exact: true }).click();
    await sidebar.getByRole('button', { name: 'Extend schema now' }).click();
    const info = sidebar.locator('.notice-info');
    await info.waitFor();
    // In the spreadsheet's time zone, without "UTC".
    expect(await info.innerText()).toBe(
      `Already done by colleague@example.com at ${textFor('en', 'Europe/Madrid').time(applied.time)}: the sheet is up to date and nothing more was written.`,
    );
    expect(await info.innerText()).not.toContain('UTC');
    await waitForSidebar(sidebar, 'up-to-date');
    expect(await sidebar.locator('.notice-error').count()).toBe(0);
    expect(await sidebar.evaluate('document.activeElement.id')).toBe('notice');
  });
});

describe('other actions and accessibility', () => {
  it('Clear column cache reports the sheets whose cache it dropped', async () => {
    const { sidebar } = await open({ seed: smallDemo() });
    await waitForSidebar(sidebar, 'changes');
    expect(await sidebar.getByRole('button', { name: 'Clear column cache' }).isVisible()).toBe(false);
    await sidebar.locator('details.advanced summary').click();
    await sidebar.getByRole('button', { name: 'Clear column cache' }).click();
    await sidebar.locator('.notice-info').waitFor();
    expect(await sidebar.locator('.notice-info').innerText()).toBe('Column cache cleared for Operaciones.');
    expect(await sidebar.evaluate('document.activeElement.id')).toBe('notice');
    await waitForSidebar(sidebar, 'changes');
  });

  it('works from the keyboard: Extend schema is the first Tab stop, Enter twice does not pass the confirm step', async () => {
    const { page, sidebar, playground } = await open({ seed: smallDemo() });
    await waitForSidebar(sidebar, 'changes');
    expect(await sidebar.locator('#status').getAttribute('aria-live')).toBe('polite');

    await sidebar.evaluate("(() => { const app = document.getElementById('app'); app.tabIndex = -1; app.focus(); })()");
    await page.keyboard.press('Tab');
    expect(await sidebar.evaluate('document.activeElement.id')).toBe('apply');
    await page.keyboard.press('Enter');
    await sidebar.locator('#app[data-state="confirming"]').waitFor();
    expect(await sidebar.evaluate('document.activeElement.id')).toBe('confirm-summary');
    await page.keyboard.press('Enter');
    expect(await sidebar.locator('#app').getAttribute('data-state')).toBe('confirming');
    expect(playground.emulator.sheetInfo('Operaciones')?.lastColumn).toBe(67);
    await page.keyboard.press('Tab');
    expect(await sidebar.evaluate('document.activeElement.id')).toBe('confirm-apply');
    await page.keyboard.press('Escape');
    await waitForSidebar(sidebar, 'changes');
    expect(await sidebar.evaluate('document.activeElement.id')).toBe('apply');
    expect(await sidebar.locator('#status').innerText()).toBe('Cancelled: nothing was written.');
  });
});
