/**
 * The hourly check's installable triggers, over ScriptApp: one time-driven trigger (handler
 * `checkSchema`, every hour — add-ons may not run more often) and one onChange trigger (handler
 * `onSchemaChange`) per user and spreadsheet, plus a record in user properties.
 *
 * Why user properties: a time-driven add-on run may have no document context, so document
 * properties are null there (UNCONFIRMED, docs/platform.md), and clock triggers carry no
 * spreadsheet id (getTriggerSourceId() is null). The handler finds its spreadsheet by looking up
 * its own `triggerUid` in this user's records; triggers are per user, so the records are too.
 */
import { SchemaError } from '../core/errors';

type Trigger = GoogleAppsScript.Script.Trigger;
type ScriptApp = GoogleAppsScript.Script.ScriptApp;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const CHECK_HANDLER = 'checkSchema';
export const CHANGE_HANDLER = 'onSchemaChange';
export const CHECK_EVERY_HOURS = 1;
/** Installable triggers per user per script (Apps Script quota). */
export const TRIGGERS_PER_USER = 20;
/** Bump when the triggers' settings change: an install then replaces triggers it cannot inspect. */
const SCHEDULE_VERSION = 1;
const RECORD_PREFIX = 'sheet-schema:schedule:v1:';

export interface ScheduleRecord {
  readonly version: number;
  readonly spreadsheetId: string;
  readonly clockTriggerId: string;
  readonly changeTriggerId: string | null;
  readonly installedAt: string;
  /** Set when a run found authorization missing and logged it, so it logs once, not hourly. */
  readonly authWarnedAt?: string;
}

export const TOO_MANY_TRIGGERS_MESSAGE =
  `Sheet Schema could not turn on the hourly check: your Google account already has the maximum of ${TRIGGERS_PER_USER} triggers for this add-on ` +
  '(the limit counts every spreadsheet you use it in). Turn the hourly check off in a spreadsheet that no longer needs it, or delete unused triggers at https://script.google.com/home/triggers, then try again. Nothing was changed.';

/** This user's schedule records (user properties). */
export class ScheduleRecords {
  constructor(private readonly store: GoogleAppsScript.Properties.Properties) {}

  get(spreadsheetId: string): ScheduleRecord | null {
    return parseRecord(this.store.getProperty(RECORD_PREFIX + spreadsheetId));
  }

  /** The record whose trigger fired: how a run without a document finds its spreadsheet. */
  findByTrigger(triggerUid: string): ScheduleRecord | null {
    const all = this.store.getProperties();
    for (const [key, value] of Object.entries(all)) {
      if (!key.startsWith(RECORD_PREFIX)) continue;
      const record = parseRecord(value);
      if (record !== null && (record.clockTriggerId === triggerUid || record.changeTriggerId === triggerUid))
        return record;
    }
    return null;
  }

  put(record: ScheduleRecord): void {
    this.store.setProperty(RECORD_PREFIX + record.spreadsheetId, JSON.stringify(record));
  }

  remove(spreadsheetId: string): void {
    this.store.deleteProperty(RECORD_PREFIX + spreadsheetId);
  }
}

function parseRecord(json: string | null): ScheduleRecord | null {
  if (json === null) return null;
  try {
    const record = JSON.parse(json) as ScheduleRecord;
    return typeof record.spreadsheetId === 'string' && typeof record.clockTriggerId === 'string' ? record : null;
  } catch {
    return null;
  }
}

export interface ScheduleTriggers {
  readonly clock: Trigger[];
  readonly change: Trigger[];
  /** Every installable trigger this user has for the add-on (the 20-trigger limit counts these). */
  readonly total: number;
}

/**
 * This user's check triggers for `spreadsheet`. getUserTriggers(spreadsheet) is the documented way
 * for add-ons; whether it lists clock triggers made from the document is UNCONFIRMED, so the
 * recorded clock trigger is also looked up among getProjectTriggers().
 */
export function findScheduleTriggers(
  scriptApp: ScriptApp,
  spreadsheet: Spreadsheet,
  record: ScheduleRecord | null,
): ScheduleTriggers {
  const all = scriptApp.getProjectTriggers();
  const here = new Set(scriptApp.getUserTriggers(spreadsheet).map((t) => t.getUniqueId()));
  const id = spreadsheet.getId();
  const isHere = (t: Trigger) =>
    here.has(t.getUniqueId()) ||
    t.getUniqueId() === record?.clockTriggerId ||
    t.getUniqueId() === record?.changeTriggerId;
  return {
    clock: all.filter(
      (t) => t.getHandlerFunction() === CHECK_HANDLER && t.getEventType() === scriptApp.EventType.CLOCK && isHere(t),
    ),
    change: all.filter(
      (t) => t.getHandlerFunction() === CHANGE_HANDLER && (t.getTriggerSourceId() === id || isHere(t)),
    ),
    total: all.length,
  };
}

/**
 * Idempotent: afterwards exactly one hourly clock trigger and one onChange trigger exist for this
 * user and spreadsheet. The recorded triggers are kept (a Trigger does not expose its schedule,
 * so only ones this version created are trusted); extras are deleted before anything is created.
 */
export function installScheduleTriggers(
  scriptApp: ScriptApp,
  records: ScheduleRecords,
  spreadsheet: Spreadsheet,
  isoNow: string,
): ScheduleRecord {
  const record = records.get(spreadsheet.getId());
  const trusted = record?.version === SCHEDULE_VERSION ? record : null;
  const found = findScheduleTriggers(scriptApp, spreadsheet, record);
  const keepClock = found.clock.find((t) => t.getUniqueId() === trusted?.clockTriggerId) ?? null;
  const keepChange = found.change.find((t) => t.getUniqueId() === trusted?.changeTriggerId) ?? found.change[0] ?? null;
  const extras = [...found.clock, ...found.change].filter((t) => t !== keepClock && t !== keepChange);
  for (const t of extras) scriptApp.deleteTrigger(t);
  const needed = (keepClock === null ? 1 : 0) + (keepChange === null ? 1 : 0);
  if (found.total - extras.length + needed > TRIGGERS_PER_USER)
    throw new SchemaError('TOO_MANY_TRIGGERS', TOO_MANY_TRIGGERS_MESSAGE, { limit: TRIGGERS_PER_USER });
  const created: Trigger[] = [];
  try {
    const clock =
      keepClock ??
      remember(created, scriptApp.newTrigger(CHECK_HANDLER).timeBased().everyHours(CHECK_EVERY_HOURS).create());
    const change =
      keepChange ??
      remember(created, scriptApp.newTrigger(CHANGE_HANDLER).forSpreadsheet(spreadsheet).onChange().create());
    const next: ScheduleRecord = {
      version: SCHEDULE_VERSION,
      spreadsheetId: spreadsheet.getId(),
      clockTriggerId: clock.getUniqueId(),
      changeTriggerId: change.getUniqueId(),
      installedAt: trusted !== null && keepClock !== null ? trusted.installedAt : isoNow,
    };
    records.put(next);
    return next;
  } catch (error) {
    // All or nothing: a clock trigger without its record would only delete itself at its first run.
    for (const t of created) scriptApp.deleteTrigger(t);
    throw isTooManyTriggers(error)
      ? new SchemaError('TOO_MANY_TRIGGERS', TOO_MANY_TRIGGERS_MESSAGE, { limit: TRIGGERS_PER_USER })
      : error;
  }
}

function remember(created: Trigger[], trigger: Trigger): Trigger {
  created.push(trigger);
  return trigger;
}

function isTooManyTriggers(error: unknown): boolean {
  return error instanceof Error && /too many triggers/i.test(error.message);
}

/** Deletes this user's check triggers for `spreadsheet` and the record; returns how many triggers went. */
export function removeScheduleTriggers(
  scriptApp: ScriptApp,
  records: ScheduleRecords,
  spreadsheet: Spreadsheet,
): number {
  const found = findScheduleTriggers(scriptApp, spreadsheet, records.get(spreadsheet.getId()));
  for (const t of [...found.clock, ...found.change]) scriptApp.deleteTrigger(t);
  records.remove(spreadsheet.getId());
  return found.clock.length + found.change.length;
}

/**
 * For a run that cannot open its spreadsheet (or has no record): deletes the given triggers by id
 * among this user's triggers — no spreadsheet needed.
 */
export function deleteTriggersById(scriptApp: ScriptApp, ids: ReadonlyArray<string | null | undefined>): number {
  const wanted = new Set(ids.filter((id): id is string => typeof id === 'string' && id !== ''));
  const doomed = scriptApp.getProjectTriggers().filter((t) => wanted.has(t.getUniqueId()));
  for (const t of doomed) scriptApp.deleteTrigger(t);
  return doomed.length;
}
