/**
 * A finding's Details in the operator's language: what exactly is wrong and what to do, from the
 * `detail.<CODE>` key filled with the finding's params (never from its English sentence, which
 * stays the log's text and the fallback for a code the catalogue does not know, or a stored
 * finding written before it carried params).
 */
import { CATALOGUES, type MessageKey, type Params } from '../messages';
import type { Finding } from '../payloads';
import { whereOf } from './check';
import type { LocalText } from './localText';

/** Codes whose params pick a variant of the wording: `detail.<CODE>.<variant>`. */
const VARIANTS: Readonly<Record<string, (p: Params) => string | number | undefined>> = {
  COLUMN_DELETED: (p) => (p.column === '' ? undefined : 'seen'),
  COLUMN_RENAMED: (p) => p.basis,
  UNKNOWN_COLUMNS: (p) => (p.n === undefined ? undefined : 'more'),
  HISTORY_DAMAGED: (p) => p.damage,
  DATA_QUALITY: (p) => p.kind,
  CELL_LIMIT: (p) => (Number(p.created) > 0 ? 'history' : undefined),
  PROTECTED_RANGE: (p) => (p.range === '' ? 'sheet' : undefined),
  PROTECTED_WARNING: (p) => (p.range === '' ? 'sheet' : undefined),
  PROTECTION_REMOVED: (p) => p.reason,
  NUMBER_FORMAT_CHANGED: (p) => p.reason,
  NOTE_CHANGED: (p) => p.reason,
};

const known = (key: string): key is MessageKey => key in CATALOGUES.en;

/** The catalogue key of a finding's details, or null when the catalogue has none for its code. */
export function detailKey(finding: Pick<Finding, 'code' | 'params'>): MessageKey | null {
  const base = `detail.${finding.code}`;
  if (!known(base)) return null;
  const variant = VARIANTS[finding.code]?.(finding.params ?? {});
  const specific = `${base}.${variant}`;
  return variant !== undefined && known(specific) ? specific : base;
}

export function findingDetail(x: LocalText, finding: Finding, sheet: string): string {
  const key = detailKey(finding);
  if (key === null || finding.params === undefined) return finding.message;
  const { startedAt } = finding.params;
  const params: Record<string, string | number> = { ...finding.params, ...whereOf(finding, sheet) };
  if (typeof startedAt === 'string') params.time = x.time(startedAt);
  return x.t(key, params);
}
