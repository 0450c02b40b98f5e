/**
 * Menu "Restore renamed headers…" and the argument check of the public restoreColumnHeader.
 * The menu lists every renamed managed column the preview reports and restores each one the
 * operator confirms (Yes/No per cell); nothing is written without that confirmation.
 */

import { IDENTITY_CODES } from '../core/identityFindings';
import { dialogTitle } from '../shared/wording/dialogs';
import type { ExecutionContext } from './context';
import { type RestoreRequest, restoreColumnHeader } from './identityService';
import { dialogText, tell, tellError } from './menu';
import { previewSchema } from './schemaService';
import { badArgument } from './validate';

const MAX_NAME = 250;

/** `undefined` (menu) → null; `{ sheet, identity, confirmed: true }` → the request; anything else is refused. */
export function expectRestoreRequest(value: unknown): RestoreRequest | null {
  if (value === undefined) return null;
  const request = value as { sheet?: unknown; identity?: unknown; confirmed?: unknown };
  const valid =
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).length === 3 &&
    typeof request.sheet === 'string' &&
    typeof request.identity === 'string' &&
    request.sheet.length > 0 &&
    request.identity.length > 0 &&
    request.sheet.length <= MAX_NAME &&
    request.identity.length <= MAX_NAME &&
    request.confirmed === true;
  if (!valid)
    throw badArgument(
      'restoreColumnHeader expects no argument (menu) or { sheet, identity, confirmed: true } (sidebar). Nothing was written.',
    );
  return { sheet: request.sheet as string, identity: request.identity as string };
}

export function restoreHeadersFromMenu(context: ExecutionContext): void {
  const ui = context.services.spreadsheetApp.getUi();
  const x = dialogText(context);
  try {
    const plan = previewSchema(context);
    const renamed = [...plan.sheets, ...(plan.sources ?? [])].flatMap((sheet) =>
      sheet.warnings.filter((w) => w.code === IDENTITY_CODES.renamed && w.params !== undefined),
    );
    if (renamed.length === 0) {
      tell(ui, x, x.t('restore.none'));
      return;
    }
    const done: string[] = [];
    for (const { params, location } of renamed) {
      const sheet = String(params?.sheet);
      const identity = String(params?.identity);
      const question = x.t('restore.question', { cell: location ?? '', identity, header: String(params?.header) });
      if (ui.alert(dialogTitle(x, x.t('restore.title')), question, ui.ButtonSet.YES_NO) !== ui.Button.YES) continue;
      const result = restoreColumnHeader(context, { sheet, identity });
      done.push(x.t('restore.done', { cell: result.cell, identity: result.identity }));
    }
    tell(ui, x, done.length === 0 ? x.t('menu.cancelled') : done.join('\n'));
  } catch (error) {
    tellError(ui, x, error);
  }
}
