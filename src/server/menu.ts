/**
 * The add-on menu (Extensions › Sheet Schema) and the menu's confirm-then-apply flow.
 * onOpen may run in AuthMode.NONE: building the menu touches nothing but the Ui.
 */
import { errorMessage, SchemaError } from '../core/errors';
import { describePlan } from '../core/summary';
import type { UnionMetricsReport } from '../shared/payloads';
import type { ExecutionContext } from './context';
import { applySchema, previewSchema } from './schemaService';
import { previewUnionMetrics, recomputeUnionMetrics } from './unionMetricsService';

/** Caption → public function name. Later features add their items here. */
export const MENU_ITEMS: ReadonlyArray<{ readonly caption: string; readonly functionName: string }> = [
  { caption: 'Extend schema', functionName: 'extendSchema' },
  { caption: 'Preview changes…', functionName: 'showSidebar' },
  { caption: 'Check schema now', functionName: 'checkSchemaNow' },
  { caption: 'Clear column cache', functionName: 'clearColumnCache' },
  { caption: 'Recompute union metrics', functionName: 'recomputeUnionMetrics' },
  { caption: 'Restore renamed headers…', functionName: 'restoreColumnHeader' },
  // Both schedule items always: onOpen may run in AuthMode.NONE, where the state cannot be read.
  { caption: 'Turn on hourly check', functionName: 'installScheduledCheck' },
  { caption: 'Turn off hourly check', functionName: 'removeScheduledCheck' },
];

export function buildMenu(ui: GoogleAppsScript.Base.Ui): void {
  const menu = ui.createAddonMenu();
  for (const item of MENU_ITEMS) menu.addItem(item.caption, item.functionName);
  menu.addToUi();
}

const TITLE = 'Sheet Schema';

/**
 * Preview, confirm (Yes/No), apply the plan that was confirmed, report. The lock is taken only
 * after the dialog: Ui.alert suspends the script and locks do not survive the suspension.
 */
export function extendSchemaFromMenu(context: ExecutionContext): boolean {
  const ui = context.services.spreadsheetApp.getUi();
  try {
    const plan = previewSchema(context);
    if (plan.status !== 'changes') {
      ui.alert(TITLE, describePlan(plan), ui.ButtonSet.OK);
      return plan.status === 'up-to-date';
    }
    if (!confirm(ui, `${TITLE}: extend the schema?`, `${describePlan(plan)}\n\nApply these changes now?`)) return false;
    const result = applySchema(context, plan.fingerprint);
    ui.alert(`${TITLE}: done`, result.summary, ui.ButtonSet.OK);
    return true;
  } catch (error) {
    ui.alert(TITLE, errorMessage(error), ui.ButtonSet.OK);
    return false;
  }
}

function confirm(ui: GoogleAppsScript.Base.Ui, title: string, text: string): boolean {
  if (ui.alert(title, text, ui.ButtonSet.YES_NO) === ui.Button.YES) return true;
  ui.alert(TITLE, 'Cancelled: nothing was written.', ui.ButtonSet.OK);
  return false;
}

/** Menu "Recompute union metrics": dry run, offer to extend the schema first if needed, confirm, write. */
export function recomputeUnionMetricsFromMenu(context: ExecutionContext): void {
  const ui = context.services.spreadsheetApp.getUi();
  try {
    const preview = metricsPreviewExtendingFirst(context, ui);
    if (preview === null) return;
    if (preview.rowsChanged === 0) {
      ui.alert(TITLE, recomputeUnionMetrics(context).summary, ui.ButtonSet.OK);
      return;
    }
    if (!confirm(ui, `${TITLE}: recompute union metrics?`, `${preview.summary}\n\nWrite these values now?`)) return;
    ui.alert(`${TITLE}: done`, recomputeUnionMetrics(context).summary, ui.ButtonSet.OK);
  } catch (error) {
    ui.alert(TITLE, errorMessage(error), ui.ButtonSet.OK);
  }
}

function metricsPreviewExtendingFirst(
  context: ExecutionContext,
  ui: GoogleAppsScript.Base.Ui,
): UnionMetricsReport | null {
  try {
    return previewUnionMetrics(context);
  } catch (error) {
    if (!(error instanceof SchemaError && error.code === 'METRICS_COLUMNS_MISSING')) throw error;
    if (!confirm(ui, TITLE, `${error.message}\n\nExtend the schema now?`)) return null;
    return extendSchemaFromMenu(context) ? previewUnionMetrics(context) : null;
  }
}
