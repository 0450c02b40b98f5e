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
import { HISTORY_HEADERS, HISTORY_SHEET } from '../../src/adapters/history';
import { columnLetter } from '../../src/core/columnLetters';
import { SUCCESS_OUTCOME } from '../../src/core/plan';
import type { SchemaDeclaration } from '../../src/core/schema';
import { SCHEMA } from '../../src/schema/managedSheets';
import { installSchedule, setAutoRepair } from '../../src/server/checkService';
import { applySchema, previewSchema } from '../../src/server/schemaService';
import { previewUnionMetrics, recomputeUnionMetrics } from '../../src/server/unionMetricsService';
import { V4_HEADERS } from '../support/emulated';
import { quietly } from '../support/quietly';
import { outcome as guarded, hourlyCheckAttempt, ROUND_TWO_SCENARIOS } from './roundTwoScenarios';
import { execution, OPERACIONES, SPOOLS, v3 } from './workbooks';

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

// ---------------------------------------------------------------------------------------------
// Workbook state and comparison

type Grid = readonly (readonly unknown[])[];

interface SheetState {
  readonly info: ReturnType<Emulator['sheetInfo']>;
  readonly values: Grid;
  readonly formulas: Grid;
}

interface WorkbookState {
  readonly names: readonly string[];
  readonly sheets: ReadonlyMap<string, SheetState>;
}

function captureState(emu: Emulator): WorkbookState {
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

function cellAt(grid: Grid, r: number, c: number): unknown {
  return grid[r]?.[c] ?? '';
}

/** Cells (value or formula) of the top-left rows × columns that differ between two states of a sheet. */
function differingCells(a: SheetState | undefined, b: SheetState | undefined, rows: number, columns: number): number {
  let count = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const valuesDiffer = !sameCell(cellAt(a?.values ?? [], r, c), cellAt(b?.values ?? [], r, c));
      const formulasDiffer = !sameCell(cellAt(a?.formulas ?? [], r, c), cellAt(b?.formulas ?? [], r, c));
      if (valuesDiffer || formulasDiffer) count++;
    }
  }
  return count;
}

function extent(state: SheetState | undefined): { rows: number; columns: number } {
  const values = state?.values ?? [];
  return { rows: values.length, columns: values.reduce((max, row) => Math.max(max, row.length), 0) };
}

/** The data rows of the columns a sheet gained (where the apply sets number formats). */
function newColumnsRange(before: SheetState | undefined, after: SheetState | undefined): string | null {
  const from = (before?.info?.lastColumn ?? 0) + 1;
  const to = after?.info?.lastColumn ?? 0;
  const maxRows = after?.info?.maxRows ?? 0;
  if (to < from || maxRows < 2) return null;
  return `${columnLetter(from)}2:${columnLetter(to)}${maxRows}`;
}

function historyRows(emu: Emulator): unknown[][] {
  return emu.sheetNames().includes(HISTORY_SHEET) ? emu.readSheet(HISTORY_SHEET) : [];
}

function successRows(rows: readonly (readonly unknown[])[]): number {
  return rows.filter((row, i) => i > 0 && row[8] === SUCCESS_OUTCOME).length;
}

export function duplicateHeaders(emu: Emulator, sheet: string): string[] {
  const seen = new Set<string>();
  const dups = new Set<string>();
  for (const cell of emu.readSheet(sheet)[0] ?? []) {
    if (cell === '') continue;
    const key = String(cell);
    if (seen.has(key)) dups.add(key);
    seen.add(key);
  }
  return [...dups];
}

export interface CleanResult {
  readonly after: WorkbookState;
  readonly formats: ReadonlyArray<{ sheet: string; range: string; formats: string[][] }>;
  readonly calls: number;
  readonly history: unknown[][];
}

/** Differences from the clean result of every sheet but _schema_history (and the count of pre-existing cells among them). */
function dataDifferences(
  emu: Emulator,
  now: WorkbookState,
  before: WorkbookState,
  clean: CleanResult,
): { problems: string[]; cellsLost: number } {
  const problems: string[] = [];
  let cellsLost = 0;
  for (const [name, state] of before.sheets) {
    if (name === HISTORY_SHEET) continue;
    const { rows, columns } = extent(state);
    cellsLost += differingCells(now.sheets.get(name), clean.after.sheets.get(name), rows, columns);
  }
  if (cellsLost > 0) problems.push(`${cellsLost} pre-existing cell(s) differ from the uninterrupted result`);
  const names = (state: WorkbookState) => JSON.stringify(state.names.filter((n) => n !== HISTORY_SHEET));
  if (names(now) !== names(clean.after)) problems.push(`sheets ${names(now)}, uninterrupted ${names(clean.after)}`);
  for (const [name, cleanState] of clean.after.sheets) {
    if (name === HISTORY_SHEET) continue;
    const got = now.sheets.get(name);
    if (JSON.stringify(got?.info) !== JSON.stringify(cleanState.info))
      problems.push(`${name}: grid ${JSON.stringify(got?.info)}, uninterrupted ${JSON.stringify(cleanState.info)}`);
    const a = extent(got);
    const b = extent(cleanState);
    const diff = differingCells(got, cleanState, Math.max(a.rows, b.rows), Math.max(a.columns, b.columns));
    if (diff > 0) problems.push(`${name}: ${diff} cell(s) differ from the uninterrupted result`);
  }
  for (const { sheet, range, formats } of clean.formats) {
    if (
      !emu.sheetNames().includes(sheet) ||
      JSON.stringify(emu.readNumberFormats(sheet, range)) !== JSON.stringify(formats)
    ) {
      problems.push(`${sheet}!${range}: number formats differ from the uninterrupted result`);
    }
  }
  return { problems, cellsLost };
}

/** Every sheet but _schema_history has the same values, formulas and grid in both states. */
function sameData(a: WorkbookState, b: WorkbookState): boolean {
  const names = (state: WorkbookState) => state.names.filter((n) => n !== HISTORY_SHEET);
  if (JSON.stringify(names(a)) !== JSON.stringify(names(b))) return false;
  return names(a).every((name) => {
    const x = a.sheets.get(name);
    const y = b.sheets.get(name);
    const size = (s: SheetState | undefined) => extent(s);
    return (
      JSON.stringify(x?.info) === JSON.stringify(y?.info) &&
      differingCells(x, y, Math.max(size(x).rows, size(y).rows), Math.max(size(x).columns, size(y).columns)) === 0
    );
  });
}

function historyDifferences(emu: Emulator, clean: CleanResult): string[] {
  if (clean.history.length === 0) return [];
  const info = emu.sheetInfo(HISTORY_SHEET);
  if (info === null) return [`${HISTORY_SHEET} is missing`];
  const rows = historyRows(emu);
  const problems: string[] = [];
  if (!info.hidden) problems.push(`${HISTORY_SHEET} is visible`);
  if (JSON.stringify(rows[0]) !== JSON.stringify([...HISTORY_HEADERS]))
    problems.push(`${HISTORY_SHEET} row 1 is not its header row`);
  const expected = successRows(clean.history);
  if (successRows(rows) !== expected)
    problems.push(`${HISTORY_SHEET} records ${successRows(rows)} success row(s), the uninterrupted run ${expected}`);
  return problems;
}

export function cleanRun(scenario: FaultScenario, service: SweptService = 'Spreadsheet'): CleanResult {
  const emu = scenario.build();
  const before = captureState(emu);
  emu.stats.reset();
  const outcome = quietly(() => scenario.attempt(emu));
  if (!outcome.ok) throw new Error(`${scenario.name}: the clean run failed: ${outcome.error}`);
  const calls = emu.stats.snapshot().calls[service];
  const after = captureState(emu);
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
  const before = captureState(emu);
  const historyBefore = historyRows(emu);
  const message = faultMessage(emu, injection.k, injection.kind, injection.service);
  emu.stats.reset();
  arm(emu, injection, message, span);
  const attempt = quietly(() => scenario.attempt(emu));
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
  const afterAttempt = captureState(emu);
  const dataUnchanged = sameData(before, afterAttempt);
  const dataLandedAnyway = !dataUnchanged && dataDifferences(emu, afterAttempt, before, clean).problems.length === 0;
  const falseSuccessRows = dataLandedAnyway ? 0 : successWritten;

  const rerun = quietly(() => scenario.attempt(emu));
  const { problems, cellsLost } = dataDifferences(emu, captureState(emu), before, clean);
  if (!rerun.ok) problems.unshift(`the re-run failed: ${rerun.error}`);
  const dups = duplicateHeaders(emu, scenario.managedSheet);
  if (dups.length > 0) problems.push(`duplicate headers in ${scenario.managedSheet}: ${dups.join(', ')}`);
  if (rerun.ok && !quietly(() => scenario.settled(emu))) problems.push('a further dry run still finds changes to make');
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

// ---------------------------------------------------------------------------------------------
// Scenarios

/** The sidebar's path: previewSchema, then applySchema(fingerprint), each its own execution. */
function previewThenApply(declaration: SchemaDeclaration): (emu: Emulator) => AttemptOutcome {
  return (emu) =>
    guarded(() => {
      const plan = previewSchema(execution(emu, declaration));
      if (plan.status === 'blocked')
        throw new Error(`blocked: ${plan.sheets.flatMap((s) => s.errors.map((e) => e.message)).join(' ')}`);
      if (plan.status === 'changes') applySchema(execution(emu, declaration), plan.fingerprint);
    });
}

function schemaSettled(declaration: SchemaDeclaration): (emu: Emulator) => boolean {
  return (emu) => previewSchema(execution(emu, declaration)).status === 'up-to-date';
}

/** A hidden, text-formatted history sheet holding one earlier entry (a failed attempt). */
function seedHistory(emu: Emulator): void {
  emu.seedSheet(
    HISTORY_SHEET,
    [
      [...HISTORY_HEADERS],
      [
        '2026-11-20T08:00:00.000Z',
        '4.0-union-metrics',
        OPERACIONES,
        'earlier attempt',
        '',
        0,
        'someone@example.com',
        12,
        'failed, rolled back: earlier',
      ],
    ],
    { hidden: true, numberFormats: { 'A:I': '@' } },
  );
}

/** SCHEMA plus a v4.1 migration, to sweep an apply that records two history entries. */
export const TWO_MIGRATIONS: SchemaDeclaration = {
  managedSheets: [
    {
      ...SCHEMA.managedSheets[0],
      migrations: [
        ...SCHEMA.managedSheets[0].migrations,
        {
          id: '4.1-test-inspection',
          description: 'v4.1 (test): inspection columns',
          addColumns: [
            { name: 'Inspeccion_Estado', type: 'text', default: 'PENDIENTE' },
            { name: 'Inspeccion_Nota', type: 'text', default: null },
          ],
        },
      ],
    },
  ],
};

function applyScenario(name: string, build: () => Emulator, declaration: SchemaDeclaration = SCHEMA): FaultScenario {
  return {
    name,
    build,
    attempt: previewThenApply(declaration),
    settled: schemaSettled(declaration),
    managedSheet: OPERACIONES,
  };
}

export const FAULT_SCENARIOS: readonly FaultScenario[] = [
  applyScenario('apply v4.0, first run (creates _schema_history)', () => v3()),
  applyScenario('apply v4.0, _schema_history present (appendRow)', () => {
    const emu = v3();
    seedHistory(emu);
    return emu;
  }),
  applyScenario('apply v4.0 on a partly migrated sheet (fills blanks)', () => {
    // Two of the five columns exist, partly filled: values, blanks and a formula showing "".
    const partial = new Map<number, unknown[]>([
      [0, [4, 2]],
      [1, [7, '']],
      [2, ['', 1]],
      [7, ['', { formula: '=BP9*0', value: '' }]],
    ]);
    return v3({
      headers: (headers) => [...headers, ...V4_HEADERS.slice(0, 2)],
      rows: (rows) => rows.map((row, i) => [...row, ...(partial.get(i) ?? [])]),
      maxColumns: 69,
    });
  }),
  applyScenario('apply v4.0, setValue fills only the top-left cell (matrix fallback)', () =>
    v3({ emulator: { switches: { multiCellSetValue: 'topLeft' } } }),
  ),
  applyScenario(
    'apply v4.0 + v4.1 (two history entries), _schema_history present',
    () => {
      const emu = v3();
      seedHistory(emu);
      return emu;
    },
    TWO_MIGRATIONS,
  ),
  {
    name: 'hourly check with auto-repair on (applies v4.0)',
    build: () => {
      const emu = v3();
      const context = execution(emu, SCHEMA, 'menu');
      installSchedule(context);
      setAutoRepair(context, true);
      emu.endExecution();
      return emu;
    },
    attempt: (emu) => hourlyCheckAttempt(emu),
    settled: schemaSettled(SCHEMA),
    managedSheet: OPERACIONES,
  },
  {
    name: 'recomputeUnionMetrics (the metrics write)',
    // Operaciones as v4.0 leaves it (five columns of 0, formatted), and Uniones.
    build: () =>
      v3({
        withUniones: true,
        headers: (headers) => [...headers, ...V4_HEADERS],
        rows: (rows) => rows.map((row) => [...row, 0, 0, 0, 0, 0]),
        seed: { numberFormats: { [`BP2:BR${SPOOLS + 1}`]: '0', [`BS2:BT${SPOOLS + 1}`]: '0.00' } },
      }),
    attempt: (emu) => guarded(() => void recomputeUnionMetrics(execution(emu, SCHEMA))),
    settled: (emu) => previewUnionMetrics(execution(emu, SCHEMA)).rowsChanged === 0,
    managedSheet: OPERACIONES,
  },
  ...ROUND_TWO_SCENARIOS,
];

// ---------------------------------------------------------------------------------------------
// What is swept, and what counts as a failure

export interface SweepSpec {
  readonly scenario: FaultScenario;
  readonly kind: FaultKind;
  readonly service: SweptService;
}

const OTHER_SERVICES: readonly SweptService[] = ['Lock', 'Cache', 'Session', 'Properties', 'Script'];

/**
 * Every scenario: the three kinds on Spreadsheet calls, and a one-shot fault at every call of the
 * other services it uses (a scenario that makes no such call sweeps nothing there).
 */
export function sweepSpecs(scenarios: readonly FaultScenario[] = FAULT_SCENARIOS): SweepSpec[] {
  return scenarios.flatMap((scenario) => {
    const calls = serviceCalls(scenario);
    return [
      ...(['fault', 'fault+rollback', 'kill'] as const).map((kind) => ({
        scenario,
        kind,
        service: 'Spreadsheet' as const,
      })),
      ...OTHER_SERVICES.filter((service) => calls[service] > 0).map((service) => ({
        scenario,
        kind: 'fault' as const,
        service,
      })),
    ];
  });
}

/** Calls per service of a clean attempt. */
function serviceCalls(scenario: FaultScenario): Record<string, number> {
  const emu = scenario.build();
  emu.stats.reset();
  quietly(() => scenario.attempt(emu));
  return emu.stats.snapshot().calls;
}

/** Every violation of a sweep, one line per point. */
export function sweepViolations(report: SweepReport): string[] {
  return report.points.flatMap((p) =>
    violations(report, p).map((v) => `k=${p.k}${p.j === null ? '' : `+${p.j}`}: ${v}`),
  );
}

/** What is wrong with one point, by the rules of its kind; [] when it is fine. */
export function violations(report: SweepReport, point: FaultPoint): string[] {
  const found: string[] = [];
  if (point.cellsLost > 0) found.push(`${point.cellsLost} cell(s) of the existing data lost`);
  if (point.falseSuccessRows > 0)
    found.push(`${point.falseSuccessRows} success row(s) recorded for writes that are not in the sheet`);
  if (point.duplicateHeaders.length > 0) found.push(`duplicate headers: ${point.duplicateHeaders.join(', ')}`);
  if (point.historySuccessRows > point.cleanSuccessRows)
    found.push(`${point.historySuccessRows} success rows in history, the uninterrupted run ${point.cleanSuccessRows}`);
  if (!point.converged) found.push(`not converged: ${point.problems.join('; ')}`);
  // A failed attempt changes all or nothing.
  if (point.attemptFailed && !point.dataUnchanged && !point.dataLandedAnyway && report.kind === 'fault')
    found.push('a failed attempt left a partial change behind');
  if (point.successRowsOfFailedAttempt > 0 && !point.dataLandedAnyway) found.push('a failed attempt recorded success');
  // Whatever interrupted it, the re-run leaves history as the uninterrupted run did (no gap, no extra success row).
  if (point.historyProblems.length > 0) found.push(`history: ${point.historyProblems.join('; ')}`);
  return found;
}

/** History differs from the uninterrupted run's, in a way other than an excess of success rows (counted as a violation). */
export function isHistoryGap(point: FaultPoint): boolean {
  return point.historyProblems.length > 0 && point.historySuccessRows <= point.cleanSuccessRows;
}
