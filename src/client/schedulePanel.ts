/**
 * The "Hourly check" panel: the user's schedule status (getScheduleStatus on load), the on/off
 * toggle, the auto-repair and union-metrics settings, "Check now", and the last check's findings.
 * No silent writes: turning auto-repair on while changes are pending first says what the next
 * check will do and asks (autoRepairConfirm.ts).
 */
import type { CheckResult, ScheduleStatus } from '../shared/payloads';
import { createAutoRepairConfirm } from './autoRepairConfirm';
import { checkHeadline, nextCheckText, scheduleMessage, toggleLabel, triggersText } from './checkFormat';
import { byId, h, replaceChildren } from './dom';
import type { Panel, PanelHost, State } from './panel';
import { renderLastCheck, renderPanelError } from './panelsView';
import { failureMessage, type Rpc } from './rpc';
import { RESTORE_BUTTON_ID, restoreRules } from './sheetRulesView';

interface SettingSwitch {
  readonly input: HTMLInputElement;
  /** The panel's data attribute mirroring it (tests wait on it). */
  readonly dataKey: string;
  readonly label: string;
  /** Asked before turning it on (null: no question). */
  readonly askFirst: ((enable: () => Promise<void>) => boolean) | null;
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
  const x = host.text;
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
  const autoRepairConfirm = createAutoRepairConfirm(host);
  /** The per-user check settings: one checkbox each, saved by its own server function. */
  const settings: readonly SettingSwitch[] = [
    {
      input: ui.autoRepair,
      dataKey: 'autoRepair',
      label: x.t('setting.autoRepair'),
      askFirst: autoRepairConfirm.ask,
      read: (s) => s.autoRepair,
      save: (on) => rpc.setAutoRepair(on),
    },
    {
      input: ui.metricsInCheck,
      dataKey: 'metricsInCheck',
      label: x.t('setting.metrics'),
      askFirst: null,
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
    replaceChildren(ui.lastCheck, renderLastCheck(x, result));
  }

  function show(next: ScheduleStatus, check: CheckResult | null = next.lastCheck): void {
    status = next;
    ui.panel.dataset.state = 'loaded';
    ui.panel.dataset.installed = String(next.installed);
    for (const setting of settings) {
      ui.panel.dataset[setting.dataKey] = String(setting.read(next));
      setting.input.checked = setting.read(next);
    }
    ui.badge.textContent = x.t(next.installed ? 'schedule.on' : 'schedule.off');
    ui.badge.className = `badge ${next.installed ? 'badge-ok' : 'badge-muted'}`;
    ui.message.textContent = scheduleMessage(x, next);
    ui.toggle.textContent = toggleLabel(x, next.installed);
    ui.toggle.className = next.installed ? '' : 'action';
    const nextCheck = nextCheckText(x, next);
    replaceChildren(
      ui.facts,
      nextCheck === null ? null : h('p', { className: 'next-check' }, nextCheck),
      h(
        'details',
        { className: 'facts-details' },
        h('summary', {}, x.t('details.summary')),
        h('p', { className: 'triggers' }, triggersText(x, next)),
      ),
    );
    showCheck(newer(check, shownCheck));
  }

  async function load(): Promise<void> {
    replaceChildren(ui.error);
    try {
      show(await rpc.getScheduleStatus());
    } catch (error) {
      ui.panel.dataset.state = 'failed';
      ui.message.textContent = x.t('schedule.loadFailed');
      showError(x.t('schedule.loadFailedTitle'), error);
    }
  }

  /** A new check result: the host reloads the plan when the check wrote or disagrees with it. */
  async function afterCheck(result: CheckResult | null, before: CheckResult | null): Promise<void> {
    if (result === null || result.checkedAt === before?.checkedAt) return;
    await host.checkFinished(result);
  }

  async function toggle(): Promise<void> {
    if (!idle || status === null) return;
    const turnOn = !status.installed;
    const before = shownCheck;
    await host.run(ui.panel, async () => {
      replaceChildren(ui.error);
      say(x.t(turnOn ? 'schedule.turningOn' : 'schedule.turningOff'));
      try {
        const next = turnOn
          ? await rpc.installScheduledCheck({ sidebar: true })
          : await rpc.removeScheduledCheck({ sidebar: true });
        show(next);
        const first = turnOn && next.lastCheck !== null ? ` ${checkHeadline(x, next.lastCheck)}` : '';
        const done = x.t(turnOn ? 'schedule.turnedOn' : 'schedule.turnedOff');
        say(next.installed === turnOn ? `${done}${first}` : scheduleMessage(x, next));
        await afterCheck(next.lastCheck, before);
      } catch (error) {
        showError(x.t(turnOn ? 'schedule.toggleFailedOn' : 'schedule.toggleFailedOff'), error);
        say(x.t(turnOn ? 'schedule.unchangedOff' : 'schedule.unchangedOn'));
      }
    });
    ui.toggle.focus();
  }

  async function checkNow(): Promise<void> {
    if (!idle) return;
    const before = shownCheck;
    await host.run(ui.panel, async () => {
      replaceChildren(ui.error);
      say(x.t('schedule.checking'));
      let result: CheckResult;
      try {
        result = await rpc.checkSchemaNow({ sidebar: true });
      } catch (error) {
        showError(x.t('schedule.checkFailed'), error);
        say(x.t('schedule.checkFailed'));
        return;
      }
      showCheck(result);
      say(checkHeadline(x, result));
      try {
        show(await rpc.getScheduleStatus(), result);
      } catch (error) {
        showError(x.t('schedule.refreshFailed'), error);
      }
      await afterCheck(result, before);
    });
    ui.checkNow.focus();
  }

  function change(setting: SettingSwitch): void {
    const enabled = setting.input.checked;
    const current = () => (status === null ? false : setting.read(status));
    if (!idle || status === null) {
      setting.input.checked = current();
      return;
    }
    if (enabled && setting.askFirst !== null) {
      setting.input.checked = false;
      if (setting.askFirst(() => save(setting, true, current))) return;
      setting.input.checked = true;
    }
    void save(setting, enabled, current);
  }

  async function save(setting: SettingSwitch, enabled: boolean, current: () => boolean): Promise<void> {
    await host.run(ui.panel, async () => {
      replaceChildren(ui.error);
      say(x.t('setting.turning'));
      try {
        const next = await setting.save(enabled);
        show(next);
        say(x.t(setting.read(next) ? 'setting.isOn' : 'setting.isOff', { label: setting.label }));
      } catch (error) {
        setting.input.checked = current();
        showError(x.t('setting.failed', { label: setting.label }), error);
        say(x.t('setting.unchanged'));
      }
    });
    setting.input.focus();
  }

  /** "Restore" under the last check: puts back the sheet rules it found missing, then checks again. */
  async function restore(): Promise<void> {
    if (!idle) return;
    await host.run(ui.panel, async () => {
      replaceChildren(ui.error);
      say(x.t('rules.restoring'));
      try {
        const applied = await restoreRules(x, rpc);
        const result = await rpc.checkSchemaNow({ sidebar: true });
        if (result === null) return;
        showCheck(result);
        const headline = checkHeadline(x, result);
        say(applied.status === 'applied' ? `${x.t('rules.restored')} ${headline}` : headline);
        await host.checkFinished(result);
      } catch (error) {
        showError(x.t('rules.restoreFailed'), error);
        say(x.t('rules.nothingRestored'));
      }
    });
  }

  ui.lastCheck.addEventListener('click', (event) => {
    if (event.target instanceof HTMLElement && event.target.id === RESTORE_BUTTON_ID) void restore();
  });
  ui.toggle.addEventListener('click', () => void toggle());
  ui.checkNow.addEventListener('click', () => void checkNow());
  for (const setting of settings) setting.input.addEventListener('change', () => change(setting));

  return {
    sync(state: State) {
      sync(state);
      autoRepairConfirm.sync(state);
    },
    load,
  };
}
