import { BUSY_MESSAGE, SchemaError } from '../core/errors';
import type { Logger } from '../core/logger';

/** Long enough to outlast a normal apply (a few seconds), short enough that an operator waits. */
export const LOCK_WAIT_MS = 10_000;

/**
 * Runs `work` holding the document lock. The document lock is null outside a document context
 * (a time-driven add-on execution opened by id); the user lock then serialises this user's runs
 * without blocking every other document the add-on is installed in, as the script lock would.
 */
export function withDocumentLock<T>(
  services: { readonly lockService: GoogleAppsScript.Lock.LockService; readonly logger: Logger },
  work: () => T,
  waitMs = LOCK_WAIT_MS,
): T {
  const lock = services.lockService.getDocumentLock() ?? services.lockService.getUserLock();
  if (!lock.tryLock(waitMs)) throw new SchemaError('BUSY', BUSY_MESSAGE);
  try {
    return work();
  } finally {
    releaseQuietly(lock, services.logger);
  }
}

/**
 * The platform releases a lock when the execution ends, so a failed release costs at most the
 * rest of this execution. It must not turn a change that landed (history written) into a reported
 * failure — the operator would retry a change that is done — nor replace the error of one that
 * failed (the rollback's outcome) with its own.
 */
function releaseQuietly(lock: GoogleAppsScript.Lock.Lock, logger: Logger): void {
  try {
    lock.releaseLock();
  } catch (error) {
    logger.warn(
      `Sheet Schema: could not release the lock (it is released when this execution ends): ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
