/**
 * The add-on menu (Extensions › Sheet Schema) and the menu's confirm-then-apply flow.
 * onOpen may run in AuthMode.NONE: building the menu touches nothing but the Ui.
 */
import { errorMessage } from '../core/errors';
import { describePlan } from '../core/summary';
import type { ExecutionContext } from './context';
import { applySchema, previewSchema } from './schemaService';

/** Caption → public function name. Later features add their items here. */
export const MENU_ITEMS: ReadonlyArray<{ readonly caption: string; readonly functionName: string }> = [
  { caption: 'Extend schema', functionName: 'extendSchema' },
  { caption: 'Clear column cache', functionName: 'clearColumnCache' },
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
export function extendSchemaFromMenu(context: ExecutionContext): void {
  const ui = context.services.spreadsheetApp.getUi();
  try {
    const plan = previewSchema(context);
    if (plan.status !== 'changes') {
      ui.alert(TITLE, describePlan(plan), ui.ButtonSet.OK);
      return;
    }
    const answer = ui.alert(`${TITLE}: extend the schema?`, `${describePlan(plan)}\n\nApply these changes now?`, ui.ButtonSet.YES_NO);
    if (answer !== ui.Button.YES) {
      ui.alert(TITLE, 'Cancelled: nothing was written.', ui.ButtonSet.OK);
      return;
    }
    const result = applySchema(context, plan.fingerprint);
    ui.alert(`${TITLE}: done`, result.summary, ui.ButtonSet.OK);
  } catch (error) {
    ui.alert(TITLE, errorMessage(error), ui.ButtonSet.OK);
  }
}
