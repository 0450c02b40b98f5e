/** Test harness: the shared emulator seeded with a v3.0 workbook, and server contexts over it. */
import { createEmulator, type Emulator } from '../../emulator';
import { generateOperaciones, generateUniones, OPERACIONES_V3_HEADERS } from '../../emulator/fixtures/workbook';
import type { EmulatorOptions } from '../../emulator/types';
import { ExecutionContext, type Services } from '../../src/server/context';

export function servicesOf(emu: Emulator): Services {
  const g = emu.globals;
  return {
    spreadsheetApp: g.SpreadsheetApp,
    cacheService: g.CacheService,
    lockService: g.LockService,
    propertiesService: g.PropertiesService,
    session: g.Session,
    htmlService: g.HtmlService,
    scriptApp: g.ScriptApp,
    now: () => emu.clock.now(),
  };
}

/** A new Apps Script execution (locks released, memos empty) and its server context. */
export function newExecution(emu: Emulator, context: Parameters<Emulator['beginExecution']>[0] = {}): ExecutionContext {
  emu.beginExecution(context);
  return new ExecutionContext(servicesOf(emu));
}

export interface V3Options {
  spools?: number;
  maxRows?: number;
  maxColumns?: number;
  extraHeaders?: unknown[];
  withUniones?: boolean;
  emulator?: EmulatorOptions;
}

/** Operaciones as in v3.0: 67 columns (BO = Estado_Detalle), `spools` data rows, grid exactly that size. */
export function v3Workbook(options: V3Options = {}): { emu: Emulator; rows: unknown[][]; tags: string[] } {
  const emu = createEmulator(options.emulator);
  const spools = options.spools ?? 50;
  const { rows, tags } = generateOperaciones({ spools, seed: 7 });
  const headers = [...OPERACIONES_V3_HEADERS, ...(options.extraHeaders ?? [])];
  emu.seedSheet('Operaciones', [headers, ...rows], {
    maxRows: options.maxRows ?? spools + 1,
    maxColumns: options.maxColumns ?? headers.length,
  });
  if (options.withUniones) {
    const uniones = generateUniones({ tags, seed: 11, orphans: 3, badDiameters: 4, textDates: true });
    emu.seedSheet('Uniones', [uniones.headers, ...uniones.rows]);
  }
  emu.stats.reset();
  return { emu, rows, tags };
}

export const V4_HEADERS = [
  'Total_Uniones',
  'Uniones_ARM_Completadas',
  'Uniones_SOLD_Completadas',
  'Pulgadas_ARM',
  'Pulgadas_SOLD',
];

/** The criteria of the rules the apply sets on BP–BT: whole numbers by custom formula, inches by ≥ 0. */
export const V4_RULE_CRITERIA = [
  'CUSTOM_FORMULA',
  'CUSTOM_FORMULA',
  'CUSTOM_FORMULA',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
];

/**
 * What the check adds per sheet for its sheet rules (src/server/ruleCheck.ts): getLastColumn, the
 * header row, getMaxRows, header notes, one row's rules and formats, getProtections and the five
 * own protections' descriptions; cells: the header row again and 3 × 5 cells of BP–BT.
 */
export const RULE_CHECK = { calls: 12, cells: 72 + 15 };

/** Calls that change the spreadsheet (anything named set*, insert*, delete*, clear*, append*, hide*). */
export function writeCalls(emu: Emulator): Record<string, number> {
  return Object.fromEntries(
    Object.entries(emu.stats.snapshot().byMethod).filter(([method]) =>
      /\.(set|insert|delete|clear|append|hide|show|move|protect)/.test(method),
    ),
  );
}

/** Writes to the spreadsheet only: property and cache writes (results, settings, markers, maps) left out. */
export function sheetWrites(emu: Emulator): Record<string, number> {
  return Object.fromEntries(
    Object.entries(writeCalls(emu)).filter(([method]) => !/^(Properties|Cache)\./.test(method)),
  );
}
