/**
 * The one workbook builder of the tests, the benchmark and the reliability report: Operaciones
 * as in v3.0 (67 columns, BO = Estado_Detalle), built with the emulator's backdoors (nothing
 * counted), from rows generated once and sliced.
 */
import { HISTORY_HEADERS, HISTORY_SHEET } from '../../src/adapters/history';
import { SCHEMA } from '../../src/schema/managedSheets';
import { createEmulator, type Emulator } from '../emulator';
import { generateOperaciones, generateUniones, OPERACIONES_V3_HEADERS } from '../fixtures/workbook';
import type { EmulatorOptions, SeedOptions } from '../types';

export const OPERACIONES = 'Operaciones';
export const V3_COLUMNS = OPERACIONES_V3_HEADERS.length;
/** The columns the v4.0 migrations add (BP–BT), from the declaration. */
export const V4_HEADERS: readonly string[] =
  SCHEMA.managedSheets
    .find((m) => m.sheet === OPERACIONES)
    ?.migrations.flatMap((m) => m.addColumns.map((c) => c.name)) ?? [];
export const V4_COLUMNS = V3_COLUMNS + V4_HEADERS.length;

let generated: { rows: unknown[][] } = { rows: [] };

/**
 * Deterministic spool rows (seed 7) and their distinct tags. Rows are drawn one after another,
 * so the first n of a larger set are the set of n: generated once at the largest size asked.
 */
export function spoolRows(spools: number): { rows: readonly (readonly unknown[])[]; tags: string[] } {
  if (generated.rows.length < spools) generated = generateOperaciones({ spools, seed: 7 });
  const rows = generated.rows.slice(0, spools);
  return { rows, tags: [...new Set(rows.map((row) => row[0] as string))] };
}

export interface V3Options {
  /** Data rows (default 50). */
  readonly spools?: number;
  /** Headers appended to the v3.0 row. */
  readonly extraHeaders?: readonly unknown[];
  /** Replaces the header row (a copy of the v3.0 one, extra headers included, is passed). */
  readonly headers?: (headers: unknown[]) => unknown[];
  /** Replaces the data rows (copies are passed). */
  readonly rows?: (rows: unknown[][]) => unknown[][];
  /** Grid size; default exactly the data (rows + 1 × the widest row), as a sheet filled without spare room. */
  readonly maxRows?: number;
  readonly maxColumns?: number;
  readonly seed?: Omit<SeedOptions, 'maxRows' | 'maxColumns'>;
  /** Add a Uniones sheet for these spools (with orphans, bad diameters and text dates). */
  readonly withUniones?: boolean;
  /** Add the hidden `_schema_history` sheet (header row, default 1000 × 26 grid) a previous apply leaves. */
  readonly withHistory?: boolean;
  /** Nothing else in the workbook: the emulator's default Sheet1 is deleted and Operaciones is active (exact cell counts). */
  readonly alone?: boolean;
  readonly emulator?: EmulatorOptions;
}

/** A fresh emulator whose workbook is a v3.0 Operaciones (and what the options add); stats reset. */
export function v3Workbook(options: V3Options = {}): {
  emu: Emulator;
  rows: readonly (readonly unknown[])[];
  tags: string[];
} {
  const emu = createEmulator(options.emulator);
  const { rows, tags } = spoolRows(options.spools ?? 50);
  const v3Headers = [...OPERACIONES_V3_HEADERS, ...(options.extraHeaders ?? [])];
  const headers = options.headers ? options.headers(v3Headers) : v3Headers;
  const data = options.rows ? options.rows(rows.map((row) => [...row])) : (rows as unknown[][]);
  const width = data.reduce((max, row) => Math.max(max, row.length), headers.length);
  emu.seedSheet(OPERACIONES, [headers, ...data], {
    ...options.seed,
    maxRows: options.maxRows ?? data.length + 1,
    maxColumns: options.maxColumns ?? width,
  });
  if (options.withUniones) {
    const uniones = generateUniones({ tags, seed: 11, orphans: 3, badDiameters: 4, textDates: true });
    emu.seedSheet('Uniones', [uniones.headers, ...uniones.rows]);
  }
  if (options.withHistory) emu.seedSheet(HISTORY_SHEET, [[...HISTORY_HEADERS]], { hidden: true });
  if (options.alone) leaveOnlyOperaciones(emu);
  emu.stats.reset();
  return { emu, rows, tags };
}

function leaveOnlyOperaciones(emu: Emulator): void {
  const sheet1 = emu.spreadsheet.getSheetByName('Sheet1');
  if (sheet1 !== null) emu.spreadsheet.deleteSheet(sheet1);
  const operaciones = emu.spreadsheet.getSheetByName(OPERACIONES);
  if (operaciones !== null) emu.spreadsheet.setActiveSheet(operaciones);
}

/** Cells in the whole workbook (backdoor: not counted). */
export function workbookCells(emu: Emulator): number {
  return emu.sheetNames().reduce((sum, name) => {
    const info = emu.sheetInfo(name);
    return sum + (info === null ? 0 : info.maxRows * info.maxColumns);
  }, 0);
}
