/**
 * The operator's language (Session.getActiveUserLocale(), available in every auth mode, so the
 * menu can be built with it in AuthMode.NONE) and the sidebar form of refusals.
 */
import { SchemaError } from '../core/errors';
import { languageOf, messages, type Translator } from '../shared/messages';
import type { Refusal, RefusalCode } from '../shared/payloads';

export function operatorMessages(session: GoogleAppsScript.Base.Session): Translator {
  let locale = '';
  try {
    locale = session.getActiveUserLocale();
  } catch {
    // No locale (e.g. an unusual auth mode): English, the platform's default.
  }
  return messages(languageOf(locale));
}

const REFUSAL_CODES: readonly RefusalCode[] = ['STALE_PLAN', 'BLOCKED', 'BUSY', 'METRICS_COLUMNS_MISSING'];

/** Runs a sidebar call; a refusal the sidebar handles by code is answered instead of thrown. */
export function answeringRefusals<T>(call: () => T): T | Refusal {
  try {
    return call();
  } catch (error) {
    if (error instanceof SchemaError && (REFUSAL_CODES as readonly string[]).includes(error.code))
      return { status: 'refused', code: error.code as RefusalCode, message: error.message };
    throw error;
  }
}
