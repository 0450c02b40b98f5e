import { fail, MSG } from '../errors';

export interface Rect {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
  /** From A1 like `A:C` (every row) or `2:5` (every column): getA1Notation() gives it back that way. */
  whole?: 'columns' | 'rows';
}

export function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function formatA1(r: Rect): string {
  if (r.whole === 'columns') return `${columnLetters(r.col)}:${columnLetters(r.col + r.numCols - 1)}`;
  if (r.whole === 'rows') return `${r.row}:${r.row + r.numRows - 1}`;
  const start = columnLetters(r.col) + r.row;
  if (r.numRows === 1 && r.numCols === 1) return start;
  return `${start}:${columnLetters(r.col + r.numCols - 1)}${r.row + r.numRows - 1}`;
}

/** Splits `'My sheet'!A1:B2` / `Data!A1` into sheet name and A1 part. */
export function splitSheetPrefix(ref: string): { sheet?: string; a1: string } {
  const bang = ref.lastIndexOf('!');
  if (bang < 0) return { a1: ref };
  let sheet = ref.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, a1: ref.slice(bang + 1) };
}

interface Ref {
  col?: number;
  row?: number;
}

function parseRef(s: string): Ref | null {
  const m = /^\$?([A-Za-z]{0,3})\$?(\d*)$/.exec(s.trim());
  if (!m || (!m[1] && !m[2])) return null;
  return { col: m[1] ? lettersToColumn(m[1]) : undefined, row: m[2] ? Number(m[2]) : undefined };
}

/** Parses A1 notation (`A1`, `A1:B2`, `A:C`, `2:5`, `A2:C`) against a sheet size. Throws 'Range not found'. */
export function parseA1(a1: string, maxRows: number, maxCols: number): Rect {
  const parts = a1.split(':');
  if (parts.length > 2) fail(MSG.rangeNotFound);
  const a = parseRef(parts[0]);
  const b = parts.length === 2 ? parseRef(parts[1]) : a;
  if (!a || !b || a.row === 0 || b.row === 0) fail(MSG.rangeNotFound);
  if (parts.length === 1 && (a.row === undefined || a.col === undefined)) fail(MSG.rangeNotFound);
  const r1 = a.row ?? 1;
  const c1 = a.col ?? 1;
  const r2 = b.row ?? (a.row !== undefined && b.col === undefined ? r1 : maxRows);
  const c2 = b.col ?? maxCols;
  const row = Math.min(r1, r2);
  const col = Math.min(c1, c2);
  const rect: Rect = { row, col, numRows: Math.abs(r2 - r1) + 1, numCols: Math.abs(c2 - c1) + 1 };
  if (a.row === undefined && b.row === undefined) rect.whole = 'columns';
  else if (a.col === undefined && b.col === undefined) rect.whole = 'rows';
  return rect;
}

export function intersects(a: Rect, b: Rect): boolean {
  return (
    a.row < b.row + b.numRows && b.row < a.row + a.numRows && a.col < b.col + b.numCols && b.col < a.col + a.numCols
  );
}
