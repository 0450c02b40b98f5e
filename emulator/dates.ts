/** Date helpers shared by Utilities.formatDate, display values and trigger events. */

export interface DateParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  /** 1 = Monday … 7 = Sunday */
  weekday: number;
  /** Offset from UTC in minutes. */
  offset: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(tz, f);
  }
  return f;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export function dateParts(epochMs: number, tz: string): DateParts {
  const p: Record<string, string> = {};
  for (const part of formatter(tz).formatToParts(new Date(epochMs))) p[part.type] = part.value;
  const parts = {
    year: Number(p.year),
    month: Number(p.month),
    day: Number(p.day),
    hour: Number(p.hour) % 24,
    minute: Number(p.minute),
    second: Number(p.second),
    ms: ((epochMs % 1000) + 1000) % 1000,
    weekday: WEEKDAYS.indexOf(p.weekday) + 1,
    offset: 0,
  };
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second, parts.ms);
  parts.offset = Math.round((asUtc - epochMs) / 60000);
  return parts;
}

/** ISO-8601 week number of a calendar date. */
export function isoWeek(year: number, month: number, day: number): number {
  const d = new Date(Date.UTC(year, month - 1, day));
  const dow = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - dow);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  return Math.ceil(((d.getTime() - yearStart) / 86400000 + 1) / 7);
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

function offsetText(min: number, colon: boolean): string {
  const sign = min < 0 ? '-' : '+';
  const a = Math.abs(min);
  return `${sign}${pad(Math.floor(a / 60), 2)}${colon ? ':' : ''}${pad(a % 60, 2)}`;
}

function token(t: string, p: DateParts): string {
  const n = t.length;
  switch (t[0]) {
    case 'y':
      return n === 2 ? pad(p.year % 100, 2) : pad(p.year, n);
    case 'M':
      return n >= 4 ? MONTHS[p.month - 1] : n === 3 ? MONTHS[p.month - 1].slice(0, 3) : pad(p.month, n);
    case 'd':
      return pad(p.day, n);
    case 'H':
      return pad(p.hour, n);
    case 'h':
      return pad(p.hour % 12 || 12, n);
    case 'm':
      return pad(p.minute, n);
    case 's':
      return pad(p.second, n);
    case 'S':
      return pad(p.ms, 3).slice(0, n);
    case 'a':
      return p.hour < 12 ? 'AM' : 'PM';
    case 'E':
      return n >= 4 ? DAY_NAMES[p.weekday - 1] : DAY_NAMES[p.weekday - 1].slice(0, 3);
    case 'u':
      return String(p.weekday);
    case 'Z':
      return offsetText(p.offset, false);
    case 'X':
      return p.offset === 0 ? 'Z' : offsetText(p.offset, n >= 3);
    default:
      return t;
  }
}

/** Java SimpleDateFormat subset (y M d H h m s S a E u Z X, quoted literals). */
export function formatDate(epochMs: number, tz: string, pattern: string): string {
  const p = dateParts(epochMs, tz);
  return pattern.replace(/'([^']*)'|([a-zA-Z])\2*/g, (m: string, literal: string | undefined) =>
    literal !== undefined ? (literal === '' ? "'" : literal) : token(m, p),
  );
}

export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}
