/**
 * The fault sweep's scenarios (what an operator or trigger does once) and which sweeps run, with
 * what counts as a failure. The sweep itself: scripts/reliability/faultSweep.ts.
 */
import type { Emulator } from '../../emulator';
import { V4_HEADERS } from '../../emulator/harness/workbooks';
import { HISTORY_HEADERS, HISTORY_SHEET } from '../../src/adapters/history';
import type { SchemaDeclaration } from '../../src/core/schema';
import { SCHEMA } from '../../src/schema/managedSheets';
import { installSchedule, setAutoRepair } from '../../src/server/scheduleService';
import { applySchema, previewSchema } from '../../src/server/schemaService';
import { previewUnionMetrics, recomputeUnionMetrics } from '../../src/server/unionMetricsService';
import type { AttemptOutcome, FaultKind, FaultPoint, FaultScenario, SweepReport, SweptService } from './faultSweep';
import { outcome as guarded, hourlyCheckAttempt, ROUND_TWO_SCENARIOS } from './roundTwoScenarios';
import { execution, OPERACIONES, SPOOLS, v3 } from './workbooks';

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

/** The apply scenario whose workbook has a Uniones sheet (its tag steps are swept). */
export const UNIONES_APPLY = 'apply v4.0 with Uniones (tags its 4 read columns), _schema_history present';

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
  // Uniones too: the apply tags its 4 read columns after Operaciones and records a row for them.
  applyScenario(UNIONES_APPLY, () => {
    const emu = v3({ withUniones: true });
    seedHistory(emu);
    return emu;
  }),
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
    name: 'hourly check with auto-repair on (applies v4.0, tags Uniones)',
    build: () => {
      const emu = v3({ withUniones: true });
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
  scenario.attempt(emu);
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
