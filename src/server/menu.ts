/**
 * The add-on menu (Extensions › Sheet Schema) and the menu's confirm-then-apply flow.
 * onOpen may run in AuthMode.NONE: building the menu touches nothing but the Ui.
 */
import { errorMessage, SchemaError } from '../core/errors';
import type { MessageKey, Translator } from '../shared/messages';
import type { UnionMetricsReport } from '../shared/payloads';
import { applyDialog, dialogTitle, errorDialog, metricsDialog, planDialog } from '../shared/wording/dialogs';
import { type LocalText, localText } from '../shared/wording/localText';
import type { ExecutionContext } from './context';
import { operatorMessages } from './locale';
import { applySchema, previewSchema } from './schemaService';
import { previewUnionMetrics, recomputeUnionMetrics } from './unionMetricsService';

/** Caption (a catalogue key) → public function name. Later features add their items here. */
export const MENU_ITEMS: ReadonlyArray<{ readonly caption: MessageKey; readonly functionName: string }> = [
  { caption: 'action.extend', functionName: 'extendSchema' },
  { caption: 'menu.preview', functionName: 'showSidebar' },
  { caption: 'menu.checkNow', functionName: 'checkSchemaNow' },
  { caption: 'action.clearCache', functionName: 'clearColumnCache' },
  { caption: 'menu.recompute', functionName: 'recomputeUnionMetrics' },
  { caption: 'menu.restoreHeaders', functionName: 'restoreColumnHeader' },
  // Both schedule items always: onOpen may run in AuthMode.NONE, where the state cannot be read.
  { caption: 'menu.scheduleOn', functionName: 'installScheduledCheck' },
  { caption: 'menu.scheduleOff', functionName: 'removeScheduledCheck' },
  { caption: 'menu.liveOn', functionName: 'keepMetricsLive' },
  { caption: 'menu.liveOff', functionName: 'stopLiveMetrics' },
];

/** In the operator's language (Session.getActiveUserLocale() works in AuthMode.NONE). */
export function buildMenu(ui: GoogleAppsScript.Base.Ui, text: Translator): void {
  const menu = ui.createAddonMenu();
  for (const item of MENU_ITEMS) menu.addItem(text.t(item.caption), item.functionName);
  menu.addToUi();
}

/**
 * The operator's language and the spreadsheet's time zone (one Spreadsheet call): every dialog
 * of the menu is worded from the catalogue with it.
 */
export function dialogText(context: ExecutionContext): LocalText {
  const { language } = operatorMessages(context.services.session);
  let timeZone = 'UTC';
  try {
    timeZone = context.spreadsheet().getSpreadsheetTimeZone();
  } catch {
    // No spreadsheet to read the zone from: the dialog that follows reports that failure itself.
  }
  return localText(language, timeZone);
}

/** An alert with the OK button; the title is "Sheet Schema" or "Sheet Schema: what". */
export function tell(ui: GoogleAppsScript.Base.Ui, x: LocalText, text: string, what?: string): void {
  ui.alert(dialogTitle(x, what), text, ui.ButtonSet.OK);
}

/** A failure in the operator's words (a refusal by its code; anything else with the server's text). */
export function tellError(ui: GoogleAppsScript.Base.Ui, x: LocalText, error: unknown): void {
  const coded = error instanceof SchemaError ? { code: error.code, params: error.params } : {};
  tell(ui, x, errorDialog(x, { ...coded, message: errorMessage(error) }));
}

/**
 * Preview, confirm (Yes/No), apply the plan that was confirmed, report. The lock is taken only
 * after the dialog: Ui.alert suspends the script and locks do not survive the suspension.
 */
export function extendSchemaFromMenu(context: ExecutionContext): boolean {
  const ui = context.services.spreadsheetApp.getUi();
  const x = dialogText(context);
  try {
    const plan = previewSchema(context);
    if (plan.status !== 'changes') {
      tell(ui, x, planDialog(x, plan));
      return plan.status === 'up-to-date';
    }
    if (!confirm(ui, x, dialogTitle(x, x.t('action.extend')), planDialog(x, plan))) return false;
    const result = applySchema(context, plan.fingerprint);
    tell(ui, x, applyDialog(x, result), x.t('menu.done'));
    return true;
  } catch (error) {
    tellError(ui, x, error);
    return false;
  }
}

/** A Yes/No dialog; No says that nothing was written. */
function confirm(ui: GoogleAppsScript.Base.Ui, x: LocalText, title: string, prompt: string): boolean {
  if (ui.alert(title, prompt, ui.ButtonSet.YES_NO) === ui.Button.YES) return true;
  tell(ui, x, x.t('menu.cancelled'));
  return false;
}

/** Menu "Recompute union metrics": dry run, offer to extend the schema first if needed, confirm, write. */
export function recomputeUnionMetricsFromMenu(context: ExecutionContext): void {
  const ui = context.services.spreadsheetApp.getUi();
  const x = dialogText(context);
  try {
    const preview = metricsPreviewExtendingFirst(context, ui, x);
    if (preview === null) return;
    if (preview.rowsChanged === 0) {
      tell(ui, x, metricsDialog(x, recomputeUnionMetrics(context)));
      return;
    }
    const title = dialogTitle(x, x.t('metrics.recompute'));
    if (!confirm(ui, x, title, metricsDialog(x, preview, 'metrics.confirmTitle'))) return;
    tell(ui, x, metricsDialog(x, recomputeUnionMetrics(context)), x.t('menu.done'));
  } catch (error) {
    tellError(ui, x, error);
  }
}

function metricsPreviewExtendingFirst(
  context: ExecutionContext,
  ui: GoogleAppsScript.Base.Ui,
  x: LocalText,
): UnionMetricsReport | null {
  try {
    return previewUnionMetrics(context);
  } catch (error) {
    if (!(error instanceof SchemaError && error.code === 'METRICS_COLUMNS_MISSING')) throw error;
    const prompt = `${x.t('metrics.needsSchema')}\n\n${x.t('menu.extendFirst')}`;
    if (!confirm(ui, x, dialogTitle(x), prompt)) return null;
    return extendSchemaFromMenu(context) ? previewUnionMetrics(context) : null;
  }
}
