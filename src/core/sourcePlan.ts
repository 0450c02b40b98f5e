/**
 * Source sheets: sheets the add-on only reads by name (Uniones, for the union metrics). The apply
 * tags their read columns like the managed ones, so a renamed or moved source column is still
 * found; their problems are warnings, never errors: a broken source sheet stops the metrics, not
 * the extension of the managed sheet. Pure.
 */
import type { Finding, PlannedTag, SourceSheetPlan } from '../shared/payloads';
import { a1, columnLetter } from './columnLetters';
import { analyseHeaders, nearDuplicatesOf, visibleText } from './headers';
import { type ColumnTag, type IdentityResolution, identitiesOf, resolveIdentities } from './identity';
import { contradictedFindings, duplicatedFindings, metadataLimitFinding, renamedFinding } from './identityFindings';
import type { SchemaDeclaration } from './schema';

/** Header row of a source sheet: the union metrics read row 1 of sheets they do not manage. */
export const SOURCE_HEADER_ROW = 1;

export const SOURCE_CODES = {
  sheetMissing: 'SOURCE_SHEET_MISSING',
  columnMissing: 'SOURCE_COLUMN_MISSING',
  looksRenamed: 'COLUMN_LOOKS_RENAMED',
} as const;

export interface SourceSheet {
  readonly sheet: string;
  readonly identities: readonly string[];
  /** The migration declaring the metric columns that read this sheet: history records its tags under it. */
  readonly migrationId: string | null;
}

/** What a preview reads of a source sheet: its header row and tags (no data row). */
export interface SourceSnapshot {
  readonly name: string;
  readonly headers: readonly unknown[];
  readonly tags: readonly ColumnTag[];
  readonly metadataCharacters: number;
}

/** Every sheet union metrics read that is not itself managed (a managed one is tagged by its own plan). */
export function sourceSheetsOf(declaration: SchemaDeclaration): SourceSheet[] {
  const managed = new Set(declaration.managedSheets.map((m) => m.sheet));
  const sources = new Map<string, SourceSheet>();
  for (const sheet of declaration.managedSheets) {
    const metrics = sheet.unionMetrics;
    if (metrics === undefined || managed.has(metrics.sheet) || sources.has(metrics.sheet)) continue;
    const declaring = sheet.migrations.find((m) => m.addColumns.some((c) => metrics.targetColumns.includes(c.name)));
    sources.set(metrics.sheet, {
      sheet: metrics.sheet,
      identities: identitiesOf(declaration, metrics.sheet),
      migrationId: declaring?.id ?? null,
    });
  }
  return [...sources.values()];
}

export function planSourceSheet(source: SourceSheet, snapshot: SourceSnapshot | null): SourceSheetPlan {
  const where = { sheet: source.sheet, headerRow: SOURCE_HEADER_ROW };
  if (snapshot === null) {
    const message = `Sheet "${source.sheet}" was not found: the union metrics read it and cannot be computed until it is back (rename the sheet back to "${source.sheet}" or restore it). Extending the schema is not affected.`;
    const missing: Finding = { code: SOURCE_CODES.sheetMissing, message, location: source.sheet, params: where };
    return { sheet: source.sheet, migrationId: source.migrationId, columnsToTag: [], warnings: [missing] };
  }
  const analysis = analyseHeaders(snapshot.headers);
  const resolution = resolveIdentities(source.identities, snapshot.headers, analysis, snapshot.tags);
  const candidates = resolution.untagged
    .map((c) => adopted(source, c.identity, c.column))
    .sort((x, y) => x.index - y.index);
  const limit = metadataLimitFinding(
    where,
    snapshot.metadataCharacters,
    candidates.map((t) => t.identity),
  );
  return {
    sheet: source.sheet,
    migrationId: source.migrationId,
    // Over the metadata budget nothing is tagged: the columns keep being found by their exact header.
    columnsToTag: limit.length > 0 ? [] : candidates,
    warnings: [
      ...resolution.renamed.map((column) => renamedFinding(where, column)),
      ...duplicatedFindings(where, withDuplicateHeaders(resolution, analysis.duplicates, source.identities)),
      ...contradictedFindings(where, resolution),
      ...missingFindings(source, resolution, analysis),
      ...limit,
    ],
  };
}

function adopted(source: SourceSheet, identity: string, column: number): PlannedTag {
  return { identity, migrationId: source.migrationId, index: column, letter: columnLetter(column), reason: 'adopted' };
}

/** Two columns with one exact read header (tagged or not) are as ambiguous as a copied tagged one: the metrics refuse both. */
function withDuplicateHeaders(
  resolution: IdentityResolution,
  duplicates: ReadonlyArray<{ readonly name: string; readonly columns: readonly number[] }>,
  identities: readonly string[],
): IdentityResolution {
  const reported = new Set(resolution.duplicated.map((d) => d.identity));
  const extra = duplicates
    .filter((d) => identities.includes(d.name) && !reported.has(d.name))
    .map((d) => ({ identity: d.name, columns: d.columns }));
  return { ...resolution, duplicated: [...resolution.duplicated, ...extra] };
}

/**
 * A read column found neither by tag nor by exact header: "looks renamed" when one header only
 * looks like it (case, spaces, invisible characters), else missing. Either way the metrics refuse
 * to run until it is back; the schema's extension goes ahead.
 */
function missingFindings(
  source: SourceSheet,
  resolution: IdentityResolution,
  analysis: ReturnType<typeof analyseHeaders>,
): Finding[] {
  const ambiguous = new Set([
    ...resolution.duplicated.map((d) => d.identity),
    ...resolution.contradicted.map((c) => c.identity),
    ...analysis.duplicates.map((d) => d.name),
  ]);
  return source.identities.flatMap((identity): Finding[] => {
    if (resolution.columns.has(identity) || ambiguous.has(identity)) return [];
    const lookalikes = nearDuplicatesOf(identity, analysis);
    const params = { sheet: source.sheet, identity };
    if (lookalikes.length === 1) {
      const cell = a1(source.sheet, SOURCE_HEADER_ROW, lookalikes[0].column);
      const header = lookalikes[0].text;
      return [
        {
          code: SOURCE_CODES.looksRenamed,
          message: `Column "${identity}" of "${source.sheet}" is missing and ${cell} reads "${visibleText(header)}": it looks like "${identity}" renamed. The union metrics cannot be computed until ${cell} reads "${identity}" again; extending the schema is not affected.`,
          location: cell,
          params: { ...params, cell, header },
        },
      ];
    }
    return [
      {
        code: SOURCE_CODES.columnMissing,
        message: `Column "${identity}" was not found in row ${SOURCE_HEADER_ROW} of "${source.sheet}": the union metrics read it and cannot be computed until it is back. Extending the schema is not affected.`,
        location: source.sheet,
        params,
      },
    ];
  });
}
