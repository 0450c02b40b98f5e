/**
 * The "Union metrics" panel: "Preview union metrics" (a dry run), then "Recompute union metrics"
 * with a confirm step repeating the preview's headline, then the result (a progress bar while it
 * writes). When the v4.0 columns are missing the server answers the METRICS_COLUMNS_MISSING code:
 * the panel says to extend the schema first (information, not an error) and keeps Recompute
 * disabled until a later preview succeeds.
 *
 * Steps (`#metrics[data-step]`): idle → previewed → done; needs-schema / failed on refusal;
 * stale once the schema changed under a preview.
 */
import type { UnionMetricsReport } from '../shared/payloads';
import { metricsHeadline, metricsProblems } from './checkFormat';
import { byId, h, replaceChildren } from './dom';
import { bringIntoView } from './notice';
import type { Panel, PanelHost, State } from './panel';
import { renderMetricsReport, renderPanelError, renderPanelInfo } from './panelsView';
import { failureMessage, type Rpc } from './rpc';
import { renderParagraphs } from './view';

type Step = 'idle' | 'previewed' | 'done' | 'needs-schema' | 'failed' | 'stale';

export interface MetricsPanel extends Panel {
  /** After a schema Apply: the panel's preview (or its "extend schema first") no longer holds. */
  schemaChanged(): void;
}

export function createMetricsPanel(rpc: Rpc, host: PanelHost): MetricsPanel {
  const x = host.text;
  const ui = {
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
  let step: Step = 'idle';
  let preview: UnionMetricsReport | null = null;
  let state: State = 'loading';

  const say = (text: string): void => {
    ui.status.textContent = text;
  };

  const canRecompute = (): boolean => step === 'previewed' && preview !== null && preview.rowsChanged > 0;

  function setStep(next: Step): void {
    step = next;
    ui.panel.dataset.step = next;
    sync(state);
  }

  function sync(next: State): void {
    state = next;
    const idle = next === 'ready';
    const confirming = next === 'confirming-metrics';
    ui.preview.disabled = !idle;
    ui.recompute.disabled = !idle || !canRecompute();
    ui.actions.hidden = confirming;
    ui.confirm.hidden = !confirming;
    ui.report.hidden = confirming || !ui.progress.hidden; // the confirm step repeats it; progress replaces it
    ui.confirmRecompute.disabled = !confirming;
    ui.cancel.disabled = !confirming;
  }

  function failed(error: unknown, title: string): void {
    preview = null;
    replaceChildren(ui.report, renderPanelError(title, failureMessage(error)));
    setStep('failed');
    say(title);
  }

  function needsSchema(): void {
    preview = null;
    replaceChildren(ui.report, renderPanelInfo(x.t('metrics.needsSchema'), x.t('metrics.needsSchemaHint')));
    setStep('needs-schema');
    say(x.t('metrics.needsSchema'));
  }

  async function runPreview(): Promise<void> {
    if (state !== 'ready') return;
    await host.run(ui.panel, async () => {
      say(x.t('metrics.previewing'));
      try {
        const answer = await rpc.previewUnionMetrics({ sidebar: true });
        if (answer.status === 'refused') {
          if (answer.code === 'METRICS_COLUMNS_MISSING') needsSchema();
          else failed(new Error(answer.message), x.t('metrics.failed'));
          return;
        }
        preview = answer;
        replaceChildren(ui.report, renderMetricsReport(x, answer));
        setStep('previewed');
        say(metricsHeadline(x, answer));
      } catch (error) {
        failed(error, x.t('metrics.failed'));
      }
    });
    bringIntoView(ui.report);
  }

  function askToConfirm(): void {
    if (state !== 'ready' || !canRecompute() || preview === null) return;
    const problems = metricsProblems(x, preview).map((p) => p.text);
    replaceChildren(ui.confirmSummary, ...renderParagraphs([metricsHeadline(x, preview), ...problems]));
    host.setConfirming(true);
    say(x.t('status.review'));
    // On the summary, not the confirm button: the Enter that opened this step cannot also pass it.
    ui.confirmSummary.focus();
  }

  function cancelConfirm(): void {
    if (state !== 'confirming-metrics') return;
    host.setConfirming(false);
    say(x.t('status.cancelled'));
    ui.recompute.focus();
  }

  async function recompute(): Promise<void> {
    if (state !== 'confirming-metrics') return;
    await host.run(ui.panel, async () => {
      say(x.t('metrics.recomputing'));
      ui.progress.hidden = false;
      ui.report.hidden = true;
      try {
        const result = await rpc.recomputeUnionMetrics({ confirmed: true });
        preview = null;
        replaceChildren(ui.report, renderMetricsReport(x, result));
        setStep('done');
        say(metricsHeadline(x, result));
      } catch (error) {
        failed(error, x.t('metrics.recomputeFailed'));
      } finally {
        ui.progress.hidden = true;
      }
    });
    bringIntoView(ui.report);
  }

  function schemaChanged(): void {
    if (step === 'idle' || step === 'done' || step === 'stale') return;
    preview = null;
    replaceChildren(ui.report, h('p', { className: 'gray' }, x.t('metrics.stale')));
    setStep('stale');
  }

  ui.preview.addEventListener('click', () => void runPreview());
  ui.recompute.addEventListener('click', askToConfirm);
  ui.confirmRecompute.addEventListener('click', () => void recompute());
  ui.cancel.addEventListener('click', cancelConfirm);
  ui.confirm.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') cancelConfirm();
  });

  return { sync, schemaChanged };
}
