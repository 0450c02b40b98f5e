/**
 * The public surface: the only functions that become top-level in the Apps Script bundle
 * (scripts/build.ts generates one global stub per export of this module). Each is a menu
 * handler, a trigger, or a google.script.run target — so each validates what it is given.
 */
import { errorMessage } from '../core/errors';
import type {
  ApplyResult,
  CheckResult,
  LiveMetricsStatus,
  Refusal,
  RestoreHeaderResult,
  ScheduleStatus,
  SchemaPlan,
  UnionMetricsReport,
} from '../shared/payloads';
import type { ImplementsSidebarApi } from '../shared/rpc';
import { localizeSidebarHtml } from '../shared/sidebarPage';
import { invalidateForChange, invalidateForEdit } from './cacheFreshness';
import { checkNowFromMenu, installFromMenu, removeFromMenu } from './checkMenu';
import { runCheck } from './checkService';
import { ExecutionContext } from './context';
import { checked, context, globalServices, isRowStructureChange, sidebarCall } from './execution';
import { restoreColumnHeader as restoreHeader } from './identityService';
import { liveFromMenu } from './liveMetricsMenu';
import { processLiveEdit, processStructureChange } from './liveMetricsService';
import { liveMetricsOnHere, liveMetricsStatus, turnOffLiveMetrics, turnOnLiveMetrics } from './liveMetricsToggle';
import { answeringRefusals, operatorMessages } from './locale';
import { buildMenu, extendSchemaFromMenu, recomputeUnionMetricsFromMenu } from './menu';
import { expectRestoreRequest, restoreHeadersFromMenu } from './restoreMenu';

import { runScheduledCheck } from './scheduledCheck';
import {
  installSchedule,
  removeSchedule,
  setAutoRepair as saveAutoRepair,
  setMetricsInCheck as saveMetricsInCheck,
  scheduleStatus,
} from './scheduleService';
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

/** Simple trigger. May run in AuthMode.NONE: builds the menu and touches nothing else. */
export function onOpen(_event?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildMenu(SpreadsheetApp.getUi(), operatorMessages(Session));
}

/** Runs when the add-on is installed from within the document (AuthMode.FULL). */
export function onInstall(event?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(event as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

/** Menu "Extend schema": preview, confirm Yes/No, apply, report. */
export function extendSchema(...args: unknown[]): void {
  checked(() => expectNoArguments('extendSchema', args));
  extendSchemaFromMenu(context());
}

/**
 * Menu "Open the sidebar…": dist/Sidebar.html in the operator's language and the spreadsheet's
 * time zone (written into the page); it loads the plan with one server call.
 */
export function showSidebar(...args: unknown[]): void {
  checked(() => expectNoArguments('showSidebar', args));
  const current = context();
  const text = operatorMessages(current.services.session);
  const html = HtmlService.createHtmlOutputFromFile('Sidebar');
  const locale = { language: text.language, timeZone: current.spreadsheet().getSpreadsheetTimeZone() };
  html.setContent(localizeSidebarHtml(html.getContent(), locale)).setTitle(text.t('app.name'));
  SpreadsheetApp.getUi().showSidebar(html);
}

/** Compile-time only: the functions the sidebar calls match its RPC contract (src/shared/rpc.ts). */
export type PublicSurface = ImplementsSidebarApi<typeof import('./main')>;

/** Dry run for the sidebar: the plan as plain JSON. Writes nothing. */
export function previewSchema(...args: unknown[]): SchemaPlan {
  checked(() => expectNoArguments('previewSchema', args));
  return preview(context());
}

/**
 * Applies the plan the sidebar showed; refuses if the sheet changed since (different fingerprint).
 * With `{ sidebar: true }` a stale, blocked or busy refusal is answered as a Refusal (a code).
 */
export function applySchema(fingerprint: unknown, options?: unknown): ApplyResult | Refusal {
  checked(() => expectAtMostArguments('applySchema', arguments, 2));
  const confirmed = checked(() => expectFingerprint('applySchema', fingerprint));
  const current = context();
  if (checked(() => isSidebarRequest('applySchema', options)))
    return answeringRefusals(() => apply(current, confirmed), current.services.logger, current.services.session);
  return apply(current, confirmed);
}

/** Menu "Clear column cache" and sidebar button: drops every managed sheet's cached column map. */
export function clearColumnCache(...args: unknown[]): { cleared: string[] } {
  checked(() => expectNoArguments('clearColumnCache', args));
  const current = context();
  current.columnMaps().invalidateAll();
  const cleared = current.declaration.managedSheets.map((m) => m.sheet);
  const text = operatorMessages(current.services.session);
  try {
    current.services.spreadsheetApp
      .getActiveSpreadsheet()
      ?.toast(text.t('toast.cacheCleared', { sheets: cleared.join(', ') }), text.t('app.name'));
  } catch (error) {
    current.services.logger.info(`toast unavailable: ${errorMessage(error)}`);
  }
  return { cleared };
}

/**
 * Dry run of the union metrics: rows that would change, orphans, bad DN values, duplicates. With
 * `{ sidebar: true }` missing metric columns are answered as a Refusal (a code) instead of thrown.
 */
export function previewUnionMetrics(options?: unknown): UnionMetricsReport | Refusal {
  checked(() => expectAtMostArguments('previewUnionMetrics', arguments, 1));
  const current = context();
  if (checked(() => isSidebarRequest('previewUnionMetrics', options)))
    return answeringRefusals(() => previewMetrics(current), current.services.logger, current.services.session);
  return previewMetrics(current);
}

/**
 * Menu "Recompute union metrics" (confirm dialogs) and sidebar button (`{ confirmed: true }`,
 * after showing previewUnionMetrics): fills the five v4.0 columns from Uniones in one bulk write.
 * The sidebar form answers a refusal or a failed write as a Refusal (a code).
 */
export function recomputeUnionMetrics(options?: unknown): UnionMetricsReport | Refusal | null {
  checked(() => expectAtMostArguments('recomputeUnionMetrics', arguments, 1));
  if (checked(() => isConfirmedRequest(options))) {
    const current = context();
    return answeringRefusals(() => recomputeMetrics(current), current.services.logger, current.services.session);
  }
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
  checked(() => expectAtMostArguments('restoreColumnHeader', arguments, 1));
  const request = checked(() => expectRestoreRequest(options));
  if (request !== null) return sidebarCall((current) => restoreHeader(current, request));
  restoreHeadersFromMenu(context());
  return null;
}

export function installScheduledCheck(options?: unknown): ScheduleStatus | null {
  checked(() => expectAtMostArguments('installScheduledCheck', arguments, 1));
  if (checked(() => isSidebarRequest('installScheduledCheck', options)))
    return sidebarCall((c) => installSchedule(c).status);
  return installFromMenu(context());
}

/** Menu "Turn off hourly check" and sidebar toggle (`{ sidebar: true }`): removes this user's check triggers. */
export function removeScheduledCheck(options?: unknown): ScheduleStatus | null {
  checked(() => expectAtMostArguments('removeScheduledCheck', arguments, 1));
  if (checked(() => isSidebarRequest('removeScheduledCheck', options)))
    return sidebarCall((c) => removeSchedule(c).status);
  return removeFromMenu(context());
}

/** Sidebar: whether the hourly check is on, the last result, the auto-repair setting. Writes nothing. */
export function getScheduleStatus(...args: unknown[]): ScheduleStatus {
  checked(() => expectNoArguments('getScheduleStatus', args));
  return scheduleStatus(context());
}

/** Sidebar: turns auto-repair (pending migrations applied by the check) on or off for this user. */
export function setAutoRepair(enabled: unknown): ScheduleStatus {
  checked(() => expectAtMostArguments('setAutoRepair', arguments, 1));
  return saveAutoRepair(
    context(),
    checked(() => expectBoolean('setAutoRepair', enabled)),
  );
}

/** Sidebar: whether the hourly check also recomputes the union metrics, for this user. */
export function setMetricsInCheck(enabled: unknown): ScheduleStatus {
  checked(() => expectAtMostArguments('setMetricsInCheck', arguments, 1));
  return saveMetricsInCheck(
    context(),
    checked(() => expectBoolean('setMetricsInCheck', enabled)),
  );
}

/** Menu "Check schema now" (alert) and sidebar (`{ sidebar: true }`, returns the result): the hourly check, now. */
export function checkSchemaNow(options?: unknown): CheckResult | null {
  checked(() => expectAtMostArguments('checkSchemaNow', arguments, 1));
  if (checked(() => isSidebarRequest('checkSchemaNow', options))) return runCheck(context(), 'manual');
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
    const current = new ExecutionContext(globalServices(), undefined, change?.source ?? null);
    invalidateForChange(current, change?.changeType);
    if (isRowStructureChange(change?.changeType) && liveMetricsOnHere(current)) processStructureChange(current);
  } catch (error) {
    globalServices().logger.warn(`Sheet Schema onSchemaChange: ${errorMessage(error)}`);
  }
}

/**
 * Simple trigger on every edit, so it must be cheap and never throw: an edit of a managed sheet's
 * header row drops that sheet's cached column map (navigation calls and one cache call). In
 * AuthMode.NONE (simple triggers "sometimes" run in it) there is no cache to drop — CacheService
 * may be refused there (docs/platform.md) — and the map's own checks on use still catch the edit.
 */
export function onEdit(event?: unknown): void {
  try {
    const edit = event as Partial<GoogleAppsScript.Events.SheetsOnEdit> | undefined;
    // An AuthMode enum reads as its name; comparing names touches no service (ScriptApp included).
    if (String(edit?.authMode) === 'NONE') return;
    if (typeof edit?.range?.getSheet !== 'function') return;
    invalidateForEdit(new ExecutionContext(globalServices(), undefined, edit.source ?? null), edit.range);
  } catch (error) {
    globalServices().logger.warn(`Sheet Schema onEdit: ${errorMessage(error)}`);
  }
}

/**
 * Menu "Keep metrics live" / "Stop live metrics" (alert) and the sidebar toggle (`{ sidebar: true }`,
 * JSON back): one installable onEdit trigger for this user and spreadsheet, or none.
 */
export function keepMetricsLive(options?: unknown): LiveMetricsStatus | null {
  checked(() => expectAtMostArguments('keepMetricsLive', arguments, 1));
  if (checked(() => isSidebarRequest('keepMetricsLive', options))) return sidebarCall(turnOnLiveMetrics);
  return liveFromMenu(context(), true);
}

export function stopLiveMetrics(options?: unknown): LiveMetricsStatus | null {
  checked(() => expectAtMostArguments('stopLiveMetrics', arguments, 1));
  if (checked(() => isSidebarRequest('stopLiveMetrics', options))) return sidebarCall(turnOffLiveMetrics);
  return liveFromMenu(context(), false);
}

/** Sidebar: whether live metrics are on for this user, and what waits. Writes nothing. */
export function getLiveMetricsStatus(...args: unknown[]): LiveMetricsStatus {
  checked(() => expectNoArguments('getLiveMetricsStatus', args));
  return liveMetricsStatus(context());
}

/**
 * Installable onEdit (every editor's edits, run as the user who turned live metrics on): recomputes
 * the spools the edit touched. Never throws: a failed run is logged; the hourly check heals it.
 */
export function onLiveEdit(event?: unknown): void {
  try {
    const edit = event as Partial<GoogleAppsScript.Events.SheetsOnEdit> | undefined;
    if (typeof edit?.range?.getSheet !== 'function') return;
    processLiveEdit(new ExecutionContext(globalServices(), undefined, edit.source ?? null), edit.range, edit.oldValue);
  } catch (error) {
    globalServices().logger.warn(`Sheet Schema live metrics: ${errorMessage(error)}`);
  }
}
