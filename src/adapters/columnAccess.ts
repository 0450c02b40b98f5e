/**
 * Read and write whole columns by header name, in bulk: one read per span of nearby columns
 * and one write per run of adjacent columns, whatever the row count. Reads include the header
 * row, so a stale column map is noticed at no extra cost and rebuilt once.
 */
import { type ColumnMap, columnSpans, expectedHeader } from '../core/columnMap';
import { SchemaError } from '../core/errors';
import type { ColumnMapCache } from './columnMapCache';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Reading up to this many unwanted columns costs less than another round trip. */
const MAX_READ_THROUGH_GAP = 8;

export interface ColumnData {
  /** Sheet row of index 0 of every column array. */
  readonly firstRow: number;
  readonly rows: number;
  readonly columns: Readonly<Record<string, readonly unknown[]>>;
}

/** `maxGap`: unused columns a read may span between two wanted ones (0 = only the wanted columns). */
export function readColumns(
  sheet: Sheet,
  names: readonly string[],
  maps: ColumnMapCache,
  options: { maxGap?: number } = {},
): ColumnData {
  const attempt = (map: ColumnMap): ColumnData | null => {
    const lastRow = sheet.getLastRow();
    const rows = Math.max(0, lastRow - map.headerRow);
    const wanted = names.map((name) => map.columns[name]);
    if (wanted.some((column, i) => column === undefined || map.ambiguous.includes(names[i]))) return null;
    const columns: Record<string, unknown[]> = {};
    for (const span of columnSpans(wanted, options.maxGap ?? MAX_READ_THROUGH_GAP)) {
      const values = sheet.getRange(map.headerRow, span.first, rows + 1, span.last - span.first + 1).getValues();
      for (const [i, name] of names.entries()) {
        if (wanted[i] < span.first || wanted[i] > span.last) continue;
        const offset = wanted[i] - span.first;
        if (values[0][offset] !== expectedHeader(map, name)) return null;
        columns[name] = values.slice(1).map((row) => row[offset]);
      }
    }
    return { firstRow: map.headerRow + 1, rows, columns };
  };
  const cached = attempt(maps.getOrBuild(sheet));
  if (cached !== null) return confirmed(cached);
  const fresh = maps.rebuild(sheet);
  return confirmed(attempt(fresh) ?? failLookup(sheet, fresh, names));

  function confirmed(data: ColumnData): ColumnData {
    maps.confirm(sheet.getName(), names);
    return data;
  }
}

/**
 * Writes `rows` (one array per data row, one value per name) starting at the first data row.
 * Adjacent names in sheet order go out in one setValues. Header cells are checked first (one
 * small read per run) unless a read in this execution already saw them; a mismatch rebuilds the
 * map once, then refuses to write.
 */
export function writeColumns(
  sheet: Sheet,
  names: readonly string[],
  rows: readonly (readonly unknown[])[],
  maps: ColumnMapCache,
): void {
  if (rows.length === 0) return;
  const runs = (map: ColumnMap) => adjacentRuns(names.map((name) => locate(sheet, map, name)));
  const headersMatch = (map: ColumnMap) =>
    names.every((name) => map.columns[name] !== undefined && !map.ambiguous.includes(name)) &&
    runs(map).every((run) => {
      const found = sheet.getRange(map.headerRow, run.column, 1, run.indexes.length).getValues()[0];
      return run.indexes.every((nameIndex, k) => found[k] === expectedHeader(map, names[nameIndex]));
    });
  let map = maps.getOrBuild(sheet);
  if (!maps.isConfirmed(sheet.getName(), names) && !headersMatch(map)) {
    map = maps.rebuild(sheet);
    if (!headersMatch(map)) failLookup(sheet, map, names);
  }
  for (const run of runs(map)) {
    const block = rows.map((row) => run.indexes.map((i) => row[i]));
    sheet.getRange(map.headerRow + 1, run.column, rows.length, run.indexes.length).setValues(block);
  }
}

/** A column that appears more than once gets the duplicate refusal, not "missing" (which would send the operator to extend the schema). */
export function refuseDuplicates(sheet: Sheet, map: ColumnMap, names: readonly string[]): void {
  for (const name of names) if (map.ambiguous.includes(name)) locate(sheet, map, name);
}

function locate(sheet: Sheet, map: ColumnMap, name: string): number {
  if (map.ambiguous.includes(name)) {
    throw new SchemaError(
      'COLUMN_NOT_FOUND',
      `Column "${name}" appears more than once in row ${map.headerRow} of "${sheet.getName()}" (exactly, as a look-alike, or as a copied managed column); rename or remove all but one. Nothing was written.`,
      { sheet: sheet.getName(), column: name, row: map.headerRow, reason: 'duplicate' },
    );
  }
  const column = map.columns[name];
  if (column === undefined) {
    throw new SchemaError(
      'COLUMN_NOT_FOUND',
      `Column "${name}" was not found in row ${map.headerRow} of "${sheet.getName()}".`,
      { sheet: sheet.getName(), column: name, row: map.headerRow },
    );
  }
  return column;
}

/** Groups name indexes whose columns are adjacent, left to right. */
function adjacentRuns(columns: readonly number[]): Array<{ column: number; indexes: number[] }> {
  const order = columns.map((column, index) => ({ column, index })).sort((a, b) => a.column - b.column);
  const runs: Array<{ column: number; indexes: number[] }> = [];
  for (const { column, index } of order) {
    const last = runs[runs.length - 1];
    if (last !== undefined && last.column + last.indexes.length === column) last.indexes.push(index);
    else runs.push({ column, indexes: [index] });
  }
  return runs;
}

/** Names the missing or ambiguous column when there is one, else reports headers that moved mid-read. */
function failLookup(sheet: Sheet, map: ColumnMap, names: readonly string[]): never {
  for (const name of names) locate(sheet, map, name);
  throw new SchemaError(
    'COLUMN_NOT_FOUND',
    `The headers of "${sheet.getName()}" changed while they were being read; nothing was written. Try again.`,
    { sheet: sheet.getName(), reason: 'moved' },
  );
}
