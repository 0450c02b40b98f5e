/**
 * The scheduled check's identity findings: renames of tagged columns (certain), suspected
 * renames on untagged sheets, duplicated and contradicted identities, and untagged columns the
 * next apply will adopt (informational). Pure.
 */
import type { Finding } from '../shared/payloads';
import { a1 } from './columnLetters';
import type { IdentityResolution } from './identity';
import { contradictedFindings, duplicatedFindings, looksRenamedFindings, renamedFinding } from './identityFindings';
import { declaredColumns, type ManagedSheet } from './schema';

export interface IdentityDriftInput {
  readonly managed: ManagedSheet;
  readonly resolution: IdentityResolution;
  readonly headers: readonly unknown[];
  /** Whether the sheet carries identity tags. */
  readonly tagged: boolean;
  /** Where the previous check saw each managed column. */
  readonly previous: Readonly<Record<string, number>>;
}

export const UNTAGGED_CODE = 'COLUMNS_UNTAGGED';

export function identityDriftFindings(input: IdentityDriftInput): Finding[] {
  const { managed, resolution, headers, tagged } = input;
  const where = { sheet: managed.sheet, headerRow: managed.headerRow };
  const declared = declaredColumns(managed).map((c) => c.name);
  // With a baseline, an untagged rename is already reported by the header comparison (COLUMN_RENAMED).
  const suspected = tagged
    ? []
    : looksRenamedFindings(where, declared, resolution, headers).filter(
        (f) => input.previous[String(f.params?.identity)] === undefined,
      );
  return [
    ...resolution.renamed.map((column) => renamedFinding(where, column)),
    ...duplicatedFindings(where, resolution),
    ...contradictedFindings(where, resolution),
    ...suspected,
    ...untaggedFinding(
      where,
      resolution.untagged.map((c) => c.column),
    ),
  ];
}

/** Informational: exact-header columns the next apply tags (adopts). */
export function untaggedFinding(managed: { sheet: string; headerRow: number }, columns: readonly number[]): Finding[] {
  const untagged = columns;
  if (untagged.length === 0) return [];
  const cells = untagged.map((column) => a1(null, managed.headerRow, column)).join(', ');
  return [
    {
      code: UNTAGGED_CODE,
      message: `${untagged.length} managed column${untagged.length === 1 ? '' : 's'} of "${managed.sheet}" (${cells}) carry no identity tag yet; the next apply tags them so they stay found if their headers are renamed (informational).`,
      location: managed.sheet,
      params: { sheet: managed.sheet, cells, count: untagged.length },
    },
  ];
}
