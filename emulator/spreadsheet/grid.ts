import type { Rect } from './a1';
import { insertHoles } from './spans';
import { type CellValue, sameValue } from './values';

/** Makes the Date objects handed to scripts (a bundle loaded in a vm context gets its own realm's Dates). */
export type DateFactory = (epochMs: number) => Date;
const defaultDate: DateFactory = (t) => new Date(t);

type Row<T> = T[] | undefined;

/**
 * Sparse cell storage: only rows that ever held content get an array, and a row array is only as long as its
 * last written cell. The grid size (maxRows × maxColumns) lives on the sheet and allocates nothing.
 */
export class Grid {
  private values: Row<CellValue>[] = [];
  private formulas: Row<string>[] = [];
  private extent: { row: number; col: number } | null = { row: 0, col: 0 };

  /** Backdoor bulk load of whole rows (values stored as given). */
  load(values: CellValue[][], formulas: (string | undefined)[][]): void {
    this.values = values.map((row) => (row.length ? row : undefined));
    this.formulas = formulas.map((row) => (row.some((f) => f !== undefined) ? (row as string[]) : undefined));
    this.extent = null;
  }

  value(r: number, c: number, newDate: DateFactory = defaultDate): CellValue {
    const v = this.values[r - 1]?.[c - 1];
    return v === undefined ? '' : typeof v === 'object' ? newDate(v.getTime()) : v;
  }

  formula(r: number, c: number): string {
    return this.formulas[r - 1]?.[c - 1] ?? '';
  }

  /** Hot path (100k-row reads): slice each stored row, then fill holes and copy Dates. */
  readValues(x: Rect, newDate: DateFactory = defaultDate): CellValue[][] {
    const out: CellValue[][] = new Array(x.numRows);
    const c0 = x.col - 1;
    for (let i = 0; i < x.numRows; i++) {
      const row = this.values[x.row - 1 + i];
      const line: CellValue[] = row ? row.slice(c0, c0 + x.numCols) : [];
      line.length = x.numCols;
      for (let j = 0; j < x.numCols; j++) {
        const v = line[j];
        if (v === undefined) line[j] = '';
        else if (typeof v === 'object') line[j] = newDate(v.getTime());
      }
      out[i] = line;
    }
    return out;
  }

  readFormulas(x: Rect): string[][] {
    return this.read(this.formulas, x, (f) => f ?? '');
  }

  private read<T, U>(rows: Row<T>[], x: Rect, map: (v: T | undefined) => U): U[][] {
    const out: U[][] = new Array(x.numRows);
    for (let i = 0; i < x.numRows; i++) {
      const row = rows[x.row - 1 + i];
      const line: U[] = new Array(x.numCols);
      for (let j = 0; j < x.numCols; j++) line[j] = map(row?.[x.col - 1 + j]);
      out[i] = line;
    }
    return out;
  }

  /** Stores one cell; returns 1 when its content changed, else 0. */
  set(r: number, c: number, value: CellValue, formula?: string): number {
    const vr = this.values[r - 1];
    const fr = this.formulas[r - 1];
    if (sameValue(vr?.[c - 1], value) && fr?.[c - 1] === formula) return 0;
    if (vr || value !== '') {
      this.values[r - 1] ??= [];
      (this.values[r - 1] as CellValue[])[c - 1] = value;
    }
    if (fr || formula !== undefined) {
      this.formulas[r - 1] ??= [];
      (this.formulas[r - 1] as string[])[c - 1] = formula as string;
    }
    this.extent = null;
    return 1;
  }

  clear(x: Rect): number {
    let changed = 0;
    const lastRow = Math.min(x.row + x.numRows - 1, Math.max(this.values.length, this.formulas.length));
    for (let r = x.row; r <= lastRow; r++) {
      if (!this.values[r - 1] && !this.formulas[r - 1]) continue;
      for (let c = x.col; c < x.col + x.numCols; c++) changed += this.set(r, c, '');
    }
    return changed;
  }

  hasContent(r: number, c: number): boolean {
    const v = this.values[r - 1]?.[c - 1];
    return (v !== undefined && v !== '') || this.formulas[r - 1]?.[c - 1] !== undefined;
  }

  lastRow(): number {
    return this.computeExtent().row;
  }

  lastColumn(): number {
    return this.computeExtent().col;
  }

  private computeExtent(): { row: number; col: number } {
    if (this.extent) return this.extent;
    let row = 0;
    let col = 0;
    const n = Math.max(this.values.length, this.formulas.length);
    for (let r = 1; r <= n; r++) {
      const last = this.lastInRow(r);
      if (last > 0) {
        row = r;
        col = Math.max(col, last);
      }
    }
    this.extent = { row, col };
    return this.extent;
  }

  private lastInRow(r: number): number {
    const len = Math.max(this.values[r - 1]?.length ?? 0, this.formulas[r - 1]?.length ?? 0);
    for (let c = len; c > 0; c--) if (this.hasContent(r, c)) return c;
    return 0;
  }

  insertRows(at: number, n: number): void {
    insertHoles(this.values, at - 1, n);
    insertHoles(this.formulas, at - 1, n);
    this.extent = null;
  }

  deleteRows(at: number, n: number): void {
    this.values.splice(at - 1, n);
    this.formulas.splice(at - 1, n);
    this.extent = null;
  }

  insertColumns(at: number, n: number): void {
    this.eachRow((row) => insertHoles(row, at - 1, n));
  }

  deleteColumns(at: number, n: number): void {
    this.eachRow((row) => row.splice(at - 1, n));
  }

  /** Moves columns a..a+n-1 to before `dest` (pre-move coordinates; dest outside [a, a+n]). */
  moveColumns(a: number, n: number, dest: number): void {
    this.eachRow((row) => {
      if (row.length < a && row.length < dest) return;
      if (row.length < Math.max(a - 1 + n, dest - 1)) row.length = Math.max(a - 1 + n, dest - 1);
      const seg = row.splice(a - 1, n);
      row.splice(dest > a ? dest - 1 - n : dest - 1, 0, ...seg);
    });
  }

  private eachRow(fn: (row: unknown[]) => void): void {
    for (const rows of [this.values, this.formulas] as Row<unknown>[][]) for (const row of rows) if (row) fn(row);
    this.extent = null;
  }
}
