/**
 * Reading a header row the way an operator would: exact names, blank gaps, non-text cells,
 * exact duplicates and near-duplicates (same name but for case, spaces or invisible/look-alike
 * characters) — the last ones break lookups by name while looking identical on screen.
 */

export interface HeaderCell {
  readonly column: number;
  readonly text: string;
}

export interface HeaderAnalysis {
  /** Exact header text → every column carrying it (1-based). */
  readonly columnsByName: ReadonlyMap<string, readonly number[]>;
  /** Last column whose header cell is not blank (0 when the row is blank). */
  readonly lastHeaderColumn: number;
  /** Blank header cells left of lastHeaderColumn. */
  readonly blankColumns: readonly number[];
  /** Header cells holding a number, date or boolean instead of text: described in English, and as shown (`raw`). */
  readonly nonTextCells: ReadonlyArray<{ readonly column: number; readonly value: string; readonly raw: string }>;
  /** Header cells holding a spreadsheet error value such as #REF!. */
  readonly errorCells: readonly HeaderCell[];
  readonly duplicates: ReadonlyArray<{ readonly name: string; readonly columns: readonly number[] }>;
}

const ERROR_VALUE = /^#(REF!|N\/A|NAME\?|DIV\/0!|VALUE!|NUM!|NULL!|ERROR!|SPILL!|CALC!)$/;

export function analyseHeaders(row: readonly unknown[]): HeaderAnalysis {
  const columnsByName = new Map<string, number[]>();
  const blankColumns: number[] = [];
  const nonTextCells: Array<{ column: number; value: string; raw: string }> = [];
  const errorCells: HeaderCell[] = [];
  let lastHeaderColumn = 0;
  row.forEach((value, i) => {
    const column = i + 1;
    if (value === '' || value === null || value === undefined) {
      blankColumns.push(column);
      return;
    }
    lastHeaderColumn = column;
    if (typeof value !== 'string') {
      nonTextCells.push({ column, value: describeValue(value), raw: rawText(value) });
      return;
    }
    if (ERROR_VALUE.test(value.trim())) errorCells.push({ column, text: value });
    const columns = columnsByName.get(value) ?? [];
    columns.push(column);
    columnsByName.set(value, columns);
  });
  const duplicates = [...columnsByName]
    .filter(([, columns]) => columns.length > 1)
    .map(([name, columns]) => ({ name, columns }));
  return {
    columnsByName,
    lastHeaderColumn,
    blankColumns: blankColumns.filter((column) => column < lastHeaderColumn),
    nonTextCells,
    errorCells,
    duplicates,
  };
}

/** The value as a language-neutral text (a date as YYYY-MM-DD, a boolean as TRUE/FALSE). */
function rawText(value: unknown): string {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '?' : value.toISOString().slice(0, 10);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

function describeValue(value: unknown): string {
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? 'an invalid date' : `the date ${value.toISOString().slice(0, 10)}`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `the boolean ${value ? 'TRUE' : 'FALSE'}`;
  return `a ${typeof value} value`;
}

/** Cyrillic and Greek capitals and small letters that render like Latin ones. */
const LOOK_ALIKES: Readonly<Record<string, string>> = {
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  у: 'y',
  х: 'x',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
  І: 'I',
  Ј: 'J',
  Ѕ: 'S',
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
  ο: 'o',
  ν: 'v',
};
const LOOK_ALIKE_PATTERN = new RegExp(`[${Object.keys(LOOK_ALIKES).join('')}]`, 'g');
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;
const SPACES = /[\s\u00A0\u2000-\u200A\u202F\u205F\u3000]+/g;

/** The name as a human reads it: what two headers share when they only look the same. */
export function headerLookalikeKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(LOOK_ALIKE_PATTERN, (ch) => LOOK_ALIKES[ch] ?? ch)
    .replace(SPACES, ' ')
    .trim()
    .toLowerCase();
}

/** Header cells that look like `managedName` without being exactly it. */
export function nearDuplicatesOf(managedName: string, analysis: HeaderAnalysis): HeaderCell[] {
  const key = headerLookalikeKey(managedName);
  const found: HeaderCell[] = [];
  for (const [text, columns] of analysis.columnsByName) {
    if (text !== managedName && headerLookalikeKey(text) === key) {
      for (const column of columns) found.push({ column, text });
    }
  }
  return found;
}

/** Shows invisible and unusual characters of a header so an operator can see why it differs. */
export function visibleText(text: string, maxLength = 60): string {
  const shown = text
    .replace(/\u00A0/g, '⍽')
    .replace(INVISIBLE, (ch) => `<U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`);
  return shown.length > maxLength ? `${shown.slice(0, maxLength)}… (${text.length} characters)` : shown;
}
