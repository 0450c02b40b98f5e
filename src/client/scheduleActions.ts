/**
 * The "Hourly check" panel's state and actions: load the status, turn the check on or off,
 * "Check now", save a setting, restore sheet rules from the last check. Each action is one
 * host.run call; the DOM is written through scheduleView.ts and panelsView.ts.
 */
import type { CheckResult, ScheduleStatus } from '../shared/payloads';
import { checkHeadline, scheduleMessage } from './checkFormat';
import { replaceChildren } from './dom';
import type { PanelHost } from './panel';
import { renderLastCheck, renderPanelError } from './panelsView';
import { failureMessage, type Rpc } from './rpc';
import { renderStatus, type ScheduleElements, type SettingSwitch } from './scheduleView';
import { restoreRules } from './sheetRulesView';
import type { Text } from './text';

/** One panel's state, shared by its actions. */
export interface ScheduleState {
  readonly rpc: Rpc;
  readonly host: PanelHost;
  readonly x: Text;
  readonly ui: ScheduleElements;
  readonly settings: readonly SettingSwitch[];
  status: ScheduleStatus | null;
  shownCheck: CheckResult | null;
  idle: boolean;
}

/** The newer of two check results (the status may lag behind the result a call just returned). */
function newer(a: CheckResult | null, b: CheckResult | null): CheckResult | null {
  if (a === null || b === null) return a ?? b;
  return Date.parse(b.checkedAt) > Date.parse(a.checkedAt) ? b : a;
}

function say(p: ScheduleState, text: string): void {
  p.ui.status.textContent = text;
}

function showError(p: ScheduleState, title: string, error: unknown): void {
  replaceChildren(p.ui.error, renderPanelError(title, failureMessage(error)));
}

function showCheck(p: ScheduleState, result: CheckResult | null): void {
  p.shownCheck = result;
  replaceChildren(p.ui.lastCheck, renderLastCheck(p.x, result));
}

function show(p: ScheduleState, next: ScheduleStatus, check: CheckResult | null = next.lastCheck): void {
  p.status = next;
  renderStatus(p.x, p.ui, p.settings, next);
  showCheck(p, newer(check, p.shownCheck));
}

export async function load(p: ScheduleState): Promise<void> {
  replaceChildren(p.ui.error);
  try {
    show(p, await p.rpc.getScheduleStatus());
  } catch (error) {
    p.ui.panel.dataset.state = 'failed';
    p.ui.message.textContent = p.x.t('schedule.loadFailed');
    showError(p, p.x.t('schedule.loadFailedTitle'), error);
  }
}

/** A new check result: the host reloads the plan when the check wrote or disagrees with it. */
async function afterCheck(p: ScheduleState, result: CheckResult | null, before: CheckResult | null): Promise<void> {
  if (result === null || result.checkedAt === before?.checkedAt) return;
  await p.host.checkFinished(result);
}

export async function toggle(p: ScheduleState): Promise<void> {
  if (!p.idle || p.status === null) return;
  const { rpc, x, ui } = p;
  const turnOn = !p.status.installed;
  const before = p.shownCheck;
  await p.host.run(ui.panel, async () => {
    replaceChildren(ui.error);
    say(p, x.t(turnOn ? 'schedule.turningOn' : 'schedule.turningOff'));
    try {
      const next = turnOn
        ? await rpc.installScheduledCheck({ sidebar: true })
        : await rpc.removeScheduledCheck({ sidebar: true });
      show(p, next);
      const first = turnOn && next.lastCheck !== null ? ` ${checkHeadline(x, next.lastCheck)}` : '';
      const done = x.t(turnOn ? 'schedule.turnedOn' : 'schedule.turnedOff');
      say(p, next.installed === turnOn ? `${done}${first}` : scheduleMessage(x, next));
      await afterCheck(p, next.lastCheck, before);
    } catch (error) {
      showError(p, x.t(turnOn ? 'schedule.toggleFailedOn' : 'schedule.toggleFailedOff'), error);
      say(p, x.t(turnOn ? 'schedule.unchangedOff' : 'schedule.unchangedOn'));
    }
  });
  ui.toggle.focus();
}

export async function checkNow(p: ScheduleState): Promise<void> {
  if (!p.idle) return;
  const { rpc, x, ui } = p;
  const before = p.shownCheck;
  await p.host.run(ui.panel, async () => {
    replaceChildren(ui.error);
    say(p, x.t('schedule.checking'));
    let result: CheckResult;
    try {
      result = await rpc.checkSchemaNow({ sidebar: true });
    } catch (error) {
      showError(p, x.t('schedule.checkFailed'), error);
      say(p, x.t('schedule.checkFailed'));
      return;
    }
    showCheck(p, result);
    say(p, checkHeadline(x, result));
    try {
      show(p, await rpc.getScheduleStatus(), result);
    } catch (error) {
      showError(p, x.t('schedule.refreshFailed'), error);
    }
    await afterCheck(p, result, before);
  });
  ui.checkNow.focus();
}

export function change(p: ScheduleState, setting: SettingSwitch): void {
  const enabled = setting.input.checked;
  const current = () => (p.status === null ? false : setting.read(p.status));
  if (!p.idle || p.status === null) {
    setting.input.checked = current();
    return;
  }
  if (enabled && setting.askFirst !== null) {
    setting.input.checked = false;
    if (setting.askFirst(() => save(p, { setting, enabled: true, current }))) return;
    setting.input.checked = true;
  }
  void save(p, { setting, enabled, current });
}

interface SettingChange {
  readonly setting: SettingSwitch;
  readonly enabled: boolean;
  /** The saved value, put back when saving fails. */
  readonly current: () => boolean;
}

async function save(p: ScheduleState, { setting, enabled, current }: SettingChange): Promise<void> {
  const { x } = p;
  await p.host.run(p.ui.panel, async () => {
    replaceChildren(p.ui.error);
    say(p, x.t('setting.turning'));
    try {
      const next = await setting.save(enabled);
      show(p, next);
      say(p, x.t(setting.read(next) ? 'setting.isOn' : 'setting.isOff', { label: setting.label }));
    } catch (error) {
      setting.input.checked = current();
      showError(p, x.t('setting.failed', { label: setting.label }), error);
      say(p, x.t('setting.unchanged'));
    }
  });
  setting.input.focus();
}

/** "Restore" under the last check: puts back the sheet rules it found missing, then checks again. */
export async function restore(p: ScheduleState): Promise<void> {
  if (!p.idle) return;
  const { rpc, x } = p;
  await p.host.run(p.ui.panel, async () => {
    replaceChildren(p.ui.error);
    say(p, x.t('rules.restoring'));
    try {
      const applied = await restoreRules(x, rpc);
      const result = await rpc.checkSchemaNow({ sidebar: true });
      showCheck(p, result);
      const headline = checkHeadline(x, result);
      say(p, applied.status === 'applied' ? `${x.t('rules.restored')} ${headline}` : headline);
      await p.host.checkFinished(result);
    } catch (error) {
      showError(p, x.t('rules.restoreFailed'), error);
      say(p, x.t('rules.nothingRestored'));
    }
  });
}
