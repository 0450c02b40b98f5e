/**
 * The rollback interrupted (scripts/reliability/faultSweep.ts, kind 'fault+rollback'): a fault at
 * every Spreadsheet call, and a second one at each of the next four calls — the rollback's own.
 * Whatever the rollback leaves is a prefix of the change, which the re-run completes. Kept apart
 * from faults.test.ts so jest runs the two on separate workers.
 */
import { type SweepSpec, sweepSpecs, sweepViolations } from '../../scripts/reliability/faultScenarios';
import { type SweepReport, sweep } from '../../scripts/reliability/faultSweep';

// Sweeps are synchronous and take seconds each on a loaded machine.
jest.setTimeout(120_000);

const specs = sweepSpecs().filter((spec) => spec.kind === 'fault+rollback');
const reports = new Map<SweepSpec, SweepReport>();
const reportOf = (spec: SweepSpec): SweepReport => {
  const report = reports.get(spec) ?? sweep(spec.scenario, spec.kind, spec.service);
  reports.set(spec, report);
  return report;
};

describe('fault sweeps with the rollback interrupted: converged, no cell lost, no false success', () => {
  it.each(specs.map((spec) => [spec.scenario.name, spec] as const))('%s', (_name, spec) => {
    const report = reportOf(spec);
    // Every call got a first fault; wherever the attempt went on (a rollback), second faults at k+1..k+4.
    expect(new Set(report.points.map((p) => p.k)).size).toBe(report.calls);
    const secondFaults = report.points.filter((p) => p.j !== null && p.callsMade >= p.k + p.j).length;
    // A failed metrics write is followed by its put-back; an apply by its rollback. In the
    // supervisor's hourly run a fault in the check's own reads, before its repair, ends the run with
    // nothing to roll back, so fewer points reach a second fault.
    const fewerSecondFaults = /^recomputeUnionMetrics|another user's/.test(spec.scenario.name);
    if (fewerSecondFaults) expect(secondFaults).toBeGreaterThan(0);
    else expect(secondFaults).toBeGreaterThan(report.calls);
    expect(sweepViolations(report)).toEqual([]);
  });

  it('the metrics write stays all or nothing', () => {
    const report = reportOf(specs.find((s) => s.scenario.name === 'recomputeUnionMetrics (the metrics write)')!);
    expect(report.points.filter((p) => !p.dataUnchanged && !p.dataLandedAnyway).map((p) => `${p.k}+${p.j}`)).toEqual(
      [],
    );
  });
});
