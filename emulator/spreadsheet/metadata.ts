/**
 * Developer metadata as Google documents it (docs/platform.md, "Column identity"): key/value pairs on the
 * spreadsheet, a sheet, or whole rows/columns; row and column metadata follows its rows/columns through
 * inserts, deletes and moves and is deleted with them; finders; a 30,000-character budget (keys + values)
 * per sheet and for the spreadsheet itself. Every public method is counted (instrumentClass).
 */
import { fail } from '../errors';
import { type HasRuntime, instrumentClass, type Runtime } from '../runtime';
import type { Rect } from './a1';
import type { Axis, SheetModel, SpreadsheetModel } from './model';
import { makeRange, type RangeImpl, signatureError } from './range';
import type { Span } from './spans';

export const DeveloperMetadataVisibility = Object.freeze({ DOCUMENT: 'DOCUMENT', PROJECT: 'PROJECT' } as const);
export const DeveloperMetadataLocationType = Object.freeze({
  SPREADSHEET: 'SPREADSHEET',
  SHEET: 'SHEET',
  ROW: 'ROW',
  COLUMN: 'COLUMN',
} as const);

type Visibility = keyof typeof DeveloperMetadataVisibility;
type LocationType = keyof typeof DeveloperMetadataLocationType;

/** Characters of keys plus values allowed per sheet and for the spreadsheet's own metadata. */
export const METADATA_CHARACTER_LIMIT = 30_000;

export const METADATA_MSG = {
  arbitraryRange:
    'Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.',
} as const;

export interface MetadataModel {
  readonly id: number;
  readonly book: SpreadsheetModel;
  key: string;
  value: string | null;
  visibility: Visibility;
  type: LocationType;
  /** null for spreadsheet-level metadata. */
  sheet: SheetModel | null;
  /** Rows or columns covered (ROW/COLUMN only). */
  span: Span | null;
}

class MetadataStore {
  items: MetadataModel[] = [];
  private seq = 1;

  constructor(readonly book: SpreadsheetModel) {}

  /** Metadata of sheets that still exist (a deleted sheet takes its metadata with it). */
  live(): MetadataModel[] {
    this.items = this.items.filter((m) => m.sheet === null || this.book.sheets.includes(m.sheet));
    return this.items;
  }

  add(item: Omit<MetadataModel, 'id' | 'book'>): MetadataModel {
    const used = this.live()
      .filter((m) => m.sheet === item.sheet)
      .reduce((n, m) => n + m.key.length + (m.value?.length ?? 0), 0);
    if (used + item.key.length + (item.value?.length ?? 0) > METADATA_CHARACTER_LIMIT)
      fail(this.book.rt.switches.developerMetadataLimitMessage);
    const model = { ...item, book: this.book, id: this.seq++ };
    this.items.push(model);
    return model;
  }
}

const stores = new WeakMap<SpreadsheetModel, MetadataStore>();

export function metadataStore(book: SpreadsheetModel): MetadataStore {
  let store = stores.get(book);
  if (!store) {
    store = new MetadataStore(book);
    stores.set(book, store);
  }
  return store;
}

/** Hook of the sheet model: row/column metadata follows structural edits; null means deleted with its rows/columns. */
export function remapMetadata(sheet: SheetModel, axis: Axis, fn: (s: Span) => Span | null): void {
  const store = metadataStore(sheet.book);
  const type: LocationType = axis === 'rows' ? 'ROW' : 'COLUMN';
  store.items = store.items.filter((m) => {
    if (m.sheet !== sheet || m.type !== type || m.span === null) return true;
    m.span = fn(m.span);
    return m.span !== null;
  });
}

/** Drops every metadata item of a sheet (backdoor reset). */
export function clearSheetMetadata(sheet: SheetModel): void {
  const store = metadataStore(sheet.book);
  store.items = store.items.filter((m) => m.sheet !== sheet);
}

/** (key), (key, visibility), (key, value), (key, value, visibility) — Apps Script's four overloads. */
function parseAddArgs(owner: string, args: unknown[]): { key: string; value: string | null; visibility: Visibility } {
  const [key, second, third] = args;
  const isVisibility = (v: unknown): v is Visibility => v === 'DOCUMENT' || v === 'PROJECT';
  if (typeof key !== 'string' || args.length > 3) signatureError(owner, args);
  if (args.length === 1) return { key, value: null, visibility: 'DOCUMENT' };
  if (args.length === 2 && isVisibility(second)) return { key, value: null, visibility: second };
  if (typeof second !== 'string' || (args.length === 3 && !isVisibility(third))) signatureError(owner, args);
  return { key, value: second, visibility: isVisibility(third) ? third : 'DOCUMENT' };
}

/** Where a range's metadata would live: a whole row span or a whole column span, else the documented refusal. */
function locationOfRange(sheet: SheetModel, r: Rect): { type: LocationType; span: Span } {
  const allRows = r.row === 1 && r.numRows === sheet.maxRows;
  const allColumns = r.col === 1 && r.numCols === sheet.maxCols;
  if (allRows) return { type: 'COLUMN', span: [r.col, r.col + r.numCols - 1] };
  if (allColumns) return { type: 'ROW', span: [r.row, r.row + r.numRows - 1] };
  return fail(METADATA_MSG.arbitraryRange);
}

export function addRangeMetadata(sheet: SheetModel, rect: Rect, args: unknown[]): void {
  const parsed = parseAddArgs('Range.addDeveloperMetadata', args);
  const { type, span } = locationOfRange(sheet, rect);
  metadataStore(sheet.book).add({ ...parsed, type, span, sheet });
}

export function addSheetMetadata(sheet: SheetModel, args: unknown[]): void {
  const parsed = parseAddArgs('Sheet.addDeveloperMetadata', args);
  metadataStore(sheet.book).add({ ...parsed, type: 'SHEET', span: null, sheet });
}

export function addSpreadsheetMetadata(book: SpreadsheetModel, args: unknown[]): void {
  const parsed = parseAddArgs('Spreadsheet.addDeveloperMetadata', args);
  metadataStore(book).add({ ...parsed, type: 'SPREADSHEET', span: null, sheet: null });
}

/** Metadata located exactly on a range (a single cell of a tagged column has none: OBSERVED). */
export function rangeMetadata(sheet: SheetModel, rect: Rect): DeveloperMetadataImpl[] {
  const allRows = rect.row === 1 && rect.numRows === sheet.maxRows;
  const allColumns = rect.col === 1 && rect.numCols === sheet.maxCols;
  return metadataStore(sheet.book)
    .live()
    .filter(
      (m) =>
        m.sheet === sheet &&
        m.span !== null &&
        ((m.type === 'COLUMN' && allRows && m.span[0] >= rect.col && m.span[1] < rect.col + rect.numCols) ||
          (m.type === 'ROW' && allColumns && m.span[0] >= rect.row && m.span[1] < rect.row + rect.numRows)),
    )
    .map((m) => new DeveloperMetadataImpl(sheet.rt, m));
}

export function sheetLevelMetadata(sheet: SheetModel): DeveloperMetadataImpl[] {
  return metadataStore(sheet.book)
    .live()
    .filter((m) => m.sheet === sheet && m.type === 'SHEET')
    .map((m) => new DeveloperMetadataImpl(sheet.rt, m));
}

export function spreadsheetLevelMetadata(book: SpreadsheetModel): DeveloperMetadataImpl[] {
  return metadataStore(book)
    .live()
    .filter((m) => m.type === 'SPREADSHEET')
    .map((m) => new DeveloperMetadataImpl(book.rt, m));
}

/** The scope a finder searches: the spreadsheet, one sheet, or the metadata wholly inside (or touching) a range. */
export type FinderScope =
  | { readonly kind: 'spreadsheet' }
  | { readonly kind: 'sheet'; readonly sheet: SheetModel }
  | { readonly kind: 'range'; readonly sheet: SheetModel; readonly rect: Rect };

export function finderFor(book: SpreadsheetModel, scope: FinderScope): DeveloperMetadataFinderImpl {
  return new DeveloperMetadataFinderImpl(book.rt, book, scope);
}

export class DeveloperMetadataFinderImpl implements HasRuntime {
  private readonly filters: Array<(m: MetadataModel) => boolean> = [];
  private intersecting = false;

  constructor(
    readonly _rt: Runtime,
    private readonly _book: SpreadsheetModel,
    private readonly _scope: FinderScope,
  ) {}

  withKey(key: string): this {
    return this._filter((m) => m.key === String(key));
  }
  withValue(value: string): this {
    return this._filter((m) => m.value === String(value));
  }
  withId(id: number): this {
    return this._filter((m) => m.id === id);
  }
  withLocationType(type: string): this {
    return this._filter((m) => m.type === String(type));
  }
  withVisibility(visibility: string): this {
    return this._filter((m) => m.visibility === String(visibility));
  }
  onIntersectingLocations(): this {
    this.intersecting = true;
    return this;
  }

  find(): DeveloperMetadataImpl[] {
    return metadataStore(this._book)
      .live()
      .filter((m) => this._inScope(m) && this.filters.every((f) => f(m)))
      .map((m) => new DeveloperMetadataImpl(this._rt, m));
  }

  private _filter(f: (m: MetadataModel) => boolean): this {
    this.filters.push(f);
    return this;
  }

  private _inScope(m: MetadataModel): boolean {
    const scope = this._scope;
    if (scope.kind === 'spreadsheet') return true;
    if (m.sheet !== scope.sheet) return false;
    if (scope.kind === 'sheet') return true;
    if (m.span === null) return false;
    const [lo, hi] =
      m.type === 'COLUMN' ? [scope.rect.col, scope.rect.col + scope.rect.numCols - 1] : rowSpan(scope.rect);
    return this.intersecting ? m.span[0] <= hi && m.span[1] >= lo : m.span[0] >= lo && m.span[1] <= hi;
  }
}

const rowSpan = (r: Rect): Span => [r.row, r.row + r.numRows - 1];

export class DeveloperMetadataImpl implements HasRuntime {
  constructor(
    readonly _rt: Runtime,
    readonly _m: MetadataModel,
  ) {}

  getId(): number {
    return this._m.id;
  }
  getKey(): string {
    return this._m.key;
  }
  getValue(): string | null {
    return this._m.value;
  }
  getVisibility(): string {
    return this._m.visibility;
  }
  getLocation(): DeveloperMetadataLocationImpl {
    return new DeveloperMetadataLocationImpl(this._rt, this._m);
  }
  setKey(key: string): this {
    this._m.key = String(key);
    return this;
  }
  setValue(value: string): this {
    this._m.value = String(value);
    return this;
  }
  remove(): void {
    const store = metadataStore(this._m.book);
    store.items = store.items.filter((m) => m !== this._m);
  }
}

export class DeveloperMetadataLocationImpl implements HasRuntime {
  constructor(
    readonly _rt: Runtime,
    private readonly _m: MetadataModel,
  ) {}

  getLocationType(): string {
    return this._m.type;
  }
  /** The whole-column range, or null when the metadata is not on columns. */
  getColumn(): RangeImpl | null {
    const { sheet, span, type } = this._m;
    if (type !== 'COLUMN' || sheet === null || span === null) return null;
    return makeRange(sheet, 1, span[0], sheet.maxRows, span[1] - span[0] + 1);
  }
  getRow(): RangeImpl | null {
    const { sheet, span, type } = this._m;
    if (type !== 'ROW' || sheet === null || span === null) return null;
    return makeRange(sheet, span[0], 1, span[1] - span[0] + 1, sheet.maxCols);
  }
}

instrumentClass(DeveloperMetadataFinderImpl, 'DeveloperMetadataFinder', 'Spreadsheet');
instrumentClass(DeveloperMetadataImpl, 'DeveloperMetadata', 'Spreadsheet');
instrumentClass(DeveloperMetadataLocationImpl, 'DeveloperMetadataLocation', 'Spreadsheet');
