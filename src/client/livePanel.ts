/**
 * The "Keep metrics live" toggle inside the union metrics panel: the user's live status
 * (getLiveMetricsStatus on load) and one button that turns it on or off. Decides and words
 * everything from the status fields (catalogue texts), never from the server's message.
 */
import type { LiveMetricsStatus } from '../shared/payloads';
import { liveStatusSentences } from '../shared/wording/dialogs';
import { byId, replaceChildren } from './dom';
import type { Panel, PanelHost, State } from './panel';
import { renderPanelError } from './panelsView';
import { failureMessage, type Rpc } from './rpc';

export interface LivePanel extends Panel {
  load(): Promise<void>;
}

export function createLivePanel(rpc: Rpc, host: PanelHost): LivePanel {
  const ui = {
    panel: byId('live', HTMLElement),
    toggle: byId('live-toggle', HTMLButtonElement),
    message: byId('live-message', HTMLElement),
    error: byId('live-error', HTMLElement),
  };
  const text = host.text;
  let status: LiveMetricsStatus | null = null;

  let idle = false;

  function show(next: LiveMetricsStatus): void {
    status = next;
    ui.panel.dataset.live = next.on ? 'on' : 'off';
    ui.toggle.textContent = text.t(next.on ? 'live.turnOff' : 'live.turnOn');
    ui.toggle.setAttribute('aria-pressed', String(next.on));
    ui.message.textContent = liveStatusSentences(text, next).join(' ');
    ui.toggle.disabled = !idle;
  }

  async function toggle(): Promise<void> {
    if (!idle || status === null) return;
    const turnOn = !status.on;
    await host.run(ui.panel, async () => {
      replaceChildren(ui.error);
      try {
        show(turnOn ? await rpc.keepMetricsLive({ sidebar: true }) : await rpc.stopLiveMetrics({ sidebar: true }));
      } catch (error) {
        const title = text.t(turnOn ? 'live.failedOn' : 'live.failedOff');
        replaceChildren(ui.error, renderPanelError(title, failureMessage(error)));
      }
    });
    ui.toggle.focus();
  }

  ui.toggle.addEventListener('click', () => void toggle());

  return {
    async load() {
      try {
        show(await rpc.getLiveMetricsStatus());
      } catch (error) {
        replaceChildren(ui.error, renderPanelError(text.t('live.failedStatus'), failureMessage(error)));
      }
    },
    sync(state: State) {
      idle = state === 'ready';
      ui.toggle.disabled = !idle || status === null;
    },
  };
}
