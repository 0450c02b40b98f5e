/**
 * The sidebar's controller: on load, previewSchema (the one call that loads the plan) and, in
 * parallel, getScheduleStatus for the hourly check panel; Apply (with a confirm step that repeats
 * the summary) sends the fingerprint of the plan on screen; Refresh; Clear column cache. The
 * hourly check and union metrics panels (schedulePanel.ts, metricsPanel.ts) run their calls
 * through this controller, so only one call runs at a time and every control is disabled meanwhile.
 * States: loading → ready ⇄ confirming → applying → (refresh) → ready; ready → working → ready
 * (a panel call); ready ⇄ confirming-metrics → working.
 */
import { describePlan } from '../core/summary';
import type { SchemaPlan } from '../shared/payloads';
import { byId, h, replaceChildren } from './dom';
import { isStalePlan, planHeadline, planTone, resultDetails, resultHeadline } from './format';
import { createMetricsPanel } from './metricsPanel';
import type { PanelHost, State } from './panel';
import { createRpc, failureMessage } from './rpc';
import { createSchedulePanel } from './schedulePanel';
import { renderPlan, renderSummaryLines } from './view';

const rpc = createRpc(() => google.script.run);

const ui = {
  app: byId('app', HTMLElement),
  status: byId('status', HTMLElement),
  notice: byId('notice', HTMLElement),
  preview: byId('preview', HTMLElement),
  actions: byId('actions', HTMLElement),
  confirm: byId('confirm', HTMLElement),
  confirmSummary: byId('confirm-summary', HTMLElement),
  progress: byId('progress', HTMLElement),
  apply: byId('apply', HTMLButtonElement),
  refresh: byId('refresh', HTMLButtonElement),
  clearCache: byId('clear-cache', HTMLButtonElement),
  confirmApply: byId('confirm-apply', HTMLButtonElement),
  cancelApply: byId('cancel-apply', HTMLButtonElement),
};

let plan: SchemaPlan | null = null;
let state: State = 'loading';

const host: PanelHost = {
  async run(panel, task) {
    if (state !== 'ready' && state !== 'confirming-metrics') return;
    setState('working');
    panel.setAttribute('aria-busy', 'true');
    try {
      await task();
    } finally {
      panel.removeAttribute('aria-busy');
      setState('ready');
    }
  },
  setConfirming(open) {
    if (open ? state === 'ready' : state === 'confirming-metrics') setState(open ? 'confirming-metrics' : 'ready');
  },
  async planChanged() {
    clearNotice();
    metrics.schemaChanged();
    announce('The check applied pending migrations: reloading the preview…');
    await fetchPlan();
  },
};

const schedule = createSchedulePanel(rpc, host);
const metrics = createMetricsPanel(rpc, host);

function setState(next: State): void {
  state = next;
  ui.app.dataset.state = next;
  ui.app.setAttribute('aria-busy', String(next === 'loading' || next === 'applying'));
  const idle = next === 'ready';
  ui.apply.disabled = !idle || plan === null || plan.status !== 'changes';
  ui.refresh.disabled = !idle;
  ui.clearCache.disabled = !idle;
  ui.actions.hidden = next === 'confirming';
  ui.confirm.hidden = next !== 'confirming';
  ui.progress.hidden = next !== 'applying';
  ui.confirmApply.disabled = next !== 'confirming';
  ui.cancelApply.disabled = next !== 'confirming';
  schedule.sync(next);
  metrics.sync(next);
}

function announce(text: string): void {
  ui.status.textContent = text;
}

function showNotice(kind: 'success' | 'error' | 'info', title: string, lines: readonly string[] = []): void {
  const role = kind === 'error' ? 'alert' : 'status';
  replaceChildren(
    ui.notice,
    h(
      'div',
      { className: `notice notice-${kind}`, attrs: { role } },
      h('p', { className: 'notice-title' }, title),
      ...lines.map((l) => h('p', {}, l)),
    ),
  );
}

function clearNotice(): void {
  replaceChildren(ui.notice);
}

/** Loads and shows the plan (no state change: the caller's state holds while it runs). */
async function fetchPlan(): Promise<void> {
  try {
    plan = await rpc.previewSchema();
    replaceChildren(ui.preview, renderPlan(plan));
    ui.app.dataset.plan = plan.status;
    ui.app.dataset.tone = planTone(plan);
    announce(planHeadline(plan));
  } catch (error) {
    plan = null;
    delete ui.app.dataset.plan;
    replaceChildren(
      ui.preview,
      h('p', { className: 'error load-error', attrs: { role: 'alert' } }, failureMessage(error)),
    );
    announce('The preview could not be loaded.');
  }
}

async function loadPreview(): Promise<void> {
  setState('loading');
  announce('Loading the preview…');
  await fetchPlan();
  setState('ready');
}

/** The initial load and Refresh: the plan and the hourly check status, in parallel. */
async function loadAll(): Promise<void> {
  setState('loading');
  announce('Loading the preview…');
  await Promise.all([fetchPlan(), schedule.load()]);
  setState('ready');
}

function askToConfirm(): void {
  if (state !== 'ready' || plan === null || plan.status !== 'changes') return;
  replaceChildren(ui.confirmSummary, ...renderSummaryLines(describePlan(plan)));
  setState('confirming');
  announce('Review the summary, then confirm or cancel.');
  ui.confirmApply.focus();
}

function cancelConfirm(): void {
  if (state !== 'confirming') return;
  setState('ready');
  announce('Cancelled: nothing was written.');
  ui.apply.focus();
}

async function applyConfirmed(): Promise<void> {
  if (state !== 'confirming' || plan === null) return;
  const fingerprint = plan.fingerprint;
  clearNotice();
  setState('applying');
  announce('Applying the changes…');
  try {
    const result = await rpc.applySchema(fingerprint);
    showNotice('success', resultHeadline(result), resultDetails(result));
    metrics.schemaChanged();
    await loadPreview();
  } catch (error) {
    await applyFailed(failureMessage(error));
  }
  ui.apply.focus();
}

async function applyFailed(message: string): Promise<void> {
  const stale = isStalePlan(message);
  showNotice('error', stale ? 'The sheet changed since this preview' : 'The apply failed', [message]);
  await loadPreview();
}

async function refresh(): Promise<void> {
  if (state !== 'ready') return;
  clearNotice();
  await loadAll();
}

async function clearCache(): Promise<void> {
  if (state !== 'ready') return;
  setState('loading');
  announce('Clearing the column cache…');
  try {
    const { cleared } = await rpc.clearColumnCache();
    const text =
      cleared.length > 0 ? `Column map cache cleared for ${cleared.join(', ')}.` : 'No column map was cached.';
    showNotice('info', text);
  } catch (error) {
    showNotice('error', 'Could not clear the column cache', [failureMessage(error)]);
  }
  announce(plan === null ? 'No preview loaded.' : planHeadline(plan));
  setState('ready');
}

/**
 * "Restore header" on a renamed column: the first click asks (the button becomes a confirm),
 * the second writes that one header cell; then the preview reloads.
 */
async function restoreHeader(button: HTMLButtonElement): Promise<void> {
  if (state !== 'ready') return;
  const { sheet, identity, cell } = button.dataset;
  if (sheet === undefined || identity === undefined || cell === undefined) return;
  if (button.dataset.confirming !== 'true') {
    button.dataset.confirming = 'true';
    button.textContent = `Confirm: write "${identity}" into ${cell}`;
    announce(`Click again to restore ${cell}; only that cell is written.`);
    return;
  }
  clearNotice();
  setState('loading');
  try {
    const result = await rpc.restoreColumnHeader({ sheet, identity, confirmed: true });
    showNotice('success', 'Header restored', [result.summary]);
  } catch (error) {
    showNotice('error', 'The header was not restored', [failureMessage(error)]);
  }
  await loadPreview();
}

function wire(): void {
  ui.preview.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target.closest('button.restore-header') : null;
    if (target instanceof HTMLButtonElement) void restoreHeader(target);
  });
  ui.apply.addEventListener('click', askToConfirm);
  ui.refresh.addEventListener('click', () => void refresh());
  ui.clearCache.addEventListener('click', () => void clearCache());
  ui.confirmApply.addEventListener('click', () => void applyConfirmed());
  ui.cancelApply.addEventListener('click', cancelConfirm);
  ui.confirm.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') cancelConfirm();
  });
}

wire();
void loadAll();
