/**
 * Defect 5 (issue 11): a partly migrated sheet whose blanks alternate cost one setValue per run.
 * Scattered blanks are now filled with a constant number of calls (RangeList.setValue, chunked),
 * and the plan's prediction stays equal to the emulator's measurement.
 */
import type { Emulator, Switches } from '../../emulator';
import { applySchema, previewSchema } from '../../src/server/schemaService';
import { newExecution, V4_HEADERS, v3Workbook } from '../support/emulated';

/** v4.0 columns present; every other data row blank in all five (and BP blank on every third row too). */
function alternating(spools: number, switches: Partial<Switches> = {}): Emulator {
  const { emu } = v3Workbook({ spools, extraHeaders: V4_HEADERS, emulator: { switches } });
  const sheet = emu.spreadsheet.getSheetByName('Operaciones')!;
  const rows = Array.from({ length: spools }, (_, i) =>
    i % 2 === 0 ? ['', '', '', '', ''] : [i % 3 === 0 ? '' : 1, 2, 3, 4.5, 6.5],
  );
  sheet.getRange(2, 68, spools, 5).setValues(rows);
  emu.stats.reset();
  return emu;
}

function applyMeasured(emu: Emulator) {
  const plan = previewSchema(newExecution(emu));
  emu.stats.reset();
  applySchema(newExecution(emu), plan.fingerprint);
  return { plan, stats: emu.stats.snapshot() };
}

describe('scattered blank fills', () => {
  it.each([
    ['fills every cell', 'fill'],
    ['fills only the top-left cell', 'topLeft'],
  ] as const)('fill every blank with the default and touch nothing else (setValue %s)', (_name, multiCellSetValue) => {
    const emu = alternating(40, { multiCellSetValue });
    const before = emu.readSheet('Operaciones');
    applyMeasured(emu);
    const after = emu.readSheet('Operaciones');
    const expected = before
      .slice(1)
      .map((row) => [...row.slice(0, 67), ...row.slice(67, 72).map((c) => (c === '' ? 0 : c))]);
    expect(after.slice(1)).toEqual(expected);
  });

  it('cost a constant number of calls at 1,000 and 10,000 rows, as predicted', () => {
    const small = applyMeasured(alternating(1_000));
    const large = applyMeasured(alternating(10_000));
    for (const { plan, stats } of [small, large]) {
      expect(stats.spreadsheetDataCalls).toBe(plan.cost.spreadsheetCalls);
      expect(stats.cellsRead).toBe(plan.cost.cellsRead);
      expect(stats.cellsWritten).toBe(plan.cost.cellsWritten);
      expect(stats.cellsChanged).toBe(plan.cost.cellsChanged);
    }
    expect(large.stats.spreadsheetDataCalls).toBe(small.stats.spreadsheetDataCalls);
    // Under 30 for the fills and history, plus the 27 constant calls of the v4.0 sheet rules and
    // the identity lookup and tags (1 + 6).
    expect(small.stats.spreadsheetDataCalls).toBeLessThan(30 + 27 + 7);
  });
});
