/**
 * Workbooks for the reliability scenarios: the v3.0 Operaciones sheet (67 columns), built with
 * the emulator's backdoors (nothing counted), from rows generated once per size and reused.
 */
import { createEmulator, type Emulator, type EmulatorOptions, type SeedOptions } from '../../emulator';
import { generateOperaciones, generateUniones, OPERACIONES_V3_HEADERS } from '../../emulator/fixtures/workbook';
import type { SchemaDeclaration } from '../../src/core/schema';
import { SCHEMA } from '../../src/schema/managedSheets';
import { ExecutionContext } from '../../src/server/context';
import { servicesOf } from '../support/emulated';

export const OPERACIONES = 'Operaciones';
/** Modest: every call of the real path is swept, each point in a few milliseconds. */
export const SPOOLS = 200;
export const V3_COLUMNS = OPERACIONES_V3_HEADERS.length;

const generated = new Map<number, { rows: unknown[][]; tags: string[] }>();

/** Deterministic spool rows (seed 7), generated once per size: seedSheet copies them. */
export function spoolRows(spools: number = SPOOLS): { rows: unknown[][]; tags: string[] } {
  let found = generated.get(spools);
  if (found === undefined) {
    found = generateOperaciones({ spools, seed: 7 });
    generated.set(spools, found);
  }
  return found;
}

export interface V3Options {
  readonly spools?: number;
  /** Replaces the v3.0 header row (a copy is passed). */
  readonly headers?: (headers: unknown[]) => unknown[];
  /** Replaces the data rows (copies are passed). */
  readonly rows?: (rows: unknown[][]) => unknown[][];
  readonly maxRows?: number;
  readonly maxColumns?: number;
  readonly seed?: Omit<SeedOptions, 'maxRows' | 'maxColumns'>;
  readonly withUniones?: boolean;
  readonly emulator?: EmulatorOptions;
}

/** Operaciones as in v3.0: 67 columns, SPOOLS data rows, grid exactly that size unless told. */
export function v3(options: V3Options = {}): Emulator {
  const emu = createEmulator(options.emulator);
  const { rows, tags } = spoolRows(options.spools ?? SPOOLS);
  const headers = options.headers ? options.headers([...OPERACIONES_V3_HEADERS]) : [...OPERACIONES_V3_HEADERS];
  const data = options.rows ? options.rows(rows.map((row) => [...row])) : rows;
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
  emu.stats.reset();
  return emu;
}

/** One Apps Script execution (a google.script.run call by default) and its server context. */
export function execution(
  emu: Emulator,
  declaration: SchemaDeclaration = SCHEMA,
  kind: 'scriptRun' | 'menu' = 'scriptRun',
): ExecutionContext {
  emu.beginExecution({ kind });
  return new ExecutionContext(servicesOf(emu), declaration);
}
