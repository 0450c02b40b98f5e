/**
 * Name → 1-based column map, the way code finds columns by name instead of position. Managed
 * columns (identities) are found by their tag first and exact header second, so a renamed one
 * keeps its name here; other headers map by their text. Pure; the cache adapter stores it as JSON.
 */

import { hashJson } from './fingerprint';
import { analyseHeaders, headerLookalikeKey } from './headers';
import { type ColumnTag, resolveIdentities } from './identity';

export const COLUMN_MAP_VERSION = 2;

export interface ColumnMap {
  readonly version: number;
  readonly sheet: string;
  readonly headerRow: number;
  /** getLastColumn() when built: a cheap check that catches inserted or deleted columns. */
  readonly lastColumn: number;
  /** Hash of the header row as read: what drift checks compare to notice a rename or move. */
  readonly headerFingerprint: string;
  readonly columns: Readonly<Record<string, number>>;
  /**
   * Names that appear more than once — exact duplicates, look-alikes of a managed column, one
   * identity on two columns; looking them up is an error, not a guess.
   */
  readonly ambiguous: readonly string[];
  /** Managed names whose header cell reads otherwise (renamed) → the text there now. */
  readonly renamed: Readonly<Record<string, string>>;
}

/** The identities of a sheet and the tags read with the header row (absent: headers only). */
export interface MapIdentity {
  readonly identities: readonly string[];
  readonly tags: readonly ColumnTag[];
}

export function buildColumnMap(
  sheet: string,
  headerRow: number,
  headers: readonly unknown[],
  lastColumn: number,
  identity: MapIdentity = { identities: [], tags: [] },
): ColumnMap {
  const columns: Record<string, number> = {};
  const ambiguous = new Set<string>();
  headers.forEach((value, i) => {
    if (typeof value !== 'string' || value === '') return;
    if (Object.prototype.hasOwnProperty.call(columns, value)) ambiguous.add(value);
    else columns[value] = i + 1;
  });
  const renamed: Record<string, string> = {};
  const analysis = analyseHeaders(headers);
  const resolution = resolveIdentities(identity.identities, headers, analysis, identity.tags);
  const claimed = new Set([...resolution.columns.values()].map((c) => c.column));
  for (const name of identity.identities) {
    const found = resolution.columns.get(name);
    if (found !== undefined && !ambiguous.has(name)) columns[name] = found.column;
    else delete columns[name];
    if (found !== undefined && found.header !== name) renamed[name] = found.header;
    if (lookalikeElsewhere(name, headers, claimed)) ambiguous.add(name);
  }
  for (const { identity: name } of [...resolution.duplicated, ...resolution.contradicted]) ambiguous.add(name);
  return {
    version: COLUMN_MAP_VERSION,
    sheet,
    headerRow,
    lastColumn,
    headerFingerprint: headerFingerprint(headers),
    columns,
    ambiguous: [...ambiguous],
    renamed,
  };
}

/** A header that only looks like a managed name (case, spaces, invisible characters) on a column not claimed by it. */
function lookalikeElsewhere(name: string, headers: readonly unknown[], claimed: ReadonlySet<number>): boolean {
  const key = headerLookalikeKey(name);
  return headers.some(
    (value, i) =>
      typeof value === 'string' && value !== name && !claimed.has(i + 1) && headerLookalikeKey(value) === key,
  );
}

/** The header text expected over a mapped name's column (its current text when renamed). */
export function expectedHeader(map: ColumnMap, name: string): string {
  return map.renamed[name] ?? name;
}

export function headerFingerprint(headers: readonly unknown[]): string {
  return hashJson(headers.map((h) => (h instanceof Date ? h.toISOString() : h)));
}

export function isColumnMap(value: unknown): value is ColumnMap {
  const map = value as ColumnMap | null;
  return (
    typeof map === 'object' &&
    map !== null &&
    map.version === COLUMN_MAP_VERSION &&
    typeof map.columns === 'object' &&
    typeof map.renamed === 'object' &&
    typeof map.lastColumn === 'number'
  );
}

/** Sorted columns grouped into spans that one read covers; gaps up to maxGap unused columns are read through. */
export function columnSpans(columns: readonly number[], maxGap: number): Array<{ first: number; last: number }> {
  const sorted = [...new Set(columns)].sort((a, b) => a - b);
  const spans: Array<{ first: number; last: number }> = [];
  for (const column of sorted) {
    const last = spans[spans.length - 1];
    if (last !== undefined && column - last.last - 1 <= maxGap) last.last = column;
    else spans.push({ first: column, last: column });
  }
  return spans;
}

/** UTF-8 byte length without TextEncoder (absent in Apps Script). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
