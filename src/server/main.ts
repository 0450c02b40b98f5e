/**
 * The public surface: the only functions that become top-level in the Apps Script bundle
 * (scripts/build.ts generates one global stub per export of this module). Each is a menu
 * handler, a trigger, or a google.script.run target — so each validates what it is given.
 */
import { errorMessage } from '../core/errors';
import type {
  ApplyResult,
  CheckResult,
  RestoreHeaderResult,
  ScheduleStatus,
  SchemaPlan,
  UnionMetricsReport,
} from '../shared/payloads';
import type { ImplementsSidebarApi } from '../shared/rpc';
import { checkNowFromMenu, installFromMenu, removeFromMenu } from './checkMenu';
import {
  installSchedule,
  invalidateForChange,
  invalidateForEdit,
  removeSchedule,
  runCheck,
  runScheduledCheck,
  setAutoRepair as saveAutoRepair,
  setMetricsInCheck as saveMetricsInCheck,
  scheduleStatus,
} from './checkService';
import { ExecutionContext, type Services } from './context';
import { restoreColumnHeader as restoreHeader } from './identityService';
import { buildMenu, extendSchemaFromMenu, recomputeUnionMetricsFromMenu } from './menu';
import { expectRestoreRequest, restoreHeadersFromMenu } from './restoreMenu';
import { applySchema as apply, previewSchema as preview } from './schemaService';
import {
  previewUnionMetrics as previewMetrics,
  recomputeUnionMetrics as recomputeMetrics,
} from './unionMetricsService';
import {
  expectAtMostArguments,
  expectBoolean,
  expectFingerprint,
  expectNoArguments,
  isConfirmedRequest,
  isSidebarRequest,
} from './validate';

let execution: ExecutionContext | null = null;

/** Apps Script loads the script afresh for every execution, so this lives for one execution. */
function context(): ExecutionContext {
  execution ??= new ExecutionContext(globalServices());
  return execution;
}

function globalServices(): Services {
  return {
    spreadsheetApp: SpreadsheetApp,
    cacheService: CacheService,
    lockService: LockService,
    propertiesService: PropertiesService,
    session: Session,
    htmlService: HtmlService,
    scriptApp: ScriptApp,
    now: () => Date.now(),
  };
}

/** Simple trigger. May run in AuthMode.NONE: builds the menu and touches nothing else. */
export function onOpen(_event?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildMenu(SpreadsheetApp.getUi());
}

/** Runs when the add-on is installed from within the document (AuthMode.FULL). */
export function onInstall(event?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(event as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

/** Menu "Extend schema": preview, confirm Yes/No, apply, report. */
export function extendSchema(...args: unknown[]): void {
  expectNoArguments('extendSchema', args);
  extendSchemaFromMenu(context());
}

/** Menu "Preview changes…": opens the sidebar (dist/Sidebar.html); it loads the plan with one server call. */
export function showSidebar(...args: unknown[]): void {
  expectNoArguments('showSidebar', args);
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Sheet Schema');
  SpreadsheetApp.getUi().showSidebar(html);
}

/** Compile-time only: the functions the sidebar calls match its RPC contract (src/shared/rpc.ts). */
export type PublicSurface = ImplementsSidebarApi<typeof import('./main')>;

/** Dry run for the sidebar: the plan as plain JSON. Writes nothing. */
export function previewSchema(...args: unknown[]): SchemaPlan {
  expectNoArguments('previewSchema', args);
  return preview(context());
}

/** Applies the plan the sidebar showed; refuses if the sheet changed since (different fingerprint). */
export function applySchema(fingerprint: unknown): ApplyResult {
  expectAtMostArguments('applySchema', arguments, 1);
  return apply(context(), expectFingerprint('applySchema', fingerprint));
}

/** Menu "Clear column cache" and sidebar button: drops every managed sheet's cached column map. */
export function clearColumnCache(...args: unknown[]): { cleared: string[] } {
  expectNoArguments('clearColumnCache', args);
  const current = context();
  current.columnMaps().invalidateAll();
  const cleared = current.declaration.managedSheets.map((m) => m.sheet);
  try {
    current.services.spreadsheetApp
      .getActiveSpreadsheet()
      ?.toast(`Column map cache cleared for ${cleared.join(', ')}.`, 'Sheet Schema');
  } catch (error) {
    console.info(`toast unavailable: ${errorMessage(error)}`);
  }
  return { cleared };
}

/** Dry run of the union metrics: rows that would change, orphans, bad DN values, duplicates. */
export function previewUnionMetrics(...args: unknown[]): UnionMetricsReport {
  expectNoArguments('previewUnionMetrics', args);
  return previewMetrics(context());
}

/**
 * Menu "Recompute union metrics" (confirm dialogs) and sidebar button (`{ confirmed: true }`,
 * after showing previewUnionMetrics): fills the five v4.0 columns from Uniones in one bulk write.
 */
export function recomputeUnionMetrics(options?: unknown): UnionMetricsReport | null {
  expectAtMostArguments('recomputeUnionMetrics', arguments, 1);
  if (isConfirmedRequest(options)) return recomputeMetrics(context());
  recomputeUnionMetricsFromMenu(context());
  return null;
}

/**
 * Menu "Turn on hourly check" (alert) and sidebar toggle (`{ sidebar: true }`, returns JSON):
 * afterwards exactly one hourly check trigger and one onChange trigger exist for this user and
 * spreadsheet; a first check runs at once. Refused from a trigger (V8 disables such triggers).
 */
/**
 * The confirmed header-restore repair of a renamed managed column: writes that one header cell
 * and records it in history. The menu form (no argument) lists the renames and asks per cell.
 */
export function restoreColumnHeader(options?: unknown): RestoreHeaderResult | null {
  expectAtMostArguments('restoreColumnHeader', arguments, 1);
  const request = expectRestoreRequest(options);
  if (request !== null) return restoreHeader(context(), request);
  restoreHeadersFromMenu(context());
  return null;
}

export function installScheduledCheck(options?: unknown): ScheduleStatus | null {
  expectAtMostArguments('installScheduledCheck', arguments, 1);
  if (isSidebarRequest('installScheduledCheck', options)) return installSchedule(context()).status;
  return installFromMenu(context());
}

/** Menu "Turn off hourly check" and sidebar toggle (`{ sidebar: true }`): removes this user's check triggers. */
export function removeScheduledCheck(options?: unknown): ScheduleStatus | null {
  expectAtMostArguments('removeScheduledCheck', arguments, 1);
  if (isSidebarRequest('removeScheduledCheck', options)) return removeSchedule(context()).status;
  return removeFromMenu(context());
}

/** Sidebar: whether the hourly check is on, the last result, the auto-repair setting. Writes nothing. */
export function getScheduleStatus(...args: unknown[]): ScheduleStatus {
  expectNoArguments('getScheduleStatus', args);
  return scheduleStatus(context());
}

/** Sidebar: turns auto-repair (pending migrations applied by the check) on or off for this user. */
export function setAutoRepair(enabled: unknown): ScheduleStatus {
  expectAtMostArguments('setAutoRepair', arguments, 1);
  return saveAutoRepair(context(), expectBoolean('setAutoRepair', enabled));
}

/** Sidebar: whether the hourly check also recomputes the union metrics, for this user. */
export function setMetricsInCheck(enabled: unknown): ScheduleStatus {
  expectAtMostArguments('setMetricsInCheck', arguments, 1);
  return saveMetricsInCheck(context(), expectBoolean('setMetricsInCheck', enabled));
}

/** Menu "Check schema now" (alert) and sidebar (`{ sidebar: true }`, returns the result): the hourly check, now. */
export function checkSchemaNow(options?: unknown): CheckResult | null {
  expectAtMostArguments('checkSchemaNow', arguments, 1);
  if (isSidebarRequest('checkSchemaNow', options)) return runCheck(context(), 'manual');
  return checkNowFromMenu(context());
}

/**
 * The hourly time-driven trigger's handler: no UI, maybe no active spreadsheet — it opens its
 * spreadsheet by the id recorded at install. Problems are logged; a run never shows a dialog.
 */
export function checkSchema(event?: unknown): CheckResult | null {
  return runScheduledCheck(context().services, event);
}

/** Installable onChange trigger: a column inserted or removed drops the column map, reading no sheet. */
export function onSchemaChange(event?: unknown): void {
  try {
    const change = event as Partial<GoogleAppsScript.Events.SheetsOnChange> | undefined;
    invalidateForChange(new ExecutionContext(globalServices(), undefined, change?.source ?? null), change?.changeType);
  } catch (error) {
    console.warn(`Sheet Schema onSchemaChange: ${errorMessage(error)}`);
  }
}

/**
 * Simple trigger on every edit, so it must be cheap and never throw: an edit of a managed sheet's
 * header row drops that sheet's cached column map (navigation calls and one cache call).
 */
export function onEdit(event?: unknown): void {
  try {
    const edit = event as Partial<GoogleAppsScript.Events.SheetsOnEdit> | undefined;
    if (typeof edit?.range?.getSheet !== 'function') return;
    invalidateForEdit(new ExecutionContext(globalServices(), undefined, edit.source ?? null), edit.range);
  } catch (error) {
    console.warn(`Sheet Schema onEdit: ${errorMessage(error)}`);
  }
}
