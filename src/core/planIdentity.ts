/**
 * The planner's identity part: which declared columns must not be added (ambiguous or
 * apparently renamed), the identity findings, and the tags the apply writes. Pure.
 */
import type { Finding, PlannedColumn, PlannedTag } from '../shared/payloads';
import { columnLetter } from './columnLetters';
import type { HeaderAnalysis } from './headers';
import type { IdentityResolution } from './identity';
import {
  contradictedFindings,
  duplicatedFindings,
  looksRenamedFindings,
  metadataLimitFinding,
  renamedFinding,
} from './identityFindings';
import { declaredColumns, type ManagedSheet } from './schema';
import type { SheetSnapshot } from './snapshot';

export interface SheetReading {
  readonly managed: ManagedSheet;
  readonly snapshot: SheetSnapshot;
  readonly analysis: HeaderAnalysis;
  readonly resolution: IdentityResolution;
}

/** Identity findings: blocking (duplicated, contradicted, looks renamed, metadata budget) and the renames. */
export function identityFindings(
  reading: SheetReading,
  tags: readonly PlannedTag[],
): { errors: Finding[]; renamed: Finding[] } {
  const { managed, snapshot, resolution } = reading;
  const where = { sheet: managed.sheet, headerRow: managed.headerRow };
  return {
    errors: [
      ...duplicatedFindings(where, resolution),
      ...contradictedFindings(where, resolution),
      ...suspectedRenames(reading),
      ...metadataLimitFinding(
        where,
        snapshot.metadataCharacters ?? 0,
        tags.map((t) => t.identity),
      ),
    ],
    renamed: resolution.renamed.map((column) => renamedFinding(where, column)),
  };
}

/** Identities the plan must not add: ambiguous (duplicated, contradicted, duplicate header) or apparently renamed. */
export function unaddable(reading: SheetReading): Set<string> {
  const { analysis, resolution } = reading;
  return new Set([
    ...resolution.duplicated.map((d) => d.identity),
    ...resolution.contradicted.map((c) => c.identity),
    ...analysis.duplicates.map((d) => d.name),
    ...suspectedRenames(reading).map((f) => String(f.params?.identity)),
  ]);
}

/**
 * Only a sheet without tags needs guessing: on a tagged sheet the metadata says with certainty
 * that a missing column was deleted (its tag went with it), so it is added again, not suspected.
 */
function suspectedRenames({ managed, snapshot, resolution }: SheetReading): Finding[] {
  const declared = declaredColumns(managed).map((c) => c.name);
  const tagged = (snapshot.tags ?? []).some((t) => declared.includes(t.identity));
  if (tagged) return [];
  return looksRenamedFindings(
    { sheet: managed.sheet, headerRow: managed.headerRow },
    declared,
    resolution,
    snapshot.headers,
  );
}

export function plannedTags(reading: SheetReading, columnsToAdd: readonly PlannedColumn[]): PlannedTag[] {
  const migrationOf = (identity: string) =>
    reading.managed.migrations.find((m) => m.addColumns.some((c) => c.name === identity))?.id ?? null;
  const tag = (identity: string, index: number, reason: PlannedTag['reason']): PlannedTag => ({
    identity,
    migrationId: migrationOf(identity),
    index,
    letter: columnLetter(index),
    reason,
  });
  return [
    ...columnsToAdd.map((c) => tag(c.header, c.index, 'created')),
    ...reading.resolution.untagged.map((c) => tag(c.identity, c.column, 'adopted')),
  ];
}
