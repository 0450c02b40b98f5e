/**
 * The reliability scenarios' workbooks: the shared v3.0 builder (emulator/harness/workbooks.ts)
 * at SPOOLS rows, and executions started as google.script.run calls by default.
 */

import type { Emulator } from '../../emulator';
import { newExecution } from '../../emulator/harness/execution';
import { type V3Options, v3Workbook } from '../../emulator/harness/workbooks';
import type { SchemaDeclaration } from '../../src/core/schema';
import { SCHEMA } from '../../src/schema/managedSheets';
import type { ExecutionContext } from '../../src/server/context';

export { OPERACIONES, V3_COLUMNS } from '../../emulator/harness/workbooks';

/** Modest: every call of the real path is swept, each point in a few milliseconds. */
export const SPOOLS = 200;

/** Operaciones as in v3.0 with SPOOLS data rows unless told. */
export function v3(options: V3Options = {}): Emulator {
  return v3Workbook({ spools: SPOOLS, ...options }).emu;
}

/** One Apps Script execution (a google.script.run call by default) and its server context. */
export function execution(
  emu: Emulator,
  declaration: SchemaDeclaration = SCHEMA,
  kind: 'scriptRun' | 'menu' = 'scriptRun',
): ExecutionContext {
  return newExecution(emu, { kind }, declaration);
}
