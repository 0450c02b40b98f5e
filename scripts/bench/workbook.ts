/**
 * Benchmark workbooks: a v3.0 Operaciones (67 columns, grid exactly rows+1 × 67, like a sheet
 * that was filled without spare rows or columns), optionally with the `_schema_history` sheet a
 * previous apply would have left, and nothing else (the emulator's default Sheet1 is deleted so
 * the cell count is exactly what is described).
 */
import { createEmulator, type Emulator } from '../../emulator';
import { generateOperaciones, OPERACIONES_V3_HEADERS } from '../../emulator/fixtures/workbook';
import { HISTORY_HEADERS, HISTORY_SHEET } from '../../src/adapters/history';
import { MAX_CELLS } from '../../src/core/plan';
import { SCHEMA } from '../../src/schema/managedSheets';

export const SHEET = 'Operaciones';
export const V3_COLUMNS = OPERACIONES_V3_HEADERS.length;
/** The v4.0 columns the apply adds (BP–BT), from the declaration. */
export const V4_HEADERS: readonly string[] = SCHEMA.managedSheets[0].migrations.flatMap((m) =>
  m.addColumns.map((c) => c.name),
);
export const V4_COLUMNS = V3_COLUMNS + V4_HEADERS.length;
/** A sheet made by insertSheet() without a template: 1000 rows × 26 columns (the emulator's default, as in Sheets). */
export const HISTORY_SHEET_CELLS = 1000 * 26;

/**
 * The most data rows a v3.0 Operaciones can have so that, after the apply widens it to 72
 * columns, the workbook (Operaciones + the history sheet) is at or just under 10,000,000 cells.
 */
export function ceilingRows(): number {
  return Math.floor((MAX_CELLS - HISTORY_SHEET_CELLS) / V4_COLUMNS) - 1;
}

/** Realistic Operaciones rows, generated once at the largest size and sliced for smaller ones. */
export class OperacionesRows {
  readonly rows: readonly unknown[][];

  constructor(maxSpools: number) {
    this.rows = generateOperaciones({ spools: maxSpools, seed: 7 }).rows;
  }

  take(spools: number): unknown[][] {
    if (spools > this.rows.length) throw new Error(`only ${this.rows.length} rows generated, ${spools} asked`);
    return this.rows.slice(0, spools);
  }
}

export interface SeedOptions {
  /** Seed a `_schema_history` sheet (header row, hidden, default 1000 × 26 grid) as a previous apply leaves it. */
  readonly history: boolean;
}

/** A fresh emulator whose workbook is a v3.0 Operaciones with `spools` data rows (and the history sheet if asked). */
export function freshV3(source: OperacionesRows, spools: number, options: SeedOptions): Emulator {
  const emu = createEmulator();
  emu.seedSheet(SHEET, [[...OPERACIONES_V3_HEADERS], ...source.take(spools)], {
    maxRows: spools + 1,
    maxColumns: V3_COLUMNS,
  });
  if (options.history) emu.seedSheet(HISTORY_SHEET, [[...HISTORY_HEADERS]], { hidden: true });
  const sheet1 = emu.spreadsheet.getSheetByName('Sheet1');
  if (sheet1 !== null) emu.spreadsheet.deleteSheet(sheet1);
  emu.spreadsheet.setActiveSheet(emu.spreadsheet.getSheetByName(SHEET)!);
  emu.stats.reset();
  return emu;
}

/** Cells in the whole workbook (backdoor: not counted). */
export function workbookCells(emu: Emulator): number {
  return emu.sheetNames().reduce((sum, name) => {
    const info = emu.sheetInfo(name);
    return sum + (info === null ? 0 : info.maxRows * info.maxColumns);
  }, 0);
}
