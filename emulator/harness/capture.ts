/**
 * Whole-workbook captures and cell-by-cell comparison (values and formulas), read through the
 * emulator's backdoors (nothing counted): how the reliability sweeps and the hostile cases prove
 * a sheet is exactly as it was, or exactly the uninterrupted result.
 */
import type { Emulator } from '../emulator';

export type Grid = readonly (readonly unknown[])[];

export interface SheetState {
  readonly info: ReturnType<Emulator['sheetInfo']>;
  readonly values: Grid;
  readonly formulas: Grid;
}

export interface WorkbookState {
  readonly names: readonly string[];
  readonly sheets: ReadonlyMap<string, SheetState>;
}

export function captureWorkbook(emu: Emulator): WorkbookState {
  const names = emu.sheetNames();
  return {
    names,
    sheets: new Map(
      names.map((name) => [
        name,
        { info: emu.sheetInfo(name), values: emu.readSheet(name), formulas: emu.readFormulas(name) },
      ]),
    ),
  };
}

/** Dates (from any realm) by time, everything else by identity. `a === b` first: this runs per cell. */
export function sameCell(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';
  if (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null)
    return isDate(a) && isDate(b) && a.getTime() === b.getTime();
  return Number.isNaN(a) && Number.isNaN(b);
}

/** Same grid size, frozen rows, visibility and last row/column. */
export function sameInfo(a: SheetState | undefined, b: SheetState | undefined): boolean {
  return JSON.stringify(a?.info) === JSON.stringify(b?.info);
}

/** Rows and columns a state's values span. */
export function extent(state: SheetState | undefined): { rows: number; columns: number } {
  const values = state?.values ?? [];
  return { rows: values.length, columns: values.reduce((max, row) => Math.max(max, row.length), 0) };
}

/** A cell of a captured grid; '' outside it, as Sheets reads an empty cell. */
export const cellAt = (grid: Grid, r: number, c: number): unknown => grid[r]?.[c] ?? '';

/**
 * Cells (0-based [row, column]) whose value or formula differs between two states of a sheet,
 * over `area` (default: the larger extent of the two).
 */
export function changedCells(
  a: SheetState | undefined,
  b: SheetState | undefined,
  area: { rows: number; columns: number } = largerExtent(a, b),
): Array<[number, number]> {
  const changed: Array<[number, number]> = [];
  for (let r = 0; r < area.rows; r++) {
    for (let c = 0; c < area.columns; c++) {
      const valuesDiffer = !sameCell(cellAt(a?.values ?? [], r, c), cellAt(b?.values ?? [], r, c));
      if (valuesDiffer || !sameCell(cellAt(a?.formulas ?? [], r, c), cellAt(b?.formulas ?? [], r, c)))
        changed.push([r, c]);
    }
  }
  return changed;
}

function largerExtent(a: SheetState | undefined, b: SheetState | undefined): { rows: number; columns: number } {
  const x = extent(a);
  const y = extent(b);
  return { rows: Math.max(x.rows, y.rows), columns: Math.max(x.columns, y.columns) };
}
