/**
 * The name → column map, kept in CacheService with explicit invalidation plus an in-execution
 * memo. A cached map is trusted only after one header-row read per execution matches its
 * fingerprint: imports and other scripts fire no onEdit, so a duplicate or look-alike header
 * they add must be refused exactly as with a cold cache. What the hit saves is the identity
 * lookup (the developer-metadata find()); repeat lookups in one execution cost nothing.
 */
import { buildColumnMap, type ColumnMap, headerFingerprint, isColumnMap, utf8Length } from '../core/columnMap';
import { hashString } from '../core/fingerprint';
import { IDENTITY_KEY } from '../core/identity';

/** CacheService's maximum. Maps are invalidated explicitly; the TTL is only a backstop. */
export const COLUMN_MAP_TTL_SECONDS = 6 * 60 * 60;
const MAX_CACHE_VALUE_BYTES = 100 * 1024;
const KEY_PREFIX = 'sheet-schema:colmap:v2:';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export class ColumnMapCache {
  /** Maps built or verified against the sheet in this execution. */
  private readonly memo = new Map<string, ColumnMap>();
  /** Header cells compared with the map in this execution (by a bulk read that included them). */
  private readonly confirmed = new Map<string, Set<string>>();
  private store: GoogleAppsScript.Cache.Cache | null = null;

  constructor(
    private readonly cacheService: GoogleAppsScript.Cache.CacheService,
    private readonly spreadsheetId: string,
    private readonly headerRowOf: (sheetName: string) => number,
    private readonly managedSheetNames: readonly string[],
    /** The identities (managed and union-metric columns) of a sheet, resolved by tag first. */
    private readonly identitiesOf: (sheetName: string) => readonly string[] = () => [],
  ) {}

  /**
   * Key of one sheet's map: fixed length whatever the sheet name (keys are capped at 250
   * characters) and spreadsheet-specific, because the script-cache fallback is shared by every
   * document the add-on runs in.
   */
  keyOf(sheetName: string): string {
    return KEY_PREFIX + hashString(`${this.spreadsheetId}\u0000${sheetName}`);
  }

  /**
   * This execution's map; else the cached one if one header-row read still matches it (the same
   * read builds a fresh map when it does not); else a fresh one. Never trusts the cache blindly.
   */
  getOrBuild(sheet: Sheet): ColumnMap {
    const name = sheet.getName();
    const memoised = this.memo.get(name);
    if (memoised !== undefined) return memoised;
    const row = this.readHeaderRow(sheet);
    const cached = this.fromCache(name);
    if (cached !== null && cached.headerFingerprint === headerFingerprint(row)) {
      this.memo.set(name, cached);
      return cached;
    }
    return this.remember(sheet, row);
  }

  /** The map this execution or the cache holds, or null — never a Spreadsheet call (the scheduled check compares it). */
  peek(sheetName: string): ColumnMap | null {
    return this.memo.get(sheetName) ?? this.fromCache(sheetName);
  }

  /** A fresh map: one header-row read and one identity lookup. */
  rebuild(sheet: Sheet): ColumnMap {
    return this.remember(sheet, this.readHeaderRow(sheet));
  }

  /** The whole header row (`getRange('1:1')`), trimmed after its last header. */
  private readHeaderRow(sheet: Sheet): unknown[] {
    const headerRow = this.headerRowOf(sheet.getName());
    const row = sheet.getRange(`${headerRow}:${headerRow}`).getValues()[0];
    return row.slice(0, lastNonBlank(row));
  }

  private remember(sheet: Sheet, row: readonly unknown[]): ColumnMap {
    const name = sheet.getName();
    const identities = this.identitiesOf(name);
    const tags = identities.length === 0 ? [] : readSheetTags(sheet);
    const map = buildColumnMap(name, this.headerRowOf(name), row, row.length, { identities, tags });
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

/** One find() on the sheet: our tags on whole single columns. */
function readSheetTags(sheet: Sheet): Array<{ column: number; identity: string }> {
  return sheet
    .createDeveloperMetadataFinder()
    .withKey(IDENTITY_KEY)
    .find()
    .flatMap((item) => {
      const column = item.getLocation().getColumn();
      return column === null || column.getNumColumns() !== 1
        ? []
        : [{ column: column.getColumn(), identity: item.getValue() ?? '' }];
    });
}

function lastNonBlank(row: readonly unknown[]): number {
  for (let i = row.length - 1; i >= 0; i--) if (row[i] !== '') return i + 1;
  return 0;
}
