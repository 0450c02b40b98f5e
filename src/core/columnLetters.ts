/** Google Sheets' last column is ZZZ: 26 + 26² + 26³. */
export const MAX_COLUMNS = 18_278;

/** 1-based column index → letters (1 → A, 68 → BP). */
export function columnLetter(column: number): string {
  if (!Number.isInteger(column) || column < 1) throw new RangeError(`Invalid column index: ${column}`);
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** Letters → 1-based column index (BP → 68). */
export function columnIndex(letters: string): number {
  if (!/^[A-Z]{1,3}$/.test(letters)) throw new RangeError(`Invalid column letters: ${letters}`);
  return [...letters].reduce((n, ch) => n * 26 + (ch.charCodeAt(0) - 64), 0);
}

/** A1 notation of a cell or rectangle, optionally qualified with a sheet name. */
export function a1(sheet: string | null, row: number, column: number, rows = 1, columns = 1): string {
  const start = `${columnLetter(column)}${row}`;
  const end = `${columnLetter(column + columns - 1)}${row + rows - 1}`;
  const range = rows === 1 && columns === 1 ? start : `${start}:${end}`;
  return sheet === null ? range : `${quoteSheetName(sheet)}!${range}`;
}

function quoteSheetName(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** "BP–BT" style label for a run of columns. */
export function columnSpan(first: number, count: number): string {
  return count <= 1 ? columnLetter(first) : `${columnLetter(first)}–${columnLetter(first + count - 1)}`;
}
