/**
 * Issue 10's five-step scenario in a real browser, answered by the real server bundle: apply v4.0,
 * recompute the union metrics, turn the hourly check on, rename BR1 in the emulated sheet, then
 * check, refresh, recompute and restore from the sidebar. Every wait is on UI state.
 */
import type { Frame } from 'playwright-core';
import type { Emulator } from '../../emulator';
import { browserSessions, clickAndSettle, screenshot, smallDemo, waitForSidebar } from './support';

const open = browserSessions();
const SOLD = 70; // BR

const soldColumn = (emulator: Emulator) =>
  emulator
    .readSheet('Operaciones')
    .slice(1)
    .map((row) => row[SOLD - 1]);

async function recomputeMetrics(sidebar: Frame): Promise<void> {
  await clickAndSettle(sidebar, 'Preview union metrics', '#metrics[data-step="previewed"]');
  await sidebar.getByRole('button', { name: 'Recompute union metrics' }).click();
  await clickAndSettle(sidebar, 'Confirm recompute', '#metrics[data-step="done"]');
}

describe('a person renames a managed header (issue 10 scenario)', () => {
  it('the rename is reported with its cell, nothing can be added, metrics stay in BR, the restore writes one cell', async () => {
    const { page, sidebar, playground } = await open({ seed: smallDemo() });
    const emulator = playground.emulator;
    await waitForSidebar(sidebar, 'changes');

    // The identity tags the apply adds, one folded line per sheet: five created and the key adopted on
    // Operaciones, the four columns the metrics read on Uniones; the detail names each column.
    const tags = sidebar.locator('section.sheet[data-sheet="Operaciones"] details.tags');
    expect(await tags.locator('summary').innerText()).toBe(
      'Label 6 columns so they are found even if renamed: BP–BT, A',
    );
    await tags.locator('summary').click();
    expect(await tags.locator('li').allInnerTexts()).toEqual([
      ...['Total_Uniones', 'Uniones_ARM_Completadas', 'Uniones_SOLD_Completadas', 'Pulgadas_ARM', 'Pulgadas_SOLD'].map(
        (name, i) => `${['BP', 'BQ', 'BR', 'BS', 'BT'][i]} · ${name} — on the new column`,
      ),
      'A · TAG_SPOOL — adopted: existing column',
    ]);
    await screenshot(tags, 'sidebar-changes-tags');
    await tags.locator('summary').click();

    // 1. Apply v4.0, recompute the union metrics, turn the hourly check on.
    await sidebar.getByRole('button', { name: 'Extend schema', exact: true }).click();
    await sidebar.getByRole('button', { name: 'Extend schema now' }).click();
    await waitForSidebar(sidebar, 'up-to-date');
    await recomputeMetrics(sidebar);
    const sold = soldColumn(emulator);
    expect(sold.some((value) => typeof value === 'number' && value > 0)).toBe(true);
    await clickAndSettle(sidebar, 'Turn on hourly check', '#schedule[data-installed="true"]');

    // 2. A person tidies the header.
    const sheet = emulator.spreadsheet.getSheetByName('Operaciones')!;
    sheet.getRange('BR1').setValue('Uniones SOLD');

    // 3. Check now: the rename, with its cell and both texts.
    await clickAndSettle(sidebar, 'Check now', '.last-check[data-status="drift"]');
    const renamed = sidebar.locator('.last-check li[data-code="COLUMN_RENAMED"]');
    expect(await renamed.locator('.finding-text').allInnerTexts()).toEqual([
      'A column header of the schema was renamed in Operaciones (BR1).',
    ]);
    expect(await renamed.locator('.finding-details').textContent()).toContain(
      'BR1 reads "Uniones SOLD" but is column "Uniones_SOLD_Completadas" of the schema (renamed).',
    );
    expect(await sidebar.locator('.last-check li[data-code="PENDING_MIGRATION"]').count()).toBe(0);
    // The plan reloads with the rename: its restore is offered right away.
    const restore = sidebar.locator('#preview li[data-code="COLUMN_RENAMED"] button.restore-header');
    expect(await restore.getAttribute('data-cell')).toBe('Operaciones!BR1');
    expect(await restore.innerText()).toBe('Restore header');

    // Refresh: no column can be added; the plan offers the restore of that one cell.
    await sidebar.getByRole('button', { name: 'Refresh' }).click();
    await waitForSidebar(sidebar, 'up-to-date');
    expect(await sidebar.locator('#apply').isDisabled()).toBe(true);
    expect(await sidebar.locator('#preview').innerText()).not.toContain('BU');
    expect(await restore.getAttribute('data-cell')).toBe('Operaciones!BR1');
    expect(emulator.sheetInfo('Operaciones')?.lastColumn).toBe(72);

    // Recompute: the metrics land in BR (by identity), under the renamed header.
    sheet.getRange(2, SOLD, sheet.getLastRow() - 1, 1).setValue(999);
    await recomputeMetrics(sidebar);
    expect(soldColumn(emulator)).toEqual(sold);
    expect(emulator.readSheet('Operaciones')[0]).toHaveLength(72);

    // Restore: the first click asks, the second writes exactly one cell and history records it.
    const before = emulator.readSheet('Operaciones');
    const historyBefore = emulator.readSheet('_schema_history').length;
    await restore.click();
    expect(await restore.innerText()).toBe('Confirm: write "Uniones_SOLD_Completadas" into Operaciones!BR1');
    await screenshot(page.locator('.sidebar-panel'), 'sidebar-restore-header');
    emulator.stats.reset();
    await restore.click();
    await sidebar.locator('#notice .notice-success').waitFor();
    await waitForSidebar(sidebar, 'up-to-date');
    expect(await sidebar.locator('#notice .notice-success').innerText()).toBe(
      'Header restored: Operaciones!BR1 reads "Uniones_SOLD_Completadas" again.',
    );
    // One header cell, plus the one history row that records the restore.
    const historyWidth = emulator.readSheet('_schema_history')[0].length;
    expect(emulator.stats.snapshot().cellsWritten).toBe(1 + historyWidth);
    const after = emulator.readSheet('Operaciones');
    const changed = after.flatMap((row, r) =>
      row.flatMap((value, c) => (JSON.stringify(value) === JSON.stringify(before[r][c]) ? [] : [[r + 1, c + 1]])),
    );
    expect(changed).toEqual([[1, SOLD]]);
    expect(after[0][SOLD - 1]).toBe('Uniones_SOLD_Completadas');
    const history = emulator.readSheet('_schema_history');
    expect(history).toHaveLength(historyBefore + 1);
    expect(history[history.length - 1]).toEqual(
      expect.arrayContaining(['header restored', 'Operaciones!BR1: "Uniones SOLD" → "Uniones_SOLD_Completadas"']),
    );
    expect(await sidebar.locator('#preview button.restore-header').count()).toBe(0);
    await screenshot(page.locator('.sidebar-panel'), 'sidebar-header-restored');
  });
});
