/** Plan → DOM. Every piece of sheet text goes through h()/text nodes, never through HTML. */
import { describeCost } from '../core/summary';
import type { Finding, HistoryEntry, SchemaPlan, SheetPlan } from '../shared/payloads';
import { h } from './dom';
import { type ChangeRow, changeRows, columnStrip, historyLine, migrationState, sheetBadge, shortTime } from './format';

const HISTORY_SHOWN = 3;

export function renderPlan(plan: SchemaPlan): HTMLElement {
  return h(
    'div',
    { className: 'plan' },
    ...plan.sheets.map(renderSheet),
    renderCost(plan),
    renderHistory(plan.history),
    h(
      'p',
      { className: 'fingerprint secondary' },
      `Preview of ${plan.spreadsheetName} · ${shortTime(plan.generatedAt)} · plan ${plan.fingerprint}`,
    ),
  );
}

function renderSheet(sheet: SheetPlan): HTMLElement {
  const badge = sheetBadge(sheet);
  return h(
    'section',
    { className: 'sheet block', attrs: { 'aria-label': `Sheet ${sheet.sheet}`, 'data-sheet': sheet.sheet } },
    h(
      'h2',
      { className: 'sheet-title' },
      h('span', { className: 'sheet-name' }, sheet.sheet),
      h('span', { className: `badge badge-${badge.tone}` }, badge.text),
    ),
    sheet.dataRows > 0
      ? h('p', { className: 'gray sheet-meta' }, `${sheet.dataRows.toLocaleString('en-US')} data rows`)
      : null,
    renderFindings(sheet.errors, 'error'),
    renderStrip(sheet),
    renderChanges(sheet),
    renderFindings(sheet.warnings, 'warning'),
    renderMigrations(sheet),
  );
}

function renderStrip(sheet: SheetPlan): HTMLElement | null {
  const strip = columnStrip(sheet);
  if (strip.cells.length === 0) return null;
  return h(
    'figure',
    { className: 'strip' },
    h(
      'div',
      { className: 'strip-cells', attrs: { role: 'img', 'aria-label': `Columns of ${sheet.sheet}: ${strip.caption}` } },
      ...strip.cells.map((cell) =>
        h('span', { className: `strip-cell strip-${cell.kind}`, attrs: { title: cell.title } }, cell.label),
      ),
    ),
    h('figcaption', { className: 'gray' }, strip.caption),
  );
}

function renderChanges(sheet: SheetPlan): HTMLElement | null {
  const rows = changeRows(sheet);
  if (rows.length === 0) return null;
  const headings = ['Col', 'Header', 'Type', 'Default', 'Cells'];
  return h(
    'table',
    { className: 'changes' },
    h('caption', { className: 'visually-hidden' }, `Changes to ${sheet.sheet}`),
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

function renderFindings(findings: readonly Finding[], kind: 'error' | 'warning'): HTMLElement | null {
  if (findings.length === 0) return null;
  const label = kind === 'error' ? 'Blocking problems' : 'Warnings';
  return h(
    'ul',
    { className: `findings findings-${kind}`, attrs: { 'aria-label': label } },
    ...findings.map((f) =>
      h(
        'li',
        { className: kind === 'error' ? 'error' : 'warning', attrs: { 'data-code': f.code } },
        f.location === null ? null : h('code', { className: 'location' }, f.location),
        h('span', { className: 'finding-text' }, f.message),
        restoreButton(f),
      ),
    ),
  );
}

/** A renamed managed column offers its repair; the sidebar asks to confirm before calling the server. */
function restoreButton(f: Finding): HTMLElement | null {
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
    'Restore header',
  );
}

function renderMigrations(sheet: SheetPlan): HTMLElement | null {
  if (sheet.migrations.length === 0) return null;
  return h(
    'ul',
    { className: 'migrations secondary', attrs: { 'aria-label': `Migrations of ${sheet.sheet}` } },
    ...sheet.migrations.map((m) =>
      h(
        'li',
        { attrs: { title: m.description } },
        h('span', { className: 'migration-id' }, m.id),
        ` — ${migrationState(m)}`,
      ),
    ),
  );
}

function renderCost(plan: SchemaPlan): HTMLElement | null {
  if (plan.status !== 'changes') return null;
  return h('p', { className: 'cost gray block' }, h('b', {}, 'Cost: '), describeCost(plan.cost), '.');
}

function renderHistory(history: readonly HistoryEntry[]): HTMLElement {
  const shown = history.slice(0, HISTORY_SHOWN);
  return h(
    'section',
    { className: 'history block', attrs: { 'aria-label': 'Last applied migrations' } },
    h('h3', {}, 'Last applied'),
    shown.length === 0
      ? h('p', { className: 'secondary' }, 'No migration applied from Sheet Schema yet.')
      : h(
          'ol',
          {},
          ...shown.map((e) =>
            h(
              'li',
              {},
              h('span', { className: 'history-time gray' }, `${shortTime(e.time)} · ${e.migrationId}`),
              h('span', { className: 'history-what' }, historyLine(e)),
            ),
          ),
        ),
  );
}

/** The confirm step repeats the plan's summary (one paragraph per line of it). */
export function renderSummaryLines(text: string): HTMLElement[] {
  return text.split('\n').map((line) => h('p', {}, line));
}
