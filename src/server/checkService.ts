/**
 * The schema check (hourly and on demand), its schedule, auto-repair, and the cheap column-map
 * invalidation of the change and edit triggers.
 *
 * A check reads two things per managed sheet — getLastColumn() and the header row — compares them
 * with the declaration and the previous check (src/core/drift.ts), drops a cached column map the
 * header no longer matches, checks the sheet rules of declared columns (src/server/ruleCheck.ts:
 * validation, protection, format, note — a constant number of calls more), and records the result
 * (src/adapters/checkState.ts). It never reads
 * data rows and never writes to the spreadsheet, except auto-repair: when the user turned it on
 * and the only thing found is pending migrations, it runs the normal apply (lock, re-plan,
 * history, rollback). Nothing is ever deleted or renamed automatically.
 */

import { ApplyJournal } from '../adapters/applyJournal';
import {
  type CheckSettings,
  CheckStateStore,
  DEFAULT_CHECK_SETTINGS,
  readCheckSettings,
  writeCheckSettings,
} from '../adapters/checkState';
import { readHistory } from '../adapters/history';
import { CallMeter } from '../adapters/meter';
import {
  CHECK_EVERY_HOURS,
  deleteTriggersById,
  findScheduleTriggers,
  installScheduleTriggers,
  removeScheduleTriggers,
  type ScheduleRecord,
  ScheduleRecords,
  TRIGGERS_PER_USER,
} from '../adapters/triggers';
import { blankDefaultsFinding } from '../core/blankDefaults';
import { describeSheetCheck } from '../core/checkResult';
import { headerFingerprint } from '../core/columnMap';
import { detectDrift, missingSheetDrift, type SheetBaseline, type SheetDrift, worstStatus } from '../core/drift';
import { errorMessage, SchemaError } from '../core/errors';
import { analyseHeaders } from '../core/headers';
import { finding, interruptedFinding, unfinishedApply } from '../core/plan';
import { type ManagedSheet, mappedSheets, type SchemaDeclaration } from '../core/schema';
import type {
  AutoRepairReport,
  CheckResult,
  Finding,
  MetricsInCheckReport,
  ScheduleStatus,
  SheetCheck,
} from '../shared/payloads';
import { ExecutionContext, type Services } from './context';
import { keepLiveChangeTrigger, withLiveCheckNote } from './liveMetricsToggle';
import { withRuleDrift } from './ruleCheck';
import { autoRepairSchema } from './schemaService';
import { recomputeUnionMetrics } from './unionMetricsService';

const HOUR_MS = 60 * 60 * 1000;

interface SheetsChecked {
  readonly sheets: SheetCheck[];
  readonly baselines: Record<string, SheetBaseline>;
  readonly calls: number;
}

/**
 * Runs one check of every managed sheet, auto-repairs if allowed, recomputes the union metrics if
 * asked, records and returns the result.
 */
export function runCheck(context: ExecutionContext, trigger: CheckResult['trigger']): CheckResult {
  const started = context.services.now();
  const spreadsheetId = context.spreadsheet().getId();
  const store = new CheckStateStore(context.services.propertiesService, spreadsheetId);
  const settings = readCheckSettings(context.services.propertiesService, spreadsheetId);
  const first = withUnfinishedApply(context, checkSheets(context, store.read()?.baselines ?? {}));
  const repair = autoRepair(context, first.sheets, settings.autoRepair);
  // After a repair, check again so the recorded result and baseline show the repaired sheet.
  const final = repair.outcome === 'applied' ? mergeInvalidations(checkSheets(context, first.baselines), first) : first;
  const status = worstStatus(final.sheets.map((s) => s.status));
  const metrics = metricsInCheck(context, status, settings.recomputeMetrics);
  const result: CheckResult = {
    checkedAt: context.isoNow(),
    trigger,
    status,
    summary: [...final.sheets.map(describeSheetCheck), ...repairLine(repair), ...metricsLine(metrics)].join('\n'),
    sheets: final.sheets,
    findingsOmitted: 0,
    autoRepair: repair,
    metrics,
    spreadsheetCalls: first.calls,
    durationMs: context.services.now() - started,
  };
  const scheduled =
    new ScheduleRecords(context.services.propertiesService.getUserProperties()).get(spreadsheetId) !== null;
  store.write({ result, baselines: final.baselines }, scheduled || trigger === 'schedule');
  return result;
}

/**
 * Headers alone cannot show an apply stopped mid-way (headers written, defaults not; or every
 * write done but no history row): its in-progress marker does. When one is set, history is read
 * (only then: a few more calls) to tell a finished run from an unfinished one, and the sheets it
 * touched are reported pending — which auto-repair completes like any pending migration.
 */
function withUnfinishedApply(context: ExecutionContext, checked: SheetsChecked): SheetsChecked {
  const journal = new ApplyJournal(context.services.propertiesService, context.spreadsheet().getId()).read();
  if (journal === null) return checked;
  const meter = new CallMeter();
  const history = readHistory(context.spreadsheet(), meter, { previewOnly: false, checkShape: true, entries: true });
  const unfinished = unfinishedApply({ interrupted: journal, history: history.entries, historyShape: history.shape });
  if (unfinished === null) return { ...checked, calls: checked.calls + meter.calls };
  const sheets = checked.sheets.map((sheet) =>
    unfinished.migrations.some((m) => m.sheet === sheet.sheet)
      ? {
          ...sheet,
          status: worstStatus([sheet.status, 'pending']),
          findings: [interruptedFinding(unfinished, sheet.sheet), ...sheet.findings],
        }
      : sheet,
  );
  return { ...checked, sheets, calls: checked.calls + meter.calls };
}

function checkSheets(context: ExecutionContext, previous: Readonly<Record<string, SheetBaseline>>): SheetsChecked {
  const meter = new CallMeter();
  const checked: SheetsChecked = { sheets: [], baselines: { ...previous }, calls: 0 };
  for (const managed of context.declaration.managedSheets) {
    const { drift, mapInvalidated } = checkSheet(context, managed, previous[managed.sheet] ?? null, meter);
    checked.sheets.push({
      sheet: managed.sheet,
      status: drift.status,
      findings: drift.findings,
      headerChanged: drift.headerChanged,
      mapInvalidated,
    });
    if (drift.baseline !== null) checked.baselines[managed.sheet] = drift.baseline;
  }
  return { ...checked, sheets: withRuleDrift(context, checked.sheets, meter), calls: meter.calls };
}

/**
 * At most two Spreadsheet calls: the data extent and, in one read, the header row with the first
 * data row (none at all for a missing sheet). The first data row shows an apply stopped after its
 * headers landed even when its in-progress marker is out of reach (src/core/blankDefaults.ts).
 */
function checkSheet(
  context: ExecutionContext,
  managed: ManagedSheet,
  previous: SheetBaseline | null,
  meter: CallMeter,
): { drift: SheetDrift; mapInvalidated: boolean } {
  const sheet = context.spreadsheet().getSheetByName(managed.sheet);
  if (sheet === null)
    return { drift: missingSheetDrift(managed, previous), mapInvalidated: invalidateMap(context, managed, null, 0) };
  try {
    const { headers, lastColumn, firstDataRow } = readHeaderRows(sheet, managed.headerRow, meter);
    const drift = detectDrift(managed, headers, lastColumn, previous);
    return {
      drift: withBlankDefaults(drift, blankDefaultsFinding(managed, analyseHeaders(headers), firstDataRow)),
      mapInvalidated: invalidateMap(context, managed, headers, lastColumn),
    };
  } catch (error) {
    const message = `Could not read row ${managed.headerRow} of "${managed.sheet}": ${errorMessage(error)}. The next check tries again.`;
    return {
      drift: {
        status: 'error',
        findings: [finding('CHECK_FAILED', message, managed.sheet)],
        headerFingerprint: null,
        headerChanged: null,
        baseline: previous,
      },
      mapInvalidated: false,
    };
  }
}

/**
 * Drops the cached column map when the header row it was built from is not the one just read
 * (compared by fingerprint and width, without any Spreadsheet call). Without a document context
 * only the script-cache copy is reachable; the document-cache copy is covered by the change and
 * edit triggers and by the map's own checks on use (see README "Scheduled checks").
 */
function invalidateMap(
  context: ExecutionContext,
  managed: ManagedSheet,
  headers: readonly unknown[] | null,
  lastColumn: number,
): boolean {
  const maps = context.columnMaps();
  const cached = maps.peek(managed.sheet);
  if (cached === null) return false;
  const same =
    headers !== null &&
    cached.headerRow === managed.headerRow &&
    cached.lastColumn === lastColumn &&
    cached.headerFingerprint === headerFingerprint(headers);
  if (same) return false;
  maps.invalidate(managed.sheet);
  return true;
}

function readHeaderRows(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  headerRow: number,
  meter: CallMeter,
): { headers: unknown[]; lastColumn: number; firstDataRow: unknown[] | null } {
  const extent = meter.call(() => sheet.getDataRange());
  const rows = extent.getNumRows();
  const columns = extent.getNumColumns();
  if (rows < headerRow) return { headers: [], lastColumn: 0, firstDataRow: null };
  const count = rows > headerRow ? 2 : 1;
  const values = meter.read(() => sheet.getRange(headerRow, 1, count, columns).getValues());
  // getDataRange() of an empty sheet is A1: a blank 1×1 extent means no content at all.
  if (rows === 1 && columns === 1 && values[0][0] === '') return { headers: [], lastColumn: 0, firstDataRow: null };
  return { headers: values[0], lastColumn: columns, firstDataRow: values[1] ?? null };
}

/** Blank defaults are pending work, only worth reporting on a sheet without drift or errors. */
function withBlankDefaults(drift: SheetDrift, blank: Finding | null): SheetDrift {
  if (blank === null || drift.status === 'drift' || drift.status === 'error') return drift;
  return { ...drift, status: 'pending', findings: [...drift.findings, blank] };
}

function mergeInvalidations(after: SheetsChecked, before: SheetsChecked): SheetsChecked {
  return {
    ...after,
    sheets: after.sheets.map((s, i) => ({ ...s, mapInvalidated: s.mapInvalidated || before.sheets[i].mapInvalidated })),
    calls: before.calls,
  };
}

/** Applies pending migrations only when that is all the check found and the user turned auto-repair on. */
function autoRepair(context: ExecutionContext, sheets: readonly SheetCheck[], enabled: boolean): AutoRepairReport {
  const status = worstStatus(sheets.map((s) => s.status));
  if (!enabled) return { outcome: 'off', message: 'Auto-repair is off.', columnsAdded: [] };
  if (status === 'ok') return { outcome: 'not-needed', message: 'Nothing to repair.', columnsAdded: [] };
  if (status !== 'pending') {
    return {
      outcome: 'skipped',
      message:
        'Auto-repair skipped: the check found drift or errors, and auto-repair only adds pending columns to an otherwise intact sheet. Fix the findings, then run "Extend schema".',
      columnsAdded: [],
    };
  }
  try {
    const applied = autoRepairSchema(context, { actorNote: 'hourly check auto-repair' });
    return {
      outcome: applied.status === 'applied' ? 'applied' : 'not-needed',
      message: applied.summary,
      columnsAdded: applied.columnsAdded,
    };
  } catch (error) {
    return { outcome: 'failed', message: `Auto-repair failed: ${errorMessage(error)}`, columnsAdded: [] };
  }
}

/**
 * The union metrics, recomputed after the check when the user asked for it — a bulk read of the
 * columns it needs and one write, under the same lock as any recompute. Skipped when the check
 * found errors (a missing sheet, no header row): the recompute would only fail on them.
 */
function metricsInCheck(
  context: ExecutionContext,
  status: CheckResult['status'],
  enabled: boolean,
): MetricsInCheckReport {
  if (!enabled) return { outcome: 'off', message: 'Union metrics are not recomputed by the check.', rowsChanged: 0 };
  if (status === 'error')
    return {
      outcome: 'skipped',
      message: 'Union metrics not recomputed: the check found errors to fix first.',
      rowsChanged: 0,
    };
  try {
    const report = recomputeUnionMetrics(context);
    return withLiveCheckNote(context, {
      outcome: report.status === 'applied' ? 'applied' : 'unchanged',
      message: report.summary,
      rowsChanged: report.rowsChanged,
    });
  } catch (error) {
    return { outcome: 'failed', message: `Union metrics not recomputed: ${errorMessage(error)}`, rowsChanged: 0 };
  }
}

function metricsLine(metrics: MetricsInCheckReport): string[] {
  return metrics.outcome === 'off'
    ? []
    : [
        metrics.outcome === 'applied' || metrics.outcome === 'unchanged'
          ? metrics.message.split('\n')[0]
          : metrics.message,
      ];
}

function repairLine(repair: AutoRepairReport): string[] {
  if (repair.outcome === 'applied') return [`Auto-repair: ${repair.message.split('\n').join(' ')}`];
  return repair.outcome === 'failed' || repair.outcome === 'skipped' ? [repair.message] : [];
}

// ── Schedule ───────────────────────────────────────────────────────────────────────────────

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

// ── The time-driven handler ────────────────────────────────────────────────────────────────

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

// ── Cache freshness on edits ───────────────────────────────────────────────────────────────

/** Change types that can move or rename header cells. Row inserts/deletes are left to the hourly check. */
const STRUCTURAL_CHANGES: ReadonlySet<string> = new Set([
  'INSERT_COLUMN',
  'REMOVE_COLUMN',
  'INSERT_GRID',
  'REMOVE_GRID',
  'OTHER',
]);

/**
 * Installable onChange: drops column maps without reading any sheet. The event does not say which
 * sheet changed; the active sheet is the usual answer (OBSERVED), and when it has no map — or for
 * sheets added or removed — every map goes (one cache call; the next use rebuilds with one read).
 */
export function invalidateForChange(context: ExecutionContext, changeType: unknown): string[] {
  if (typeof changeType !== 'string' || !STRUCTURAL_CHANGES.has(changeType)) return [];
  const mapped = mappedSheets(context.declaration).map((s) => s.sheet);
  const active = changeType.endsWith('_GRID') ? null : activeSheetName(context);
  const maps = context.columnMaps();
  if (active !== null && mapped.includes(active)) {
    maps.invalidate(active);
    return [active];
  }
  maps.invalidateAll();
  return mapped;
}

function activeSheetName(context: ExecutionContext): string | null {
  try {
    return context.spreadsheet().getActiveSheet().getName();
  } catch {
    return null;
  }
}

/** Simple onEdit: an edit touching the header row of a sheet with a column map drops that map. Navigation calls only. */
export function invalidateForEdit(context: ExecutionContext, range: GoogleAppsScript.Spreadsheet.Range): string | null {
  const sheetName = range.getSheet().getName();
  const mapped = mappedSheets(context.declaration).find((s) => s.sheet === sheetName);
  if (mapped === undefined || range.getRow() > mapped.headerRow || range.getLastRow() < mapped.headerRow) return null;
  context.columnMaps().invalidate(sheetName);
  return sheetName;
}
