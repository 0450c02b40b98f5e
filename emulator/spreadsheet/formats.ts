import { intersects, type Rect } from './a1';
import { mapSpan, type Span, spanAfterDelete, spanAfterInsert } from './spans';

/** A number format applied to a rectangle; null = back to the default format. */
interface FormatRect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
  fmt: string | null;
}

const toRect = (f: FormatRect): Rect => ({ row: f.r1, col: f.c1, numRows: f.r2 - f.r1 + 1, numCols: f.c2 - f.c1 + 1 });

/** Number formats stored as rectangles, last write wins (no per-cell allocation). */
export class FormatStore {
  private rects: FormatRect[] = [];

  set(x: Rect, fmt: string | null): void {
    const r2 = x.row + x.numRows - 1;
    const c2 = x.col + x.numCols - 1;
    this.rects = this.rects.filter((f) => !(f.r1 >= x.row && f.r2 <= r2 && f.c1 >= x.col && f.c2 <= c2));
    if (fmt !== null || this.rects.some((f) => intersects(toRect(f), x))) {
      this.rects.push({ r1: x.row, c1: x.col, r2, c2, fmt });
    }
  }

  /** Per-cell formats, merged per column into vertical runs. */
  setMatrix(row: number, col: number, fmts: string[][]): void {
    const numCols = fmts[0]?.length ?? 0;
    for (let j = 0; j < numCols; j++) {
      let start = 0;
      for (let i = 1; i <= fmts.length; i++) {
        if (i < fmts.length && fmts[i][j] === fmts[start][j]) continue;
        this.set({ row: row + start, col: col + j, numRows: i - start, numCols: 1 }, String(fmts[start][j]));
        start = i;
      }
    }
  }

  read(x: Rect, def: string): string[][] {
    const out: string[][] = [];
    for (let i = 0; i < x.numRows; i++) out.push(new Array<string>(x.numCols).fill(def));
    for (const f of this.rects) {
      if (!intersects(toRect(f), x)) continue;
      const r2 = Math.min(f.r2, x.row + x.numRows - 1);
      const c2 = Math.min(f.c2, x.col + x.numCols - 1);
      for (let r = Math.max(f.r1, x.row); r <= r2; r++) {
        out[r - x.row].fill(f.fmt ?? def, Math.max(f.c1, x.col) - x.col, c2 - x.col + 1);
      }
    }
    return out;
  }

  /** True when some cell of `x` may carry format `fmt`. */
  mayHave(x: Rect, fmt: string): boolean {
    return this.rects.some((f) => f.fmt === fmt && intersects(toRect(f), x));
  }

  insertRows(at: number, n: number): void {
    this.mapRows((a, b) => [spanAfterInsert(a, b, at, n)]);
  }

  deleteRows(at: number, n: number): void {
    this.mapRows((a, b) => {
      const s = spanAfterDelete(a, b, at, n);
      return s ? [s] : [];
    });
  }

  insertColumns(at: number, n: number): void {
    this.mapCols((a, b) => [spanAfterInsert(a, b, at, n)]);
  }

  deleteColumns(at: number, n: number): void {
    this.mapCols((a, b) => {
      const s = spanAfterDelete(a, b, at, n);
      return s ? [s] : [];
    });
  }

  remapColumns(map: (c: number) => number): void {
    this.mapCols((a, b) => mapSpan(a, b, map));
  }

  private mapRows(fn: (a: number, b: number) => Span[]): void {
    this.rects = this.rects.flatMap((f) => fn(f.r1, f.r2).map(([r1, r2]) => ({ ...f, r1, r2 })));
  }

  private mapCols(fn: (a: number, b: number) => Span[]): void {
    this.rects = this.rects.flatMap((f) => fn(f.c1, f.c2).map(([c1, c2]) => ({ ...f, c1, c2 })));
  }
}
