/**
 * Defect 2 (issue 11): with the metric columns not adjacent the write takes two setValues; a
 * failure of the second must not leave the first column run rewritten, and the operator gets
 * the add-on's words, not the platform's timeout text.
 */
import { MSG } from '../../emulator';
import { RangeImpl } from '../../emulator/spreadsheet/range';
import { recomputeUnionMetrics } from '../../src/server/unionMetricsService';
import { newExecution, V4_HEADERS, v3Workbook } from '../support/emulated';

/** Operaciones v4.0 with a column of notes between Uniones_SOLD_Completadas and Pulgadas_ARM. */
function splitMetricColumns() {
  const headers = [...V4_HEADERS.slice(0, 3), 'Notas', ...V4_HEADERS.slice(3)];
  const built = v3Workbook({ spools: 30, withUniones: true, extraHeaders: headers });
  const sheet = built.emu.spreadsheet.getSheetByName('Operaciones')!;
  // Stale metrics the recompute will change, and notes it must never touch.
  sheet.getRange(2, 68, 30, 6).setValues(Array.from({ length: 30 }, (_, i) => [9, 9, 9, `nota ${i}`, 9, 9]));
  built.emu.stats.reset();
  return built;
}

const metricBlock = (emu: ReturnType<typeof splitMetricColumns>['emu']) =>
  emu
    .readSheet('Operaciones')
    .slice(1)
    .map((row) => row.slice(67, 73));

describe('recomputeUnionMetrics, metric columns not adjacent', () => {
  let spy: jest.SpyInstance | null = null;
  afterEach(() => spy?.mockRestore());

  /** The n-th Range.setValues of the recompute throws the platform's timeout. */
  function failSetValues(n: number, emu: ReturnType<typeof splitMetricColumns>['emu']): void {
    const original = RangeImpl.prototype.setValues;
    let seen = 0;
    spy = jest.spyOn(RangeImpl.prototype, 'setValues').mockImplementation(function (this: RangeImpl, values) {
      seen++;
      if (seen === n) throw new Error(MSG.spreadsheetTimeout(emu.spreadsheet.getId()));
      return original.call(this, values);
    });
  }

  it('writes the two runs when nothing fails', () => {
    const { emu } = splitMetricColumns();
    const report = recomputeUnionMetrics(newExecution(emu));
    expect(report.status).toBe('applied');
    expect(metricBlock(emu).every((row) => row[3] !== 9 && String(row[3]).startsWith('nota'))).toBe(true);
  });

  it('a failure of the second write puts the first run back and says so in the add-on’s words', () => {
    const { emu } = splitMetricColumns();
    const before = metricBlock(emu);
    failSetValues(2, emu);
    let message = '';
    try {
      recomputeUnionMetrics(newExecution(emu));
    } catch (error) {
      message = (error as Error).message;
    }
    expect(metricBlock(emu)).toEqual(before);
    expect(message).toMatch(/^Sheet Schema: writing the union metrics to "Operaciones" failed/);
    expect(message).toContain('were put back as they were');
    expect(message).toContain(V4_HEADERS.join(', '));
    expect((message.match(/timed out/g) ?? []).length).toBeLessThanOrEqual(1);
  });

  it('when putting back fails too, says the columns may be partly rewritten and what to do', () => {
    const { emu } = splitMetricColumns();
    // Second write fails, and so does the first restore write.
    const original = RangeImpl.prototype.setValues;
    let seen = 0;
    spy = jest.spyOn(RangeImpl.prototype, 'setValues').mockImplementation(function (this: RangeImpl, values) {
      seen++;
      if (seen === 2 || seen === 3) throw new Error(MSG.spreadsheetTimeout(emu.spreadsheet.getId()));
      return original.call(this, values);
    });
    expect(() => recomputeUnionMetrics(newExecution(emu))).toThrow(
      /could not all be put back .*Run "Recompute union metrics" again/,
    );
  });
});
