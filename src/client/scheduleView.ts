/**
 * The "Hourly check" panel's elements and its rendering of a schedule status (badge, message,
 * toggle label, facts, the settings' checkboxes). State and server calls: scheduleActions.ts.
 */
import type { ScheduleStatus } from '../shared/payloads';
import type { AutoRepairConfirm } from './autoRepairConfirm';
import { nextCheckText, scheduleMessage, toggleLabel, triggersText } from './checkFormat';
import { byId, h, replaceChildren } from './dom';
import type { Rpc } from './rpc';
import type { Text } from './text';

export interface SettingSwitch {
  readonly input: HTMLInputElement;
  /** The panel's data attribute mirroring it (tests wait on it). */
  readonly dataKey: string;
  readonly label: string;
  /** Asked before turning it on (null: no question). */
  readonly askFirst: ((enable: () => Promise<void>) => boolean) | null;
  read(status: ScheduleStatus): boolean;
  save(enabled: boolean): Promise<ScheduleStatus>;
}

export type ScheduleElements = ReturnType<typeof scheduleElements>;

export function scheduleElements() {
  return {
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
}

/** The per-user check settings: one checkbox each, saved by its own server function. */
export function settingSwitches(
  x: Text,
  rpc: Rpc,
  ui: ScheduleElements,
  autoRepairConfirm: AutoRepairConfirm,
): readonly SettingSwitch[] {
  return [
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
}

/** Everything a status shows, except the last check (scheduleActions.ts picks the newer result). */
export function renderStatus(
  x: Text,
  ui: ScheduleElements,
  settings: readonly SettingSwitch[],
  next: ScheduleStatus,
): void {
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
}
