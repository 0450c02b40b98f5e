import { createEmulator } from '../../emulator';

/** A 100,000-row × 72-column sheet must stay workable (the budgets are generous upper bounds). */
describe('performance on a 100k × 72 sheet', () => {
  const emu = createEmulator();
  const rows: unknown[][] = [];
  for (let i = 0; i < 100_000; i++) {
    const row: unknown[] = [i];
    for (let j = 1; j < 72; j++) row.push(`r${i}c${j}`);
    rows.push(row);
  }
  const sheet = emu.seedSheet('Big', rows);

  const time = (fn: () => void): number => {
    const t = performance.now();
    fn();
    return performance.now() - t;
  };

  it('grid size allocates nothing: a 100k × 72 empty sheet is instant', () => {
    expect(time(() => emu.seedSheet('Empty', [], { maxRows: 100_000, maxColumns: 25 }))).toBeLessThan(50);
  });

  it('getValues of 100k × 67 well under a second', () => {
    let values: unknown[][] = [];
    const ms = time(() => {
      values = sheet.getRange(1, 1, 100_000, 67).getValues();
    });
    expect(values[99_999][66]).toBe('r99999c66');
    expect(ms).toBeLessThan(1000);
  });

  it('setValue on a 100k × 5 range, getLastRow/Column and a column insert are fast', () => {
    expect(time(() => sheet.getRange(1, 3, 100_000, 5).setValue('x'))).toBeLessThan(500);
    expect(emu.stats.snapshot().cellsChanged).toBe(500_000);
    expect(time(() => expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([100_000, 72]))).toBeLessThan(300);
    expect(time(() => sheet.insertColumnsAfter(10, 2))).toBeLessThan(1000);
    expect(sheet.getRange(100_000, 74).getValue()).toBe('r99999c71');
  });
});
