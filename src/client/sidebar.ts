/**
 * The sidebar's controller: on load, previewSchema (the one call that loads the plan) and, in
 * parallel, getScheduleStatus for the hourly check panel; "Extend schema" (with a confirm step
 * that repeats what will happen) sends the fingerprint of the plan on screen; Refresh; Clear
 * column cache (under Details). The panels (schedulePanel.ts, metricsPanel.ts) run their calls
 * through this controller, so only one call runs at a time and every control is disabled meanwhile.
 * States: loading → ready ⇄ confirming → applying → (refresh) → ready; ready → working → ready
 * (a panel call); ready ⇄ confirming-metrics → working.
 */
import type { CheckResult, PlanStatus, Refusal, SchemaPlan } from '../shared/payloads';
import { refusalLines } from '../shared/wording/failure';
import { checkWrote } from './checkFormat';
import { byId, h, replaceChildren } from './dom';
import { changeSentences, planHeadline, planTone, problemCount, resultHeadline } from './format';
import { createLivePanel } from './livePanel';
import { createMetricsPanel } from './metricsPanel';
import { bringIntoView, showNotice } from './notice';
import type { PanelHost, State } from './panel';
import { renamesUnseen } from './renames';
import { createRpc, failureMessage } from './rpc';
import { createSchedulePanel } from './schedulePanel';
import { pageText } from './text';
import { renderParagraphs, renderPlan } from './view';

const x = pageText(document.documentElement);
const rpc = createRpc(() => google.script.run, x);

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

/** The plan a check's status implies (drift alone implies nothing about the plan). */
const PLAN_OF_CHECK: Readonly<Record<CheckResult['status'], PlanStatus | null>> = {
  ok: 'up-to-date',
  pending: 'changes',
  error: 'blocked',
  drift: null,
};

const host: PanelHost = {
  text: x,
  async run(panel, task) {
    if (state !== 'ready' && state !== 'confirming-metrics' && state !== 'confirming-repair') return;
    setState('working');
    panel.setAttribute('aria-busy', 'true');
    try {
      await task();
    } finally {
      panel.removeAttribute('aria-busy');
      setState('ready');
    }
  },
  setConfirming(open, step = 'confirming-metrics') {
    if (open ? state === 'ready' : state === step) setState(open ? step : 'ready');
  },
  pendingChanges: () => (plan !== null && plan.status === 'changes' ? changeSentences(x, plan) : []),
  async checkFinished(result) {
    if (result.autoRepair.outcome === 'applied') {
      metrics.schemaChanged();
      showNotice(ui.notice, 'success', checkWrote(x, result));
      announce(x.t('status.reloading'));
      await fetchPlan();
      return;
    }
    const implied = PLAN_OF_CHECK[result.status];
    if (plan === null || (implied !== null && implied !== plan.status) || renamesUnseen(result, plan))
      await fetchPlan();
  },
};

const schedule = createSchedulePanel(rpc, host);
const metrics = createMetricsPanel(rpc, host);
const live = createLivePanel(rpc, host);

function setState(next: State): void {
  state = next;
  ui.app.dataset.state = next;
  ui.app.setAttribute('aria-busy', String(next === 'loading' || next === 'applying'));
  const idle = next === 'ready';
  ui.apply.disabled = !idle || plan === null || plan.status !== 'changes';
  ui.refresh.disabled = !idle;
  ui.clearCache.disabled = !idle;
  ui.actions.hidden = next === 'confirming' || next === 'applying';
  ui.confirm.hidden = next !== 'confirming';
  ui.progress.hidden = next !== 'applying';
  ui.confirmApply.disabled = next !== 'confirming';
  ui.cancelApply.disabled = next !== 'confirming';
  schedule.sync(next);
  metrics.sync(next);
  live.sync(next);
}

function announce(text: string): void {
  ui.status.textContent = text;
}

function clearNotice(): void {
  replaceChildren(ui.notice);
}

/** Loads and shows the plan (no state change: the caller's state holds while it runs). */
async function fetchPlan(): Promise<void> {
  try {
    plan = await rpc.previewSchema();
    replaceChildren(ui.preview, renderPlan(x, plan));
    ui.app.dataset.plan = plan.status;
    ui.app.dataset.tone = planTone(plan);
    announce(planHeadline(x, plan));
  } catch (error) {
    plan = null;
    delete ui.app.dataset.plan;
    replaceChildren(
      ui.preview,
      h('p', { className: 'error load-error', attrs: { role: 'alert' } }, failureMessage(error)),
    );
    announce(x.t('status.loadFailed'));
  }
}

/** The initial load and Refresh: the plan and the hourly check status, in parallel. */
async function loadAll(): Promise<void> {
  setState('loading');
  announce(x.t('status.loading'));
  await Promise.all([fetchPlan(), schedule.load(), live.load()]);
  setState('ready');
}

function askToConfirm(): void {
  if (state !== 'ready' || plan === null || plan.status !== 'changes') return;
  replaceChildren(ui.confirmSummary, ...renderParagraphs([...changeSentences(x, plan), x.t('plan.nothingElse')]));
  setState('confirming');
  announce(x.t('status.review'));
  // On the summary, not the confirm button: the Enter that opened this step cannot also pass it.
  ui.confirmSummary.focus();
}

function cancelConfirm(): void {
  if (state !== 'confirming') return;
  setState('ready');
  announce(x.t('status.cancelled'));
  ui.apply.focus();
}

async function applyConfirmed(): Promise<void> {
  if (state !== 'confirming' || plan === null) return;
  const shown = plan;
  clearNotice();
  setState('applying');
  announce(x.t('status.applying'));
  try {
    const result = await rpc.applySchema(shown.fingerprint, { sidebar: true });
    await fetchPlan();
    if (result.status === 'refused') refused(result, shown);
    else {
      metrics.schemaChanged();
      showNotice(ui.notice, 'success', resultHeadline(x, result));
    }
  } catch (error) {
    await fetchPlan();
    showNotice(ui.notice, 'error', x.t('result.failed'), [failureMessage(error)]);
  }
  setState('ready');
  bringIntoView(ui.notice);
}

/** Codes, not prose: stale (maybe applied by a colleague), blocked, busy. Called with the plan reloaded. */
function refused(refusal: Refusal, shown: SchemaPlan): void {
  if (refusal.code === 'BLOCKED') {
    showNotice(ui.notice, 'error', x.t('result.blocked', { n: plan === null ? 0 : problemCount(plan) }));
    return;
  }
  if (refusal.code === 'BUSY') {
    showNotice(ui.notice, 'info', x.t('result.busy'));
    return;
  }
  if (refusal.code !== 'STALE_PLAN') {
    showNotice(ui.notice, 'error', x.t('result.failed'), refusalLines(x, refusal));
    return;
  }
  const latest = plan?.history[0];
  const byColleague =
    plan?.status === 'up-to-date' && latest !== undefined && Date.parse(latest.time) >= Date.parse(shown.generatedAt);
  if (byColleague && latest !== undefined)
    showNotice(ui.notice, 'info', x.t('result.staleByOther', { user: latest.user, time: x.time(latest.time) }));
  else showNotice(ui.notice, 'info', x.t('result.staleTitle'), [x.t('result.stale')]);
}

async function refresh(): Promise<void> {
  if (state !== 'ready') return;
  clearNotice();
  await loadAll();
}

async function clearCache(): Promise<void> {
  if (state !== 'ready') return;
  setState('loading');
  announce(x.t('status.clearing'));
  try {
    const { cleared } = await rpc.clearColumnCache();
    const text =
      cleared.length > 0 ? x.t('result.cacheCleared', { sheets: cleared.join(', ') }) : x.t('result.cacheNone');
    showNotice(ui.notice, 'info', text);
  } catch (error) {
    showNotice(ui.notice, 'error', x.t('result.cacheFailed'), [failureMessage(error)]);
  }
  announce(plan === null ? x.t('status.loadFailed') : planHeadline(x, plan));
  setState('ready');
  bringIntoView(ui.notice);
}

/** The page's static texts, from the catalogue (`data-msg` keys) in the page's language. */
function localizeStatic(): void {
  for (const element of document.querySelectorAll<HTMLElement>('[data-msg]'))
    element.textContent = x.t(element.dataset.msg as Parameters<typeof x.t>[0]);
  document.title = x.t('app.name');
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
    button.textContent = x.t('restore.confirmButton', { identity, cell });
    announce(x.t('restore.confirmHint', { cell }));
    return;
  }
  clearNotice();
  setState('loading');
  try {
    const result = await rpc.restoreColumnHeader({ sheet, identity, confirmed: true });
    showNotice(ui.notice, 'success', x.t('restore.done', { cell: result.cell, identity: result.identity }));
  } catch (error) {
    showNotice(ui.notice, 'error', x.t('restore.failed'), [failureMessage(error)]);
  }
  await fetchPlan();
  setState('ready');
  bringIntoView(ui.notice);
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
  // A sidebar left open in another tab is stale when the operator comes back to it: reload the plan.
  document.addEventListener('visibilitychange', () => {
    if (!document.hidden && state === 'ready') void reloadPlan();
  });
}

async function reloadPlan(): Promise<void> {
  setState('loading');
  await fetchPlan();
  setState('ready');
}

localizeStatic();
wire();
void loadAll();
