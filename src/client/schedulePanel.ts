/**
 * The "Hourly check" panel: the user's schedule status (getScheduleStatus on load), the on/off
 * toggle, the auto-repair and union-metrics settings, "Check now", and the last check's findings.
 * No silent writes: turning auto-repair on while changes are pending first says what the next
 * check will do and asks (autoRepairConfirm.ts). Rendering: scheduleView.ts; actions:
 * scheduleActions.ts.
 */
import { createAutoRepairConfirm } from './autoRepairConfirm';
import type { Panel, PanelHost, State } from './panel';
import type { Rpc } from './rpc';
import { change, checkNow, load, restore, type ScheduleState, toggle } from './scheduleActions';
import { scheduleElements, settingSwitches } from './scheduleView';
import { RESTORE_BUTTON_ID } from './sheetRulesView';

export interface SchedulePanel extends Panel {
  /** Loads the status (part of the sidebar's initial load and of Refresh; not a panel call). */
  load(): Promise<void>;
}

export function createSchedulePanel(rpc: Rpc, host: PanelHost): SchedulePanel {
  const x = host.text;
  const ui = scheduleElements();
  const autoRepairConfirm = createAutoRepairConfirm(host);
  const settings = settingSwitches(x, rpc, ui, autoRepairConfirm);
  const p: ScheduleState = { rpc, host, x, ui, settings, status: null, shownCheck: null, idle: false };

  ui.lastCheck.addEventListener('click', (event) => {
    if (event.target instanceof HTMLElement && event.target.id === RESTORE_BUTTON_ID) void restore(p);
  });
  ui.toggle.addEventListener('click', () => void toggle(p));
  ui.checkNow.addEventListener('click', () => void checkNow(p));
  for (const setting of settings) setting.input.addEventListener('change', () => change(p, setting));

  return {
    sync(state: State) {
      p.idle = state === 'ready';
      ui.toggle.disabled = !p.idle || p.status === null;
      ui.checkNow.disabled = !p.idle;
      for (const setting of settings) setting.input.disabled = !p.idle || p.status === null;
      autoRepairConfirm.sync(state);
    },
    load: () => load(p),
  };
}
