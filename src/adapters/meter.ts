/**
 * Counts the Spreadsheet round trips an adapter makes, so the dry run can state the cost of the
 * apply. Navigation (getSheetByName, getRange) is not a round trip and is not metered; tests
 * hold these counts equal to the emulator's. Reads only the preview makes (protections, the
 * workbook's cell count, history rows) are tallied apart, because the apply skips them.
 */
export class CallMeter {
  calls = 0;
  cellsRead = 0;
  private previewOnlyCalls = 0;
  private previewOnlyCells = 0;

  /** A call that returns cell contents. */
  read<T extends readonly (readonly unknown[])[]>(readCells: () => T, previewOnly = false): T {
    const values = this.call(readCells, previewOnly);
    const cells = values.length === 0 ? 0 : values.length * values[0].length;
    this.cellsRead += cells;
    if (previewOnly) this.previewOnlyCells += cells;
    return values;
  }

  /** Any other round trip (sizes, writes, structure). */
  call<T>(action: () => T, previewOnly = false): T {
    this.calls++;
    if (previewOnly) this.previewOnlyCalls++;
    return action();
  }

  /** What the same reads cost when the apply repeats them under the lock. */
  applyReadCost(): { spreadsheetCalls: number; cellsRead: number } {
    return { spreadsheetCalls: this.calls - this.previewOnlyCalls, cellsRead: this.cellsRead - this.previewOnlyCells };
  }
}
