/**
 * The header → column map, kept in CacheService with explicit invalidation plus an
 * in-execution memo: a hit costs no Spreadsheet call, repeat lookups in one execution cost
 * nothing at all. Stale maps are caught by `verified` (one getLastColumn call) and by the
 * column accessors, which read the header row with the data and compare.
 */
import { buildColumnMap, type ColumnMap, isColumnMap, utf8Length } from '../core/columnMap';
import { hashString } from '../core/fingerprint';

/** CacheService's maximum. Maps are invalidated explicitly; the TTL is only a backstop. */
export const COLUMN_MAP_TTL_SECONDS = 6 * 60 * 60;
const MAX_CACHE_VALUE_BYTES = 100 * 1024;
const KEY_PREFIX = 'sheet-schema:colmap:v1:';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export class ColumnMapCache {
  private readonly memo = new Map<string, ColumnMap>();
  /** Header cells compared with the map in this execution (by a bulk read that included them). */
  private readonly confirmed = new Map<string, Set<string>>();
  private store: GoogleAppsScript.Cache.Cache | null = null;

  constructor(
    private readonly cacheService: GoogleAppsScript.Cache.CacheService,
    private readonly spreadsheetId: string,
    private readonly headerRowOf: (sheetName: string) => number,
    private readonly managedSheetNames: readonly string[],
  ) {}

  /**
   * Key of one sheet's map: fixed length whatever the sheet name (keys are capped at 250
   * characters) and spreadsheet-specific, because the script-cache fallback is shared by every
   * document the add-on runs in.
   */
  keyOf(sheetName: string): string {
    return KEY_PREFIX + hashString(`${this.spreadsheetId}\u0000${sheetName}`);
  }

  getOrBuild(sheet: Sheet): ColumnMap {
    return this.peek(sheet.getName()) ?? this.rebuild(sheet);
  }

  /** The map this execution or the cache holds, or null — never a Spreadsheet call (the scheduled check compares it). */
  peek(sheetName: string): ColumnMap | null {
    const memoised = this.memo.get(sheetName);
    if (memoised !== undefined) return memoised;
    const cached = this.fromCache(sheetName);
    if (cached !== null) this.memo.set(sheetName, cached);
    return cached;
  }

  /** getOrBuild plus a width check: one getLastColumn() call catches inserted or deleted columns. */
  verified(sheet: Sheet): ColumnMap {
    const map = this.getOrBuild(sheet);
    return sheet.getLastColumn() === map.lastColumn ? map : this.rebuild(sheet);
  }

  /**
   * One read: the whole header row (`getRange('1:1')`), trimmed after its last header. Its width
   * is what `verified` compares getLastColumn() with, so data right of the headers (a sheet the
   * planner refuses to extend) only costs a rebuild, never a wrong map.
   */
  rebuild(sheet: Sheet): ColumnMap {
    const name = sheet.getName();
    const headerRow = this.headerRowOf(name);
    const row = sheet.getRange(`${headerRow}:${headerRow}`).getValues()[0];
    const width = lastNonBlank(row);
    const map = buildColumnMap(name, headerRow, row.slice(0, width), width);
    this.memo.set(name, map);
    this.confirmed.delete(name);
    const json = JSON.stringify(map);
    // A map over CacheService's value limit (thousands of long headers) stays memo-only.
    if (utf8Length(json) <= MAX_CACHE_VALUE_BYTES) this.cache().put(this.keyOf(name), json, COLUMN_MAP_TTL_SECONDS);
    return map;
  }

  /** Records that a read in this execution saw these headers where the map says they are. */
  confirm(sheetName: string, names: readonly string[]): void {
    const set = this.confirmed.get(sheetName) ?? new Set<string>();
    for (const name of names) set.add(name);
    this.confirmed.set(sheetName, set);
  }

  isConfirmed(sheetName: string, names: readonly string[]): boolean {
    const set = this.confirmed.get(sheetName);
    return set !== undefined && names.every((name) => set.has(name));
  }

  invalidate(sheetName: string): void {
    this.memo.delete(sheetName);
    this.confirmed.delete(sheetName);
    this.cache().remove(this.keyOf(sheetName));
  }

  /** CacheService has no clear-all: remove every managed sheet's key in one call. */
  invalidateAll(): void {
    this.memo.clear();
    this.confirmed.clear();
    this.cache().removeAll(this.managedSheetNames.map((name) => this.keyOf(name)));
  }

  private fromCache(sheetName: string): ColumnMap | null {
    const json = this.cache().get(this.keyOf(sheetName));
    if (json === null) return null;
    try {
      const parsed: unknown = JSON.parse(json);
      return isColumnMap(parsed) && parsed.sheet === sheetName ? parsed : null;
    } catch {
      return null;
    }
  }

  /** The document cache is null outside a document context; the script cache is keyed by spreadsheet id. */
  private cache(): GoogleAppsScript.Cache.Cache {
    this.store ??= this.cacheService.getDocumentCache() ?? this.cacheService.getScriptCache();
    return this.store;
  }
}

function lastNonBlank(row: readonly unknown[]): number {
  for (let i = row.length - 1; i >= 0; i--) if (row[i] !== '') return i + 1;
  return 0;
}
