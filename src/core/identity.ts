/**
 * Column identity: which column *is* a managed column, whatever its header says now. A column
 * carries developer metadata (key IDENTITY_KEY, value = the declared name) on its whole column;
 * resolution trusts that tag first and the exact header second. Pure — the adapters read the
 * tags (one find() per spreadsheet) and hand them in as plain data.
 */
import type { HeaderAnalysis } from './headers';
import { declaredColumns, type SchemaDeclaration } from './schema';

/** Namespaced so another add-on's metadata never reads as ours (DOCUMENT visibility: any project can see it). */
export const IDENTITY_KEY = 'sheet-schema.column';

/** Google's budget per sheet, keys and values counted. */
export const METADATA_CHARACTER_LIMIT = 30_000;

export interface ColumnTag {
  readonly column: number;
  /** The declared column name the tag names. */
  readonly identity: string;
}

export interface ResolvedColumn {
  readonly identity: string;
  readonly column: number;
  readonly via: 'tag' | 'header';
  /** Header text in the cell now (may differ from the identity when renamed). */
  readonly header: string;
}

export interface IdentityResolution {
  /** Identity → the one column it resolves to (absent when missing or ambiguous). */
  readonly columns: ReadonlyMap<string, ResolvedColumn>;
  /** Tagged columns whose header is not the declared name. */
  readonly renamed: readonly ResolvedColumn[];
  /** One identity on two or more columns (a copied column, or a tag plus an exact header elsewhere). */
  readonly duplicated: ReadonlyArray<{ readonly identity: string; readonly columns: readonly number[] }>;
  /** A tag whose header exactly names another managed column: the tag did not follow its column. */
  readonly contradicted: ReadonlyArray<{ readonly identity: string; readonly column: number; readonly header: string }>;
  /** Columns found by exact header only: the apply tags (adopts) them. */
  readonly untagged: readonly ResolvedColumn[];
}

/** The columns of one sheet the add-on manages or reads by name: declared columns and union-metric columns. */
export function identitiesOf(declaration: SchemaDeclaration, sheet: string): string[] {
  const names: string[] = [];
  for (const managed of declaration.managedSheets) {
    if (managed.sheet === sheet) names.push(...declaredColumns(managed).map((c) => c.name));
    const metrics = managed.unionMetrics;
    if (metrics === undefined) continue;
    if (managed.sheet === sheet) names.push(metrics.keyColumn, ...metrics.targetColumns);
    if (metrics.sheet === sheet)
      names.push(metrics.keyColumn, metrics.armDoneColumn, metrics.soldDoneColumn, metrics.diameterColumn);
  }
  return [...new Set(names)];
}

export function resolveIdentities(
  identities: readonly string[],
  headers: readonly unknown[],
  analysis: HeaderAnalysis,
  tags: readonly ColumnTag[],
): IdentityResolution {
  const known = new Set(identities);
  const textAt = (column: number) => {
    const value = headers[column - 1];
    return typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
  };
  const columns = new Map<string, ResolvedColumn>();
  const result = {
    columns,
    renamed: [] as ResolvedColumn[],
    duplicated: [] as Array<{ identity: string; columns: number[] }>,
    contradicted: [] as Array<{ identity: string; column: number; header: string }>,
    untagged: [] as ResolvedColumn[],
  };
  for (const identity of identities) {
    const tagged = [...new Set(tags.filter((t) => t.identity === identity).map((t) => t.column))].sort((x, y) => x - y);
    const trusted = tagged.filter((column) => {
      const text = textAt(column);
      const other = text !== identity && known.has(text);
      if (other) result.contradicted.push({ identity, column, header: text });
      return !other;
    });
    const byHeader = (analysis.columnsByName.get(identity) ?? []).filter((c) => !trusted.includes(c));
    const untaggedHeader = byHeader.filter((c) => !tags.some((t) => t.column === c && known.has(t.identity)));
    if (trusted.length > 0) {
      // An exact-header copy beside a tagged column that still reads its name is a plain duplicate header.
      const copies = trusted.length === 1 && textAt(trusted[0]) === identity ? [] : untaggedHeader;
      const all = [...trusted, ...copies].sort((x, y) => x - y);
      if (all.length > 1) {
        result.duplicated.push({ identity, columns: all });
        continue;
      }
      const resolved: ResolvedColumn = { identity, column: trusted[0], via: 'tag', header: textAt(trusted[0]) };
      columns.set(identity, resolved);
      if (resolved.header !== identity) result.renamed.push(resolved);
      continue;
    }
    if (tagged.length > 0) continue; // contradicted: refuse rather than guess
    if (untaggedHeader.length === 1) {
      const resolved: ResolvedColumn = { identity, column: untaggedHeader[0], via: 'header', header: identity };
      columns.set(identity, resolved);
      result.untagged.push(resolved);
    }
  }
  return result;
}

/** Where an untagged missing column probably still stands: beside a declared neighbour that was found. */
export function neighbourCandidates(
  declared: readonly string[],
  resolution: IdentityResolution,
): Array<{ identity: string; column: number }> {
  const out: Array<{ identity: string; column: number }> = [];
  declared.forEach((identity, k) => {
    if (resolution.columns.has(identity)) return;
    const left = k > 0 ? resolution.columns.get(declared[k - 1]) : undefined;
    const right = k < declared.length - 1 ? resolution.columns.get(declared[k + 1]) : undefined;
    const column = left !== undefined ? left.column + 1 : right !== undefined ? right.column - 1 : 0;
    if (column > 0) out.push({ identity, column });
  });
  return out;
}
