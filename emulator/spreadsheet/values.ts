import { formatDate, isDate } from '../dates';
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

/**
 * How a value sent by setValue(s)/appendRow is stored. `parse` = switches.parseStringsAsUserEntered,
 * `text` = the cell's number format is '@' (plain text).
 */
export function interpret(v: unknown, parse: boolean, text: boolean): Interpreted {
  if (v === null || v === undefined) return { value: '' };
  if (typeof v === 'number' || typeof v === 'boolean') return { value: v };
  if (isDate(v)) return { value: new Date(v.getTime()) };
  const s = checkLength(String(v));
  if (text) return { value: s };
  if (s.length > 1 && s.startsWith('=')) return { value: '', formula: s };
  if (!parse) return { value: s };
  if (s.startsWith("'")) return { value: s.slice(1) };
  if (mayBeNumber(s.charCodeAt(0)) && NUMERIC.test(s)) return { value: Number(s) };
  if (s.length === 4 || s.length === 5) {
    const upper = s.toUpperCase();
    if (upper === 'TRUE' || upper === 'FALSE') return { value: upper === 'TRUE' };
  }
  return { value: s };
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
