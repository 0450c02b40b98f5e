/**
 * The playground page: the real sidebar in a 300 px frame beside a read-only grid of the
 * emulated sheets (column letters, header row, first data rows; new columns highlighted).
 * The grid refreshes after every google.script.run call the sidebar makes.
 */
import { columnLetter } from '../../core/columnLetters';
import { byId, h, replaceChildren } from '../dom';
import { mountCellEditor } from './cellEditor';
import { type GridSheet, RPC_DONE, type WorkbookView } from './protocol';

const ui = {
  grid: byId('grid', HTMLElement),
  tabs: byId('tabs', HTMLElement),
  info: byId('info', HTMLElement),
  reset: byId('reset', HTMLButtonElement),
  frame: byId('sidebar', HTMLIFrameElement),
};

let selected = 'Operaciones';
let seenColumns = new Map<string, number>();
let refreshing: Promise<void> = Promise.resolve();

async function fetchWorkbook(): Promise<WorkbookView> {
  const response = await fetch('/api/workbook');
  if (!response.ok) throw new Error(`GET /api/workbook: HTTP ${response.status}`);
  return (await response.json()) as WorkbookView;
}

function headerCells(sheet: GridSheet): HTMLElement[] {
  const cells: HTMLElement[] = [h('th', { className: 'corner' })];
  for (let column = 1; column <= sheet.lastColumn; column++) {
    const added = column > sheet.seededColumns;
    cells.push(
      h(
        'th',
        { className: added ? 'letter new-col' : 'letter', attrs: { scope: 'col', 'data-column': String(column) } },
        columnLetter(column),
      ),
    );
  }
  return cells;
}

function bodyRow(sheet: GridSheet, values: readonly string[], rowNumber: number): HTMLElement {
  const cells: HTMLElement[] = [h('th', { className: 'row-number', attrs: { scope: 'row' } }, String(rowNumber))];
  for (let column = 1; column <= sheet.lastColumn; column++) {
    const classes = [rowNumber === 1 ? 'header-cell' : '', column > sheet.seededColumns ? 'new-col' : '']
      .filter(Boolean)
      .join(' ');
    cells.push(h('td', { className: classes }, values[column - 1] ?? ''));
  }
  return h('tr', {}, ...cells);
}

function renderGrid(sheet: GridSheet): HTMLElement {
  return h(
    'table',
    { className: 'grid', attrs: { 'aria-label': `Sheet ${sheet.name} (read-only)`, 'data-sheet': sheet.name } },
    h('thead', {}, h('tr', {}, ...headerCells(sheet))),
    h('tbody', {}, ...sheet.rows.map((values, i) => bodyRow(sheet, values, i + 1))),
  );
}

function renderTabs(view: WorkbookView): void {
  replaceChildren(
    ui.tabs,
    ...view.sheets.map((sheet) => {
      const tab = h(
        'button',
        {
          className: sheet.name === selected ? 'tab selected' : 'tab',
          attrs: { type: 'button', role: 'tab', 'aria-selected': String(sheet.name === selected) },
        },
        sheet.hidden ? `${sheet.name} (hidden)` : sheet.name,
      );
      tab.addEventListener('click', () => {
        selected = sheet.name;
        void refresh();
      });
      return tab;
    }),
  );
}

function scrollToNewColumns(sheet: GridSheet): void {
  const before = seenColumns.get(sheet.name);
  if (before === undefined || sheet.lastColumn <= before) return;
  ui.grid.querySelector(`th[data-column="${before + 1}"]`)?.scrollIntoView({ block: 'nearest', inline: 'center' });
}

function render(view: WorkbookView): void {
  if (!view.sheets.some((s) => s.name === selected)) selected = view.sheets[0]?.name ?? '';
  renderTabs(view);
  const sheet = view.sheets.find((s) => s.name === selected);
  replaceChildren(ui.grid, sheet === undefined ? h('p', {}, 'No sheets.') : renderGrid(sheet));
  ui.info.textContent =
    sheet === undefined
      ? ''
      : `${view.spreadsheetName} › ${sheet.name}: ${sheet.lastRow.toLocaleString('en-US')} rows × ${sheet.lastColumn} columns (grid ${sheet.maxRows.toLocaleString('en-US')} × ${sheet.maxColumns}) · ${view.spreadsheetCalls} Spreadsheet calls since reset`;
  if (sheet !== undefined) scrollToNewColumns(sheet);
  seenColumns = new Map(view.sheets.map((s) => [s.name, s.lastColumn]));
  document.body.dataset.gridVersion = String(Number(document.body.dataset.gridVersion ?? '0') + 1);
}

function refresh(): Promise<void> {
  refreshing = refreshing.then(async () => {
    try {
      render(await fetchWorkbook());
    } catch (error) {
      replaceChildren(ui.grid, h('p', { className: 'error' }, String(error)));
    }
  });
  return refreshing;
}

async function reset(): Promise<void> {
  ui.reset.disabled = true;
  await fetch('/api/reset', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
  seenColumns = new Map();
  ui.frame.contentWindow?.location.reload();
  await refresh();
  ui.reset.disabled = false;
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (event.origin !== window.location.origin || event.source !== ui.frame.contentWindow) return;
  const data = event.data as { type?: unknown } | null;
  if (data?.type === RPC_DONE) void refresh();
});
ui.reset.addEventListener('click', () => void reset());
mountCellEditor({ selectedSheet: () => selected, refresh });
void refresh();
