/**
 * Menu "Restore renamed headers…" and the argument check of the public restoreColumnHeader.
 * The menu lists every renamed managed column the preview reports and restores each one the
 * operator confirms (Yes/No per cell); nothing is written without that confirmation.
 */
import { errorMessage, SchemaError } from '../core/errors';
import { IDENTITY_CODES } from '../core/identityFindings';
import type { ExecutionContext } from './context';
import { type RestoreRequest, restoreColumnHeader } from './identityService';
import { previewSchema } from './schemaService';

const TITLE = 'Sheet Schema';
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
    throw new SchemaError(
      'BAD_ARGUMENT',
      'restoreColumnHeader expects no argument (menu) or { sheet, identity, confirmed: true } (sidebar). Nothing was written.',
    );
  return { sheet: request.sheet as string, identity: request.identity as string };
}

export function restoreHeadersFromMenu(context: ExecutionContext): void {
  const ui = context.services.spreadsheetApp.getUi();
  try {
    const renamed = previewSchema(context).sheets.flatMap((sheet) =>
      sheet.warnings.filter((w) => w.code === IDENTITY_CODES.renamed),
    );
    if (renamed.length === 0) {
      ui.alert(TITLE, 'No managed column is renamed: there is no header to restore.', ui.ButtonSet.OK);
      return;
    }
    const done: string[] = [];
    for (const finding of renamed) {
      const sheet = String(finding.params?.sheet);
      const identity = String(finding.params?.identity);
      const question = `${finding.message}\n\nWrite "${identity}" into ${finding.location} now? (one cell)`;
      if (ui.alert(`${TITLE}: restore header?`, question, ui.ButtonSet.YES_NO) !== ui.Button.YES) continue;
      done.push(restoreColumnHeader(context, { sheet, identity }).summary);
    }
    ui.alert(TITLE, done.length === 0 ? 'Cancelled: nothing was written.' : done.join('\n'), ui.ButtonSet.OK);
  } catch (error) {
    ui.alert(TITLE, errorMessage(error), ui.ButtonSet.OK);
  }
}
