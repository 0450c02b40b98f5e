/**
 * An error the add-on raises on purpose: its code (and params, the structured values its English
 * message names: sheet, columns, the platform's cause) let the menu and the sidebar word it in the
 * operator's language; the message is the log's text. Anything else that escapes is a platform failure.
 */
export class SchemaError extends Error {
  constructor(
    readonly code: SchemaErrorCode,
    message: string,
    readonly params: Readonly<Record<string, string | number>> = {},
  ) {
    super(message);
    this.name = 'SchemaError';
  }
}

export type SchemaErrorCode =
  | 'BUSY'
  | 'STALE_PLAN'
  | 'BLOCKED'
  | 'BAD_ARGUMENT'
  | 'NO_SPREADSHEET'
  | 'COLUMN_NOT_FOUND'
  | 'SHEET_NOT_FOUND'
  | 'METRICS_COLUMNS_MISSING'
  | 'METRICS_WRITE_FAILED'
  | 'APPLY_FAILED'
  | 'TOO_MANY_TRIGGERS'
  | 'NOT_FROM_A_TRIGGER'
  | 'NOT_MANAGED'
  | 'NOTHING_TO_RESTORE';

export const BUSY_MESSAGE =
  'Sheet Schema: another schema change is running — try again in a minute. Nothing was written.';
export const STALE_PLAN_MESSAGE =
  'Sheet Schema: the sheet changed since this preview, so nothing was written. Review the refreshed preview and apply again.';

/** An error's own text; an Error from another realm (a host object, a library's) is read by its message too. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  const message = typeof error === 'object' && error !== null ? (error as { message?: unknown }).message : undefined;
  return typeof message === 'string' ? message : String(error);
}
