/**
 * The "Union metrics" panel: "Preview union metrics" (a dry run), then "Recompute union metrics"
 * with a confirm step repeating the preview's headline, then the result (a progress bar while it
 * writes). When the v4.0 columns are missing the server answers the METRICS_COLUMNS_MISSING code:
 * the panel says to extend the schema first (information, not an error) and keeps Recompute
 * disabled until a later preview succeeds. State and actions: metricsActions.ts.
 *
 * Steps (`#metrics[data-step]`): idle → previewed → done; needs-schema / failed on refusal;
 * stale once the schema changed under a preview.
 */
import {
  askToConfirm,
  cancelConfirm,
  type MetricsState,
  metricsElements,
  recompute,
  runPreview,
  schemaChanged,
  sync,
} from './metricsActions';
import type { Panel, PanelHost, State } from './panel';
import type { Rpc } from './rpc';

export interface MetricsPanel extends Panel {
  /** After a schema Apply: the panel's preview (or its "extend schema first") no longer holds. */
  schemaChanged(): void;
}

export function createMetricsPanel(rpc: Rpc, host: PanelHost): MetricsPanel {
  const ui = metricsElements();
  const p: MetricsState = { rpc, host, x: host.text, ui, step: 'idle', preview: null, state: 'loading' };

  ui.preview.addEventListener('click', () => void runPreview(p));
  ui.recompute.addEventListener('click', () => askToConfirm(p));
  ui.confirmRecompute.addEventListener('click', () => void recompute(p));
  ui.cancel.addEventListener('click', () => cancelConfirm(p));
  ui.confirm.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') cancelConfirm(p);
  });

  return { sync: (state: State) => sync(p, state), schemaChanged: () => schemaChanged(p) };
}
