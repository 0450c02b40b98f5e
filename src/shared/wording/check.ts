/**
 * Pure view models of the hourly check, the findings and the union metrics: codes and numbers
 * in, the operator's language out. Findings are rendered from their code and location (sheet and
 * cell); the server's English sentence goes to Details.
 */
import { severityOf } from '../../core/driftCodes';
import type { MessageKey } from '../messages';
import { CATALOGUES } from '../messages';
import type {
  AutoRepairReport,
  CheckResult,
  CheckStatus,
  Finding,
  ScheduleStatus,
  SheetCheck,
  UnionMetricsReport,
} from '../payloads';
import type { LocalText as Text } from './localText';
import { addedWhere } from './plan';

export type CheckTone = 'ok' | 'changes' | 'drift' | 'blocked';

export interface CheckBadge {
  readonly text: string;
  readonly tone: CheckTone;
}

const CHECK_BADGES: Readonly<Record<CheckStatus, { key: MessageKey; tone: CheckTone }>> = {
  ok: { key: 'check.ok', tone: 'ok' },
  pending: { key: 'check.pending', tone: 'changes' },
  drift: { key: 'check.drift', tone: 'drift' },
  error: { key: 'check.error', tone: 'blocked' },
};

export function checkBadge(x: Text, status: CheckStatus): CheckBadge {
  return { text: x.t(CHECK_BADGES[status].key), tone: CHECK_BADGES[status].tone };
}

export function toggleLabel(x: Text, installed: boolean): string {
  return x.t(installed ? 'schedule.turnOff' : 'schedule.turnOn');
}

export function scheduleMessage(x: Text, status: ScheduleStatus): string {
  if (!status.installed) return x.t('schedule.messageOff');
  return status.installedAt === null
    ? x.t('schedule.turnedOn')
    : x.t('schedule.messageOn', { time: x.time(status.installedAt) });
}

export function checkMeta(x: Text, result: CheckResult): string {
  return x.t(result.trigger === 'schedule' ? 'check.metaSchedule' : 'check.metaManual', {
    time: x.time(result.checkedAt),
  });
}

/** Estimate only: Apps Script picks the minute of an hourly run and does not expose it. */
export function nextCheckText(x: Text, status: ScheduleStatus): string | null {
  if (!status.installed || status.nextCheckAfter === null) return null;
  return x.t('schedule.nextCheck', { time: x.time(status.nextCheckAfter) });
}

export function triggersText(x: Text, status: ScheduleStatus): string {
  return x.t('schedule.triggers', { used: status.triggersInUse, limit: status.triggerLimit });
}

export type FindingKind = 'error' | 'drift' | 'pending' | 'info';

/** UNKNOWN_COLUMNS (and any code the check does not rank) is informational: it never changes the status. */
export function findingKind(code: string): FindingKind {
  return (['error', 'drift', 'pending', 'info'] as const)[severityOf(code)];
}

/** "Operaciones!BR1" → sheet and cell; a location without "!" is a sheet or a span. */
export function whereOf(finding: Finding, fallbackSheet: string): { sheet: string; cell: string } {
  const location = finding.location ?? '';
  const bang = location.lastIndexOf('!');
  if (bang < 0) return { sheet: fallbackSheet, cell: location === '' ? fallbackSheet : location };
  return { sheet: location.slice(0, bang).replace(/^'|'$/g, ''), cell: location.slice(bang + 1) };
}

/** The finding in the operator's words (from its code); the server's sentence when the code is new. */
export function findingText(x: Text, finding: Finding, sheet: string): string {
  const key = `finding.${finding.code}`;
  if (!(key in CATALOGUES.en)) return finding.message;
  return x.t(key as MessageKey, { ...finding.params, ...whereOf(finding, sheet) });
}

export function omittedText(x: Text, omitted: number): string | null {
  return omitted > 0 ? x.t('check.omitted', { n: omitted }) : null;
}

const REPAIR_TITLES: Readonly<Record<AutoRepairReport['outcome'], MessageKey | null>> = {
  off: null,
  'not-needed': null,
  skipped: 'repair.skipped',
  applied: 'repair.applied',
  failed: 'repair.failed',
};

/** Null when there is nothing to say (off, or nothing pending). */
export function autoRepairTitle(x: Text, report: AutoRepairReport): string | null {
  const key = REPAIR_TITLES[report.outcome];
  return key === null ? null : x.t(key);
}

/** One line per sheet, from the statuses (the server's summary is English prose). */
export function sheetCheckLine(x: Text, sheet: SheetCheck): string {
  return x.t('check.sheetLine', { sheet: sheet.sheet, status: checkBadge(x, sheet.status).text });
}

const METRICS_LINES: Readonly<Record<CheckResult['metrics']['outcome'], MessageKey | null>> = {
  off: null,
  applied: 'check.metricsApplied',
  unchanged: 'check.metricsUnchanged',
  skipped: 'check.metricsSkipped',
  failed: 'check.metricsFailed',
};

/** The union metrics the check recomputed (null when it was not asked to). */
export function checkMetricsLine(x: Text, result: CheckResult): string | null {
  const key = METRICS_LINES[result.metrics.outcome];
  return key === null ? null : x.t(key, { n: result.metrics.rowsChanged });
}

/** A check that wrote says so first. */
export function checkHeadline(x: Text, result: CheckResult): string {
  const status = x.t('check.headline', { status: checkBadge(x, result.status).text });
  return result.autoRepair.outcome === 'applied' ? `${checkWrote(x, result)} ${status}` : status;
}

export function checkWrote(x: Text, result: CheckResult): string {
  const columns = result.autoRepair.columnsAdded;
  return x.t('check.wrote', { n: columns.length, where: addedWhere(columns) });
}

// ------------------------------------------------------------------------------------------
// Union metrics panel.

export function metricsHeadline(x: Text, report: UnionMetricsReport): string {
  const numbers = { rows: report.spoolRows, changed: report.rowsChanged };
  switch (report.status) {
    case 'preview':
      return x.t(report.rowsChanged === 0 ? 'metrics.correct' : 'metrics.wouldChange', numbers);
    case 'applied':
      return x.t('metrics.applied', numbers);
    case 'unchanged':
      return x.t('metrics.unchanged');
  }
}

export function metricsFacts(x: Text, report: UnionMetricsReport): string {
  return x.t('metrics.facts', {
    sheet: report.sheet,
    rows: report.spoolRows,
    unionSheet: report.unionSheet,
    unions: report.unions,
    duration: x.duration(report.durationMs),
  });
}

/** A problem the metrics found: its sentence (first examples) and the full list of examples. */
export interface MetricsProblem {
  readonly kind: 'orphans' | 'badDiameters' | 'blankKeys' | 'duplicates';
  readonly text: string;
  readonly examples: readonly string[];
}

const FIRST_SHOWN = 3;
const distinct = (values: readonly string[]): string[] => [...new Set(values)];
const firstOf = (values: readonly string[]): string =>
  values.length > FIRST_SHOWN
    ? `${values.slice(0, FIRST_SHOWN).join(', ')} (+${values.length - FIRST_SHOWN})`
    : values.join(', ');

export function metricsProblems(x: Text, report: UnionMetricsReport): MetricsProblem[] {
  const names = { sheet: report.sheet, unionSheet: report.unionSheet };
  const problems: MetricsProblem[] = [];
  const add = (kind: MetricsProblem['kind'], n: number, list: string[], key: MessageKey, param: 'keys' | 'rows') => {
    if (n > 0) problems.push({ kind, text: x.t(key, { ...names, n, [param]: firstOf(list) }), examples: list });
  };
  const orphanKeys = distinct(report.orphans.examples.map((o) => o.key));
  add('orphans', report.orphans.count, orphanKeys, 'metrics.orphans', 'keys');
  const badRows = report.badDiameters.examples.map((b) => String(b.row));
  add('badDiameters', report.badDiameters.count, badRows, 'metrics.badDiameters', 'rows');
  add('blankKeys', report.blankKeys.count, report.blankKeys.rows.map(String), 'metrics.blankKeys', 'rows');
  const duplicateKeys = distinct(report.duplicateSpools.examples.map((d) => d.key));
  add('duplicates', report.duplicateSpools.count, duplicateKeys, 'metrics.duplicates', 'keys');
  return problems;
}
