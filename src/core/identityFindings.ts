/**
 * Findings about column identity, shared by the planner and the scheduled check. Each has a
 * stable code and structured params (sheet, cell, identity, header texts) so the sidebar and a
 * message catalogue never parse the sentence.
 */
import type { Finding } from '../shared/payloads';
import { a1, columnLetter } from './columnLetters';
import { finding } from './finding';
import { visibleText } from './headers';
import {
  IDENTITY_KEY,
  type IdentityResolution,
  METADATA_CHARACTER_LIMIT,
  neighbourCandidates,
  type ResolvedColumn,
} from './identity';

export const IDENTITY_CODES = {
  renamed: 'COLUMN_RENAMED',
  looksRenamed: 'COLUMN_LOOKS_RENAMED',
  duplicated: 'DUPLICATE_IDENTITY',
  contradicted: 'IDENTITY_MISMATCH',
  metadataLimit: 'METADATA_LIMIT',
} as const;

interface Where {
  readonly sheet: string;
  readonly headerRow: number;
}

/** A tagged column whose header is not its declared name: still found, reported, restorable. */
export function renamedFinding(where: Where, column: ResolvedColumn): Finding {
  const cell = a1(where.sheet, where.headerRow, column.column);
  return finding(
    IDENTITY_CODES.renamed,
    `${cell} reads "${visibleText(column.header)}" but is managed column "${column.identity}" (renamed). Sheet Schema still finds it by its identity and keeps writing there; restore the header to "${column.identity}" with "Restore header", or leave it.`,
    cell,
    { sheet: where.sheet, cell, column: columnLetter(column.column), identity: column.identity, header: column.header },
  );
}

export function duplicatedFindings(where: Where, resolution: IdentityResolution): Finding[] {
  return resolution.duplicated.map(({ identity, columns }) => {
    const cells = columns.map((c) => a1(where.sheet, where.headerRow, c));
    return finding(
      IDENTITY_CODES.duplicated,
      `Managed column "${identity}" is on ${columns.length} columns (${cells.join(', ')}), for example a copied column. Sheet Schema will not guess which holds the data: delete or rename the copy (and remove its data if it is one), then preview again.`,
      cells[1],
      { sheet: where.sheet, identity, cells: cells.join(', '), first: cells[0], second: cells[1] },
    );
  });
}

export function contradictedFindings(where: Where, resolution: IdentityResolution): Finding[] {
  return resolution.contradicted.map(({ identity, column, header }) => {
    const cell = a1(where.sheet, where.headerRow, column);
    return finding(
      IDENTITY_CODES.contradicted,
      `${cell} is tagged as managed column "${identity}" but its header is "${visibleText(header)}", another managed column: the headers were moved without their columns. Nothing is written until each managed header stands over its own column again.`,
      cell,
      { sheet: where.sheet, cell, identity, header },
    );
  });
}

/**
 * An untagged managed column that is missing while an unknown header stands where it should
 * (beside a declared neighbour, or where the last check saw it): a blocking "looks renamed",
 * never a silent second column.
 */
export function looksRenamedFindings(
  where: Where,
  declared: readonly string[],
  resolution: IdentityResolution,
  headers: readonly unknown[],
): Finding[] {
  const known = new Set(declared);
  const claimed = new Set([...resolution.columns.values()].map((c) => c.column));
  const candidates = neighbourCandidates(declared, resolution);
  const seen = new Set<string>();
  return candidates.flatMap(({ identity, column }) => {
    const text = headers[column - 1];
    if (seen.has(identity) || typeof text !== 'string' || text === '' || known.has(text) || claimed.has(column))
      return [];
    seen.add(identity);
    const cell = a1(where.sheet, where.headerRow, column);
    return [
      finding(
        IDENTITY_CODES.looksRenamed,
        `Managed column "${identity}" is missing and ${cell} reads "${visibleText(text)}" where it should stand: it looks like "${identity}" renamed. Sheet Schema will not add a second "${identity}" column: rename ${cell} back to "${identity}" (or, if it is another column, move it away), then preview again.`,
        cell,
        { sheet: where.sheet, cell, identity, header: text },
      ),
    ];
  });
}

/** The apply's tags must fit Google's 30,000-character budget per sheet (keys and values of all metadata). */
export function metadataLimitFinding(where: Where, used: number, identities: readonly string[]): Finding[] {
  const added = identities.reduce((sum, identity) => sum + IDENTITY_KEY.length + identity.length, 0);
  if (added === 0 || used + added <= METADATA_CHARACTER_LIMIT) return [];
  return [
    finding(
      IDENTITY_CODES.metadataLimit,
      `Tagging ${identities.length} columns of "${where.sheet}" needs ${added} characters of developer metadata, but the sheet already uses ${used} of Google's ${METADATA_CHARACTER_LIMIT} per sheet (other add-ons or scripts). Remove unused developer metadata from "${where.sheet}", then preview again.`,
      where.sheet,
      { sheet: where.sheet, used, needed: added, limit: METADATA_CHARACTER_LIMIT, columns: identities.join(', ') },
    ),
  ];
}
