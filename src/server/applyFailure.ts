/**
 * A failed apply, after its rollback: what history records (the outcome's code and the platform's
 * cause) and the error the operator is shown, in codes (APPLY_FAILED with its params), so the
 * menu and the sidebar word it in the operator's language. The message is the log's English.
 */
import { errorMessage, SchemaError } from '../core/errors';
import type { RecordedOutcome } from './applyHistory';

export interface FailedApply {
  readonly outcome: RecordedOutcome;
  readonly error: SchemaError;
}

/** `sheet`: the sheet being written when it failed (or the history sheet, written last). */
export function failedApply(
  error: unknown,
  rollback: { readonly complete: boolean; readonly error: unknown },
  sheet: string,
): FailedApply {
  const cause = errorMessage(error);
  // The add-on's own reason (a sheet deleted meanwhile) is worded by its code, not shown as Google's.
  const own: Record<string, string> = error instanceof SchemaError ? { causeCode: error.code } : { cause };
  const rollbackCause = rollback.complete ? '' : errorMessage(rollback.error);
  const state = rollback.complete
    ? 'was rolled back: the sheet is as it was'
    : `could not be fully rolled back (${rollbackCause}): run "Extend schema" again to complete it — it only adds what is missing`;
  return {
    outcome: { outcome: rollback.complete ? 'rolled-back' : 'incomplete', cause },
    error: new SchemaError(
      'APPLY_FAILED',
      `Sheet Schema: the apply failed while writing "${sheet}" and ${state}. Cause: ${cause}`,
      { sheet, ...own, undone: rollback.complete ? 'yes' : 'no', rollbackCause },
    ),
  };
}
