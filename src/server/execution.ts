/**
 * The plumbing of the public functions (src/server/main.ts): one ExecutionContext per Apps Script
 * execution over the real services, and the wrappers that put a refusal in the operator's words.
 * Kept apart so main.ts holds only the public surface; nothing here becomes a global.
 */
import { ExecutionContext, type Services } from './context';
import { inOperatorWords } from './locale';

let execution: ExecutionContext | null = null;

/** Apps Script loads the script afresh for every execution, so this lives for one execution. */
export function context(): ExecutionContext {
  execution ??= new ExecutionContext(globalServices());
  return execution;
}

export function globalServices(): Services {
  return {
    spreadsheetApp: SpreadsheetApp,
    cacheService: CacheService,
    lockService: LockService,
    propertiesService: PropertiesService,
    session: Session,
    htmlService: HtmlService,
    scriptApp: ScriptApp,
    now: () => Date.now(),
    logger: console,
  };
}

/**
 * A public function's argument check: a stale or crafted sidebar's wrong argument (BAD_ARGUMENT)
 * reaches it in the operator's words. Session only on failure: nothing is read when the check passes.
 */
export function checked<T>(check: () => T): T {
  return inOperatorWords(Session, check);
}

/** A sidebar toggle: its refusals (every trigger in use…) reach the sidebar in the operator's words. */
export function sidebarCall<T>(call: (current: ExecutionContext) => T): T {
  const current = context();
  return inOperatorWords(current.services.session, () => call(current));
}

/** Row inserts, deletes and sorts (a sort reports OTHER: UNCONFIRMED, docs/platform.md) move unions between rows. */
export function isRowStructureChange(changeType: unknown): boolean {
  return changeType === 'INSERT_ROW' || changeType === 'REMOVE_ROW' || changeType === 'OTHER';
}
