/**
 * The "Union metrics" panel: "Preview union metrics" (a dry run), then "Recompute union metrics"
 * with a confirm step repeating the preview's summary, then the result. When the v4.0 columns are
 * missing the server says to run "Extend schema" first: the panel shows that and keeps Recompute
 * disabled until a later preview succeeds.
 *
 * Steps (`#metrics[data-step]`): idle → previewed → done; needs-schema / failed on refusal;
 * stale once the schema changed under a preview.
 */
import type { UnionMetricsReport } from '../shared/payloads';
import { byId, h, replaceChildren } from './dom';
import { isSchemaBehind, metricsHeadline } from './format';
import type { Panel, PanelHost, State } from './panel';
import { renderLines, renderMetricsReport, renderPanelError } from './panelsView';
import { failureMessage, type Rpc } from './rpc';

type Step = 'idle' | 'previewed' | 'done' | 'needs-schema' | 'failed' | 'stale';

export interface MetricsPanel extends Panel {
  /** After a schema Apply: the panel's preview (or its "extend schema first") no longer holds. */
  schemaChanged(): void;
}

const EXTEND_FIRST_HINT =
  'Apply the schema changes above (Apply, then Confirm apply), then preview the union metrics again.';

export function createMetricsPanel(rpc: Rpc, host: PanelHost): MetricsPanel {
  const ui = {
    panel: byId('metrics', HTMLElement),
    status: byId('metrics-status', HTMLElement),
    report: byId('metrics-report', HTMLElement),
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
    ui.report.hidden = confirming; // the confirm step repeats its summary
    ui.confirmRecompute.disabled = !confirming;
    ui.cancel.disabled = !confirming;
  }

  function refused(error: unknown, title: string): void {
    const message = failureMessage(error);
    const behind = isSchemaBehind(message);
    preview = null;
    replaceChildren(
      ui.report,
      renderPanelError(behind ? 'Extend the schema first' : title, message, behind ? EXTEND_FIRST_HINT : undefined),
    );
    setStep(behind ? 'needs-schema' : 'failed');
    say(behind ? 'Union metrics need the v4.0 columns: run "Extend schema" first.' : `${title}.`);
  }

  async function runPreview(): Promise<void> {
    if (state !== 'ready') return;
    await host.run(ui.panel, async () => {
      say('Previewing the union metrics…');
      try {
        preview = await rpc.previewUnionMetrics();
        replaceChildren(ui.report, renderMetricsReport(preview));
        setStep('previewed');
        say(metricsHeadline(preview));
      } catch (error) {
        refused(error, 'The union metrics preview failed');
      }
    });
    (canRecompute() ? ui.recompute : ui.preview).focus();
  }

  function askToConfirm(): void {
    if (state !== 'ready' || !canRecompute() || preview === null) return;
    replaceChildren(ui.confirmSummary, ...renderLines(preview.summary));
    host.setConfirming(true);
    say('Review the summary, then confirm or cancel.');
    ui.confirmRecompute.focus();
  }

  function cancelConfirm(): void {
    if (state !== 'confirming-metrics') return;
    host.setConfirming(false);
    say('Cancelled: nothing was written.');
    ui.recompute.focus();
  }

  async function recompute(): Promise<void> {
    if (state !== 'confirming-metrics') return;
    await host.run(ui.panel, async () => {
      say('Recomputing the union metrics…');
      try {
        const result = await rpc.recomputeUnionMetrics({ confirmed: true });
        preview = null;
        replaceChildren(ui.report, renderMetricsReport(result));
        setStep('done');
        say(metricsHeadline(result));
      } catch (error) {
        refused(error, 'The recompute failed');
      }
    });
    ui.preview.focus();
  }

  function schemaChanged(): void {
    if (step === 'idle' || step === 'done' || step === 'stale') return;
    preview = null;
    replaceChildren(
      ui.report,
      h('p', { className: 'secondary' }, 'The schema changed: preview the union metrics again.'),
    );
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
