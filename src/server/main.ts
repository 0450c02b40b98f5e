/**
 * The public surface: the only functions that become top-level in the Apps Script bundle
 * (scripts/build.ts generates one global stub per export of this module). Each is a menu
 * handler, a trigger, or a google.script.run target — so each validates what it is given.
 */
import { errorMessage } from '../core/errors';
import type { ApplyResult, SchemaPlan, UnionMetricsReport } from '../shared/payloads';
import type { ImplementsSidebarApi } from '../shared/rpc';
import { ExecutionContext, type Services } from './context';
import { buildMenu, extendSchemaFromMenu, recomputeUnionMetricsFromMenu } from './menu';
import { applySchema as apply, previewSchema as preview } from './schemaService';
import { previewUnionMetrics as previewMetrics, recomputeUnionMetrics as recomputeMetrics } from './unionMetricsService';
import { expectFingerprint, expectNoArguments, isConfirmedRequest } from './validate';

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
export function extendSchema(): void {
  extendSchemaFromMenu(context());
}

/** Menu "Preview changes…": opens the sidebar (dist/Sidebar.html); it loads the plan with one server call. */
export function showSidebar(): void {
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
  return apply(context(), expectFingerprint('applySchema', fingerprint));
}

/** Menu "Clear column cache" and sidebar button: drops every managed sheet's cached column map. */
export function clearColumnCache(...args: unknown[]): { cleared: string[] } {
  expectNoArguments('clearColumnCache', args);
  const current = context();
  current.columnMaps().invalidateAll();
  const cleared = current.declaration.managedSheets.map((m) => m.sheet);
  try {
    current.services.spreadsheetApp.getActiveSpreadsheet()?.toast(`Column map cache cleared for ${cleared.join(', ')}.`, 'Sheet Schema');
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
  if (isConfirmedRequest(options)) return recomputeMetrics(context());
  recomputeUnionMetricsFromMenu(context());
  return null;
}
