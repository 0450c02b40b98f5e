/**
 * Data validation: rules on ranges (Range.setDataValidation/getDataValidation(s)/
 * clearDataValidations), SpreadsheetApp.newDataValidation(), and — behind the switch
 * `validationRejectsScriptWrites` (CONTESTED) — script writes refused by a rejecting rule.
 * Rules and builders are value objects built locally, so their methods are not counted as
 * Spreadsheet calls; setting and reading them on a range is.
 */
import { fail, MSG } from '../errors';
import { columnLetters, formatA1, lettersToColumn, type Rect } from './a1';
import { type CompiledFormula, compileCustomFormula, type Lookup } from './customFormula';
import { RectStore, toRect } from './rects';

export const DataValidationCriteria = Object.freeze({
  CUSTOM_FORMULA: 'CUSTOM_FORMULA',
  NUMBER_BETWEEN: 'NUMBER_BETWEEN',
  NUMBER_GREATER_THAN: 'NUMBER_GREATER_THAN',
  NUMBER_GREATER_THAN_OR_EQUAL_TO: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  VALUE_IN_LIST: 'VALUE_IN_LIST',
} as const);

export type Criteria = (typeof DataValidationCriteria)[keyof typeof DataValidationCriteria];

/** An immutable rule; a DataValidation object wraps one. */
export interface RuleModel {
  readonly criteria: Criteria;
  readonly args: readonly unknown[];
  readonly allowInvalid: boolean;
  readonly helpText: string | null;
}

const facades = new WeakMap<RuleModel, DataValidationImpl>();

/** One object per stored rule, so cells sharing a rule share it (as cheap to compare as to read). */
export function validationFacade(r: RuleModel): DataValidationImpl {
  let f = facades.get(r);
  if (!f) {
    f = new DataValidationImpl(r);
    facades.set(r, f);
  }
  return f;
}

export class DataValidationImpl {
  constructor(readonly _r: RuleModel) {}
  getCriteriaType(): Criteria {
    return this._r.criteria;
  }
  getCriteriaValues(): unknown[] {
    return [...this._r.args];
  }
  getAllowInvalid(): boolean {
    return this._r.allowInvalid;
  }
  getHelpText(): string | null {
    return this._r.helpText;
  }
  copy(): DataValidationBuilderImpl {
    return new DataValidationBuilderImpl(this._r);
  }
}

const numberArg = (method: string, n: unknown): number => {
  if (typeof n !== 'number') fail(`The parameters (${typeof n}) don't match the method signature for ${method}.`);
  return n;
};

export class DataValidationBuilderImpl {
  private r: { -readonly [K in keyof RuleModel]: RuleModel[K] } | null;

  constructor(from?: RuleModel) {
    this.r = from ? { ...from } : null;
  }

  private criteria(criteria: Criteria, args: unknown[]): this {
    this.r = { allowInvalid: true, helpText: null, ...this.r, criteria, args };
    return this;
  }
  requireNumberGreaterThanOrEqualTo(number: number): this {
    const n = numberArg('DataValidationBuilder.requireNumberGreaterThanOrEqualTo', number);
    return this.criteria('NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]);
  }
  requireNumberGreaterThan(number: number): this {
    return this.criteria('NUMBER_GREATER_THAN', [numberArg('DataValidationBuilder.requireNumberGreaterThan', number)]);
  }
  requireNumberBetween(start: number, end: number): this {
    return this.criteria('NUMBER_BETWEEN', [start, end]);
  }
  requireValueInList(values: unknown[], showDropdown = true): this {
    if (!Array.isArray(values))
      fail("The parameters (String) don't match the method signature for DataValidationBuilder.requireValueInList.");
    return this.criteria('VALUE_IN_LIST', [values.map(String), Boolean(showDropdown)]);
  }
  requireFormulaSatisfied(formula: string): this {
    return this.criteria('CUSTOM_FORMULA', [String(formula)]);
  }
  withCriteria(criteria: Criteria, args: unknown[]): this {
    return this.criteria(criteria, [...args]);
  }
  setAllowInvalid(allowInvalidData: boolean): this {
    this.ensure().allowInvalid = Boolean(allowInvalidData);
    return this;
  }
  setHelpText(helpText: string): this {
    this.ensure().helpText = String(helpText);
    return this;
  }
  getCriteriaType(): Criteria | null {
    return this.r?.criteria ?? null;
  }
  getCriteriaValues(): unknown[] {
    return [...(this.r?.args ?? [])];
  }
  getAllowInvalid(): boolean {
    return this.r?.allowInvalid ?? true;
  }
  getHelpText(): string | null {
    return this.r?.helpText ?? null;
  }
  build(): DataValidationImpl {
    if (this.r === null) fail('You must specify a criteria type before building a data validation rule.');
    return new DataValidationImpl({ ...this.r, args: [...this.r.args] });
  }
  copy(): DataValidationBuilderImpl {
    return new DataValidationBuilderImpl(this.r ?? undefined);
  }

  private ensure(): { allowInvalid: boolean; helpText: string | null } {
    this.r ??= { criteria: 'CUSTOM_FORMULA', args: [''], allowInvalid: true, helpText: null };
    return this.r;
  }
}

/** Rules stored per rectangle; the anchor of a custom formula is its rectangle's top-left cell. */
export class ValidationStore extends RectStore<RuleModel> {
  private readonly compiled = new WeakMap<RuleModel, CompiledFormula>();

  /** Like Sheets, a moved custom formula's relative references move with it (BP2 → A2). */
  protected override rebased(value: RuleModel | null, dRow: number, dCol: number): RuleModel | null {
    if (value === null || value.criteria !== 'CUSTOM_FORMULA') return value;
    return { ...value, args: [shiftRelativeReferences(String(value.args[0]), dRow, dCol)] };
  }

  /**
   * Throws the platform's message naming the first cell of `x` whose new value (`valueAt`, null =
   * not written) a rejecting rule refuses. Blank values are always accepted.
   */
  checkWrite(x: Rect, valueAt: (row: number, col: number) => unknown, lookup: Lookup, locale: string): void {
    const all = this.over(x);
    const rules = all.filter((f) => f.value !== null && !f.value.allowInvalid);
    if (rules.length === 0) return;
    const withNew: Lookup = (r, c) =>
      r >= x.row && r < x.row + x.numRows && c >= x.col && c < x.col + x.numCols ? valueAt(r, c) : lookup(r, c);
    for (const f of rules) {
      const part = overlap(toRect(f), x);
      for (let r = part.row; r < part.row + part.numRows; r++) {
        for (let c = part.col; c < part.col + part.numCols; c++) {
          const v = valueAt(r, c);
          if (v === '' || v === null || v === undefined) continue;
          if (winner(all, r, c) !== f) continue;
          const rule = f.value as RuleModel;
          if (!this.satisfies(rule, v, { lookup: withNew, dRow: r - f.ar, dCol: c - f.ac, locale })) {
            fail(MSG.validationViolation(formatA1({ row: r, col: c, numRows: 1, numCols: 1 })));
          }
        }
      }
    }
  }

  private satisfies(
    rule: RuleModel,
    v: unknown,
    at: { lookup: Lookup; dRow: number; dCol: number; locale: string },
  ): boolean {
    const [a, b] = rule.args as [unknown, unknown];
    switch (rule.criteria) {
      case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
        return typeof v === 'number' && v >= Number(a);
      case 'NUMBER_GREATER_THAN':
        return typeof v === 'number' && v > Number(a);
      case 'NUMBER_BETWEEN':
        return typeof v === 'number' && v >= Number(a) && v <= Number(b);
      case 'VALUE_IN_LIST':
        return (a as string[]).includes(String(v));
      case 'CUSTOM_FORMULA': {
        let f = this.compiled.get(rule);
        if (f === undefined) {
          f = compileCustomFormula(String(a), at.locale);
          this.compiled.set(rule, f);
        }
        return f.satisfied(at.lookup, at.dRow, at.dCol);
      }
    }
  }
}

/** `=INT(ABS(BP2))=BP2` shifted by one column is `=INT(ABS(BQ2))=BQ2`; `$`-fixed parts stay. */
export function shiftRelativeReferences(formula: string, dRow: number, dCol: number): string {
  return formula.replace(
    /(?<![A-Za-z_$])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\w(])/g,
    (_all, colFixed: string, letters: string, rowFixed: string, digits: string) => {
      const col = colFixed === '' ? lettersToColumn(letters) + dCol : lettersToColumn(letters);
      const row = rowFixed === '' ? Number(digits) + dRow : Number(digits);
      return `${colFixed}${columnLetters(col)}${rowFixed}${row}`;
    },
  );
}

function overlap(a: Rect, b: Rect): Rect {
  const row = Math.max(a.row, b.row);
  const col = Math.max(a.col, b.col);
  return {
    row,
    col,
    numRows: Math.min(a.row + a.numRows, b.row + b.numRows) - row,
    numCols: Math.min(a.col + a.numCols, b.col + b.numCols) - col,
  };
}

/** The newest stored rectangle covering the cell (later writes win). */
function winner<T>(
  rects: ReadonlyArray<{ r1: number; r2: number; c1: number; c2: number; value: T }>,
  r: number,
  c: number,
) {
  for (let i = rects.length - 1; i >= 0; i--) {
    const f = rects[i];
    if (r >= f.r1 && r <= f.r2 && c >= f.c1 && c <= f.c2) return f;
  }
  return null;
}
