/**
 * Fault scenarios of issue 11 (round 2), swept like every other (scripts/reliability/faultScenarios.ts
 * appends them to FAULT_SCENARIOS): a metrics write over columns that are not adjacent, another
 * user's interrupted apply completed by a supervisor's hourly run, and an apply over a damaged
 * `_schema_history`. Only types come from faultSweep.ts (no import cycle at load time).
 */
import type { Emulator } from '../../emulator';
import { servicesOf } from '../../emulator/harness/execution';
import { V4_HEADERS } from '../../emulator/harness/workbooks';
import { ApplyJournal } from '../../src/adapters/applyJournal';
import { HISTORY_HEADERS, HISTORY_SHEET } from '../../src/adapters/history';
import { CHECK_HANDLER } from '../../src/adapters/triggers';
import { errorMessage } from '../../src/core/errors';
import { SCHEMA } from '../../src/schema/managedSheets';
import { runScheduledCheck } from '../../src/server/scheduledCheck';
import { installSchedule, setAutoRepair } from '../../src/server/scheduleService';
import { applySchema, previewSchema } from '../../src/server/schemaService';
import { previewUnionMetrics, recomputeUnionMetrics } from '../../src/server/unionMetricsService';
import type { AttemptOutcome, FaultScenario } from './faultSweep';
import { execution, OPERACIONES, SPOOLS, v3 } from './workbooks';

const SUPERVISOR = 'supervisor@example.com';
const OPERATOR = 'operator@example.com';

/** Runs an attempt; a throw is its failure (the attempt never throws). */
export function outcome(action: () => void): AttemptOutcome {
  try {
    action();
    return { ok: true, error: null };
  } catch (error) {
    return { ok: false, error: errorMessage(error) };
  }
}

const settledSchema = (emu: Emulator): boolean => previewSchema(execution(emu)).status === 'up-to-date';

/** The five metric columns with "Notas" between SOLD and the inches: two setValues per write. */
function splitMetrics(): Emulator {
  const notes = Array.from({ length: SPOOLS }, (_, i) => `nota ${i}`);
  return v3({
    withUniones: true,
    headers: (headers) => [...headers, ...V4_HEADERS.slice(0, 3), 'Notas', ...V4_HEADERS.slice(3)],
    rows: (rows) => rows.map((row, i) => [...row, 0, 0, 0, notes[i], 0, 0]),
  });
}

/**
 * What an operator's apply killed right after the headers leaves (formats and headers, no
 * defaults, the marker in the document's and the operator's properties), with the supervisor's
 * hourly check on and auto-repair on.
 */
function killedAfterHeaders(): Emulator {
  const emu = v3({
    emulator: { user: SUPERVISOR, owner: SUPERVISOR },
    headers: (headers) => [...headers, ...V4_HEADERS],
    seed: { numberFormats: { [`BP2:BR${SPOOLS + 1}`]: '0', [`BS2:BT${SPOOLS + 1}`]: '0.00' } },
  });
  installSchedule(execution(emu, SCHEMA, 'menu'));
  setAutoRepair(execution(emu, SCHEMA, 'menu'), true);
  emu.setActiveUser(OPERATOR);
  const context = execution(emu, SCHEMA, 'menu');
  new ApplyJournal(context.services.propertiesService, emu.spreadsheet.getId()).write({
    startedAt: context.isoNow(),
    user: OPERATOR,
    migrations: [{ sheet: OPERACIONES, migrationId: SCHEMA.managedSheets[0].migrations[0].id }],
  });
  emu.setActiveUser(SUPERVISOR);
  emu.endExecution();
  emu.stats.reset();
  return emu;
}

/**
 * The hourly trigger's run (of `owner`'s trigger when given), as Apps Script starts it: no UI, no
 * document. The check absorbs a failed repair into its result: that is this attempt failing.
 */
export function hourlyCheckAttempt(emu: Emulator, owner: string | null = null): AttemptOutcome {
  const result = outcome(() => {
    const trigger = emu.triggers
      .list()
      .find((t) => t.handlerFunction === CHECK_HANDLER && (owner === null || t.user === owner));
    if (trigger === undefined) throw new Error('no hourly check trigger');
    const event = emu.triggerEvent(trigger.uniqueId);
    emu.beginExecution({ kind: 'timeTrigger', ui: false, documentContext: false });
    const check = runScheduledCheck(servicesOf(emu), event, SCHEMA);
    if (check === null) throw new Error('the hourly check did not run');
    if (check.autoRepair.outcome !== 'applied' && check.autoRepair.outcome !== 'not-needed')
      throw new Error(check.autoRepair.message);
  });
  emu.endExecution();
  return result;
}

/** A history sheet with one earlier entry whose columns F:Z a person deleted. */
function narrowedHistory(): Emulator {
  const emu = v3();
  const sheet = emu.seedSheet(
    HISTORY_SHEET,
    [
      [...HISTORY_HEADERS],
      [
        '2026-11-20T08:00:00.000Z',
        '3.0-base',
        OPERACIONES,
        'earlier',
        'A:BO',
        10,
        'someone@example.com',
        12,
        'success',
      ],
    ],
    { hidden: true, numberFormats: { 'A:I': '@' } },
  );
  sheet.deleteColumns(6, 21);
  emu.stats.reset();
  return emu;
}

export const ROUND_TWO_SCENARIOS: readonly FaultScenario[] = [
  {
    name: 'recomputeUnionMetrics, metric columns not adjacent (two writes)',
    build: splitMetrics,
    attempt: (emu) => outcome(() => void recomputeUnionMetrics(execution(emu, SCHEMA))),
    settled: (emu) => previewUnionMetrics(execution(emu, SCHEMA)).rowsChanged === 0,
    managedSheet: OPERACIONES,
  },
  {
    name: "hourly check completes another user's interrupted apply (no marker readable)",
    build: killedAfterHeaders,
    attempt: (emu) => hourlyCheckAttempt(emu, SUPERVISOR),
    settled: settledSchema,
    managedSheet: OPERACIONES,
  },
  {
    name: 'apply v4.0, _schema_history damaged (columns F:Z deleted)',
    build: narrowedHistory,
    attempt: (emu) =>
      outcome(() => {
        const plan = previewSchema(execution(emu));
        if (plan.status === 'changes') applySchema(execution(emu), plan.fingerprint);
      }),
    settled: settledSchema,
    managedSheet: OPERACIONES,
  },
];
