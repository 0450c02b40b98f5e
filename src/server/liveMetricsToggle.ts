/**
 * "Keep metrics live" on and off (menu and sidebar), idempotent like the hourly check: afterwards this
 * user has exactly one installable onEdit trigger (handler `onLiveEdit`) for this spreadsheet and one
 * onChange trigger (handler `onSchemaChange`, shared with the hourly check: an add-on may have only one
 * trigger of each type per user per document). Installable, not the simple onEdit: it fires for every
 * editor's edits, the simple one only for users who enabled the add-on in the document.
 */
import { CHANGE_HANDLER, ScheduleRecords, TRIGGERS_PER_USER } from '../adapters/triggers';
import { SchemaError } from '../core/errors';
import { MAX_LIVE_SPOOLS } from '../core/liveMetrics';
import type { LiveMetricsStatus, MetricsInCheckReport } from '../shared/payloads';
import type { ExecutionContext } from './context';
import { liveState } from './liveMetricsService';

export const LIVE_HANDLER = 'onLiveEdit';

type Trigger = GoogleAppsScript.Script.Trigger;

export const LIVE_TOO_MANY_TRIGGERS_MESSAGE =
  `Sheet Schema could not keep metrics live: your Google account already has the maximum of ${TRIGGERS_PER_USER} triggers for this add-on ` +
  '(the limit counts every spreadsheet you use it in). Turn live metrics or the hourly check off in a spreadsheet that no longer needs them, then try again. Nothing was changed.';

function triggersHere(context: ExecutionContext): { edit: Trigger[]; change: Trigger[] } {
  const scriptApp = context.services.scriptApp;
  const here = scriptApp.getUserTriggers(context.spreadsheet());
  return {
    edit: here.filter((t) => t.getEventType() === scriptApp.EventType.ON_EDIT),
    change: here.filter((t) => t.getEventType() === scriptApp.EventType.ON_CHANGE),
  };
}

function userKey(context: ExecutionContext): string {
  return context.services.session.getTemporaryActiveUserKey();
}

export function turnOnLiveMetrics(context: ExecutionContext): LiveMetricsStatus {
  const scriptApp = context.services.scriptApp;
  const spreadsheet = context.spreadsheet();
  const found = triggersHere(context);
  const keepEdit = found.edit.find((t) => t.getHandlerFunction() === LIVE_HANDLER) ?? null;
  // Any other onEdit of this add-on here (an older handler) would block ours: one per type per document.
  for (const t of found.edit) if (t !== keepEdit) scriptApp.deleteTrigger(t);
  const needed = (keepEdit === null ? 1 : 0) + (found.change.length === 0 ? 1 : 0);
  if (scriptApp.getProjectTriggers().length + needed > TRIGGERS_PER_USER)
    throw new SchemaError('TOO_MANY_TRIGGERS', LIVE_TOO_MANY_TRIGGERS_MESSAGE, { limit: TRIGGERS_PER_USER });
  const created: Trigger[] = [];
  try {
    if (keepEdit === null)
      created.push(scriptApp.newTrigger(LIVE_HANDLER).forSpreadsheet(spreadsheet).onEdit().create());
    if (found.change.length === 0)
      created.push(scriptApp.newTrigger(CHANGE_HANDLER).forSpreadsheet(spreadsheet).onChange().create());
    liveState(context).setUser(userKey(context), true);
  } catch (error) {
    for (const t of created) scriptApp.deleteTrigger(t);
    throw /too many triggers/i.test(String(error))
      ? new SchemaError('TOO_MANY_TRIGGERS', LIVE_TOO_MANY_TRIGGERS_MESSAGE, { limit: TRIGGERS_PER_USER })
      : error;
  }
  return liveMetricsStatus(context);
}

/** Deletes this user's live onEdit trigger; the onChange trigger too unless the hourly check still uses it. */
export function turnOffLiveMetrics(context: ExecutionContext): LiveMetricsStatus {
  const scriptApp = context.services.scriptApp;
  const found = triggersHere(context);
  for (const t of found.edit.filter((x) => x.getHandlerFunction() === LIVE_HANDLER)) scriptApp.deleteTrigger(t);
  if (!hourlyCheckOn(context)) for (const t of found.change) scriptApp.deleteTrigger(t);
  liveState(context).setUser(userKey(context), false);
  return liveMetricsStatus(context);
}

/** After the hourly check is turned off: live metrics still need the onChange trigger it removed. */
export function keepLiveChangeTrigger(context: ExecutionContext): void {
  const found = triggersHere(context);
  if (found.change.length > 0 || !found.edit.some((t) => t.getHandlerFunction() === LIVE_HANDLER)) return;
  context.services.scriptApp.newTrigger(CHANGE_HANDLER).forSpreadsheet(context.spreadsheet()).onChange().create();
}

function hourlyCheckOn(context: ExecutionContext): boolean {
  const records = new ScheduleRecords(context.services.propertiesService.getUserProperties());
  return records.get(context.spreadsheet().getId()) !== null;
}

export function liveMetricsStatus(context: ExecutionContext): LiveMetricsStatus {
  const found = triggersHere(context);
  const on = found.edit.some((t) => t.getHandlerFunction() === LIVE_HANDLER);
  const pending = liveState(context).pending();
  const status = {
    on,
    changeTrigger: found.change.length > 0,
    pendingSpools: pending.keys.length,
    stale: pending.full,
    triggersInUse: context.services.scriptApp.getProjectTriggers().length,
    triggerLimit: TRIGGERS_PER_USER,
  };
  return { ...status, message: liveMessage(status) };
}

function liveMessage(s: Omit<LiveMetricsStatus, 'message'>): string {
  if (!s.on)
    return 'Live metrics are off: the five metric columns change when you recompute (or with the hourly check).';
  const waiting = s.stale
    ? ' A full recompute is waiting (a row insert, delete, sort or large paste); the next edit or check runs it.'
    : s.pendingSpools > 0
      ? ` ${s.pendingSpools} spool(s) wait for the next edit or check.`
      : '';
  return `Live metrics are on: a weld date typed in Uniones updates its spool within seconds (edits of more than ${MAX_LIVE_SPOOLS} spools recompute everything).${waiting}`;
}

/** Live metrics on in this document for anyone: the check then counts what the live path had wrong. */
export function liveMetricsOnHere(context: ExecutionContext): boolean {
  try {
    return liveState(context).users().length > 0;
  } catch {
    return false;
  }
}

/**
 * The hourly check's hook: with live metrics on, the rows its recompute changed are rows the live
 * path had wrong (target 0); the recompute also did every deferred spool, so the pending work is settled.
 */
export function withLiveCheckNote(context: ExecutionContext, report: MetricsInCheckReport): MetricsInCheckReport {
  if (!liveMetricsOnHere(context) || (report.outcome !== 'applied' && report.outcome !== 'unchanged')) return report;
  const state = liveState(context);
  state.settle(state.pending());
  const wrong = report.rowsChanged;
  const note =
    wrong === 0 ? ' Live metrics were right everywhere.' : ` Live metrics had ${wrong} spool row(s) wrong; now fixed.`;
  return { ...report, liveRowsWrong: wrong, message: report.message + note };
}
