import { intersects, type Rect } from './a1';
import { mapSpan, type Span, spanAfterDelete, spanAfterInsert } from './spans';

/** A value applied to a rectangle; null = back to the default. */
export interface ValueRect<T> {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
  value: T | null;
  /**
   * The cell the value was written for (its rectangle's top-left when set), following inserts,
   * deletes and moves as a cell does: a custom formula's relative references are relative to it.
   */
  ar: number;
  ac: number;
}

type PointMap = (p: number) => number;

export const toRect = (f: ValueRect<unknown>): Rect => ({
  row: f.r1,
  col: f.c1,
  numRows: f.r2 - f.r1 + 1,
  numCols: f.c2 - f.c1 + 1,
});

/**
 * Per-cell properties (number formats, validation rules, notes) stored as rectangles, last write
 * wins, without per-cell allocation; they follow row/column inserts, deletes and moves like Sheets.
 */
export class RectStore<T> {
  protected rects: ValueRect<T>[] = [];

  set(x: Rect, value: T | null): void {
    const r2 = x.row + x.numRows - 1;
    const c2 = x.col + x.numCols - 1;
    this.rects = this.rects.filter((f) => !(f.r1 >= x.row && f.r2 <= r2 && f.c1 >= x.col && f.c2 <= c2));
    if (value !== null || this.rects.some((f) => intersects(toRect(f), x))) {
      this.rects.push({ r1: x.row, c1: x.col, r2, c2, value, ar: x.row, ac: x.col });
    }
  }

  /** Per-cell values, merged per column into vertical runs of equal values. */
  setMatrix(row: number, col: number, values: ReadonlyArray<ReadonlyArray<T | null>>): void {
    const numCols = values[0]?.length ?? 0;
    for (let j = 0; j < numCols; j++) {
      let start = 0;
      for (let i = 1; i <= values.length; i++) {
        if (i < values.length && values[i][j] === values[start][j]) continue;
        this.set({ row: row + start, col: col + j, numRows: i - start, numCols: 1 }, values[start][j]);
        start = i;
      }
    }
  }

  read(x: Rect, def: T): T[][] {
    const out: T[][] = [];
    for (let i = 0; i < x.numRows; i++) out.push(new Array<T>(x.numCols).fill(def));
    for (const f of this.rects) {
      if (!intersects(toRect(f), x)) continue;
      const r2 = Math.min(f.r2, x.row + x.numRows - 1);
      const c2 = Math.min(f.c2, x.col + x.numCols - 1);
      for (let r = Math.max(f.r1, x.row); r <= r2; r++) {
        out[r - x.row].fill(f.value ?? def, Math.max(f.c1, x.col) - x.col, c2 - x.col + 1);
      }
    }
    return out;
  }

  /** The stored rectangles that intersect `x`, oldest first (later ones win). */
  over(x: Rect): ReadonlyArray<Readonly<ValueRect<T>>> {
    return this.rects.filter((f) => intersects(toRect(f), x));
  }

  insertRows(at: number, n: number): void {
    this.mapRows((a, b) => [spanAfterInsert(a, b, at, n)], afterInsert(at, n));
  }

  deleteRows(at: number, n: number): void {
    this.mapRows(
      (a, b) => {
        const s = spanAfterDelete(a, b, at, n);
        return s ? [s] : [];
      },
      afterDelete(at, n),
    );
  }

  insertColumns(at: number, n: number): void {
    this.mapCols((a, b) => [spanAfterInsert(a, b, at, n)], afterInsert(at, n));
  }

  /** Gives columns at..at+n-1 what column at-1 has (Sheets API insertDimension inheritFromBefore). */
  inheritColumns(at: number, n: number): void {
    if (at <= 1) return;
    const left = at - 1;
    const copies = this.rects
      .filter((f) => f.c1 <= left && f.c2 >= left)
      .map((f) => ({ ...f, c1: at, c2: at + n - 1, ac: f.ac + at - left, value: this.rebased(f.value, 0, at - left) }));
    this.rects.push(...copies);
  }

  deleteColumns(at: number, n: number): void {
    this.mapCols(
      (a, b) => {
        const s = spanAfterDelete(a, b, at, n);
        return s ? [s] : [];
      },
      afterDelete(at, n),
    );
  }

  remapColumns(map: (c: number) => number): void {
    this.mapCols((a, b) => mapSpan(a, b, map), map);
  }

  /** A value whose anchor moved by (dRow, dCol); a custom formula rewrites its relative references. */
  protected rebased(value: T | null, _dRow: number, _dCol: number): T | null {
    return value;
  }

  private mapRows(fn: (a: number, b: number) => Span[], point: PointMap): void {
    this.rects = this.rects.flatMap((f) => {
      const ar = point(f.ar);
      const value = ar === f.ar ? f.value : this.rebased(f.value, ar - f.ar, 0);
      return fn(f.r1, f.r2).map(([r1, r2]) => ({ ...f, r1, r2, ar, value }));
    });
  }

  private mapCols(fn: (a: number, b: number) => Span[], point: PointMap): void {
    this.rects = this.rects.flatMap((f) => {
      const ac = point(f.ac);
      const value = ac === f.ac ? f.value : this.rebased(f.value, 0, ac - f.ac);
      return fn(f.c1, f.c2).map(([c1, c2]) => ({ ...f, c1, c2, ac, value }));
    });
  }
}

const afterInsert =
  (at: number, n: number): PointMap =>
  (p) =>
    p >= at ? p + n : p;

/** A deleted anchor lands on the first row/column after the deletion (Sheets shows #REF! there). */
const afterDelete =
  (at: number, n: number): PointMap =>
  (p) =>
    p < at ? p : p >= at + n ? p - n : at;
