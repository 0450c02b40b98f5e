/**
 * The "Union metrics" panel's state and actions: preview, the confirm step, recompute, and
 * what a schema change does to a preview on screen. See metricsPanel.ts for the steps.
 */
import type { Refusal, UnionMetricsReport } from '../shared/payloads';
import { refusalLines } from '../shared/wording/failure';
import { metricsHeadline, metricsProblems } from './checkFormat';
import { byId, h, replaceChildren } from './dom';
import { bringIntoView } from './notice';
import type { PanelHost, State } from './panel';
import { renderMetricsReport, renderPanelError, renderPanelInfo } from './panelsView';
import { failureMessage, type Rpc } from './rpc';
import type { Text } from './text';
import { renderParagraphs } from './view';

export type Step = 'idle' | 'previewed' | 'done' | 'needs-schema' | 'failed' | 'stale';

export type MetricsElements = ReturnType<typeof metricsElements>;

export function metricsElements() {
  return {
    panel: byId('metrics', HTMLElement),
    status: byId('metrics-status', HTMLElement),
    report: byId('metrics-report', HTMLElement),
    progress: byId('metrics-progress', HTMLElement),
    confirm: byId('metrics-confirm', HTMLElement),
    confirmSummary: byId('metrics-confirm-summary', HTMLElement),
    actions: byId('metrics-actions', HTMLElement),
    preview: byId('metrics-preview', HTMLButtonElement),
    recompute: byId('metrics-recompute', HTMLButtonElement),
    confirmRecompute: byId('metrics-confirm-recompute', HTMLButtonElement),
    cancel: byId('metrics-cancel', HTMLButtonElement),
  };
}

/** One panel's state, shared by its actions. */
export interface MetricsState {
  readonly rpc: Rpc;
  readonly host: PanelHost;
  readonly x: Text;
  readonly ui: MetricsElements;
  step: Step;
  preview: UnionMetricsReport | null;
  state: State;
}

function say(p: MetricsState, text: string): void {
  p.ui.status.textContent = text;
}

function canRecompute(p: MetricsState): boolean {
  return p.step === 'previewed' && p.preview !== null && p.preview.rowsChanged > 0;
}

function setStep(p: MetricsState, next: Step): void {
  p.step = next;
  p.ui.panel.dataset.step = next;
  sync(p, p.state);
}

export function sync(p: MetricsState, next: State): void {
  const { ui } = p;
  p.state = next;
  const idle = next === 'ready';
  const confirming = next === 'confirming-metrics';
  ui.preview.disabled = !idle;
  ui.recompute.disabled = !idle || !canRecompute(p);
  ui.actions.hidden = confirming;
  ui.confirm.hidden = !confirming;
  ui.report.hidden = confirming || !ui.progress.hidden; // the confirm step repeats it; progress replaces it
  ui.confirmRecompute.disabled = !confirming;
  ui.cancel.disabled = !confirming;
}

/** `lines`: what failed in the operator's words, then (for a platform failure) its cause. */
function failed(p: MetricsState, lines: readonly string[], title: string): void {
  p.preview = null;
  replaceChildren(p.ui.report, renderPanelError(title, lines[0] ?? '', lines[1]));
  setStep(p, 'failed');
  say(p, title);
}

/** A refusal by its code: the columns missing, or a failure worded from its code and params. */
function refusedBy(p: MetricsState, refusal: Refusal, title: string): void {
  if (refusal.code === 'METRICS_COLUMNS_MISSING') needsSchema(p);
  else failed(p, refusalLines(p.x, refusal), title);
}

function needsSchema(p: MetricsState): void {
  const { x } = p;
  p.preview = null;
  replaceChildren(p.ui.report, renderPanelInfo(x.t('metrics.needsSchema'), x.t('metrics.needsSchemaHint')));
  setStep(p, 'needs-schema');
  say(p, x.t('metrics.needsSchema'));
}

export async function runPreview(p: MetricsState): Promise<void> {
  if (p.state !== 'ready') return;
  const { x, ui } = p;
  await p.host.run(ui.panel, async () => {
    say(p, x.t('metrics.previewing'));
    try {
      const answer = await p.rpc.previewUnionMetrics({ sidebar: true });
      if (answer.status === 'refused') {
        refusedBy(p, answer, x.t('metrics.failed'));
        return;
      }
      p.preview = answer;
      replaceChildren(ui.report, renderMetricsReport(x, answer));
      setStep(p, 'previewed');
      say(p, metricsHeadline(x, answer));
    } catch (error) {
      failed(p, [failureMessage(error)], x.t('metrics.failed'));
    }
  });
  bringIntoView(ui.report);
}

export function askToConfirm(p: MetricsState): void {
  if (p.state !== 'ready' || !canRecompute(p) || p.preview === null) return;
  const { x, ui } = p;
  const problems = metricsProblems(x, p.preview).map((problem) => problem.text);
  replaceChildren(ui.confirmSummary, ...renderParagraphs([metricsHeadline(x, p.preview), ...problems]));
  p.host.setConfirming(true);
  say(p, x.t('status.review'));
  // On the summary, not the confirm button: the Enter that opened this step cannot also pass it.
  ui.confirmSummary.focus();
}

export function cancelConfirm(p: MetricsState): void {
  if (p.state !== 'confirming-metrics') return;
  p.host.setConfirming(false);
  say(p, p.x.t('status.cancelled'));
  p.ui.recompute.focus();
}

export async function recompute(p: MetricsState): Promise<void> {
  if (p.state !== 'confirming-metrics') return;
  const { x, ui } = p;
  await p.host.run(ui.panel, async () => {
    say(p, x.t('metrics.recomputing'));
    ui.progress.hidden = false;
    ui.report.hidden = true;
    try {
      const result = await p.rpc.recomputeUnionMetrics({ confirmed: true });
      if (result.status === 'refused') {
        refusedBy(p, result, x.t('metrics.recomputeFailed'));
        return;
      }
      p.preview = null;
      replaceChildren(ui.report, renderMetricsReport(x, result));
      setStep(p, 'done');
      say(p, metricsHeadline(x, result));
    } catch (error) {
      failed(p, [failureMessage(error)], x.t('metrics.recomputeFailed'));
    } finally {
      ui.progress.hidden = true;
    }
  });
  bringIntoView(ui.report);
}

export function schemaChanged(p: MetricsState): void {
  if (p.step === 'idle' || p.step === 'done' || p.step === 'stale') return;
  p.preview = null;
  replaceChildren(p.ui.report, h('p', { className: 'gray' }, p.x.t('metrics.stale')));
  setStep(p, 'stale');
}
