/**
 * Hourly-check and union-metrics payloads → DOM, in the operator's language from codes and
 * numbers. Header names and spool keys are sheet text: everything goes in through h()/text nodes.
 */
import type { CheckResult, Finding, SheetCheck, UnionMetricsReport } from '../shared/payloads';
import { failureDetail } from '../shared/wording/failure';
import {
  autoRepairTitle,
  checkBadge,
  checkMeta,
  checkMetricsLine,
  checkWrote,
  findingDetail,
  findingKind,
  findingText,
  type MetricsProblem,
  metricsFacts,
  metricsHeadline,
  metricsProblems,
  omittedText,
  sheetCheckLine,
} from './checkFormat';
import { h } from './dom';
import { renderRestoreButton } from './sheetRulesView';
import type { Text } from './text';

/** The last check: time and trigger, status badge, one line per sheet, findings, omissions, auto-repair. */
export function renderLastCheck(x: Text, result: CheckResult | null): HTMLElement {
  if (result === null) {
    return h(
      'section',
      { className: 'last-check', attrs: { 'aria-labelledby': 'last-check-title', 'data-status': 'none' } },
      h('h3', { id: 'last-check-title' }, x.t('check.last')),
      h('p', { className: 'gray' }, x.t('check.none')),
    );
  }
  const badge = checkBadge(x, result.status);
  const omitted = omittedText(x, result.findingsOmitted);
  return h(
    'section',
    {
      className: 'last-check',
      attrs: {
        'aria-labelledby': 'last-check-title',
        'data-status': result.status,
        'data-checked-at': result.checkedAt,
      },
    },
    h(
      'h3',
      { id: 'last-check-title', className: 'panel-subtitle' },
      h('span', {}, x.t('check.last')),
      h('span', { className: `badge badge-${badge.tone}` }, badge.text),
    ),
    h('p', { className: 'gray check-meta' }, checkMeta(x, result)),
    h(
      'div',
      { className: 'check-summary' },
      ...result.sheets.map((s) => h('p', {}, sheetCheckLine(x, s))),
      ...[checkMetricsLine(x, result)].filter((line) => line !== null).map((line) => h('p', {}, line)),
    ),
    ...result.sheets.map((s) => renderSheetFindings(x, s)),
    renderRestoreButton(x, result),
    omitted === null ? null : h('p', { className: 'gray omitted' }, omitted),
    renderAutoRepair(x, result),
  );
}

function renderSheetFindings(x: Text, sheet: SheetCheck): HTMLElement | null {
  if (sheet.findings.length === 0) return null;
  return h(
    'ul',
    {
      className: 'findings check-findings',
      attrs: { 'aria-label': x.t('check.findingsIn', { sheet: sheet.sheet }), 'data-sheet': sheet.sheet },
    },
    ...sheet.findings.map((f) => renderFinding(x, f, sheet.sheet)),
  );
}

function renderFinding(x: Text, finding: Finding, sheet: string): HTMLElement {
  const kind = findingKind(finding.code);
  return h(
    'li',
    { className: `finding-${kind}`, attrs: { 'data-code': finding.code } },
    kind === 'info' ? h('span', { className: 'finding-tag' }, x.t('findings.info')) : null,
    h('span', { className: 'finding-text' }, findingText(x, finding, sheet)),
    h(
      'details',
      { className: 'finding-details' },
      h('summary', {}, x.t('details.summary')),
      h('p', { className: 'gray' }, findingDetail(x, finding, sheet)),
    ),
  );
}

/** What auto-repair did: the columns it added; a failure's server text under Details. */
function renderAutoRepair(x: Text, result: CheckResult): HTMLElement | null {
  const report = result.autoRepair;
  const title = autoRepairTitle(x, report);
  if (title === null) return null;
  return h(
    'div',
    { className: `auto-repair-outcome outcome-${report.outcome}`, attrs: { 'data-outcome': report.outcome } },
    h('p', { className: 'outcome-title' }, title),
    report.outcome === 'applied' ? h('p', {}, checkWrote(x, result)) : null,
    report.outcome === 'failed'
      ? h(
          'details',
          {},
          h('summary', {}, x.t('details.summary')),
          ...failureDetail(x, report).map((line) => h('p', { className: 'gray' }, line)),
        )
      : null,
  );
}

/** A preview or a recompute result: the headline, the problems found (each with its full list), the sizes. */
export function renderMetricsReport(x: Text, report: UnionMetricsReport): HTMLElement {
  const tone = report.status === 'preview' ? 'info' : 'success';
  return h(
    'div',
    { className: `notice notice-${tone} metrics-report`, attrs: { 'data-status': report.status } },
    h('p', { className: 'notice-title' }, metricsHeadline(x, report)),
    ...metricsProblems(x, report).map((p) => renderMetricsProblem(x, p)),
    h('p', { className: 'gray metrics-facts' }, metricsFacts(x, report)),
  );
}

function renderMetricsProblem(x: Text, problem: MetricsProblem): HTMLElement {
  return h(
    'div',
    { className: 'metrics-problem', attrs: { 'data-kind': problem.kind } },
    h('p', {}, problem.text),
    problem.examples.length > 1
      ? h(
          'details',
          {},
          h('summary', {}, x.t('metrics.showAll', { n: problem.examples.length })),
          h('ul', { className: 'example-list' }, ...problem.examples.map((e) => h('li', {}, e))),
        )
      : null,
  );
}

export function renderPanelError(title: string, message: string, hint?: string): HTMLElement {
  return h(
    'div',
    { className: 'notice notice-error', attrs: { role: 'alert' } },
    h('p', { className: 'notice-title' }, title),
    h('p', { className: 'error-text' }, message),
    hint === undefined ? null : h('p', { className: 'hint' }, hint),
  );
}

/** An information notice (not an error): what to do first. */
export function renderPanelInfo(title: string, hint: string): HTMLElement {
  return h(
    'div',
    { className: 'notice notice-info', attrs: { role: 'status' } },
    h('p', { className: 'notice-title' }, title),
    h('p', { className: 'hint' }, hint),
  );
}
