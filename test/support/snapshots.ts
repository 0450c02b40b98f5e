/** Builds planner snapshots by hand for pure tests (the adapter tests read real ones from the emulator). */
import type { CellBlock, ProtectionInfo, SheetSnapshot } from '../../src/core/snapshot';

export function v3Headers(count = 67): string[] {
  return Array.from({ length: count }, (_, i) =>
    i === 0 ? 'TAG_SPOOL' : i === count - 1 ? 'Estado_Detalle' : `COL_${i + 1}`,
  );
}

/** The v4.0 column names, from the declaration. */
export { V4_HEADERS as V4_COLUMNS } from '../../emulator/harness/workbooks';

export function block(firstRow: number, firstColumn: number, values: unknown[][]): CellBlock {
  return { firstRow, firstColumn, values, formulas: values.map((row) => row.map(() => '')) };
}

export function snapshot(overrides: Partial<SheetSnapshot> & { headers: unknown[] }): SheetSnapshot {
  const lastColumn = overrides.lastColumn ?? overrides.headers.length;
  return {
    name: 'Operaciones',
    lastRow: 2001,
    lastColumn,
    maxRows: 2001,
    maxColumns: lastColumn,
    hidden: false,
    managedBlock: null,
    rightOfHeaders: null,
    protections: [],
    rules: null,
    ...overrides,
  };
}

export function protection(overrides: Partial<ProtectionInfo>): ProtectionInfo {
  return {
    row: 1,
    column: 1,
    rows: 1,
    columns: 1,
    description: '',
    canEdit: false,
    warningOnly: false,
    wholeSheet: false,
    ...overrides,
  };
}
