/**
 * The "Hourly check" panel: the user's schedule status (getScheduleStatus on load), the on/off
 * toggle, the auto-repair and union-metrics settings, "Check now", and the last check's findings.
 */
import type { CheckResult, ScheduleStatus } from '../shared/payloads';
import { byId, h, replaceChildren } from './dom';
import { checkBadge, checkHeadline, nextCheckText, toggleLabel, triggersText } from './format';
import type { Panel, PanelHost, State } from './panel';
import { renderLastCheck, renderPanelError } from './panelsView';
import { failureMessage, type Rpc } from './rpc';
import { RESTORE_BUTTON_ID, restoreRules } from './sheetRulesView';

interface SettingSwitch {
  readonly input: HTMLInputElement;
  /** The panel's data attribute mirroring it (tests wait on it). */
  readonly dataKey: string;
  readonly label: string;
  read(status: ScheduleStatus): boolean;
  save(enabled: boolean): Promise<ScheduleStatus>;
}

export interface SchedulePanel extends Panel {
  /** Loads the status (part of the sidebar's initial load and of Refresh; not a panel call). */
  load(): Promise<void>;
}

/** The newer of two check results (the status may lag behind the result a call just returned). */
function newer(a: CheckResult | null, b: CheckResult | null): CheckResult | null {
  if (a === null || b === null) return a ?? b;
  return Date.parse(b.checkedAt) > Date.parse(a.checkedAt) ? b : a;
}

export function createSchedulePanel(rpc: Rpc, host: PanelHost): SchedulePanel {
  const ui = {
    panel: byId('schedule', HTMLElement),
    badge: byId('schedule-badge', HTMLElement),
    status: byId('schedule-status', HTMLElement),
    message: byId('schedule-message', HTMLElement),
    error: byId('schedule-error', HTMLElement),
    facts: byId('schedule-facts', HTMLElement),
    toggle: byId('schedule-toggle', HTMLButtonElement),
    checkNow: byId('check-now', HTMLButtonElement),
    autoRepair: byId('auto-repair', HTMLInputElement),
    metricsInCheck: byId('metrics-in-check', HTMLInputElement),
    lastCheck: byId('last-check', HTMLElement),
  };
  /** The per-user check settings: one checkbox each, saved by its own server function. */
  const settings: readonly SettingSwitch[] = [
    {
      input: ui.autoRepair,
      dataKey: 'autoRepair',
      label: 'Auto-repair',
      read: (s) => s.autoRepair,
      save: (on) => rpc.setAutoRepair(on),
    },
    {
      input: ui.metricsInCheck,
      dataKey: 'metricsInCheck',
      label: 'Recomputing union metrics in the check',
      read: (s) => s.recomputeMetrics,
      save: (on) => rpc.setMetricsInCheck(on),
    },
  ];
  let status: ScheduleStatus | null = null;
  let shownCheck: CheckResult | null = null;
  let idle = false;

  const say = (text: string): void => {
    ui.status.textContent = text;
  };

  function sync(state: State): void {
    idle = state === 'ready';
    ui.toggle.disabled = !idle || status === null;
    ui.checkNow.disabled = !idle;
    for (const setting of settings) setting.input.disabled = !idle || status === null;
  }

  function showError(title: string, error: unknown): void {
    replaceChildren(ui.error, renderPanelError(title, failureMessage(error)));
  }

  function showCheck(result: CheckResult | null): void {
    shownCheck = result;
    replaceChildren(ui.lastCheck, renderLastCheck(result));
  }

  function show(next: ScheduleStatus, check: CheckResult | null = next.lastCheck): void {
    status = next;
    ui.panel.dataset.state = 'loaded';
    ui.panel.dataset.installed = String(next.installed);
    for (const setting of settings) {
      ui.panel.dataset[setting.dataKey] = String(setting.read(next));
      setting.input.checked = setting.read(next);
    }
    ui.badge.textContent = next.installed ? 'on' : 'off';
    ui.badge.className = `badge ${next.installed ? 'badge-ok' : 'badge-muted'}`;
    ui.message.textContent = next.message;
    ui.toggle.textContent = toggleLabel(next.installed);
    ui.toggle.className = next.installed ? '' : 'action';
    const nextCheck = nextCheckText(next);
    replaceChildren(
      ui.facts,
      nextCheck === null ? null : h('p', { className: 'next-check' }, nextCheck),
      h('p', { className: 'triggers' }, triggersText(next)),
    );
    showCheck(newer(check, shownCheck));
  }

  async function load(): Promise<void> {
    replaceChildren(ui.error);
    try {
      show(await rpc.getScheduleStatus());
    } catch (error) {
      ui.panel.dataset.state = 'failed';
      ui.message.textContent = 'The hourly check status could not be loaded. Refresh tries again.';
      showError('Could not load the hourly check status', error);
    }
  }

  /** A check that auto-repaired changed the schema: the plan on screen is stale. */
  async function afterCheck(result: CheckResult | null, before: CheckResult | null): Promise<void> {
    if (result === null || result.autoRepair.outcome !== 'applied' || result.checkedAt === before?.checkedAt) return;
    await host.planChanged();
  }

  async function toggle(): Promise<void> {
    if (!idle || status === null) return;
    const turnOn = !status.installed;
    const before = shownCheck;
    await host.run(ui.panel, async () => {
      replaceChildren(ui.error);
      say(turnOn ? 'Turning the hourly check on…' : 'Turning the hourly check off…');
      try {
        const next = turnOn
          ? await rpc.installScheduledCheck({ sidebar: true })
          : await rpc.removeScheduledCheck({ sidebar: true });
        show(next);
        const first =
          turnOn && next.lastCheck !== null ? ` First check: ${checkBadge(next.lastCheck.status).text}.` : '';
        say(next.installed === turnOn ? `Hourly check turned ${turnOn ? 'on' : 'off'}.${first}` : next.message);
        await afterCheck(next.lastCheck, before);
      } catch (error) {
        showError(turnOn ? 'Could not turn the hourly check on' : 'Could not turn the hourly check off', error);
        say(`Nothing changed: the hourly check is still ${turnOn ? 'off' : 'on'}.`);
      }
    });
    ui.toggle.focus();
  }

  async function checkNow(): Promise<void> {
    if (!idle) return;
    const before = shownCheck;
    await host.run(ui.panel, async () => {
      replaceChildren(ui.error);
      say('Checking the schema…');
      let result: CheckResult;
      try {
        result = await rpc.checkSchemaNow({ sidebar: true });
      } catch (error) {
        showError('The check could not run', error);
        say('The check could not run.');
        return;
      }
      showCheck(result);
      say(checkHeadline(result));
      try {
        show(await rpc.getScheduleStatus(), result);
      } catch (error) {
        showError('Could not refresh the hourly check status', error);
      }
      await afterCheck(result, before);
    });
    ui.checkNow.focus();
  }

  async function change(setting: SettingSwitch): Promise<void> {
    const enabled = setting.input.checked;
    const current = () => (status === null ? false : setting.read(status));
    if (!idle || status === null) {
      setting.input.checked = current();
      return;
    }
    await host.run(ui.panel, async () => {
      replaceChildren(ui.error);
      say(`Turning ${setting.label.toLowerCase()} ${enabled ? 'on' : 'off'}…`);
      try {
        const next = await setting.save(enabled);
        show(next);
        say(`${setting.label} is ${setting.read(next) ? 'on' : 'off'}.`);
      } catch (error) {
        setting.input.checked = current();
        showError(`Could not change ${setting.label.toLowerCase()}`, error);
        say(`Nothing changed: ${setting.label.toLowerCase()} is still ${setting.input.checked ? 'on' : 'off'}.`);
      }
    });
    setting.input.focus();
  }

  /** "Restore" under the last check: puts back the sheet rules it found missing, then checks again. */
  async function restore(): Promise<void> {
    if (!idle) return;
    await host.run(ui.panel, async () => {
      replaceChildren(ui.error);
      say('Restoring validation, protections, notes and formats…');
      try {
        const applied = await restoreRules(rpc);
        const result = await rpc.checkSchemaNow({ sidebar: true });
        showCheck(result);
        say(applied.status === 'applied' ? `Restored. ${checkHeadline(result)}` : checkHeadline(result));
        await host.planChanged();
      } catch (error) {
        showError('Could not restore', error);
        say('Nothing was restored.');
      }
    });
  }

  ui.lastCheck.addEventListener('click', (event) => {
    if (event.target instanceof HTMLElement && event.target.id === RESTORE_BUTTON_ID) void restore();
  });
  ui.toggle.addEventListener('click', () => void toggle());
  ui.checkNow.addEventListener('click', () => void checkNow());
  for (const setting of settings) setting.input.addEventListener('change', () => void change(setting));

  return { sync, load };
}
