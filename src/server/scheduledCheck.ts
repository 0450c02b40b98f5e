/**
 * The hourly trigger's run (checkSchema): finds its spreadsheet from the trigger, handles lost
 * authorization and a spreadsheet that is gone, then runs the check.
 */

import { CheckStateStore, DEFAULT_CHECK_SETTINGS, writeCheckSettings } from '../adapters/checkState';
import { deleteTriggersById, type ScheduleRecord, ScheduleRecords } from '../adapters/triggers';
import { errorMessage, SchemaError } from '../core/errors';
import type { SchemaDeclaration } from '../core/schema';
import type { CheckResult } from '../shared/payloads';
import { runCheck } from './checkService';
import { ExecutionContext, type Services } from './context';

/**
 * The hourly trigger's run: no UI, maybe no active spreadsheet. Finds its spreadsheet by its own
 * triggerUid, opens it by id and runs the check. Missing authorization or a spreadsheet that is
 * gone is logged once and stops the run (a gone spreadsheet also turns its schedule off).
 */
export function runScheduledCheck(
  services: Services,
  event: unknown,
  declaration?: SchemaDeclaration,
): CheckResult | null {
  const uid = triggerUidOf(event);
  if (uid === null) {
    throw new SchemaError(
      'BAD_ARGUMENT',
      'checkSchema is the hourly trigger\'s handler and needs its event; to check now, use "Check schema now" (checkSchemaNow). Nothing was done.',
    );
  }
  const schedule = new ScheduleRecords(services.propertiesService.getUserProperties());
  const record = schedule.findByTrigger(uid);
  if (authorizationRequired(services)) return warnAuthorizationOnce(services, schedule, record);
  if (record === null) {
    services.logger.warn(
      `Sheet Schema: trigger ${uid} belongs to no hourly check (it was turned off elsewhere); deleting the trigger.`,
    );
    deleteTriggersById(services.scriptApp, [uid]);
    return null;
  }
  const spreadsheet = openRecorded(services, schedule, record, uid);
  if (spreadsheet === null) return null;
  if (record.authWarnedAt !== undefined) schedule.put({ ...record, authWarnedAt: undefined });
  return runCheck(new ExecutionContext(services, declaration, spreadsheet), 'schedule');
}

function triggerUidOf(event: unknown): string | null {
  if (typeof event !== 'object' || event === null) return null;
  const uid = (event as { triggerUid?: unknown }).triggerUid;
  return typeof uid === 'string' && uid !== '' ? uid : typeof uid === 'number' ? String(uid) : null;
}

function authorizationRequired(services: Services): boolean {
  const { scriptApp } = services;
  return (
    scriptApp.getAuthorizationInfo(scriptApp.AuthMode.FULL).getAuthorizationStatus() ===
    scriptApp.AuthorizationStatus.REQUIRED
  );
}

/** Logs once per schedule, not every hour (the mark is cleared by the next authorized run). */
function warnAuthorizationOnce(services: Services, schedule: ScheduleRecords, record: ScheduleRecord | null): null {
  if (record?.authWarnedAt !== undefined) return null;
  services.logger.warn(
    'Sheet Schema: the hourly schema check needs your authorization again (the add-on asked for new permissions). Open the spreadsheet and use Extensions › Sheet Schema once; the check stays off until then.',
  );
  if (record !== null) schedule.put({ ...record, authWarnedAt: new Date(services.now()).toISOString() });
  return null;
}

/** "Document … is missing (perhaps it was deleted, or you don't have read access?)" and the like. */
const GONE = /is missing|deleted|not found|does not exist|don't have (read )?access|no longer/i;

function openRecorded(
  services: Services,
  schedule: ScheduleRecords,
  record: ScheduleRecord,
  uid: string,
): GoogleAppsScript.Spreadsheet.Spreadsheet | null {
  try {
    return services.spreadsheetApp.openById(record.spreadsheetId);
  } catch (error) {
    if (!GONE.test(errorMessage(error))) {
      services.logger.warn(
        `Sheet Schema: the hourly check could not open spreadsheet ${record.spreadsheetId} (${errorMessage(error)}); it tries again next hour.`,
      );
      return null;
    }
    services.logger.warn(
      `Sheet Schema: spreadsheet ${record.spreadsheetId} is gone or no longer shared with you (${errorMessage(error)}); turning its hourly check off.`,
    );
    deleteTriggersById(services.scriptApp, [record.clockTriggerId, record.changeTriggerId, uid]);
    schedule.remove(record.spreadsheetId);
    new CheckStateStore(services.propertiesService, record.spreadsheetId).forgetUser();
    writeCheckSettings(services.propertiesService, record.spreadsheetId, DEFAULT_CHECK_SETTINGS);
    return null;
  }
}
