/**
 * Live metrics in a real browser: the sidebar's "Keep metrics live" toggle, then a weld date typed
 * into a Uniones row in the playground grid updates its spool's metrics in Operaciones (the edit
 * fires the bundle's installable onEdit). Every wait is on UI state.
 */
import { type Emulator, scriptRun } from '../../emulator';
import { UNIONES_HEADERS } from '../../emulator/fixtures/workbook';
import { columnLetter } from '../../src/core/columnLetters';
import type { SchemaPlan } from '../../src/shared/payloads';
import { browserSessions, DIST, screenshot, smallDemo, waitForSidebar } from './support';

const open = browserSessions();
const ARM = UNIONES_HEADERS.indexOf('ARM_FECHA_FIN') + 1;
const TAG = UNIONES_HEADERS.indexOf('TAG_SPOOL') + 1;
/** Uniones_ARM_Completadas (BQ) after the v4.0 migration. */
const ARM_DONE = 69;

function migrateAndRecompute(emulator: Emulator): void {
  const plan = scriptRun(emulator, DIST, 'previewSchema') as SchemaPlan;
  scriptRun(emulator, DIST, 'applySchema', plan.fingerprint);
  scriptRun(emulator, DIST, 'recomputeUnionMetrics', { confirmed: true });
}

/** A union of one of the first spools whose ARM date is blank, and that spool's Operaciones row. */
function blankArmUnion(emulator: Emulator): { unionRow: number; spoolRow: number; armDone: number } {
  const ops = emulator.readSheet('Operaciones');
  const unions = emulator.readSheet('Uniones');
  const tagColumn = ops[0].indexOf('TAG_SPOOL');
  for (let spoolRow = 2; spoolRow <= 12; spoolRow++) {
    const tag = ops[spoolRow - 1][tagColumn];
    const unionRow = unions.findIndex((u) => u[TAG - 1] === tag && u[ARM - 1] === '') + 1;
    if (unionRow > 1) return { unionRow, spoolRow, armDone: Number(ops[spoolRow - 1][ARM_DONE - 1]) };
  }
  throw new Error('no spool with a blank ARM date among the first rows');
}

describe('live metrics', () => {
  it('the toggle turns live metrics on; a date typed in Uniones updates its spool in Operaciones', async () => {
    const { page, sidebar, playground } = await open({ seed: smallDemo() });
    migrateAndRecompute(playground.emulator);
    await waitForSidebar(sidebar);
    await sidebar.locator('#live[data-live="off"]').waitFor();
    await sidebar.getByRole('button', { name: 'Keep metrics live' }).click();
    await sidebar.locator('#live[data-live="on"]').waitFor();
    await waitForSidebar(sidebar);
    expect(await sidebar.locator('#live-message').innerText()).toMatch(
      /^Live: a date typed in Uniones updates its spool/,
    );
    expect(playground.emulator.triggers.list().map((t) => [t.eventType, t.handlerFunction])).toEqual(
      expect.arrayContaining([
        ['ON_EDIT', 'onLiveEdit'],
        ['ON_CHANGE', 'onSchemaChange'],
      ]),
    );

    const target = blankArmUnion(playground.emulator);
    await page.getByRole('tab', { name: 'Uniones' }).click();
    await page.locator('table[data-sheet="Uniones"]').waitFor();
    await page.locator('#edit-cell').fill(`${columnLetter(ARM)}${target.unionRow}`);
    await page.locator('#edit-value').fill('2026-03-14');
    await page.getByRole('button', { name: 'Type into cell' }).click();
    await page.locator('body[data-edits="1"]').waitFor();
    expect(await page.locator('#edit-status').innerText()).toContain('onLiveEdit');

    await page.getByRole('tab', { name: 'Operaciones' }).click();
    const cell = page.locator(
      `table[data-sheet="Operaciones"] tbody tr:nth-child(${target.spoolRow}) td:nth-child(${ARM_DONE + 1})`,
    );
    await cell.waitFor();
    expect(await cell.innerText()).toBe(String(target.armDone + 1));
    await screenshot(page, 'playground-live-metrics');

    await sidebar.getByRole('button', { name: 'Stop live metrics' }).click();
    await sidebar.locator('#live[data-live="off"]').waitFor();
    expect(playground.emulator.triggers.list()).toHaveLength(0);
  });
});
