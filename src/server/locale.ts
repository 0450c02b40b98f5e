/**
 * The operator's language (Session.getActiveUserLocale(), available in every auth mode, so the
 * menu can be built with it in AuthMode.NONE) and the sidebar form of refusals.
 */
import { SchemaError } from '../core/errors';
import type { Logger } from '../core/logger';
import { languageOf, messages, type Translator } from '../shared/messages';
import type { Refusal, RefusalCode } from '../shared/payloads';
import { failureLines } from '../shared/wording/failure';

export function operatorMessages(session: GoogleAppsScript.Base.Session): Translator {
  let locale = '';
  try {
    locale = session.getActiveUserLocale();
  } catch {
    // No locale (e.g. an unusual auth mode): English, the platform's default.
  }
  return messages(languageOf(locale));
}

const REFUSAL_CODES: readonly RefusalCode[] = [
  'STALE_PLAN',
  'BLOCKED',
  'BUSY',
  'METRICS_COLUMNS_MISSING',
  'APPLY_FAILED',
  'METRICS_WRITE_FAILED',
];

/**
 * Runs a sidebar call; a refusal or failure the sidebar words by code is answered instead of
 * thrown (a failure is logged first: answered, it no longer fails the execution). Any other
 * SchemaError the catalogue words is thrown again in the operator's words (`session`).
 */
export function answeringRefusals<T>(
  call: () => T,
  logger: Logger,
  session?: GoogleAppsScript.Base.Session,
): T | Refusal {
  try {
    return call();
  } catch (error) {
    if (!(error instanceof SchemaError)) throw error;
    if (!(REFUSAL_CODES as readonly string[]).includes(error.code))
      throw session === undefined ? error : inWords(session, error);
    if (FAILURE_CODES.includes(error.code)) logger.warn(error.message);
    const { code, message, params } = error;
    return { status: 'refused', code: code as RefusalCode, message, params };
  }
}

const FAILURE_CODES: readonly string[] = ['APPLY_FAILED', 'METRICS_WRITE_FAILED'];

/**
 * A sidebar call whose failure the sidebar can only show as text (google.script.run passes an
 * error's message alone): a SchemaError the catalogue words is thrown again in the operator's words.
 */
export function inOperatorWords<T>(session: GoogleAppsScript.Base.Session, call: () => T): T {
  try {
    return call();
  } catch (error) {
    throw error instanceof SchemaError ? inWords(session, error) : error;
  }
}

/** The same refusal (code and params kept) with the operator's sentence as its message; as it was when unworded. */
function inWords(session: GoogleAppsScript.Base.Session, error: SchemaError): SchemaError {
  const lines = failureLines(operatorMessages(session), error);
  return lines === null ? error : new SchemaError(error.code, lines.join(' '), error.params);
}
