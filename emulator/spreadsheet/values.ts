import { dateParts, formatDate, isDate } from '../dates';
import { fail, MSG } from '../errors';

/** A stored cell value: '' is empty. */
export type CellValue = string | number | boolean | Date;

export interface Interpreted {
  value: CellValue;
  formula?: string;
}

export const MAX_CELL_CHARS = 50000;
const NUMERIC = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;

/** Digits, sign, dot or leading whitespace. */
const mayBeNumber = (c: number): boolean =>
  (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46 || c === 32 || c === 9;

function checkLength(s: string): string {
  if (s.length > MAX_CELL_CHARS) fail(MSG.cellTooLong);
  return s;
}

/** How strings are read as typed: the spreadsheet's locale decides the separators, its time zone the dates. */
export interface TypedInput {
  /** switches.parseStringsAsUserEntered: true = 'parse' (as typed), false = 'keep' (as sent). */
  readonly parse: boolean;
  readonly locale: string;
  readonly timeZone: string;
}

/** Locales writing 1.234,5 (decimal comma); the rest write 1,234.5. */
const DECIMAL_COMMA = /^(es|pt|de|fr|it|nl|ru|pl|tr|id|da|sv|nb|fi|cs|ro|hu)(\b|[-_])/i;

function parseNumber(s: string, locale: string): number | null {
  const comma = DECIMAL_COMMA.test(locale);
  // A dot is the decimal point only where the locale says so ('1.5' is not 1.5 under es).
  if (mayBeNumber(s.charCodeAt(0)) && NUMERIC.test(s) && !(comma && s.includes('.'))) return Number(s);
  const [group, decimal] = comma ? ['.', ','] : [',', '.'];
  const grouped = new RegExp(
    `^\\s*[+-]?\\d{1,3}(\\${group}\\d{3})*(\\${decimal}\\d+)?\\s*$|^\\s*[+-]?\\d+\\${decimal}\\d+\\s*$`,
  );
  if (!grouped.test(s)) return null;
  return Number(s.split(group).join('').replace(decimal, '.'));
}

/** `yyyy-mm-dd` (optionally ` hh:mm[:ss]`) as typed: a date-time in the spreadsheet's time zone. */
function parseDate(s: string, timeZone: string): Date | null {
  const m = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[ ](\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*$/.exec(s);
  if (!m) return null;
  const [y, mo, d, h, mi, se] = m.slice(1).map((x) => Number(x ?? 0));
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 59) return null;
  const guess = Date.UTC(y, mo - 1, d, h, mi, se);
  const date = new Date(guess - dateParts(guess, timeZone).offset * 60000);
  return dateParts(date.getTime(), timeZone).day === d ? date : null;
}

/**
 * How a value sent by setValue(s)/appendRow is stored: `text` = the cell's number format is '@'
 * (plain text: kept as sent). Otherwise, when parsing, strings are read as if typed — numbers in
 * the spreadsheet locale's notation ('0012' → 12, '1,234' → 1.234 under es), ISO dates, TRUE/FALSE.
 */
export function interpret(v: unknown, input: TypedInput, text: boolean): Interpreted {
  if (v === null || v === undefined) return { value: '' };
  if (typeof v === 'number' || typeof v === 'boolean') return { value: v };
  if (isDate(v)) return { value: new Date(v.getTime()) };
  const s = checkLength(String(v));
  if (text) return { value: s };
  if (s.length > 1 && s.startsWith('=')) return { value: '', formula: s };
  if (!input.parse || s === '') return { value: s };
  if (s.startsWith("'")) return { value: s.slice(1) };
  const n = parseNumber(s, input.locale);
  if (n !== null) return { value: n };
  if (s.length === 4 || s.length === 5) {
    const upper = s.toUpperCase();
    if (upper === 'TRUE' || upper === 'FALSE') return { value: upper === 'TRUE' };
  }
  const date = parseDate(s, input.timeZone);
  return date === null ? { value: s } : { value: date };
}

/** Formula text for setFormula(s): '' clears; a missing '=' is added. */
export function interpretFormula(f: unknown): Interpreted {
  const s = checkLength(f === null || f === undefined ? '' : String(f));
  if (s === '') return { value: '' };
  return { value: '', formula: s.startsWith('=') ? s : `=${s}` };
}

export function sameValue(a: CellValue | undefined, b: CellValue | undefined): boolean {
  const x = a ?? '';
  const y = b ?? '';
  if (x === y) return true;
  return typeof x === 'object' && typeof y === 'object' && x.getTime() === y.getTime();
}

/** Sheets date pattern (yyyy-mm-dd hh:mm:ss) to the Java-style pattern formatDate understands. */
function sheetsDatePattern(fmt: string): string {
  return fmt
    .replace(
      /(h+)(:)(m+)/gi,
      (_m, h: string, c: string, m: string) => `${h.toUpperCase()}${c}${'\uE000'.repeat(m.length)}`,
    )
    .replace(/(m+)(:s)/gi, (_m, m: string, s: string) => `${'\uE000'.repeat(m.length)}${s}`)
    .replace(/m/g, 'M')
    .replace(/\uE000/g, 'm')
    .replace(/D/g, 'd')
    .replace(/Y/g, 'y')
    .replace(/am\/pm/gi, 'a');
}

const DATE_FORMAT = /[yd]|h+:m|m+:s/i;

function displayNumber(n: number, fmt: string): string {
  const m = /^([#,]*0)(?:\.(0+))?(%?)$/.exec(fmt);
  if (!m) return String(n);
  const decimals = m[2]?.length ?? 0;
  const value = m[3] ? n * 100 : n;
  const fixed = m[1].includes(',')
    ? value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })
    : value.toFixed(decimals);
  return fixed + m[3];
}

function displayDate(d: Date, fmt: string, tz: string): string {
  if (DATE_FORMAT.test(fmt)) return formatDate(d.getTime(), tz, sheetsDatePattern(fmt));
  const midnight = formatDate(d.getTime(), tz, 'HH:mm:ss') === '00:00:00';
  return formatDate(d.getTime(), tz, midnight ? 'M/d/yyyy' : 'M/d/yyyy H:mm:ss');
}

/** getDisplayValues(): an approximation of Sheets formatting (en-US locale). */
export function displayValue(v: CellValue | undefined, fmt: string, tz: string): string {
  if (v === undefined || v === '') return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return fmt === '@' ? String(v) : displayNumber(v, fmt);
  if (isDate(v)) return displayDate(v, fmt, tz);
  return v;
}
