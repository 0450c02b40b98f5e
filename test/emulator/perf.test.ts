import { createEmulator } from '../../emulator';

/**
 * A 100,000-row × 72-column sheet: what the emulator returns and counts at that size. How fast
 * it does it is measured by the benchmark (scripts/bench/emulatorSpeed.ts), not here: a
 * wall-clock budget fails pass/fail tests on a loaded machine.
 */
describe('a 100k × 72 sheet', () => {
  const emu = createEmulator();
  const rows: unknown[][] = [];
  for (let i = 0; i < 100_000; i++) {
    const row: unknown[] = [i];
    for (let j = 1; j < 72; j++) row.push(`r${i}c${j}`);
    rows.push(row);
  }
  const sheet = emu.seedSheet('Big', rows);

  it('grid size allocates nothing: a 100k × 25 empty sheet has its size and no values', () => {
    const empty = emu.seedSheet('Empty', [], { maxRows: 100_000, maxColumns: 25 });
    expect([empty.getMaxRows(), empty.getMaxColumns(), empty.getLastRow()]).toEqual([100_000, 25, 0]);
  });

  it('getValues of 100k × 67', () => {
    const values = sheet.getRange(1, 1, 100_000, 67).getValues();
    expect(values[99_999][66]).toBe('r99999c66');
  });

  it('setValue on a 100k × 5 range, getLastRow/Column and a column insert', () => {
    sheet.getRange(1, 3, 100_000, 5).setValue('x');
    expect(emu.stats.snapshot().cellsChanged).toBe(500_000);
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([100_000, 72]);
    sheet.insertColumnsAfter(10, 2);
    expect(sheet.getRange(100_000, 74).getValue()).toBe('r99999c71');
  });
});
