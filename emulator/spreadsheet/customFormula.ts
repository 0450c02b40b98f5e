/**
 * A small evaluator for data-validation custom formulas: cell references (relative to the rule's
 * top-left cell), numbers, strings, comparisons, + - * / &, and INT ABS AND OR NOT ISNUMBER ISTEXT
 * ISBLANK. Function arguments are separated by the spreadsheet locale's separator: ';' where the
 * decimal separator is ',' (es, pt, de, fr, it, …). A formula that does not parse under the locale
 * evaluates to an error, which no value satisfies — how a comma-separated formula "fails" there.
 */
import { lettersToColumn } from './a1';

export type Lookup = (row: number, col: number) => unknown;
type Value = number | string | boolean | { error: string };

const SEMICOLON_LOCALES = /^(es|pt|de|fr|it|nl|ru|tr|pl|da|fi|sv|nb|cs|id|vi)(_|$)/;

/** The argument separator Sheets expects in formulas under a spreadsheet locale such as `es_ES`. */
export function argumentSeparator(locale: string): ',' | ';' {
  return SEMICOLON_LOCALES.test(locale) ? ';' : ',';
}

interface Ctx {
  readonly lookup: Lookup;
  /** Offset of the evaluated cell from the formula's anchor (the rule's top-left cell). */
  readonly dRow: number;
  readonly dCol: number;
}

type Node = (ctx: Ctx) => Value;

function tokenize(formula: string, decimal: string): string[] | null {
  const digits = decimal === ',' ? '\\d+(?:,\\d+)?' : '\\d+(?:\\.\\d+)?';
  const token = new RegExp(
    `\\s*(?:(${digits})|("(?:[^"]|"")*")|(\\$?[A-Z]{1,3}\\$?\\d+)|([A-Z][A-Z0-9.]*)\\s*\\(|(<=|>=|<>|[=<>+\\-*/&(),;]))`,
    'y',
  );
  const text = formula.replace(/("(?:[^"]|"")*")|[^"]+/g, (part, str) => (str ? part : part.toUpperCase()));
  const tokens: string[] = [];
  while (token.lastIndex < text.length && text.slice(token.lastIndex).trim() !== '') {
    const m = token.exec(text);
    if (!m) return null;
    tokens.push(m[4] !== undefined ? `${m[4]}(` : (m[1] ?? m[2] ?? m[3] ?? m[5]));
  }
  return tokens;
}

const num = (v: Value): number | null => {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === '') return 0;
  return null;
};
const isError = (v: Value): v is { error: string } => typeof v === 'object';
const VALUE_ERROR = { error: '#VALUE!' };

const FUNCTIONS: Record<string, (args: Value[]) => Value> = {
  INT: ([a]) => (num(a) === null ? VALUE_ERROR : Math.floor(num(a) as number)),
  ABS: ([a]) => (num(a) === null ? VALUE_ERROR : Math.abs(num(a) as number)),
  AND: (args) => args.every((a) => num(a) !== 0),
  OR: (args) => args.some((a) => num(a) !== 0),
  NOT: ([a]) => num(a) === 0,
  ISNUMBER: ([a]) => typeof a === 'number',
  ISTEXT: ([a]) => typeof a === 'string' && a !== '',
  ISBLANK: ([a]) => a === '',
};

class Parser {
  private i = 0;
  constructor(
    private readonly tokens: string[],
    private readonly sep: string,
  ) {}

  parse(): Node | null {
    const node = this.comparison();
    return node !== null && this.i === this.tokens.length ? node : null;
  }

  private peek(): string | undefined {
    return this.tokens[this.i];
  }

  private comparison(): Node | null {
    const left = this.additive();
    const op = this.peek();
    if (left === null || !['=', '<>', '<', '>', '<=', '>='].includes(op ?? '')) return left;
    this.i++;
    const right = this.additive();
    if (right === null) return null;
    return (ctx) => compare(left(ctx), right(ctx), op as string);
  }

  private additive(): Node | null {
    return this.leftAssociative(['+', '-', '&'], () => this.multiplicative());
  }

  private multiplicative(): Node | null {
    return this.leftAssociative(['*', '/'], () => this.unary());
  }

  /** operand (op operand)*, evaluated left to right. */
  private leftAssociative(ops: readonly string[], operand: () => Node | null): Node | null {
    let left = operand();
    while (left !== null && ops.includes(this.peek() ?? '')) {
      const op = this.tokens[this.i++];
      const right = operand();
      if (right === null) return null;
      const l = left;
      left = (ctx) => arithmetic(l(ctx), right(ctx), op);
    }
    return left;
  }

  private unary(): Node | null {
    if (this.peek() === '-') {
      this.i++;
      const inner = this.unary();
      return inner === null ? null : (ctx) => arithmetic(0, inner(ctx), '-');
    }
    return this.primary();
  }

  private primary(): Node | null {
    const t = this.tokens[this.i++];
    if (t === undefined) return null;
    if (/^\d/.test(t)) return this.number(t);
    if (t.startsWith('"')) {
      const s = t.slice(1, -1).replace(/""/g, '"');
      return () => s;
    }
    if (t === '(') {
      const inner = this.comparison();
      return inner !== null && this.tokens[this.i++] === ')' ? inner : null;
    }
    if (t.endsWith('(')) return this.call(t.slice(0, -1));
    if (/^\$?[A-Z]/.test(t)) return reference(t);
    return null;
  }

  private number(t: string): Node {
    const n = Number(t.replace(',', '.'));
    return () => n;
  }

  private call(name: string): Node | null {
    const fn = FUNCTIONS[name];
    if (fn === undefined) return null;
    const args: Node[] = [];
    if (this.peek() === ')') {
      this.i++;
      return () => fn([]);
    }
    for (;;) {
      const arg = this.comparison();
      if (arg === null) return null;
      args.push(arg);
      const next = this.tokens[this.i++];
      if (next === ')') break;
      if (next !== this.sep) return null;
    }
    return (ctx) => {
      const values = args.map((a) => a(ctx));
      return values.find(isError) ?? fn(values);
    };
  }
}

function reference(t: string): Node {
  const m = /^(\$?)([A-Z]{1,3})(\$?)(\d+)$/.exec(t) as RegExpExecArray;
  const col = lettersToColumn(m[2]);
  const row = Number(m[4]);
  const absCol = m[1] === '$';
  const absRow = m[3] === '$';
  return (ctx) => {
    const v = ctx.lookup(absRow ? row : row + ctx.dRow, absCol ? col : col + ctx.dCol);
    if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
    if (v instanceof Date) return v.getTime() / 86_400_000 + 25_569;
    return '';
  };
}

function compare(a: Value, b: Value, op: string): Value {
  if (isError(a)) return a;
  if (isError(b)) return b;
  const x = typeof a === 'string' && typeof b === 'string' ? a.toLowerCase() : a === '' ? (num(b) !== null ? 0 : a) : a;
  const y = typeof a === 'string' && typeof b === 'string' ? b.toLowerCase() : b === '' ? (num(a) !== null ? 0 : b) : b;
  if (typeof x !== typeof y) return op === '<>';
  switch (op) {
    case '=':
      return x === y;
    case '<>':
      return x !== y;
    case '<':
      return x < y;
    case '>':
      return x > y;
    case '<=':
      return x <= y;
    default:
      return x >= y;
  }
}

function arithmetic(a: Value, b: Value, op: string): Value {
  if (isError(a)) return a;
  if (isError(b)) return b;
  if (op === '&') return `${a}${b}`;
  const x = num(a);
  const y = num(b);
  if (x === null || y === null) return VALUE_ERROR;
  if (op === '+') return x + y;
  if (op === '-') return x - y;
  if (op === '*') return x * y;
  return y === 0 ? { error: '#DIV/0!' } : x / y;
}

export interface CompiledFormula {
  /** True when the formula, evaluated for the cell `dRow`/`dCol` away from its anchor, is TRUE. */
  satisfied(lookup: Lookup, dRow: number, dCol: number): boolean;
}

/** Compiles `=…` under a spreadsheet locale; a formula that does not parse there is never satisfied. */
export function compileCustomFormula(formula: string, locale: string): CompiledFormula {
  const sep = argumentSeparator(locale);
  const body = formula.trim().replace(/^=/, '');
  const tokens = tokenize(body, sep === ';' ? ',' : '.');
  const node = tokens === null ? null : new Parser(tokens, sep).parse();
  return {
    satisfied: (lookup, dRow, dCol) => {
      if (node === null) return false;
      const v = node({ lookup, dRow, dCol });
      return v === true || (typeof v === 'number' && v !== 0);
    },
  };
}
