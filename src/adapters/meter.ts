/**
 * Counts the Spreadsheet round trips an adapter makes, so the dry run can state the cost of the
 * apply (which repeats the same reads under the lock). Navigation (getSheetByName, getRange) is
 * not a round trip and is not metered; tests hold this count equal to the emulator's.
 */
export class CallMeter {
  calls = 0;
  cellsRead = 0;

  /** A call that returns cell contents. */
  read<T extends readonly (readonly unknown[])[]>(fetch: () => T): T {
    this.calls++;
    const values = fetch();
    this.cellsRead += values.length === 0 ? 0 : values.length * values[0].length;
    return values;
  }

  /** Any other round trip (sizes, writes, structure). */
  call<T>(action: () => T): T {
    this.calls++;
    return action();
  }
}
