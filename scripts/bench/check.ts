/**
 * The scheduled (hourly) check, when src/server/checkService.ts provides it. It is being written
 * alongside this benchmark, so it is loaded dynamically: if the module or the functions are
 * missing, or the call fails, the result says "not yet measured" and why — never a guess.
 */
import { existsSync } from 'node:fs';
import type { Emulator } from '../../emulator';
import { newExecution, servicesOf } from '../../emulator/harness/execution';
import { SCHEMA } from '../../src/schema/managedSheets';
import { type Cost, dataCallsByMethod, measure } from './measure';

export type CheckMeasurement =
  | {
      readonly measured: true;
      /** Which entry point ran and how. */
      readonly path: string;
      readonly status: string;
      /** The whole run, nothing changed since the previous check. */
      readonly cost: Cost;
      /** Calls that open the spreadsheet (once per run, not per sheet). */
      readonly openCalls: number;
      /** The identity-tag lookup: one find() per run, whatever the number of sheets. */
      readonly identityCalls: number;
      readonly managedSheets: number;
      /** (Spreadsheet calls − opening and identity calls) / managed sheets. */
      readonly callsPerSheet: number;
      readonly ms: number;
    }
  | { readonly measured: false; readonly reason: string };

type Fn = (...args: unknown[]) => unknown;

const CHECK_SERVICE = new URL('../../src/server/checkService.ts', import.meta.url);
/** The check's schedule and its time-driven run live beside it (src/server/README.md). */
const CHECK_MODULES = ['checkService', 'scheduleService', 'scheduledCheck'].map(
  (name) => new URL(`../../src/server/${name}.ts`, import.meta.url),
);

async function loadCheckService(): Promise<Record<string, unknown> | string> {
  if (!existsSync(CHECK_SERVICE)) return 'src/server/checkService.ts does not exist yet';
  try {
    const modules = await Promise.all(
      CHECK_MODULES.filter((url) => existsSync(url)).map(
        async (url) => (await import(url.href)) as Record<string, unknown>,
      ),
    );
    return Object.assign({}, ...modules) as Record<string, unknown>;
  } catch (error) {
    return `src/server/checkService.ts could not be loaded: ${error instanceof Error ? error.message : String(error)}`;
  }
}

function fn(module: Record<string, unknown>, name: string): Fn | null {
  const value = module[name];
  return typeof value === 'function' ? (value as Fn) : null;
}

function statusOf(result: unknown): string {
  return typeof result === 'object' && result !== null && typeof (result as { status?: unknown }).status === 'string'
    ? (result as { status: string }).status
    : 'unknown';
}

/** The hourly trigger's own path: install from a menu execution, then fire the clock trigger twice. */
function scheduledPath(emu: Emulator, install: Fn, scheduled: Fn): { run: () => unknown; path: string } {
  install(newExecution(emu));
  const trigger = emu.triggers.list().find((t) => t.triggerSource === 'CLOCK');
  if (trigger === undefined) throw new Error('installSchedule created no time-driven trigger');
  const event = emu.triggerEvent(trigger.uniqueId);
  const run = () => {
    emu.beginExecution({ kind: 'timeTrigger' });
    return scheduled(servicesOf(emu), event);
  };
  return {
    run,
    path: `runScheduledCheck(services, clock event) in a time-driven execution, after installSchedule (trigger ${trigger.handlerFunction})`,
  };
}

/** Measures the second of two checks on an up-to-date workbook (nothing changed in between). */
export async function measureCheck(emu: Emulator): Promise<CheckMeasurement> {
  const module = await loadCheckService();
  if (typeof module === 'string') return { measured: false, reason: module };
  const install = fn(module, 'installSchedule');
  const scheduled = fn(module, 'runScheduledCheck');
  const runCheck = fn(module, 'runCheck');
  try {
    const { run, path } =
      install !== null && scheduled !== null
        ? scheduledPath(emu, install, scheduled)
        : runCheck !== null
          ? {
              run: () => runCheck(newExecution(emu), 'manual'),
              path: 'runCheck(context, "manual") in a menu execution',
            }
          : { run: null, path: '' };
    if (run === null)
      return { measured: false, reason: 'checkService exports neither runScheduledCheck/installSchedule nor runCheck' };
    run();
    const second = measure(emu, run);
    const openCalls = dataCallsByMethod(emu)['SpreadsheetApp.openById'] ?? 0;
    const identityCalls = dataCallsByMethod(emu)['DeveloperMetadataFinder.find'] ?? 0;
    const managedSheets = SCHEMA.managedSheets.length;
    const status = statusOf(second.result);
    return {
      measured: true,
      path,
      status,
      cost: second.cost,
      openCalls,
      identityCalls,
      managedSheets,
      callsPerSheet: (second.cost.spreadsheetCalls - openCalls - identityCalls) / managedSheets,
      ms: second.ms,
    };
  } catch (error) {
    return {
      measured: false,
      reason: `checkService is present but the check could not be run: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}
