/**
 * Server contexts over the emulator, as Apps Script would run them, and the write counters the
 * tests, the benchmark and the reliability report read. Shared by test/, scripts/bench and
 * scripts/reliability (scripts never import from test/).
 */
import type { SchemaDeclaration } from '../../src/core/schema';
import { SCHEMA } from '../../src/schema/managedSheets';
import { ExecutionContext, type Services } from '../../src/server/context';
import type { Emulator } from '../emulator';

/** The emulator's services; the logger is the emulator's console, so warnings land in `emu.logs`. */
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
    logger: g.console,
  };
}

/** A new Apps Script execution (locks released, memos empty) and its server context. */
export function newExecution(
  emu: Emulator,
  context: Parameters<Emulator['beginExecution']>[0] = {},
  declaration: SchemaDeclaration = SCHEMA,
): ExecutionContext {
  emu.beginExecution(context);
  return new ExecutionContext(servicesOf(emu), declaration);
}

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
