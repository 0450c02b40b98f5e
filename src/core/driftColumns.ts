/**
 * The check's view of the managed columns themselves: found (and maybe moved), deleted, renamed
 * or never added, judged against the previous check's baseline and the identity tags.
 */

import type { Finding } from '../shared/payloads';
import { a1, columnLetter } from './columnLetters';
import type { SheetBaseline } from './drift';
import { finding } from './finding';
import { type HeaderAnalysis, nearDuplicatesOf, visibleText } from './headers';
import type { IdentityResolution } from './identity';
import { declaredColumns, type ManagedSheet } from './schema';

export interface ManagedColumns {
  readonly findings: Finding[];
  /** Managed names never seen on this sheet: what the migrations would add. */
  readonly missing: Set<string>;
  readonly positions: Record<string, number>;
  readonly renamedTo: Record<string, string>;
  /** Columns reported as a rename (not reported again as near-duplicates or unknown columns). */
  readonly renamedAt: Set<number>;
}

export interface ColumnReading {
  readonly analysis: HeaderAnalysis;
  readonly texts: readonly string[];
  readonly previous: SheetBaseline | null;
  readonly resolution: IdentityResolution;
  /** Whether the sheet carries identity tags: then a missing column was deleted, with certainty. */
  readonly tagged: boolean;
}

/** Where each managed column is now, and what happened to those that moved, vanished or were renamed. */
export function managedColumns(managed: ManagedSheet, reading: ColumnReading): ManagedColumns {
  const { analysis, texts, previous, resolution } = reading;
  const declared = new Set(declaredColumns(managed).map((c) => c.name));
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
        // basis: the header comparison with the last check (an untagged sheet), not an identity tag.
        { sheet: managed.sheet, cell, identity: name, header: visibleText(text), basis: 'lastCheck' },
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
    { sheet: managed.sheet, identity: name, column: column === null ? '' : columnLetter(column) },
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
    { sheet: managed.sheet, cell, identity: name, from: columnLetter(from), to: columnLetter(to) },
  );
}
