/**
 * Check results as text (alerts, sidebar) and as stored JSON: a property value holds at most
 * 9 KB, so a result with many findings keeps the most important ones and says how many it left out.
 */

import type { CheckResult, CheckStatus, SheetCheck } from '../shared/payloads';
import { utf8Length } from './columnMap';
import type { SheetBaseline } from './drift';
import { severityOf } from './driftCodes';

/** Headroom under the 9 KB limit, whose exact accounting (key included or not) is UNCONFIRMED. */
export const STORED_VALUE_BUDGET_BYTES = 8 * 1024;
const MAX_MESSAGE_LENGTH = 400;

const STATUS_LABEL: Readonly<Record<CheckStatus, string>> = {
  ok: 'OK',
  drift: 'drift',
  pending: 'migrations pending',
  error: 'error',
};

/** "Operaciones: drift — 1 deleted, 2 moved." One line per sheet. */
export function describeSheetCheck(sheet: SheetCheck): string {
  const counts = new Map<string, number>();
  for (const f of sheet.findings) counts.set(f.code, (counts.get(f.code) ?? 0) + 1);
  const parts = [...counts].map(([code, n]) => `${n} ${CODE_LABEL[code]?.[n === 1 ? 0 : 1] ?? code.toLowerCase()}`);
  const unchanged = sheet.headerChanged === false ? ' (header row unchanged since the last check)' : '';
  return `${sheet.sheet}: ${STATUS_LABEL[sheet.status]}${parts.length > 0 ? ` — ${parts.join(', ')}` : unchanged}.`;
}

/** Singular and plural label of each finding code, for the one-line summaries. */
const CODE_LABEL: Readonly<Record<string, readonly [string, string]>> = {
  COLUMN_DELETED: ['deleted', 'deleted'],
  COLUMN_RENAMED: ['renamed', 'renamed'],
  COLUMN_MOVED: ['moved', 'moved'],
  DUPLICATE_HEADER: ['duplicated header', 'duplicated headers'],
  NEAR_DUPLICATE_HEADER: ['look-alike header', 'look-alike headers'],
  PENDING_MIGRATION: ['pending migration', 'pending migrations'],
  UNKNOWN_COLUMNS: ['new column outside the schema', 'new columns outside the schema'],
  MISSING_SHEET: ['missing sheet', 'missing sheets'],
  EMPTY_SHEET: ['empty sheet', 'empty sheets'],
  NO_HEADER_ROW: ['missing header row', 'missing header rows'],
  CHECK_FAILED: ['failed read', 'failed reads'],
  VALIDATION_REMOVED: ['validation missing', 'validations missing'],
  VALIDATION_CHANGED: ['validation changed', 'validations changed'],
  PROTECTION_REMOVED: ['protection missing', 'protections missing'],
  NUMBER_FORMAT_CHANGED: ['number format changed', 'number formats changed'],
  NOTE_CHANGED: ['header note changed', 'header notes changed'],
};

/**
 * The result as it fits one property value: messages capped, then the least important findings
 * dropped (informational first, last sheet first) until the JSON fits; `findingsOmitted` counts them.
 */
export function fitCheckResult(result: CheckResult, maxBytes = STORED_VALUE_BUDGET_BYTES): CheckResult {
  const sheets = result.sheets.map((s) => ({
    ...s,
    findings: s.findings.map((f) => ({ ...f, message: cap(f.message) })),
  }));
  let fitted: CheckResult = { ...result, sheets };
  let omitted = result.findingsOmitted;
  while (utf8Length(JSON.stringify(fitted)) > maxBytes) {
    const victim = leastImportant(fitted.sheets);
    if (victim === null) break;
    omitted++;
    fitted = {
      ...fitted,
      findingsOmitted: omitted,
      sheets: fitted.sheets.map((s, i) =>
        i === victim.sheet ? { ...s, findings: s.findings.filter((_, j) => j !== victim.finding) } : s,
      ),
    };
  }
  return fitted;
}

function cap(message: string): string {
  return message.length > MAX_MESSAGE_LENGTH ? `${message.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : message;
}

/** Position of the finding to drop first: highest severity number, then the latest. */
function leastImportant(sheets: readonly SheetCheck[]): { sheet: number; finding: number } | null {
  let best: { sheet: number; finding: number } | null = null;
  let bestSeverity = -1;
  for (let i = 0; i < sheets.length; i++) {
    for (let j = 0; j < sheets[i].findings.length; j++) {
      const severity = severityOf(sheets[i].findings[j].code);
      if (severity >= bestSeverity) {
        best = { sheet: i, finding: j };
        bestSeverity = severity;
      }
    }
  }
  return best;
}

/** A baseline too large for one property value keeps positions but forgets header texts. */
export function fitBaseline(baseline: SheetBaseline, maxBytes = STORED_VALUE_BUDGET_BYTES): SheetBaseline {
  return utf8Length(JSON.stringify(baseline)) <= maxBytes ? baseline : { ...baseline, headers: null };
}
