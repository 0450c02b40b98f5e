/**
 * The texts of the menu's dialogs (Ui.alert), in the operator's language: the same sentences as
 * the sidebar (shared view models), one per line, plain words first; the technical cost, when
 * shown at all, is the last short line. Codes and numbers in, strings out.
 */
import type { SchemaErrorCode } from '../../core/errors';
import type { MessageKey, Params } from '../messages';
import type {
  ApplyResult,
  CheckResult,
  LiveMetricsStatus,
  ScheduleStatus,
  SchemaPlan,
  UnionMetricsReport,
} from '../payloads';
import {
  autoRepairTitle,
  checkBadge,
  checkHeadline,
  checkMetricsLine,
  findingKind,
  findingText,
  metricsFacts,
  metricsHeadline,
  metricsProblems,
  nextCheckText,
  omittedText,
  scheduleMessage,
  sheetCheckLine,
} from './check';
import { failureLines } from './failure';
import type { LocalText } from './localText';
import { changeSentences, planHeadline, resultHeadline } from './plan';

/** Findings listed in a check dialog; the rest are counted (the sidebar lists them all). */
const FINDINGS_SHOWN = 8;

export function dialogTitle(x: LocalText, what?: string): string {
  return what === undefined ? x.t('app.name') : `${x.t('app.name')}: ${what}`;
}

const bullet = (text: string) => `• ${text}`;

/** Up to date, blocked (its problems), or what will change and the question, cost last. */
export function planDialog(x: LocalText, plan: SchemaPlan): string {
  if (plan.status === 'up-to-date') return planHeadline(x, plan);
  const problems = plan.sheets.flatMap((s) => s.errors.map((f) => bullet(findingText(x, f, s.sheet))));
  if (plan.status === 'blocked') return [planHeadline(x, plan), ...problems].join('\n');
  const sentences = changeSentences(x, plan);
  const notes = plan.sheets.flatMap((s) =>
    s.warnings.map((f) => x.t('plan.noteWarning', { text: findingText(x, f, s.sheet) })),
  );
  const { cost } = plan;
  const technical = x.t('details.cost', {
    calls: cost.spreadsheetCalls,
    read: cost.cellsRead,
    sent: cost.cellsWritten,
    cells: cost.cellsChanged,
  });
  const what = sentences.length > 0 ? [...sentences, x.t('plan.nothingElse')] : [planHeadline(x, plan)];
  return [...what, ...notes, '', x.t('confirm.title'), '', technical].join('\n');
}

export function applyDialog(x: LocalText, result: ApplyResult): string {
  return resultHeadline(x, result);
}

/** Preview or result: the headline, each problem found, the sizes (a short gray line in the sidebar). */
export function metricsDialog(x: LocalText, report: UnionMetricsReport, question?: MessageKey): string {
  const problems = metricsProblems(x, report).map((p) => bullet(p.text));
  const ask = question === undefined ? [] : ['', x.t(question)];
  return [metricsHeadline(x, report), ...problems, ...ask, '', metricsFacts(x, report)].join('\n');
}

/** The check: headline (what it wrote first), each sheet, metrics, findings (capped), auto-repair. */
export function checkDialog(x: LocalText, result: CheckResult): string {
  const findings = result.sheets.flatMap((s) =>
    s.findings.filter((f) => findingKind(f.code) !== 'info').map((f) => bullet(findingText(x, f, s.sheet))),
  );
  const more = findings.length - FINDINGS_SHOWN;
  const repair = result.autoRepair.outcome === 'applied' ? null : autoRepairTitle(x, result.autoRepair);
  return [
    checkHeadline(x, result),
    ...result.sheets.map((s) => sheetCheckLine(x, s)),
    checkMetricsLine(x, result),
    ...findings.slice(0, FINDINGS_SHOWN),
    more > 0 ? x.t('dialog.moreFindings', { n: more }) : null,
    omittedText(x, result.findingsOmitted),
    repair,
  ]
    .filter((line): line is string => line !== null)
    .join('\n');
}

export function checkTitle(x: LocalText, result: CheckResult): string {
  return dialogTitle(x, checkBadge(x, result.status).text);
}

export function scheduleLines(x: LocalText, status: ScheduleStatus): string {
  return [scheduleMessage(x, status), nextCheckText(x, status)].filter((line) => line !== null).join('\n');
}

/** Shared with the sidebar's live toggle: on or off, spools waiting, a full recompute to come. */
export function liveStatusSentences(x: LocalText, status: LiveMetricsStatus): string[] {
  const sentences = [x.t(status.on ? 'live.on' : 'live.off')];
  if (status.pendingSpools > 0) sentences.push(x.t('live.pending', { n: status.pendingSpools }));
  if (status.stale) sentences.push(x.t('live.stale'));
  return sentences;
}

/** A refusal or failure by its code (and the platform's cause); anything else: a plain headline, the server's text after. */
export function errorDialog(x: LocalText, error: { code?: SchemaErrorCode; params?: Params; message: string }): string {
  const lines = failureLines(x, error);
  if (lines !== null) return lines.join('\n\n');
  return [`${x.t('error.generic')}.`, '', x.t('details.serverText', { text: error.message })].join('\n');
}
