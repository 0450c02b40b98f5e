/** Building blocks of the hostile sheets (scripts/reliability/hostileCases.ts). */
import type { Emulator } from '../../emulator';
import { MAX_CELLS } from '../../src/core/planLimits';
import type { HostileCase } from './hostileCases';
import { OPERACIONES, V3_COLUMNS, v3 } from './workbooks';

export const OWNER = 'owner@example.com';
/** The operator is not the owner, so protections can lock them out. */
export const LOCKED_OUT = { owner: OWNER, user: 'operator@example.com' };

export const withHeader = (column: number, value: unknown) => (headers: unknown[]) => {
  const copy = [...headers];
  copy[column - 1] = value;
  return copy;
};
export const appendHeaders =
  (...extra: unknown[]) =>
  (headers: unknown[]) => [...headers, ...extra];
/** Sets cells of data rows (0-based data row index → column → value), widening ragged rows. */
export const withCells = (cells: ReadonlyArray<readonly [number, number, unknown]>) => (rows: unknown[][]) => {
  for (const [row, column, value] of cells) {
    while (rows[row].length < column) rows[row].push('');
    rows[row][column - 1] = value;
  }
  return rows;
};

export function nearDuplicate(name: string, header: string, mention: string): HostileCase {
  return {
    name,
    build: () => v3({ headers: appendHeaders(header), maxColumns: V3_COLUMNS + 1 }),
    expect: {
      kind: 'blocked',
      code: 'NEAR_DUPLICATE_HEADER',
      location: 'Operaciones!BP1',
      mentions: ['Operaciones!BP1', mention],
    },
  };
}

/** A workbook whose grid cells total `MAX_CELLS - slack` before the change. */
export function nearCellLimit(slack: number): Emulator {
  const emu = v3({ spools: 10 });
  const used = emu
    .sheetNames()
    .reduce((sum, name) => sum + emu.sheetInfo(name)!.maxRows * emu.sheetInfo(name)!.maxColumns, 0);
  emu.seedSheet('Big', [['x']], { maxRows: MAX_CELLS - used - slack, maxColumns: 1 });
  emu.stats.reset();
  return emu;
}

export function protectedWorkbook(
  a1: string | null,
  options: { warningOnly?: boolean; maxColumns?: number } = {},
): Emulator {
  const emu = v3({ emulator: LOCKED_OUT, maxColumns: options.maxColumns });
  emu.protectRange(
    OPERACIONES,
    a1,
    options.warningOnly
      ? { warningOnly: true, description: 'check before editing' }
      : { editors: [OWNER], description: 'owner only' },
  );
  return emu;
}

export const formatsOf = (emu: Emulator, a1: string) => JSON.stringify(emu.readNumberFormats(OPERACIONES, a1));
