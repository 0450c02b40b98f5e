/**
 * Sheet rules in a real browser: the preview lists what the apply sets in the sheet, the check
 * reports a removed validation and a removed protection, and "Restore" puts them back.
 */
import { type Emulator, scriptRun } from '../../emulator';
import type { SchemaPlan } from '../../src/shared/payloads';
import { browserSessions, DIST, smallDemo, waitForSidebar } from './support';

const open = browserSessions();
const operaciones = (emulator: Emulator) => emulator.spreadsheet.getSheetByName('Operaciones')!;

describe('sheet rules in the sidebar', () => {
  it('the preview lists validation, notes and protections; Restore puts back what the check found missing', async () => {
    const { sidebar, playground } = await open({ seed: smallDemo() });
    await waitForSidebar(sidebar, 'changes');
    const listed = sidebar.locator('.rule-changes li');
    expect(await listed.count()).toBe(4);
    expect(await sidebar.locator('.rule-changes li[data-kind="protection"]').allInnerTexts()).toEqual([
      'Set warning-only protection on BP–BT',
    ]);
    expect(
      await sidebar
        .locator('.rule-changes li[data-kind="validation"]')
        .evaluateAll((items) => items.map((li) => li.getAttribute('data-columns'))),
    ).toEqual(['BP BQ BR', 'BS BT']);

    const emulator = playground.emulator;
    const plan = scriptRun(emulator, DIST, 'previewSchema') as SchemaPlan;
    scriptRun(emulator, DIST, 'applySchema', plan.fingerprint);
    const sheet = operaciones(emulator);
    sheet.getRange(2, 69, sheet.getMaxRows() - 1, 1).clearDataValidations();
    const type = emulator.globals.SpreadsheetApp.ProtectionType.RANGE;
    sheet
      .getProtections(type)
      .find((p) => p.getRange().getColumn() === 70)
      ?.remove();

    await sidebar.getByRole('button', { name: 'Check now', exact: true }).click();
    await sidebar.locator('.last-check[data-status="pending"]').waitFor();
    await waitForSidebar(sidebar);
    const check = sidebar.locator('.last-check');
    expect(await check.locator('li[data-code="VALIDATION_REMOVED"] .finding-text').innerText()).toContain('(BQ1)');
    expect(await check.locator('li[data-code="PROTECTION_REMOVED"] .finding-text').innerText()).toContain('(BR1)');

    await sidebar.getByRole('button', { name: 'Restore', exact: true }).click();
    await sidebar.locator('.last-check[data-status="ok"]').waitFor();
    await waitForSidebar(sidebar);
    expect(await sidebar.locator('#schedule-status').innerText()).toMatch(/^Restored\./);
    expect(sheet.getRange('BQ2').getDataValidation()).not.toBeNull();
    expect(sheet.getProtections(type).filter((p) => p.getDescription().startsWith('Sheet Schema'))).toHaveLength(5);
    expect(await sidebar.getByRole('button', { name: 'Restore', exact: true }).count()).toBe(0);
  });
});
