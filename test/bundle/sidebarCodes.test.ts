/**
 * Codes, not prose, between server and sidebar: the `{ sidebar: true }` forms answer a Refusal
 * with a code; history rows are real date-times, under the operator's language's headers, and a
 * history sheet written in either language keeps being read.
 */
import { scriptRun } from '../../emulator/bundle';
import { HISTORY_HEADERS, HISTORY_HEADERS_ES, HISTORY_SHEET } from '../../src/adapters/history';
import type { ApplyResult, Refusal, SchemaPlan } from '../../src/shared/payloads';
import { v3Workbook } from '../support/emulated';

const DIST = `${__dirname}/../../dist`;
const preview = (emu: Parameters<typeof scriptRun>[0]) => scriptRun(emu, DIST, 'previewSchema') as SchemaPlan;

describe('refusals as codes in the sidebar form', () => {
  it('a stale fingerprint answers STALE_PLAN and writes nothing; the menu form still throws', () => {
    const { emu } = v3Workbook({ spools: 10 });
    const plan = preview(emu);
    emu.spreadsheet.getSheetByName('Operaciones')!.appendRow(['MK-NEW-1']);
    const answer = scriptRun(emu, DIST, 'applySchema', plan.fingerprint, { sidebar: true }) as Refusal;
    expect(answer).toMatchObject({ status: 'refused', code: 'STALE_PLAN' });
    expect(emu.sheetInfo('Operaciones')?.lastColumn).toBe(67);
    expect(() => scriptRun(emu, DIST, 'applySchema', plan.fingerprint)).toThrow('the sheet changed since this preview');
  });

  it('an up-to-date fingerprint applies and answers the ApplyResult', () => {
    const { emu } = v3Workbook({ spools: 10 });
    const result = scriptRun(emu, DIST, 'applySchema', preview(emu).fingerprint, { sidebar: true }) as ApplyResult;
    expect(result.status).toBe('applied');
    expect(emu.sheetInfo('Operaciones')?.lastColumn).toBe(72);
  });

  it('missing metric columns answer METRICS_COLUMNS_MISSING; other arguments are refused', () => {
    const { emu } = v3Workbook({ spools: 10 });
    emu.seedSheet('Uniones', [['TAG_SPOOL', 'DN_UNION']]);
    expect(scriptRun(emu, DIST, 'previewUnionMetrics', { sidebar: true })).toMatchObject({
      status: 'refused',
      code: 'METRICS_COLUMNS_MISSING',
    });
    expect(() => scriptRun(emu, DIST, 'previewUnionMetrics')).toThrow('Extend schema');
    expect(() => scriptRun(emu, DIST, 'previewUnionMetrics', { sidebar: 'yes' })).toThrow('expects no argument');
    expect(() => scriptRun(emu, DIST, 'applySchema', preview(emu).fingerprint, {}, 3)).toThrow('at most');
  });
});

describe('history in the operator language', () => {
  it('a Spanish operator gets Spanish headers and real date-times; reading it keeps working', () => {
    const { emu } = v3Workbook({ spools: 10, emulator: { locale: 'es_ES' } });
    scriptRun(emu, DIST, 'applySchema', preview(emu).fingerprint);
    const [headers, row] = emu.readSheet(HISTORY_SHEET);
    expect(headers).toEqual([...HISTORY_HEADERS_ES]);
    expect(Object.prototype.toString.call(row[0])).toBe('[object Date]');
    const entry = preview(emu).history[0];
    expect(entry.time).toBe((row[0] as Date).toISOString());
    expect(entry.migrationId).toBe('4.0-union-metrics');
  });

  it('an English history sheet with ISO text times (written before) is read as before', () => {
    const { emu } = v3Workbook({ spools: 10 });
    emu.seedSheet(HISTORY_SHEET, [
      [...HISTORY_HEADERS],
      ['2026-11-20T08:00:00.000Z', '3.0-base', 'Operaciones', 'd', '', 0, 'a@example.com', 5, 'applied'],
    ]);
    expect(preview(emu).history[0]).toMatchObject({ time: '2026-11-20T08:00:00.000Z', migrationId: '3.0-base' });
  });
});
