/**
 * The last English a Spanish operator saw, in a real browser (issue 13): a finding's Details and
 * a failed apply's message come from the catalogue in the operator's language, in Spanish and in
 * English; the platform's cause is shown as Google gives it. axe-core finds nothing serious.
 */
import { MSG } from '../../emulator';
import { RangeImpl } from '../../emulator/spreadsheet/range';
import { seedDemo } from '../../scripts/playground';
import { seriousViolations } from './axe';
import { browserSessions, screenshot, smallDemo, waitForSidebar } from './support';

const open = browserSessions();

const LANGUAGES = [
  {
    language: 'es',
    locale: 'es_ES',
    detail:
      'No se encontró la hoja Operaciones. Sheet Schema trabaja con una hoja que se llame exactamente así: vuelva a llamar «Operaciones» a la hoja o restáurela',
    failedTitle: 'No se pudo ampliar el esquema',
    failed:
      'Ampliar el esquema falló al escribir en Operaciones y se deshizo: la hoja está como estaba. Vuelva a intentarlo en un minuto.',
    cause: 'Causa, tal como la da Google: ',
    english: /was not found|the apply failed|rolled back/,
  },
  {
    language: 'en',
    locale: 'en_US',
    detail:
      'Sheet Operaciones was not found. Sheet Schema works on a sheet with exactly that name: rename the sheet back to "Operaciones" or restore it',
    failedTitle: 'Extending the schema failed',
    failed:
      'Extending the schema failed while writing Operaciones and was undone: the sheet is as it was. Try again in a minute.',
    cause: 'Cause, as Google reports it: ',
    english: /the apply failed|rolled back/,
  },
] as const;

let spy: jest.SpyInstance | null = null;
afterEach(() => {
  spy?.mockRestore();
  spy = null;
});

describe.each(LANGUAGES)('in $language', (c) => {
  it("a finding's Details say what is wrong and what to do, in the operator's language", async () => {
    const { page, sidebar } = await open({
      locale: c.locale,
      seed: (emulator) => {
        seedDemo(emulator, { spools: 30 });
        emulator.spreadsheet.deleteSheet(emulator.spreadsheet.getSheetByName('Operaciones')!);
      },
    });
    await waitForSidebar(sidebar, 'blocked');
    await sidebar.locator('details.details > summary').click();
    const details = sidebar.locator('details.details .server-text');
    await details.first().waitFor();
    const text = await details.first().innerText();
    expect(text).toContain(c.detail);
    if (c.language === 'es') expect(text).not.toMatch(c.english);
    expect(await seriousViolations(sidebar, `${c.language}:details-open`)).toEqual([]);
    await screenshot(page.locator('.sidebar-panel'), `details-${c.language}-finding`);
  }, 60_000);

  it("a failed apply says so in the operator's language, with Google's cause as given", async () => {
    const { page, sidebar, playground } = await open({ locale: c.locale, seed: smallDemo(30) });
    await waitForSidebar(sidebar, 'changes');
    await sidebar.locator('#apply').click();
    await sidebar.locator('#app[data-state="confirming"]').waitFor();
    const timeout = MSG.spreadsheetTimeout(playground.emulator.spreadsheet.getId());
    const original = RangeImpl.prototype.setValues;
    let writes = 0;
    spy = jest.spyOn(RangeImpl.prototype, 'setValues').mockImplementation(function (this: RangeImpl, values) {
      writes++;
      if (writes === 1) throw new Error(timeout);
      return original.call(this, values);
    });
    await sidebar.locator('#confirm-apply').click();
    const notice = sidebar.locator('#notice .notice-error');
    await notice.waitFor();
    await waitForSidebar(sidebar, 'changes');
    expect(await notice.locator('.notice-title').innerText()).toBe(c.failedTitle);
    const lines = await notice.locator('p:not(.notice-title)').allInnerTexts();
    expect(lines).toEqual([c.failed, `${c.cause}${timeout}`]);
    expect(lines.join(' ')).not.toMatch(c.english);
    expect(playground.emulator.sheetInfo('Operaciones')?.lastColumn).toBe(67);
    expect(await seriousViolations(sidebar, `${c.language}:apply-failed`)).toEqual([]);
    await screenshot(page.locator('.sidebar-panel'), `details-${c.language}-apply-failed`);
  }, 60_000);
});
