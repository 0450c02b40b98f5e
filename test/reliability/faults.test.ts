/**
 * Faults at every call (scripts/reliability/faultSweep.ts): each sweep injects a fault at every call
 * of a clean run, re-runs without it and holds the result to the uninterrupted one. The same
 * sweeps feed `npm run reliability`.
 */
import type { Emulator } from '../../emulator';
import {
  FAULT_SCENARIOS,
  type SweepSpec,
  sweepSpecs,
  sweepViolations,
  violations,
} from '../../scripts/reliability/faultScenarios';
import {
  cleanRun,
  type FaultScenario,
  interruptedAttempt,
  type SweepReport,
  sweep,
  TIME_LIMIT_MESSAGE,
} from '../../scripts/reliability/faultSweep';
import { execution, OPERACIONES, v3 } from '../../scripts/reliability/workbooks';
import { HISTORY_SHEET } from '../../src/adapters/history';
import { SUCCESS_OUTCOME } from '../../src/core/unfinishedApply';
import { applySchema, previewSchema } from '../../src/server/schemaService';
import { recomputeUnionMetrics } from '../../src/server/unionMetricsService';
import { V4_HEADERS } from '../support/emulated';

// Sweeps are synchronous and take seconds each on a loaded machine.
jest.setTimeout(120_000);

const reports = new Map<SweepSpec, SweepReport>();
const reportOf = (spec: SweepSpec): SweepReport => {
  let report = reports.get(spec);
  if (report === undefined) {
    report = sweep(spec.scenario, spec.kind, spec.service);
    reports.set(spec, report);
  }
  return report;
};
const specs = sweepSpecs();
/** The rollback-interrupted sweeps run in rollbackFaults.test.ts (a second jest worker). */
const swept = specs.filter((spec) => spec.kind !== 'fault+rollback');
const find = (scenario: string, kind: SweepSpec['kind'], service: SweepSpec['service'] = 'Spreadsheet'): SweepReport =>
  reportOf(specs.find((s) => s.scenario.name === scenario && s.kind === kind && s.service === service)!);
const scenario = (name: string): FaultScenario => FAULT_SCENARIOS.find((s) => s.name === name)!;
const label = (spec: SweepSpec) => `${spec.scenario.name} — ${spec.kind} at every ${spec.service} call`;

describe('fault sweeps: converged, no cell lost, no false success', () => {
  it.each(swept.map((spec) => [label(spec), spec] as const))('%s', (_label, spec) => {
    const report = reportOf(spec);
    expect(report.calls).toBeGreaterThanOrEqual(spec.service === 'Spreadsheet' ? 25 : 1);
    expect(sweepViolations(report)).toEqual([]);
    expect(report.points.reduce((sum, p) => sum + p.cellsLost, 0)).toBe(0);
  });
});

describe('what the sweeps exercise', () => {
  it('sweeps the whole apply path: preview, lock, re-plan, writes, verify read, flush, history', () => {
    const { calls } = cleanRun(scenario('apply v4.0, first run (creates _schema_history)'));
    const report = find('apply v4.0, first run (creates _schema_history)', 'fault');
    expect(report.points.map((p) => p.k)).toEqual(Array.from({ length: calls }, (_, i) => i + 1));
    // Faults early in the preview and late in the history creation both fail the attempt.
    expect(report.points[0].attemptFailed).toBe(true);
    expect(
      report.points.filter((p) => p.attemptError?.includes('while writing "_schema_history"')).length,
    ).toBeGreaterThan(0);
    expect(report.points.filter((p) => p.attemptError?.includes('while writing "Operaciones"')).length).toBeGreaterThan(
      0,
    );
  });

  it('alternates the two platform messages', () => {
    const messages = new Set(
      find('apply v4.0, first run (creates _schema_history)', 'fault').points.map((p) => p.message),
    );
    expect([...messages].sort()).toEqual(
      [
        'Exceeded maximum execution time',
        'Service Spreadsheets timed out while accessing document with id emulated-spreadsheet-id.',
      ].sort(),
    );
    expect(
      find('apply v4.0, first run (creates _schema_history)', 'kill').points.every(
        (p) => p.message === TIME_LIMIT_MESSAGE,
      ),
    ).toBe(true);
  });

  it('a single fault during an apply leaves the sheet as it was (rolled back) or complete, never in between', () => {
    for (const spec of specs.filter((s) => s.kind === 'fault' && s.scenario.name.startsWith('apply'))) {
      const report = reportOf(spec);
      expect(report.points.filter((p) => p.attemptFailed && !p.dataUnchanged).map((p) => p.k)).toEqual([]);
    }
  });

  it('the metrics write is all or nothing: a failed attempt wrote nothing', () => {
    for (const kind of ['fault', 'kill'] as const) {
      const report = find('recomputeUnionMetrics (the metrics write)', kind);
      expect(report.points.every((p) => p.attemptFailed)).toBe(true);
      expect(report.points.filter((p) => !p.dataUnchanged).map((p) => p.k)).toEqual([]);
    }
  });
});

describe('regressions found by the sweep (src fixes)', () => {
  it('a fault after the change landed (cache clean-up, lock release) does not report it as failed', () => {
    for (const name of [
      'apply v4.0, first run (creates _schema_history)',
      'apply v4.0, _schema_history present (appendRow)',
    ]) {
      const spreadsheet = find(name, 'fault');
      expect(spreadsheet.points[spreadsheet.points.length - 1]).toMatchObject({
        attemptFailed: false,
        converged: true,
      });
      for (const service of ['Lock', 'Cache'] as const) {
        const report = find(name, 'fault', service);
        expect(report.points[report.points.length - 1]).toMatchObject({ attemptFailed: false, converged: true });
      }
    }
  });

  it('an apply recording two migrations that fails at the second history row removes the first one too', () => {
    const report = find('apply v4.0 + v4.1 (two history entries), _schema_history present', 'fault');
    expect(report.points.filter((p) => p.attemptFailed && p.successRowsOfFailedAttempt > 0).map((p) => p.k)).toEqual(
      [],
    );
    expect(report.points.every((p) => p.historySuccessRows === 2)).toBe(true);
  });

  it('an apply killed after its headers landed has already formatted the new columns', () => {
    const cut = scenario('apply v4.0, first run (creates _schema_history)');
    const { calls } = cleanRun(cut);
    let withHeaders = 0;
    for (let k = 1; k <= calls; k++) {
      const { emu } = interruptedAttempt(cut, { k, j: null, kind: 'kill', service: 'Spreadsheet' });
      const header = emu.readSheet(OPERACIONES)[0];
      if (!V4_HEADERS.some((name) => header.includes(name))) continue;
      withHeaders++;
      expect(emu.readNumberFormats(OPERACIONES, 'BP2:BT2')).toEqual([['0', '0', '0', '0.00', '0.00']]);
    }
    expect(withHeaders).toBeGreaterThan(5);
  });
});

describe('lock contention and stale plans', () => {
  const successRows = (emu: Emulator) =>
    emu.sheetNames().includes(HISTORY_SHEET)
      ? emu.readSheet(HISTORY_SHEET).filter((r) => r[8] === SUCCESS_OUTCOME).length
      : 0;

  it('a held lock: a clear "busy" message, zero writes, for the apply and the metrics write', () => {
    const emu = v3({ withUniones: true });
    const plan = previewSchema(execution(emu));
    const release = emu.otherExecution.holdLock('document');
    const before = emu.sheetNames().map((n) => emu.readSheet(n));
    emu.stats.reset();
    expect(() => applySchema(execution(emu), plan.fingerprint)).toThrow(
      'another schema change is running — try again in a minute. Nothing was written.',
    );
    expect(() => recomputeUnionMetrics(execution(emu))).toThrow('another schema change is running');
    const stats = emu.stats.snapshot();
    expect(stats.cellsChanged).toBe(0);
    expect(Object.keys(stats.byMethod).filter((m) => /\.(set|insert|delete|clear|append|hide)/.test(m))).toEqual([]);
    expect(emu.sheetNames().map((n) => emu.readSheet(n))).toEqual(before);
    release();
    expect(applySchema(execution(emu), plan.fingerprint).status).toBe('applied');
  });

  const operaciones = (emu: Emulator) => emu.spreadsheet.getSheetByName(OPERACIONES)!;
  it.each([
    ['a row added', (emu: Emulator) => void operaciones(emu).appendRow(['MK-NEW'])],
    ['a row deleted', (emu: Emulator) => void operaciones(emu).deleteRow(5)],
    ['the grid widened', (emu: Emulator) => void operaciones(emu).insertColumnsAfter(67, 3)],
    [
      'a v4.0 header typed in by hand',
      (emu: Emulator) => void operaciones(emu).insertColumnsAfter(67, 1).getRange('BP1').setValue('Total_Uniones'),
    ],
  ])('a stale plan (%s between preview and apply) is refused, writing nothing', (_label, edit) => {
    const emu = v3();
    const plan = previewSchema(execution(emu));
    edit(emu);
    const before = emu.sheetNames().map((n) => [n, emu.readSheet(n), emu.sheetInfo(n)]);
    emu.stats.reset();
    expect(() => applySchema(execution(emu), plan.fingerprint)).toThrow(
      'the sheet changed since this preview, so nothing was written',
    );
    expect(emu.stats.snapshot().cellsChanged).toBe(0);
    expect(emu.sheetNames().map((n) => [n, emu.readSheet(n), emu.sheetInfo(n)])).toEqual(before);
    expect(successRows(emu)).toBe(0);
  });

  it('an edit between preview and apply that puts data where the columns go is refused with that reason', () => {
    const emu = v3();
    const plan = previewSchema(execution(emu));
    operaciones(emu).insertColumnsAfter(67, 1).getRange('BP9').setValue('typed meanwhile');
    emu.stats.reset();
    expect(() => applySchema(execution(emu), plan.fingerprint)).toThrow('Operaciones!BP9 holds data');
    expect(emu.stats.snapshot().cellsChanged).toBe(0);
  });

  it('an edit that does not change what the apply writes (a value in column C) keeps the plan, and the edit', () => {
    const emu = v3();
    const plan = previewSchema(execution(emu));
    operaciones(emu).getRange('C7').setValue('edited meanwhile');
    expect(applySchema(execution(emu), plan.fingerprint).status).toBe('applied');
    expect(emu.readSheet(OPERACIONES)[6][2]).toBe('edited meanwhile');
  });
});

describe('the sweep itself catches what it must (planted defects)', () => {
  /** The first attempt on a workbook is the interrupted one; a second is the re-run. */
  const planted = (
    name: string,
    base: FaultScenario,
    onFailure: (emu: Emulator) => void,
    rerun?: (emu: Emulator) => void,
  ): FaultScenario => {
    const attempted = new WeakSet<Emulator>();
    return {
      ...base,
      name,
      attempt: (emu) => {
        if (attempted.has(emu) && rerun !== undefined) {
          rerun(emu);
          return { ok: true, error: null };
        }
        attempted.add(emu);
        const outcome = base.attempt(emu);
        if (!outcome.ok) onFailure(emu);
        return outcome;
      },
    };
  };
  const first = scenario('apply v4.0, first run (creates _schema_history)');
  const appending = scenario('apply v4.0, _schema_history present (appendRow)');

  it('a "rollback" that damages an existing cell shows as cells lost', () => {
    const report = sweep(
      planted('planted: damages C2', first, (emu) =>
        emu.spreadsheet.getSheetByName(OPERACIONES)!.getRange('C2').setValue('DAMAGED'),
      ),
      'fault',
    );
    const failed = report.points.filter((p) => p.attemptFailed);
    expect(failed.length).toBeGreaterThan(10);
    expect(
      failed.every((p) => p.cellsLost === 1 && !p.converged && violations(report, p).some((v) => v.includes('lost'))),
    ).toBe(true);
  });

  it('a re-run that does not complete the change shows as not converged', () => {
    const report = sweep(
      planted(
        'planted: the re-run only previews',
        first,
        () => undefined,
        (emu) => void previewSchema(execution(emu)),
      ),
      'fault',
    );
    const failed = report.points.filter((p) => p.attemptFailed);
    expect(
      failed.every((p) => !p.converged && p.problems.some((q) => q.includes('differ from the uninterrupted result'))),
    ).toBe(true);
  });

  it('a success row written for rolled-back writes shows as false success', () => {
    const record = (emu: Emulator) =>
      emu.spreadsheet
        .getSheetByName(HISTORY_SHEET)!
        .appendRow(['t', '4.0-union-metrics', OPERACIONES, '', '', 0, 'u', 0, SUCCESS_OUTCOME]);
    const report = sweep(planted('planted: records success on failure', appending, record), 'fault');
    const failed = report.points.filter((p) => p.attemptFailed);
    expect(
      failed.every(
        (p) =>
          p.falseSuccessRows === 1 &&
          violations(report, p).some((v) => v.includes('success row(s) recorded for writes that are not in the sheet')),
      ),
    ).toBe(true);
  });
});
