/**
 * Plan → DOM. Plain words first; calls, cells, fingerprint, migration ids and the server's own
 * sentences sit in a collapsed "Details". Sheet text goes through h()/text nodes, never HTML.
 */
import { textIn } from '../core/sheetText';
import type { Finding, HistoryEntry, PlannedTag, SchemaPlan, SheetPlan, SourceSheetPlan } from '../shared/payloads';
import { findingDetail, findingText } from './checkFormat';
import { h } from './dom';
import { type ChangeRow, changeRows, columnStrip, historyLine, migrationState, sheetBadge, tagSummary } from './format';
import { renderRuleChanges } from './sheetRulesView';
import type { Text } from './text';

const HISTORY_SHOWN = 3;

export function renderPlan(x: Text, plan: SchemaPlan): HTMLElement {
  return h(
    'div',
    { className: 'plan' },
    ...plan.sheets.map((sheet) => renderSheet(x, sheet, plan.status === 'blocked')),
    ...(plan.sources ?? []).map((source) => renderSource(x, source, plan.status === 'blocked')),
    renderHistory(x, plan.history),
    renderDetails(x, plan),
  );
}

function renderSheet(x: Text, sheet: SheetPlan, blocked: boolean): HTMLElement {
  const badge = sheetBadge(x, sheet);
  return h(
    'section',
    {
      className: 'sheet block',
      attrs: { 'aria-label': x.t('sheet.label', { sheet: sheet.sheet }), 'data-sheet': sheet.sheet },
    },
    h(
      'h2',
      { className: 'sheet-title' },
      h('span', { className: 'sheet-name' }, sheet.sheet),
      h('span', { className: `badge badge-${badge.tone}` }, badge.text),
    ),
    sheet.dataRows > 0 ? h('p', { className: 'gray sheet-meta' }, x.t('sheet.dataRows', { n: sheet.dataRows })) : null,
    renderFindings(x, sheet.sheet, sheet.errors, 'error'),
    // A blocked plan changes nothing: no strip or table of changes that would suggest otherwise.
    blocked ? null : renderStrip(x, sheet),
    blocked ? null : renderChanges(x, sheet),
    blocked ? null : renderTags(x, sheet.columnsToTag),
    blocked ? null : renderRuleChanges(x, sheet),
    renderFindings(x, sheet.sheet, sheet.warnings, 'warning'),
  );
}

/** A sheet only read by name (Uniones): its tags and warnings, shown only when there is one of them. */
function renderSource(x: Text, source: SourceSheetPlan, blocked: boolean): HTMLElement | null {
  if (source.columnsToTag.length === 0 && source.warnings.length === 0) return null;
  return h(
    'section',
    {
      className: 'sheet source block',
      attrs: { 'aria-label': x.t('sheet.label', { sheet: source.sheet }), 'data-sheet': source.sheet },
    },
    h('h2', { className: 'sheet-title' }, h('span', { className: 'sheet-name' }, source.sheet)),
    h('p', { className: 'gray source-role' }, x.t('source.role')),
    blocked ? null : renderTags(x, source.columnsToTag),
    renderFindings(x, source.sheet, source.warnings, 'warning'),
  );
}

/** The identity tags, folded: one summary line, the per-column detail (created or adopted) when opened. */
function renderTags(x: Text, tags: readonly PlannedTag[]): HTMLElement | null {
  const summary = tagSummary(x, tags);
  if (summary === null) return null;
  return h(
    'details',
    { className: 'tags' },
    h('summary', {}, summary.line),
    h('ul', { className: 'tag-list gray' }, ...summary.items.map((item) => h('li', {}, item))),
  );
}

function renderStrip(x: Text, sheet: SheetPlan): HTMLElement | null {
  const strip = columnStrip(x, sheet);
  if (strip.cells.length === 0) return null;
  return h(
    'figure',
    { className: 'strip' },
    h(
      'div',
      {
        className: 'strip-cells',
        attrs: { role: 'img', 'aria-label': x.t('strip.label', { sheet: sheet.sheet, caption: strip.caption }) },
      },
      ...strip.cells.map((cell) =>
        h('span', { className: `strip-cell strip-${cell.kind}`, attrs: { title: cell.title } }, cell.label),
      ),
    ),
    h('figcaption', { className: 'gray' }, strip.caption),
  );
}

function renderChanges(x: Text, sheet: SheetPlan): HTMLElement | null {
  const rows = changeRows(x, sheet);
  if (rows.length === 0) return null;
  const headings = [
    x.t('table.column'),
    x.t('table.header'),
    x.t('table.type'),
    x.t('table.default'),
    x.t('table.cells'),
  ];
  return h(
    'table',
    { className: 'changes' },
    h('caption', { className: 'visually-hidden' }, x.t('table.caption', { sheet: sheet.sheet })),
    h('thead', {}, h('tr', {}, ...headings.map((text) => h('th', { attrs: { scope: 'col' } }, text)))),
    h('tbody', {}, ...rows.map(renderChangeRow)),
  );
}

function renderChangeRow(row: ChangeRow): HTMLElement {
  return h(
    'tr',
    { className: `change-${row.kind}` },
    h('td', { className: 'letter' }, row.letter),
    h('td', { className: 'header' }, row.header),
    h('td', {}, row.type),
    h('td', {}, row.defaultValue),
    h('td', { className: 'num' }, row.cells),
  );
}

function renderFindings(
  x: Text,
  sheet: string,
  findings: readonly Finding[],
  kind: 'error' | 'warning',
): HTMLElement | null {
  if (findings.length === 0) return null;
  return h(
    'ul',
    {
      className: `findings findings-${kind}`,
      attrs: { 'aria-label': x.t(kind === 'error' ? 'findings.problems' : 'findings.notes') },
    },
    ...findings.map((f) =>
      h(
        'li',
        { className: kind === 'error' ? 'error' : 'warning', attrs: { 'data-code': f.code } },
        h('span', { className: 'finding-text' }, findingText(x, f, sheet)),
        restoreButton(x, f),
      ),
    ),
  );
}

/** A renamed managed column offers its repair; the sidebar asks to confirm before calling the server. */
function restoreButton(x: Text, f: Finding): HTMLElement | null {
  if (f.code !== 'COLUMN_RENAMED' || f.params === undefined) return null;
  return h(
    'button',
    {
      className: 'restore-header secondary-button',
      attrs: {
        type: 'button',
        'data-sheet': String(f.params.sheet),
        'data-identity': String(f.params.identity),
        'data-cell': String(f.params.cell),
      },
    },
    x.t('restore.button'),
  );
}

/** Collapsed: the cost in calls and cells, the plan's fingerprint, migrations, the server's sentences. */
function renderDetails(x: Text, plan: SchemaPlan): HTMLElement {
  const { cost } = plan;
  const findings = [
    ...plan.sheets.flatMap((s) => [...s.errors, ...s.warnings].map((f) => ({ f, sheet: s.sheet }))),
    ...(plan.sources ?? []).flatMap((s) => s.warnings.map((f) => ({ f, sheet: s.sheet }))),
  ];
  return h(
    'details',
    { className: 'details block' },
    h('summary', {}, x.t('details.summary')),
    plan.status === 'changes'
      ? h(
          'p',
          { className: 'cost gray' },
          x.t('details.cost', {
            calls: cost.spreadsheetCalls,
            read: cost.cellsRead,
            sent: cost.cellsWritten,
            cells: cost.cellsChanged,
          }),
        )
      : null,
    ...plan.sheets.map((sheet) => renderMigrations(x, sheet)),
    ...findings.map(({ f, sheet }) =>
      h(
        'p',
        { className: 'gray server-text' },
        f.location === null ? null : h('code', {}, `${f.location} `),
        findingDetail(x, f, sheet),
      ),
    ),
    h(
      'p',
      { className: 'fingerprint gray' },
      x.t('details.preview', {
        name: plan.spreadsheetName,
        time: x.time(plan.generatedAt),
        fingerprint: plan.fingerprint,
      }),
    ),
  );
}

function renderMigrations(x: Text, sheet: SheetPlan): HTMLElement | null {
  if (sheet.migrations.length === 0) return null;
  return h(
    'ul',
    { className: 'migrations gray', attrs: { 'aria-label': x.t('details.migrations', { sheet: sheet.sheet }) } },
    ...sheet.migrations.map((m) =>
      h(
        'li',
        { attrs: { title: textIn(m.description, x.language) } },
        h('span', { className: 'migration-id' }, m.id),
        ` — ${migrationState(x, m)}`,
      ),
    ),
  );
}

function renderHistory(x: Text, history: readonly HistoryEntry[]): HTMLElement {
  const shown = history.slice(0, HISTORY_SHOWN);
  return h(
    'section',
    { className: 'history block', attrs: { 'aria-labelledby': 'history-title' } },
    h('h2', { id: 'history-title', className: 'history-title' }, x.t('history.title')),
    shown.length === 0
      ? h('p', { className: 'gray' }, x.t('history.none'))
      : h(
          'ol',
          {},
          ...shown.map((e) =>
            h(
              'li',
              {},
              h('span', { className: 'history-time gray' }, x.time(e.time)),
              h('span', { className: 'history-what' }, historyLine(x, e)),
            ),
          ),
        ),
  );
}

/** The confirm step: one paragraph per sentence of what will happen. */
export function renderParagraphs(lines: readonly string[]): HTMLElement[] {
  return lines.map((line) => h('p', {}, line));
}
