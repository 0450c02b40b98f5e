/**
 * The add-on menu (Extensions › Sheet Schema) and the menu's confirm-then-apply flow.
 * onOpen may run in AuthMode.NONE: building the menu touches nothing but the Ui.
 */
import { errorMessage, SchemaError } from '../core/errors';
import { describePlan } from '../core/summary';
import type { MessageKey, Translator } from '../shared/messages';
import type { UnionMetricsReport } from '../shared/payloads';
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

const TITLE = 'Sheet Schema';

/**
 * Preview, confirm (Yes/No), apply the plan that was confirmed, report. The lock is taken only
 * after the dialog: Ui.alert suspends the script and locks do not survive the suspension.
 */
export function extendSchemaFromMenu(context: ExecutionContext): boolean {
  const ui = context.services.spreadsheetApp.getUi();
  const text = operatorMessages(context.services.session);
  try {
    const plan = previewSchema(context);
    if (plan.status !== 'changes') {
      ui.alert(TITLE, describePlan(plan), ui.ButtonSet.OK);
      return plan.status === 'up-to-date';
    }
    if (
      !confirm(
        ui,
        text,
        `${TITLE}: ${text.t('menu.extendTitle')}`,
        `${describePlan(plan)}\n\n${text.t('menu.confirmExtend')}`,
      )
    )
      return false;
    const result = applySchema(context, plan.fingerprint);
    ui.alert(`${TITLE}: ${text.t('menu.done')}`, result.summary, ui.ButtonSet.OK);
    return true;
  } catch (error) {
    ui.alert(TITLE, errorMessage(error), ui.ButtonSet.OK);
    return false;
  }
}

/** A Yes/No dialog; No says that nothing was written. */
function confirm(ui: GoogleAppsScript.Base.Ui, text: Translator, title: string, prompt: string): boolean {
  if (ui.alert(title, prompt, ui.ButtonSet.YES_NO) === ui.Button.YES) return true;
  ui.alert(TITLE, text.t('menu.cancelled'), ui.ButtonSet.OK);
  return false;
}

/** Menu "Recompute union metrics": dry run, offer to extend the schema first if needed, confirm, write. */
export function recomputeUnionMetricsFromMenu(context: ExecutionContext): void {
  const ui = context.services.spreadsheetApp.getUi();
  const text = operatorMessages(context.services.session);
  try {
    const preview = metricsPreviewExtendingFirst(context, ui, text);
    if (preview === null) return;
    if (preview.rowsChanged === 0) {
      ui.alert(TITLE, recomputeUnionMetrics(context).summary, ui.ButtonSet.OK);
      return;
    }
    if (
      !confirm(
        ui,
        text,
        `${TITLE}: ${text.t('menu.recomputeTitle')}`,
        `${preview.summary}\n\n${text.t('menu.confirmRecompute')}`,
      )
    )
      return;
    ui.alert(`${TITLE}: ${text.t('menu.done')}`, recomputeUnionMetrics(context).summary, ui.ButtonSet.OK);
  } catch (error) {
    ui.alert(TITLE, errorMessage(error), ui.ButtonSet.OK);
  }
}

function metricsPreviewExtendingFirst(
  context: ExecutionContext,
  ui: GoogleAppsScript.Base.Ui,
  text: Translator,
): UnionMetricsReport | null {
  try {
    return previewUnionMetrics(context);
  } catch (error) {
    if (!(error instanceof SchemaError && error.code === 'METRICS_COLUMNS_MISSING')) throw error;
    if (!confirm(ui, text, TITLE, `${error.message}\n\n${text.t('menu.extendFirst')}`)) return null;
    return extendSchemaFromMenu(context) ? previewUnionMetrics(context) : null;
  }
}
