/**
 * Drift detection for the scheduled check: one managed sheet's header row, compared with the
 * declaration (pending migrations, duplicates, look-alikes) and with what the previous check saw
 * (deleted, renamed, moved and new columns). Pure — no Apps Script globals — so the check's
 * adapters only read two things per sheet (getLastColumn and the header row) and store the result.
 */

import type { CheckStatus, Finding } from '../shared/payloads';
import { a1, columnLetter, columnSpan } from './columnLetters';
import { headerFingerprint } from './columnMap';
import { finding } from './finding';
import { duplicateHeaderFindings, isNearDuplicateColumn, nearDuplicateHeaderFindings } from './headerFindings';
import { analyseHeaders, type HeaderAnalysis, nearDuplicatesOf, visibleText } from './headers';
import { type ColumnTag, type IdentityResolution, resolveIdentities } from './identity';
import { identityDriftFindings } from './identityDrift';
import { IDENTITY_CODES } from './identityFindings';
import type { ManagedSheet } from './schema';
import { RULE_FINDING_CODES } from './sheetRules';

/** What a check remembers about one sheet, so the next check can tell a rename from a move. */
export interface SheetBaseline {
  readonly headerFingerprint: string;
  /** Header texts by column (index 0 = column A), or null when too large to store. */
  readonly headers: readonly string[] | null;
  /** Managed column name → column where it was last seen (kept while the column is missing). */
  readonly managed: Readonly<Record<string, number>>;
  /** Managed names found renamed at the last check → the header text that replaced them. */
  readonly renamedTo: Readonly<Record<string, string>>;
}

export interface SheetDrift {
  readonly status: CheckStatus;
  /** Most important first: errors, drift, pending, informational. */
  readonly findings: readonly Finding[];
  /** Fingerprint of the header row as read (null when there is no header row). */
  readonly headerFingerprint: string | null;
  /** Whether the header row differs from the previous check's (null on the first check). */
  readonly headerChanged: boolean | null;
  /** What the next check compares with; the previous baseline when the sheet could not be read. */
  readonly baseline: SheetBaseline | null;
}

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
] as const;
export const PENDING_CODES = [
  'PENDING_MIGRATION',
  'INTERRUPTED_APPLY',
  'BLANK_DEFAULTS',
  ...RULE_FINDING_CODES,
] as const;

/** Unknown columns named one by one before the rest are summed up in one finding. */
const UNKNOWN_COLUMNS_NAMED = 10;
/** Header texts are stored and compared up to this length (keeps the baseline small). */
const STORED_HEADER_LENGTH = 80;

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

/** A managed sheet that does not exist: an error; the previous baseline is kept for when it returns. */
export function missingSheetDrift(managed: ManagedSheet, previous: SheetBaseline | null): SheetDrift {
  const message = `Sheet "${managed.sheet}" was not found. Sheet Schema manages a sheet with exactly that name: rename it back or restore it.`;
  return {
    status: 'error',
    findings: [finding('MISSING_SHEET', message, managed.sheet)],
    headerFingerprint: null,
    headerChanged: null,
    baseline: previous,
  };
}

/**
 * @param headers the header row as read (`getRange(headerRow, 1, 1, lastColumn).getValues()[0]`)
 * @param lastColumn `getLastColumn()` when read (0 on an empty sheet)
 * @param previous the baseline of the previous check, null on the first check
 * @param tags the identity tags on this sheet's columns (one find() per check); null when not read
 */
export function detectDrift(
  managed: ManagedSheet,
  headers: readonly unknown[],
  lastColumn: number,
  previous: SheetBaseline | null,
  tags: readonly ColumnTag[] | null = null,
): SheetDrift {
  const analysis = analyseHeaders(headers);
  if (lastColumn === 0 || analysis.lastHeaderColumn === 0) {
    const code = lastColumn === 0 ? 'EMPTY_SHEET' : 'NO_HEADER_ROW';
    const message = `Row ${managed.headerRow} of "${managed.sheet}" holds no headers${lastColumn === 0 ? ' (the sheet is empty)' : ''}: put the headers back.`;
    return {
      status: 'error',
      findings: [finding(code, message, a1(managed.sheet, managed.headerRow, 1))],
      headerFingerprint: null,
      headerChanged: null,
      baseline: previous,
    };
  }
  const texts = storedTexts(headers);
  const fingerprint = headerFingerprint(headers);
  const declared = managed.migrations.flatMap((m) => m.addColumns.map((c) => c.name));
  const resolution = resolveIdentities(declared, headers, analysis, tags ?? []);
  const tagged = (tags ?? []).length > 0;
  const columns = managedColumns(managed, { analysis, texts, previous, resolution, tagged });
  const identity =
    tags === null
      ? []
      : identityDriftFindings({ managed, resolution, headers, tagged, previous: previous?.managed ?? {} });
  // A column that looks renamed is not pending: adding it would split its data.
  for (const f of identity)
    if (f.code === IDENTITY_CODES.looksRenamed) columns.missing.delete(String(f.params?.identity));
  const findings = [
    ...duplicateHeaderFindings(managed, analysis, 'check'),
    ...columns.findings,
    ...identity,
    ...nearDuplicateHeaderFindings(managed, analysis, { audience: 'check', skipColumns: columns.renamedAt }),
    ...pendingFindings(managed, analysis, columns.missing),
    ...unknownColumnFindings(managed, analysis, texts, previous, columns.renamedAt),
  ].sort((x, y) => severityOf(x.code) - severityOf(y.code));
  return {
    status: statusOfFindings(findings),
    findings,
    headerFingerprint: fingerprint,
    headerChanged: previous === null ? null : previous.headerFingerprint !== fingerprint,
    baseline: {
      headerFingerprint: fingerprint,
      headers: texts,
      managed: columns.positions,
      renamedTo: columns.renamedTo,
    },
  };
}

/** Header cells as the baseline stores them: text, capped; non-text cells by their string form. */
function storedTexts(headers: readonly unknown[]): string[] {
  return headers.map((value) => {
    const text =
      value instanceof Date ? value.toISOString() : value === null || value === undefined ? '' : String(value);
    return text.slice(0, STORED_HEADER_LENGTH);
  });
}

interface ManagedColumns {
  readonly findings: Finding[];
  /** Managed names never seen on this sheet: what the migrations would add. */
  readonly missing: Set<string>;
  readonly positions: Record<string, number>;
  readonly renamedTo: Record<string, string>;
  /** Columns reported as a rename (not reported again as near-duplicates or unknown columns). */
  readonly renamedAt: Set<number>;
}

interface Reading {
  readonly analysis: HeaderAnalysis;
  readonly texts: readonly string[];
  readonly previous: SheetBaseline | null;
  readonly resolution: IdentityResolution;
  /** Whether the sheet carries identity tags: then a missing column was deleted, with certainty. */
  readonly tagged: boolean;
}

function managedColumns(managed: ManagedSheet, reading: Reading): ManagedColumns {
  const { analysis, texts, previous, resolution } = reading;
  const declared = new Set(managed.migrations.flatMap((m) => m.addColumns.map((c) => c.name)));
  const result: ManagedColumns = {
    findings: [],
    missing: new Set<string>(),
    positions: {},
    renamedTo: {},
    renamedAt: new Set<number>(resolution.renamed.map((c) => c.column)),
  };
  for (const name of declared) {
    const found = resolution.columns.get(name);
    const present = found === undefined ? analysis.columnsByName.get(name) : [found.column];
    const last = previous?.managed[name];
    if (present !== undefined) {
      result.positions[name] = present.length === 1 || last === undefined ? present[0] : last;
      if (present.length === 1 && last !== undefined && last !== present[0])
        result.findings.push(movedFinding(managed, name, last, present[0]));
    } else if (reading.tagged && !ambiguousIdentity(resolution, name)) {
      if (last !== undefined) result.positions[name] = last;
      result.findings.push(deletedFinding(managed, name, last ?? null));
    } else if (last === undefined) {
      result.missing.add(name);
    } else {
      result.positions[name] = last;
      missingColumn(managed, name, last, { analysis, texts, declared, previous }, result);
    }
  }
  return result;
}

interface Evidence {
  readonly analysis: HeaderAnalysis;
  readonly texts: readonly string[];
  readonly declared: ReadonlySet<string>;
  readonly previous: SheetBaseline | null;
}

/** A managed column seen before and missing now: renamed if a new or look-alike header took its place, else deleted. */
function missingColumn(
  managed: ManagedSheet,
  name: string,
  column: number,
  evidence: Evidence,
  result: ManagedColumns,
): void {
  const text = evidence.texts[column - 1] ?? '';
  if (isRename(name, column, text, evidence)) {
    result.renamedTo[name] = text;
    result.renamedAt.add(column);
    const cell = a1(managed.sheet, managed.headerRow, column);
    result.findings.push(
      finding(
        'COLUMN_RENAMED',
        `${cell} reads "${visibleText(text)}" where managed column "${name}" was at the last check: it looks renamed. Rename it back to exactly "${name}" — Sheet Schema finds columns by name, and "Extend schema" would otherwise add "${name}" again.`,
        cell,
      ),
    );
    return;
  }
  result.findings.push(deletedFinding(managed, name, column));
}

function ambiguousIdentity(resolution: IdentityResolution, name: string): boolean {
  return [...resolution.duplicated, ...resolution.contradicted].some((d) => d.identity === name);
}

/** `column` is where the last check saw it; null on a tagged sheet without baseline (deleted: its tag went with it). */
function deletedFinding(managed: ManagedSheet, name: string, column: number | null): Finding {
  const where = column === null ? '' : `: it was in ${columnLetter(column)} at the last check`;
  return finding(
    'COLUMN_DELETED',
    `Managed column "${name}" is gone from "${managed.sheet}"${where} (its identity tag went with it). Restore it (File › Version history) if its data matters; "Extend schema" would add it again with default values.`,
    column === null ? managed.sheet : a1(managed.sheet, managed.headerRow, column),
  );
}

function isRename(name: string, column: number, text: string, { analysis, declared, previous }: Evidence): boolean {
  if (text === '' || declared.has(text)) return false;
  if (previous?.renamedTo[name] === text) return true;
  if (nearDuplicatesOf(name, analysis).some((cell) => cell.column === column)) return true;
  // A header that already existed elsewhere and slid into the gap means a deletion, not a rename.
  const known = previous?.headers;
  return known !== null && known !== undefined && !known.includes(text);
}

function movedFinding(managed: ManagedSheet, name: string, from: number, to: number): Finding {
  const cell = a1(managed.sheet, managed.headerRow, to);
  return finding(
    'COLUMN_MOVED',
    `Managed column "${name}" moved from ${columnLetter(from)} to ${columnLetter(to)} (${cell}) since the last check. Sheet Schema finds columns by name, so it still works; formulas or scripts that use column positions may not.`,
    cell,
  );
}

/**
 * One finding per migration with columns never seen on this sheet. Locations follow the planner:
 * missing columns go right of the last header, in declaration order.
 */
function pendingFindings(managed: ManagedSheet, analysis: HeaderAnalysis, missing: ReadonlySet<string>): Finding[] {
  let next = analysis.lastHeaderColumn + 1;
  const findings: Finding[] = [];
  for (const migration of managed.migrations) {
    const absent = migration.addColumns.filter((c) => !analysis.columnsByName.has(c.name));
    const pending = absent.filter((c) => missing.has(c.name));
    if (pending.length > 0) {
      const first = next + absent.indexOf(pending[0]);
      findings.push(
        finding(
          'PENDING_MIGRATION',
          `Migration ${migration.id} is pending on "${managed.sheet}": ${pending.length} column${pending.length === 1 ? '' : 's'} to add (${pending.map((c) => c.name).join(', ')}) at ${columnSpan(first, pending.length)}. Run "Extend schema", or turn on auto-repair.`,
          a1(managed.sheet, managed.headerRow, first, 1, pending.length),
        ),
      );
    }
    next += absent.length;
  }
  return findings;
}

/** Headers outside the schema that were not there at the last check: informational only. */
function unknownColumnFindings(
  managed: ManagedSheet,
  analysis: HeaderAnalysis,
  texts: readonly string[],
  previous: SheetBaseline | null,
  renamedAt: ReadonlySet<number>,
): Finding[] {
  if (previous === null || previous.headers === null) return [];
  const known = new Set(previous.headers);
  const declared = new Set(managed.migrations.flatMap((m) => m.addColumns.map((c) => c.name)));
  const fresh: number[] = [];
  texts.forEach((text, i) => {
    const column = i + 1;
    if (
      text !== '' &&
      !known.has(text) &&
      !declared.has(text) &&
      !renamedAt.has(column) &&
      !isNearDuplicateColumn(managed, analysis, column)
    )
      fresh.push(column);
  });
  const named = fresh.slice(0, UNKNOWN_COLUMNS_NAMED).map((column) => {
    const cell = a1(managed.sheet, managed.headerRow, column);
    return finding(
      'UNKNOWN_COLUMNS',
      `${cell} "${visibleText(texts[column - 1])}" is new since the last check and not in the schema (informational: Sheet Schema leaves it alone).`,
      cell,
    );
  });
  const rest = fresh.slice(UNKNOWN_COLUMNS_NAMED);
  if (rest.length === 0) return named;
  const span = a1(managed.sheet, managed.headerRow, rest[0], 1, rest[rest.length - 1] - rest[0] + 1);
  return [
    ...named,
    finding('UNKNOWN_COLUMNS', `${rest.length} more new columns not in the schema, in ${span} (informational).`, span),
  ];
}
