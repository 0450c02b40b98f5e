/**
 * Fault sweep: the one place that proves an interrupted change is safe. Used by the jest tests
 * (test/reliability/faults.test.ts) and by `npm run reliability` (scripts/reliability.ts).
 *
 * For a scenario (a workbook and what an operator or trigger does once, e.g. preview then apply):
 *   1. clean run: fresh workbook, the attempt without faults; count its calls N (of the swept
 *      service) and keep the uninterrupted result;
 *   2. for k in 1..N: fresh workbook, arm a fault at the k-th call (counted from the start of the
 *      attempt, so it covers the preview, lock, re-plan reads, writes, verify read, flush and
 *      history), run the attempt, then clear the faults and run the attempt again;
 *   3. compare with the clean result: every sheet cell for cell (values, formulas, grid), the
 *      number formats of the columns the clean run added, no duplicate header, a further dry run
 *      with nothing to do; and _schema_history: a failed attempt recorded no success for writes
 *      that are not in the sheet.
 *
 * Three ways to be interrupted (FaultKind):
 *   - 'fault': the k-th call throws once, as when a call times out; catch blocks and the rollback
 *     then run. Spreadsheet messages alternate between "Service Spreadsheets timed out while
 *     accessing document with id …" and "Exceeded maximum execution time".
 *   - 'fault+rollback': the k-th call throws and so does the (k+j)-th, j = 1..4: the rollback
 *     itself is interrupted.
 *   - 'kill': the execution dies at the k-th call, as the 6-minute limit kills a script ("Exceeded
 *     maximum execution time"): that call and every later Spreadsheet call of the attempt fail, so
 *     no rollback can write. Whatever prefix of the change landed stays; the re-run must complete
 *     it. (Calls to other services still run in the emulator; they cannot change cells.)
 */
import { type Emulator, MSG } from '../../emulator';
import { captureWorkbook } from '../../emulator/harness/capture';
import { HISTORY_SHEET } from '../../src/adapters/history';
import {
  type CleanResult,
  dataDifferences,
  duplicateHeaders,
  historyDifferences,
  historyRows,
  newColumnsRange,
  sameData,
  successRows,
} from './faultCompare';

export const TIME_LIMIT_MESSAGE = 'Exceeded maximum execution time';

/** See the file comment. */
export type FaultKind = 'fault' | 'fault+rollback' | 'kill';

/** Services whose calls can be swept ('fault' only; a kill is swept on Spreadsheet calls). */
export type SweptService = 'Spreadsheet' | 'Lock' | 'Cache' | 'Session' | 'Properties' | 'Script';

export interface AttemptOutcome {
  readonly ok: boolean;
  readonly error: string | null;
}

export interface FaultScenario {
  readonly name: string;
  /** A fresh workbook. */
  build(): Emulator;
  /** What an operator (or a trigger) does once, each server call its own execution. Never throws. */
  attempt(emu: Emulator): AttemptOutcome;
  /** After convergence: a further dry run finds nothing to do. */
  settled(emu: Emulator): boolean;
  /** The sheet whose headers must not repeat. */
  readonly managedSheet: string;
}

export interface FaultPoint {
  readonly k: number;
  /** For 'fault+rollback': the second fault's distance from the first. */
  readonly j: number | null;
  readonly message: string;
  /** Calls of the swept service the interrupted attempt made (the faulted ones included). */
  readonly callsMade: number;
  /** The attempt reported failure (some faults are absorbed: a best-effort toast, cache clean-up). */
  readonly attemptFailed: boolean;
  readonly attemptError: string | null;
  /** After the attempt (before the re-run) every sheet but _schema_history was exactly as before it (values, formulas, grid). */
  readonly dataUnchanged: boolean;
  /** After the attempt every sheet but _schema_history was exactly the uninterrupted result. */
  readonly dataLandedAnyway: boolean;
  /** After the re-run, every sheet but _schema_history equals the uninterrupted result (values, formulas, grid, new columns' formats), with no duplicate header, and a further dry run finds nothing to do. */
  readonly converged: boolean;
  /** Cells of the data that existed before the attempt that differ, after the re-run, from the uninterrupted result. */
  readonly cellsLost: number;
  readonly duplicateHeaders: readonly string[];
  /** Success rows a failed attempt wrote for writes that are not in the sheet. Must be 0. */
  readonly falseSuccessRows: number;
  /** Success rows a failed attempt wrote at all (true ones included: a kill after every write landed). */
  readonly successRowsOfFailedAttempt: number;
  /** How _schema_history after the re-run differs from the uninterrupted run's (success rows, header, hidden). */
  readonly historyProblems: readonly string[];
  /** Success rows in _schema_history after the re-run, and in the uninterrupted run's. */
  readonly historySuccessRows: number;
  readonly cleanSuccessRows: number;
  /** What keeps the point from converging; empty when it converged. */
  readonly problems: readonly string[];
}

export interface SweepReport {
  readonly scenario: string;
  readonly kind: FaultKind;
  readonly service: SweptService;
  /** Calls of `service` in the clean attempt: faults were injected at k = 1..calls. */
  readonly calls: number;
  readonly points: readonly FaultPoint[];
}

export function cleanRun(scenario: FaultScenario, service: SweptService = 'Spreadsheet'): CleanResult {
  const emu = scenario.build();
  const before = captureWorkbook(emu);
  emu.stats.reset();
  const outcome = scenario.attempt(emu);
  if (!outcome.ok) throw new Error(`${scenario.name}: the clean run failed: ${outcome.error}`);
  const calls = emu.stats.snapshot().calls[service];
  const after = captureWorkbook(emu);
  const formats = after.names
    .filter((sheet) => sheet !== HISTORY_SHEET)
    .flatMap((sheet) => {
      const range = newColumnsRange(before.sheets.get(sheet), after.sheets.get(sheet));
      return range === null ? [] : [{ sheet, range, formats: emu.readNumberFormats(sheet, range) }];
    });
  return { after, formats, calls, history: historyRows(emu) };
}

export function faultMessage(emu: Emulator, k: number, kind: FaultKind, service: SweptService): string | undefined {
  if (service !== 'Spreadsheet') return undefined; // the emulator's "We're sorry, a server error occurred…"
  if (kind === 'kill') return TIME_LIMIT_MESSAGE;
  return k % 2 === 1 ? MSG.spreadsheetTimeout(emu.spreadsheet.getId()) : TIME_LIMIT_MESSAGE;
}

export interface Injection {
  readonly k: number;
  readonly j: number | null;
  readonly kind: FaultKind;
  readonly service: SweptService;
}

function arm(emu: Emulator, { k, j, kind, service }: Injection, message: string | undefined, span: number): void {
  emu.faults.failOnCall(k, { message, service });
  if (kind === 'fault+rollback' && j !== null) emu.faults.failOnCall(k + j, { message, service });
  // Killed at call k: every later call fails too, so nothing after it can write.
  if (kind === 'kill') for (let i = 1; i <= span; i++) emu.faults.failOnCall(k + i, { message, service });
}

/**
 * A fresh workbook and one interrupted attempt: what the operator is left with before re-running.
 * `span` bounds the calls a kill fails (more than the attempt makes).
 */
export function interruptedAttempt(scenario: FaultScenario, injection: Injection, span = 1_000) {
  const emu = scenario.build();
  const before = captureWorkbook(emu);
  const historyBefore = historyRows(emu);
  const message = faultMessage(emu, injection.k, injection.kind, injection.service);
  emu.stats.reset();
  arm(emu, injection, message, span);
  const attempt = scenario.attempt(emu);
  const callsMade = emu.stats.snapshot().calls[injection.service];
  emu.faults.clear();
  return { emu, before, historyBefore, message, attempt, callsMade };
}

function injectAt(scenario: FaultScenario, clean: CleanResult, injection: Injection): FaultPoint {
  const { emu, before, historyBefore, message, attempt, callsMade } = interruptedAttempt(
    scenario,
    injection,
    clean.calls + 100,
  );

  const successWritten = attempt.ok ? 0 : Math.max(0, successRows(historyRows(emu)) - successRows(historyBefore));
  const afterAttempt = captureWorkbook(emu);
  const dataUnchanged = sameData(before, afterAttempt);
  const dataLandedAnyway = !dataUnchanged && dataDifferences(emu, afterAttempt, before, clean).problems.length === 0;
  const falseSuccessRows = dataLandedAnyway ? 0 : successWritten;

  const rerun = scenario.attempt(emu);
  const { problems, cellsLost } = dataDifferences(emu, captureWorkbook(emu), before, clean);
  if (!rerun.ok) problems.unshift(`the re-run failed: ${rerun.error}`);
  const dups = duplicateHeaders(emu, scenario.managedSheet);
  if (dups.length > 0) problems.push(`duplicate headers in ${scenario.managedSheet}: ${dups.join(', ')}`);
  if (rerun.ok && !scenario.settled(emu)) problems.push('a further dry run still finds changes to make');
  return {
    k: injection.k,
    j: injection.j,
    message: message ?? `${injection.service} server error`,
    callsMade,
    attemptFailed: !attempt.ok,
    attemptError: attempt.error,
    dataUnchanged,
    dataLandedAnyway,
    converged: problems.length === 0,
    cellsLost,
    duplicateHeaders: dups,
    falseSuccessRows,
    successRowsOfFailedAttempt: successWritten,
    historyProblems: historyDifferences(emu, clean),
    historySuccessRows: successRows(historyRows(emu)),
    cleanSuccessRows: successRows(clean.history),
    problems,
  };
}

/** Second-fault distances for 'fault+rollback': the first calls after a failure are the rollback's. */
export const ROLLBACK_FAULT_DISTANCES = [1, 2, 3, 4] as const;

/** Sweeps k over every call of `service` in the clean attempt. */
export function sweep(scenario: FaultScenario, kind: FaultKind, service: SweptService = 'Spreadsheet'): SweepReport {
  const clean = cleanRun(scenario, service);
  const points: FaultPoint[] = [];
  for (let k = 1; k <= clean.calls; k++) {
    if (kind !== 'fault+rollback') {
      points.push(injectAt(scenario, clean, { k, j: null, kind, service }));
      continue;
    }
    for (const j of ROLLBACK_FAULT_DISTANCES) {
      const point = injectAt(scenario, clean, { k, j, kind, service });
      points.push(point);
      // The attempt ended before its (k+j)-th call (a fault in the preview leaves nothing to roll
      // back): the second fault never fired, and neither would one further on.
      if (point.callsMade < k + j) break;
    }
  }
  return { scenario: scenario.name, kind, service, calls: clean.calls, points };
}
