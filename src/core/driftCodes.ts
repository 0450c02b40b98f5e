/**
 * How the scheduled check ranks its findings: each code implies a status (error, drift,
 * pending); the sheet's status is its worst finding's, the run's the worst of its sheets'.
 */

import type { CheckStatus, Finding } from '../shared/payloads';
import { IDENTITY_CODES } from './identityFindings';
import { RULE_FINDING_CODES } from './sheetRules';
import { SOURCE_CODES } from './sourcePlan';

/** Codes of findings, by the status they imply; any other (UNKNOWN_COLUMNS) is informational. */
export const ERROR_CODES = ['MISSING_SHEET', 'EMPTY_SHEET', 'NO_HEADER_ROW', 'CHECK_FAILED'] as const;
export const DRIFT_CODES = [
  'COLUMN_DELETED',
  'COLUMN_RENAMED',
  'COLUMN_MOVED',
  'DUPLICATE_HEADER',
  'NEAR_DUPLICATE_HEADER',
  IDENTITY_CODES.looksRenamed,
  IDENTITY_CODES.duplicated,
  IDENTITY_CODES.contradicted,
  // A read column gone from a source sheet (Uniones) that is there: someone broke what the metrics read.
  SOURCE_CODES.columnMissing,
] as const;
export const PENDING_CODES = [
  'PENDING_MIGRATION',
  'INTERRUPTED_APPLY',
  'BLANK_DEFAULTS',
  ...RULE_FINDING_CODES,
] as const;

export function severityOf(code: string): 0 | 1 | 2 | 3 {
  if ((ERROR_CODES as readonly string[]).includes(code)) return 0;
  if ((DRIFT_CODES as readonly string[]).includes(code)) return 1;
  if ((PENDING_CODES as readonly string[]).includes(code)) return 2;
  return 3;
}

export function statusOfFindings(findings: readonly Finding[]): CheckStatus {
  const worst = Math.min(3, ...findings.map((f) => severityOf(f.code)));
  return (['error', 'drift', 'pending', 'ok'] as const)[worst];
}

/** The worst of several statuses (error > drift > pending > ok). */
export function worstStatus(statuses: readonly CheckStatus[]): CheckStatus {
  const order: readonly CheckStatus[] = ['error', 'drift', 'pending', 'ok'];
  return order[Math.min(3, ...statuses.map((s) => order.indexOf(s)))];
}
