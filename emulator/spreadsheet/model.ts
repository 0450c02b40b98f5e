import { fail, MSG } from '../errors';
import type { Runtime } from '../runtime';
import { intersects, type Rect } from './a1';
import { FormatStore } from './formats';
import { Grid } from './grid';
import { clearSheetMetadata, remapMetadata } from './metadata';
import { RectStore } from './rects';
import { moveMap, type Span, spanAfterDelete, spanAfterInsert } from './spans';
import { ValidationStore } from './validation';
import { type Interpreted, interpret, interpretFormula } from './values';

export const MAX_CELLS = 10_000_000;
export const MAX_COLUMNS = 18_278;
export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;

export type Axis = 'rows' | 'cols';

export interface ProtectionModel {
  id: number;
  sheet: SheetModel;
  type: 'RANGE' | 'SHEET';
  /** null for a sheet protection (the whole sheet). */
  rect: Rect | null;
  description: string;
  warningOnly: boolean;
  /** null = mirrors the spreadsheet's permissions (nobody is locked out). */
  editors: string[] | null;
}

const spanOf = (r: Rect, axis: Axis): Span =>
  axis === 'rows' ? [r.row, r.row + r.numRows - 1] : [r.col, r.col + r.numCols - 1];

const withSpan = (r: Rect, axis: Axis, [a, b]: Span): Rect =>
  axis === 'rows' ? { ...r, row: a, numRows: b - a + 1 } : { ...r, col: a, numCols: b - a + 1 };

export class SheetModel {
  grid = new Grid();
  formats = new FormatStore();
  validations = new ValidationStore();
  notes = new RectStore<string>();
  protections: ProtectionModel[] = [];
  hidden = false;
  frozenRows = 0;
  frozenColumns = 0;
  /** Public Sheet object (one per sheet, created lazily by the facade layer). */
  facade: unknown = null;

  constructor(
    readonly book: SpreadsheetModel,
    readonly id: number,
    public name: string,
    public maxRows: number,
    public maxCols: number,
  ) {}

  get rt(): Runtime {
    return this.book.rt;
  }

  /** Backdoor: empties the sheet in place (facades stay valid) and resizes it. */
  reset(rows: number, cols: number): void {
    this.book.checkCells(rows * cols - this.maxRows * this.maxCols);
    clearSheetMetadata(this);
    Object.assign(this, {
      grid: new Grid(),
      formats: new FormatStore(),
      validations: new ValidationStore(),
      notes: new RectStore<string>(),
      protections: [],
      hidden: false,
      frozenRows: 0,
      frozenColumns: 0,
    });
    this.maxRows = rows;
    this.maxCols = cols;
  }

  whole(): Rect {
    return { row: 1, col: 1, numRows: this.maxRows, numCols: this.maxCols };
  }

  size(axis: Axis): number {
    return axis === 'rows' ? this.maxRows : this.maxCols;
  }

  private setSize(axis: Axis, n: number): void {
    if (axis === 'rows') this.maxRows = n;
    else this.maxCols = n;
  }

  protectionRect(p: ProtectionModel): Rect {
    return p.rect ?? this.whole();
  }

  /** Throws the protected-edit message when the active user may not edit some cell of `x`. */
  checkEditable(
    x: Rect,
    touches: (p: ProtectionModel) => boolean = (p) => intersects(this.protectionRect(p), x),
  ): void {
    const user = this.rt.user;
    const blocked = this.protections.some((p) => !p.warningOnly && !canEdit(p, user, this.rt.owner) && touches(p));
    if (blocked) fail(this.rt.switches.protectedEditMessage);
  }

  /** Makes sure `x` lies inside the grid: throws or grows per switches.offGridWrite. */
  ensureInGrid(x: Rect): void {
    const rows = x.row + x.numRows - 1;
    const cols = x.col + x.numCols - 1;
    if (rows <= this.maxRows && cols <= this.maxCols) return;
    if (this.rt.switches.offGridWrite === 'throw') fail(MSG.outsideGrid);
    this.grow(rows, cols);
  }

  /** Grows the grid to at least rows × cols (limits enforced). */
  grow(rows: number, cols: number): void {
    const newRows = Math.max(rows, this.maxRows);
    const newCols = Math.max(cols, this.maxCols);
    if (newCols > MAX_COLUMNS) fail(MSG.columnLimit);
    this.book.checkCells(newRows * newCols - this.maxRows * this.maxCols);
    this.maxRows = newRows;
    this.maxCols = newCols;
  }

  /** Writes values (as setValue(s)/appendRow interpret them) or formulas; returns the number of changed cells. */
  write(x: Rect, at: (i: number, j: number) => unknown, mode: 'value' | 'formula'): number {
    const def = this.rt.switches.defaultNumberFormat;
    const fmts = mode === 'value' && (def === '@' || this.formats.mayHave(x, '@')) ? this.formats.read(x, def) : null;
    const input = {
      parse: this.rt.switches.parseStringsAsUserEntered,
      locale: this.rt.spreadsheetLocale,
      timeZone: this.rt.timeZone,
    };
    if (mode === 'value' && this.rt.switches.validationRejectsScriptWrites) {
      const valueAt = (r: number, c: number): unknown => {
        const v = at(r - x.row, c - x.col);
        return typeof v === 'string' ? interpret(v, input, fmts?.[r - x.row][c - x.col] === '@').value : v;
      };
      this.validations.checkWrite(x, valueAt, (r, c) => this.grid.value(r, c), this.book.locale());
    }
    let changed = 0;
    // The last interpretation is reused: setValue on a big range interprets its value once.
    let lastRaw: unknown = {};
    let lastText = false;
    let it: Interpreted = { value: '' };
    for (let i = 0; i < x.numRows; i++) {
      for (let j = 0; j < x.numCols; j++) {
        const v = at(i, j);
        const t = typeof v;
        if (t === 'number' || t === 'boolean') {
          changed += this.grid.set(x.row + i, x.col + j, v as number | boolean);
          continue;
        }
        const text = fmts !== null && fmts[i][j] === '@';
        if (lastRaw !== v || lastText !== text) {
          it = mode === 'formula' ? interpretFormula(v) : interpret(v, input, text);
          lastRaw = v;
          lastText = text;
        }
        changed += this.grid.set(x.row + i, x.col + j, it.value, it.formula);
      }
    }
    return changed;
  }

  insert(axis: Axis, at: number, n: number): void {
    if (!Number.isInteger(n) || n < 1 || at < 1 || at > this.size(axis) + 1) {
      fail(axis === 'rows' ? MSG.rowsOutOfBounds : MSG.columnsOutOfBounds);
    }
    this.checkEditable(
      this.whole(),
      (p) => p.type === 'SHEET' || strictlyInside(spanOf(this.protectionRect(p), axis), at),
    );
    if (axis === 'cols' && this.maxCols + n > MAX_COLUMNS) fail(MSG.columnLimit);
    this.book.checkCells(n * (axis === 'rows' ? this.maxCols : this.maxRows));
    if (axis === 'rows') this.grid.insertRows(at, n);
    else this.grid.insertColumns(at, n);
    for (const store of this.cellStores()) {
      if (axis === 'rows') store.insertRows(at, n);
      else store.insertColumns(at, n);
    }
    if (axis === 'cols' && this.rt.switches.insertColumnsInherit) {
      this.formats.inheritColumns(at, n);
      this.validations.inheritColumns(at, n);
    }
    const shift = (s: Span) => spanAfterInsert(s[0], s[1], at, n);
    this.mapProtections(axis, shift);
    remapMetadata(this, axis, shift);
    this.setSize(axis, this.size(axis) + n);
  }

  delete(axis: Axis, at: number, n: number): void {
    const rows = axis === 'rows';
    if (!Number.isInteger(n) || n < 1 || at < 1 || at + n - 1 > this.size(axis)) {
      fail(rows ? MSG.rowsOutOfBounds : MSG.columnsOutOfBounds);
    }
    if (n >= this.size(axis) - (rows ? this.frozenRows : this.frozenColumns)) {
      fail(rows ? MSG.deleteAllRows : MSG.deleteAllColumns);
    }
    this.checkEditable(withSpan(this.whole(), axis, [at, at + n - 1]));
    if (rows) this.grid.deleteRows(at, n);
    else this.grid.deleteColumns(at, n);
    for (const store of this.cellStores()) {
      if (rows) store.deleteRows(at, n);
      else store.deleteColumns(at, n);
    }
    const shrink = (s: Span) => spanAfterDelete(s[0], s[1], at, n);
    this.mapProtections(axis, shrink);
    remapMetadata(this, axis, shrink);
    this.setSize(axis, this.size(axis) - n);
  }

  /** Sheet.moveColumns: columns a..a+n-1 go before column `dest` (pre-move coordinates). */
  moveColumns(a: number, n: number, dest: number): void {
    if (dest < 1 || dest > this.maxCols + 1) fail(MSG.columnsOutOfBounds);
    if (dest >= a && dest <= a + n) return;
    const lo = Math.min(a, dest);
    const hi = Math.max(a + n - 1, dest - 1);
    this.checkEditable({ row: 1, col: lo, numRows: this.maxRows, numCols: hi - lo + 1 });
    const map = moveMap(a, n, dest);
    this.grid.moveColumns(a, n, dest);
    for (const store of this.cellStores()) store.remapColumns(map);
    const moved = ([x, y]: Span): Span => {
      const ends = [map(x), map(y)];
      return [Math.min(...ends), Math.max(...ends)];
    };
    this.mapProtections('cols', moved);
    if (this.rt.switches.columnMetadataFollowsMoves) remapMetadata(this, 'cols', moved);
  }

  /** Per-cell properties that move with their cells. */
  private cellStores(): RectStore<unknown>[] {
    return [this.formats, this.validations, this.notes] as RectStore<unknown>[];
  }

  private mapProtections(axis: Axis, fn: (s: Span) => Span | null): void {
    this.protections = this.protections.filter((p) => {
      if (!p.rect) return true;
      const s = fn(spanOf(p.rect, axis));
      if (s) p.rect = withSpan(p.rect, axis, s);
      return s !== null;
    });
  }
}

const strictlyInside = ([a, b]: Span, at: number): boolean => at > a && at <= b;

export function canEdit(p: ProtectionModel, user: string, owner: string): boolean {
  return user === owner || p.editors === null || p.editors.includes(user);
}

export class SpreadsheetModel {
  sheets: SheetModel[] = [];
  active: SheetModel | null = null;
  deleted = false;
  private sheetSeq = 0;
  private protectionSeq = 0;

  constructor(
    readonly rt: Runtime,
    readonly id: string,
    public name: string,
  ) {}

  locale(): string {
    return this.rt.spreadsheetLocale;
  }

  totalCells(): number {
    return this.sheets.reduce((n, s) => n + s.maxRows * s.maxCols, 0);
  }

  checkCells(added: number): void {
    if (added > 0 && this.totalCells() + added > MAX_CELLS) fail(MSG.cellLimit);
  }

  find(name: string): SheetModel | null {
    return this.sheets.find((s) => s.name === name) ?? null;
  }

  checkName(name: string, except?: SheetModel): void {
    const lower = name.toLowerCase();
    if (this.sheets.some((s) => s !== except && s.name.toLowerCase() === lower)) fail(MSG.duplicateSheet(name));
  }

  defaultName(): string {
    for (let n = this.sheets.length + 1; ; n++) if (!this.find(`Sheet${n}`)) return `Sheet${n}`;
  }

  addSheet(name: string, index: number, rows = DEFAULT_ROWS, cols = DEFAULT_COLUMNS): SheetModel {
    this.checkName(name);
    if (cols > MAX_COLUMNS) fail(MSG.columnLimit);
    this.checkCells(rows * cols);
    const sheet = new SheetModel(this, this.sheetSeq++, name, rows, cols);
    this.sheets.splice(Math.max(0, Math.min(index, this.sheets.length)), 0, sheet);
    return sheet;
  }

  removeSheet(sheet: SheetModel): void {
    if (this.sheets.length === 1) fail(MSG.deleteLastSheet);
    this.sheets = this.sheets.filter((s) => s !== sheet);
    if (this.active === sheet) this.active = this.sheets[0];
  }

  addProtection(sheet: SheetModel, type: 'RANGE' | 'SHEET', rect: Rect | null): ProtectionModel {
    const p: ProtectionModel = {
      id: this.protectionSeq++,
      sheet,
      type,
      rect,
      description: '',
      warningOnly: false,
      editors: null,
    };
    sheet.protections.push(p);
    return p;
  }

  editors(): string[] {
    return [...this.rt.knownUsers].filter((u) => u !== '');
  }
}
