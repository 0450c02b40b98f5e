/**
 * Drift detection for the scheduled check: one managed sheet's header row, compared with the
 * declaration (pending migrations, duplicates, look-alikes) and with what the previous check saw
 * (deleted, renamed, moved and new columns). Pure — no Apps Script globals — so the check's
 * adapters only read two things per sheet (getLastColumn and the header row) and store the result.
 */

import type { CheckStatus, Finding } from '../shared/payloads';
import { a1, columnSpan } from './columnLetters';
import { headerFingerprint } from './columnMap';
import { severityOf, statusOfFindings } from './driftCodes';
import { managedColumns } from './driftColumns';
import { finding } from './finding';
import { duplicateHeaderFindings, isNearDuplicateColumn, nearDuplicateHeaderFindings } from './headerFindings';
import { analyseHeaders, type HeaderAnalysis, visibleText } from './headers';
import { type ColumnTag, resolveIdentities } from './identity';
import { identityDriftFindings } from './identityDrift';
import { IDENTITY_CODES } from './identityFindings';
import { declaredColumns, type ManagedSheet } from './schema';

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

/** Unknown columns named one by one before the rest are summed up in one finding. */
const UNKNOWN_COLUMNS_NAMED = 10;
/** Header texts are stored and compared up to this length (keeps the baseline small). */
const STORED_HEADER_LENGTH = 80;

/** A managed sheet that does not exist: an error; the previous baseline is kept for when it returns. */
export function missingSheetDrift(managed: ManagedSheet, previous: SheetBaseline | null): SheetDrift {
  const message = `Sheet "${managed.sheet}" was not found. Sheet Schema manages a sheet with exactly that name: rename it back or restore it.`;
  return {
    status: 'error',
    findings: [finding('MISSING_SHEET', message, managed.sheet, { sheet: managed.sheet })],
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
      findings: [
        finding(code, message, a1(managed.sheet, managed.headerRow, 1), {
          sheet: managed.sheet,
          row: managed.headerRow,
        }),
      ],
      headerFingerprint: null,
      headerChanged: null,
      baseline: previous,
    };
  }
  const texts = storedTexts(headers);
  const fingerprint = headerFingerprint(headers);
  const declared = declaredColumns(managed).map((c) => c.name);
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
          {
            sheet: managed.sheet,
            migration: migration.id,
            n: pending.length,
            columns: pending.map((c) => c.name).join(', '),
            span: columnSpan(first, pending.length),
          },
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
  const declared = new Set(declaredColumns(managed).map((c) => c.name));
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
      { sheet: managed.sheet, cell, header: visibleText(texts[column - 1]) },
    );
  });
  const rest = fresh.slice(UNKNOWN_COLUMNS_NAMED);
  if (rest.length === 0) return named;
  const span = a1(managed.sheet, managed.headerRow, rest[0], 1, rest[rest.length - 1] - rest[0] + 1);
  return [
    ...named,
    finding('UNKNOWN_COLUMNS', `${rest.length} more new columns not in the schema, in ${span} (informational).`, span, {
      sheet: managed.sheet,
      n: rest.length,
      span,
    }),
  ];
}
