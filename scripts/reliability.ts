/**
 * `npm run reliability`: the reliability proof as a table, from the same scenarios the jest tests
 * run (scripts/reliability/faultSweep.ts, scripts/reliability/hostileCases.ts).
 *
 * Faults: for every scenario, a fault at every call of a clean run, then a re-run without it;
 * fault points injected / converged / cells lost / false success rows / history gaps.
 * Hostile sheets: cases tried / clear messages / correct applies / unexpected writes.
 *
 * Exits 1 on any cell lost, false success row, history gap, unexpected write, unclear or wrong
 * outcome, or a point that did not converge.
 */
import { isHistoryGap, sweepSpecs, violations } from './reliability/faultScenarios';
import { type SweepReport, sweep } from './reliability/faultSweep';
import { HOSTILE_CASES, type HostileResult, runHostileCase } from './reliability/hostileCases';
import { SPOOLS } from './reliability/workbooks';

const started = Date.now();
const count = (n: number) => n.toLocaleString('en-US');

function table(
  headers: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
  numeric: ReadonlySet<number>,
): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (numeric.has(i) ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  return [line(headers), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

// ── Faults ──────────────────────────────────────────────────────────────────────────────────

const reports: SweepReport[] = sweepSpecs().map((spec) => sweep(spec.scenario, spec.kind, spec.service));
const sum = (list: readonly SweepReport[], f: (r: SweepReport) => number) => list.reduce((total, r) => total + f(r), 0);
const points = (r: SweepReport) => r.points.length;
const converged = (r: SweepReport) => r.points.filter((p) => p.converged).length;
const lost = (r: SweepReport) => r.points.reduce((total, p) => total + p.cellsLost, 0);
const falseSuccess = (r: SweepReport) => r.points.reduce((total, p) => total + p.falseSuccessRows, 0);
const gaps = (r: SweepReport) => r.points.filter(isHistoryGap).length;
/** A failed attempt that left part of its change behind: forbidden after a one-shot fault (the rollback or put-back runs). */
const partial = (r: SweepReport) =>
  r.kind === 'fault' ? r.points.filter((p) => p.attemptFailed && !p.dataUnchanged && !p.dataLandedAnyway).length : 0;
const failing = reports.flatMap((r) =>
  r.points.flatMap((p) =>
    violations(r, p).map(
      (v) => `${r.scenario} — ${r.kind} (${r.service}) k=${p.k}${p.j === null ? '' : `+${p.j}`}: ${v}`,
    ),
  ),
);

const faultRows = reports.map((r) => [
  r.scenario,
  `${r.kind} (${r.service})`,
  count(points(r)),
  count(converged(r)),
  count(lost(r)),
  count(falseSuccess(r)),
  r.kind === 'fault' ? count(partial(r)) : '—',
  count(gaps(r)),
]);
faultRows.push([
  'total',
  '',
  count(sum(reports, points)),
  count(sum(reports, converged)),
  count(sum(reports, lost)),
  count(sum(reports, falseSuccess)),
  count(sum(reports, partial)),
  count(sum(reports, gaps)),
]);

console.log(`Sheet Schema — reliability report (emulated workbook: Operaciones v3.0, ${SPOOLS} spools × 67 columns)\n`);
console.log('FAULTS — a fault at every call k = 1..N of a clean run, then a re-run without it');
console.log(
  '  fault: the k-th call throws once ("Service Spreadsheets timed out…" / "Exceeded maximum execution time", alternating); the rollback runs',
);
console.log('  fault+rollback: the k-th call throws and so does one of the next four (the rollback interrupted)');
console.log('  kill: the execution dies at the k-th call (6-minute limit): no later call, no rollback\n');
console.log(
  table(
    [
      'scenario',
      'interrupted by',
      'fault points',
      'converged',
      'cells lost',
      'false success',
      'partial writes',
      'history gaps',
    ],
    faultRows,
    new Set([2, 3, 4, 5, 6, 7]),
  )
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n'),
);
console.log(
  '\n  converged: after the re-run every sheet equals the uninterrupted result cell for cell (values, formulas, grid, number formats of the new',
);
console.log(
  '  columns), no duplicate header, and a further dry run finds nothing to do. cells lost: cells of the data that existed before the',
);
console.log(
  '  attempt that differ from the uninterrupted result. false success: history rows recording success for writes not in the sheet.',
);
console.log(
  '  partial writes: after a one-shot fault, a failed attempt left part of its change in the sheet (the rollback or the metrics put-back',
);
console.log(
  "  must leave it as it was); a kill or an interrupted rollback may leave a prefix the re-run completes, so '—' there.",
);
console.log(
  "  history gaps: after the re-run _schema_history differs from the uninterrupted run's (a missing success row, a missing, visible or",
);
console.log('  header-less sheet) without an extra success row — each one is a failure.');

// ── Hostile sheets ──────────────────────────────────────────────────────────────────────────

const hostile: HostileResult[] = HOSTILE_CASES.map(runHostileCase);
const blocked = hostile.filter((h) => h.expected === 'blocked');
const applied = hostile.filter((h) => h.expected !== 'blocked');
const unexpectedWrites = hostile.reduce((t, h) => t + h.unexpectedWrites, 0);
console.log(
  '\nHOSTILE SHEETS — each: a clear refusal naming the sheet/cell/column with nothing written, or a correct apply\n',
);
console.log(
  table(
    ['cases tried', 'refused, clear message', 'applied correctly', 'unexpected writes'],
    [
      [
        count(hostile.length),
        `${count(blocked.filter((h) => h.clear).length)} of ${count(blocked.length)}`,
        `${count(applied.filter((h) => h.clear).length)} of ${count(applied.length)}`,
        count(unexpectedWrites),
      ],
    ],
    new Set([0, 1, 2, 3]),
  )
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n'),
);
console.log('');
for (const h of hostile)
  console.log(
    `  ${h.clear && h.unexpectedWrites === 0 ? 'ok  ' : 'FAIL'} ${h.expected === 'blocked' ? 'refused' : h.outcome === 'up-to-date' ? 'no-op  ' : 'applied'}  ${h.name}`,
  );

// ── Verdict ─────────────────────────────────────────────────────────────────────────────────

const hostileFailures = hostile.filter((h) => !h.clear || h.unexpectedWrites > 0);
console.log(
  `\n${count(sum(reports, points))} fault points, ${count(hostile.length)} hostile cases in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
);
if (failing.length > 0 || hostileFailures.length > 0) {
  console.log('\nFAILED:');
  for (const line of failing.slice(0, 50)) console.log(`  ${line}`);
  if (failing.length > 50) console.log(`  … and ${failing.length - 50} more`);
  for (const h of hostileFailures) console.log(`  ${h.name}: ${h.problems.join('; ')}`);
  process.exitCode = 1;
} else {
  console.log('OK: every point converged; no cell lost, no false success, no history gap, no unexpected write.');
}
