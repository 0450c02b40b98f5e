/**
 * Refusals and failures in the operator's words, by code and params (a SchemaError in the menu,
 * a Refusal in the sidebar): the sentence of the code, then the platform's cause as Google gave
 * it. Null for a code without wording: the caller shows its generic headline and the server text.
 */
import { CATALOGUES, type MessageKey, type Params, type Translator } from '../messages';
import type { Refusal } from '../payloads';

type Wording = (x: Translator, params: Params) => string;

const said =
  (key: MessageKey): Wording =>
  (x, params) =>
    x.t(key, params);

/** `base.variant` when the catalogue has it, else `base`. */
function variant(base: MessageKey, name: string | number | undefined): MessageKey {
  const key = `${base}.${name}`;
  return name !== undefined && key in CATALOGUES.en ? (key as MessageKey) : base;
}

const BY_CODE: Readonly<Record<string, Wording>> = {
  STALE_PLAN: said('result.stale'),
  BUSY: said('result.busy'),
  BLOCKED: (x, params) => x.t('failure.blockedNow', { n: Number(params.n ?? 0) }),
  METRICS_COLUMNS_MISSING: said('metrics.needsSchema'),
  TOO_MANY_TRIGGERS: (x, params) =>
    x.t(params.limit === undefined ? 'dialog.tooManyTriggers' : 'failure.tooManyTriggers', params),
  APPLY_FAILED: (x, params) => x.t(params.undone === 'yes' ? 'failure.applyUndone' : 'failure.applyIncomplete', params),
  SHEET_NOT_FOUND: said('failure.sheetNotFound'),
  NOTHING_TO_RESTORE: (x, params) => x.t(variant('failure.nothingToRestore', params.reason), params),
  METRICS_WRITE_FAILED: (x, params) =>
    x.t(params.putBack === 'yes' ? 'failure.metricsPutBack' : 'failure.metricsNotPutBack', params),
  BAD_ARGUMENT: said('failure.badArgument'),
  NO_SPREADSHEET: said('failure.noSpreadsheet'),
  NOT_MANAGED: said('failure.notManaged'),
  COLUMN_NOT_FOUND: (x, params) => x.t(variant('failure.columnNotFound', params.reason), params),
};

export interface CodedFailure {
  readonly code?: string;
  readonly params?: Params;
}

export function failureLines(x: Translator, failure: CodedFailure): string[] | null {
  const wording = failure.code === undefined ? undefined : BY_CODE[failure.code];
  if (wording === undefined) return null;
  const params = failure.params ?? {};
  // The add-on's own reason (causeCode) is worded by its code; a platform cause is shown as Google's.
  const own = typeof params.causeCode === 'string' ? BY_CODE[params.causeCode] : undefined;
  const cause =
    typeof params.cause === 'string' && params.cause !== '' ? [x.t('failure.cause', { cause: params.cause })] : [];
  return [wording(x, params), ...(own === undefined ? cause : [own(x, params)])];
}

/** A sidebar Refusal in the operator's words: every refusal code has a sentence (never the English message). */
export function refusalLines(x: Translator, refusal: Refusal): string[] {
  return failureLines(x, refusal) ?? [x.t('error.generic')];
}

/** A failure's Details: its wording by code, else only the platform's cause (as Google gave it). */
export function failureDetail(x: Translator, failure: CodedFailure): string[] {
  const cause = failure.params?.cause;
  return (
    failureLines(x, failure) ?? (typeof cause === 'string' && cause !== '' ? [x.t('failure.cause', { cause })] : [])
  );
}
