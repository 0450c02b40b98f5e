/**
 * The hourly check's schedule for this user and spreadsheet: install, remove, settings (auto-repair,
 * union metrics in the check) and the status the sidebar shows.
 */

import { type CheckSettings, CheckStateStore, readCheckSettings, writeCheckSettings } from '../adapters/checkState';
import {
  CHECK_EVERY_HOURS,
  findScheduleTriggers,
  installScheduleTriggers,
  removeScheduleTriggers,
  type ScheduleRecord,
  ScheduleRecords,
  TRIGGERS_PER_USER,
} from '../adapters/triggers';
import { errorMessage } from '../core/errors';
import type { CheckResult, ScheduleStatus } from '../shared/payloads';
import { runCheck } from './checkService';
import type { ExecutionContext } from './context';
import { keepLiveChangeTrigger } from './liveMetricsToggle';

const HOUR_MS = 60 * 60 * 1000;

function records(context: ExecutionContext): ScheduleRecords {
  return new ScheduleRecords(context.services.propertiesService.getUserProperties());
}

/**
 * Turns the hourly check on for this user and spreadsheet (idempotent), then runs a first check
 * so the sidebar has a result and the next check has a baseline. Only from a menu or sidebar
 * execution: triggers created from another trigger are disabled in V8.
 */
export function installSchedule(context: ExecutionContext): { status: ScheduleStatus; firstCheck: CheckResult | null } {
  installScheduleTriggers(context.services.scriptApp, records(context), context.spreadsheet(), context.isoNow());
  let firstCheck: CheckResult | null = null;
  try {
    firstCheck = runCheck(context, 'manual');
  } catch (error) {
    context.services.logger.warn(
      `Sheet Schema: the hourly check is on, but the first check failed: ${errorMessage(error)}`,
    );
  }
  return { status: scheduleStatus(context), firstCheck };
}

/** Turns it off; the newest result stays visible in the document. */
export function removeSchedule(context: ExecutionContext): { status: ScheduleStatus; removed: number } {
  const spreadsheet = context.spreadsheet();
  const removed = removeScheduleTriggers(context.services.scriptApp, records(context), spreadsheet);
  keepLiveChangeTrigger(context);
  const store = new CheckStateStore(context.services.propertiesService, spreadsheet.getId());
  const newest = store.read();
  if (newest !== null) store.write(newest, false);
  store.forgetUser();
  return { status: scheduleStatus(context), removed };
}

export function setAutoRepair(context: ExecutionContext, enabled: boolean): ScheduleStatus {
  return updateSettings(context, { autoRepair: enabled });
}

export function setMetricsInCheck(context: ExecutionContext, enabled: boolean): ScheduleStatus {
  return updateSettings(context, { recomputeMetrics: enabled });
}

function updateSettings(context: ExecutionContext, change: Partial<CheckSettings>): ScheduleStatus {
  const spreadsheetId = context.spreadsheet().getId();
  const current = readCheckSettings(context.services.propertiesService, spreadsheetId);
  writeCheckSettings(context.services.propertiesService, spreadsheetId, { ...current, ...change });
  return scheduleStatus(context);
}

export function scheduleStatus(context: ExecutionContext): ScheduleStatus {
  const spreadsheet = context.spreadsheet();
  const record = records(context).get(spreadsheet.getId());
  const found = findScheduleTriggers(context.services.scriptApp, spreadsheet, record);
  const installed = record !== null && found.clock.some((t) => t.getUniqueId() === record.clockTriggerId);
  const settings = readCheckSettings(context.services.propertiesService, spreadsheet.getId());
  const lastCheck = new CheckStateStore(context.services.propertiesService, spreadsheet.getId()).read()?.result ?? null;
  return {
    installed,
    everyHours: CHECK_EVERY_HOURS,
    installedAt: installed ? record.installedAt : null,
    nextCheckAfter: installed ? nextCheckEstimate(record, lastCheck, context.services.now()) : null,
    autoRepair: settings.autoRepair,
    recomputeMetrics: settings.recomputeMetrics,
    lastCheck,
    triggersInUse: found.total,
    triggerLimit: TRIGGERS_PER_USER,
    message: statusMessage(installed, record, settings),
  };
}

/** The platform picks the minute and does not expose it: an hour after the last hourly run (or the install). */
function nextCheckEstimate(record: ScheduleRecord, lastCheck: CheckResult | null, now: number): string {
  const lastRun = lastCheck?.trigger === 'schedule' ? Date.parse(lastCheck.checkedAt) : 0;
  let next = Math.max(Date.parse(record.installedAt), lastRun) + CHECK_EVERY_HOURS * HOUR_MS;
  while (next < now) next += CHECK_EVERY_HOURS * HOUR_MS;
  return new Date(next).toISOString();
}

function statusMessage(installed: boolean, record: ScheduleRecord | null, settings: CheckSettings): string {
  const metrics = settings.recomputeMetrics ? '; union metrics are recomputed by the check' : '';
  const repair = `auto-repair is ${settings.autoRepair ? 'on (pending migrations are applied by the check)' : 'off'}${metrics}`;
  if (installed && record !== null)
    return `Your hourly check is on (since ${record.installedAt.slice(0, 16).replace('T', ' ')} UTC); ${repair}.`;
  if (record !== null)
    return `Your hourly check is off: its trigger is gone (the add-on may have been disabled or removed). Turn it on again; ${repair}.`;
  return `Your hourly check is off; ${repair}.`;
}
