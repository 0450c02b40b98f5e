/**
 * Hourly-check and union-metrics payloads → DOM. Findings, summaries and server messages are
 * sheet text or contain it (header names): everything goes in through h()/text nodes.
 */
import type { AutoRepairReport, CheckResult, Finding, SheetCheck, UnionMetricsReport } from '../shared/payloads';
import { h } from './dom';
import {
  autoRepairTitle,
  checkBadge,
  checkMeta,
  findingKind,
  metricsFacts,
  metricsHeadline,
  omittedText,
} from './format';
import { renderRestoreButton } from './sheetRulesView';

const lines = (text: string): string[] => text.split('\n').filter((line) => line !== '');

/** The last check: time and trigger, status badge, summary, findings per sheet, omissions, auto-repair. */
export function renderLastCheck(result: CheckResult | null): HTMLElement {
  if (result === null) {
    return h(
      'section',
      { className: 'last-check', attrs: { 'aria-label': 'Last check', 'data-status': 'none' } },
      h('h3', {}, 'Last check'),
      h('p', { className: 'secondary' }, 'No check has run yet for this spreadsheet.'),
    );
  }
  const badge = checkBadge(result.status);
  const omitted = omittedText(result.findingsOmitted);
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
      h('span', {}, 'Last check'),
      h('span', { className: `badge badge-${badge.tone}` }, badge.text),
    ),
    h('p', { className: 'gray check-meta' }, checkMeta(result)),
    h('div', { className: 'check-summary' }, ...lines(result.summary).map((line) => h('p', {}, line))),
    ...result.sheets.map(renderSheetFindings),
    renderRestoreButton(result),
    omitted === null ? null : h('p', { className: 'gray omitted' }, omitted),
    renderAutoRepair(result.autoRepair),
  );
}

function renderSheetFindings(sheet: SheetCheck): HTMLElement | null {
  if (sheet.findings.length === 0) return null;
  return h(
    'ul',
    {
      className: 'findings check-findings',
      attrs: { 'aria-label': `Findings in ${sheet.sheet}`, 'data-sheet': sheet.sheet },
    },
    ...sheet.findings.map(renderFinding),
  );
}

function renderFinding(finding: Finding): HTMLElement {
  const kind = findingKind(finding.code);
  return h(
    'li',
    { className: `finding-${kind}`, attrs: { 'data-code': finding.code } },
    kind === 'info' ? h('span', { className: 'finding-tag' }, 'Info') : null,
    finding.location === null ? null : h('code', { className: 'location' }, finding.location),
    h('span', { className: 'finding-text' }, finding.message),
  );
}

function renderAutoRepair(report: AutoRepairReport): HTMLElement | null {
  const title = autoRepairTitle(report);
  if (title === null) return null;
  return h(
    'div',
    { className: `auto-repair-outcome outcome-${report.outcome}`, attrs: { 'data-outcome': report.outcome } },
    h('p', { className: 'outcome-title' }, title),
    ...lines(report.message).map((line) => h('p', {}, line)),
  );
}

/** A preview or a recompute result: the headline, the server's summary lines, the sizes. */
export function renderMetricsReport(report: UnionMetricsReport): HTMLElement {
  const tone = report.status === 'preview' ? 'info' : 'success';
  return h(
    'div',
    { className: `notice notice-${tone} metrics-report`, attrs: { 'data-status': report.status } },
    h('p', { className: 'notice-title' }, metricsHeadline(report)),
    h('div', { className: 'metrics-summary' }, ...lines(report.summary).map((line) => h('p', {}, line))),
    h('p', { className: 'gray metrics-facts' }, metricsFacts(report)),
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

export function renderLines(text: string): HTMLElement[] {
  return lines(text).map((line) => h('p', {}, line));
}
