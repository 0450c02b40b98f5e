import { fail } from '../errors';
import { type HasRuntime, instrumentClass, type Runtime } from '../runtime';
import type { Rect } from './a1';
import type { SheetModel } from './model';
import { makeRange, type RangeImpl } from './range';
import { displayValue } from './values';

/**
 * Range/Sheet.createTextFinder(text) (developers.google.com/apps-script/reference/spreadsheet/text-finder):
 * a server-side search, so findAll() is one call whatever the range size. Every builder call is
 * counted too (each is a method call on a Spreadsheet service object). Matching is on the displayed
 * value (matchFormulaText(false), the default), case-insensitive and partial unless told otherwise;
 * cells are visited row by row, left to right (UNCONFIRMED order, recorded in docs/platform.md).
 */
export class TextFinderImpl implements HasRuntime {
  readonly _rt: Runtime;
  private _case = false;
  private _entire = false;
  private _regex = false;
  private _formulaText = false;
  /** Index (in visiting order) of the current match; -1 before the first findNext(). */
  private _cursor = -1;

  constructor(
    readonly _sheet: SheetModel,
    readonly _rect: Rect,
    private readonly _text: string,
  ) {
    this._rt = _sheet.rt;
    if (_text === '') fail('Invalid argument: findText');
  }

  matchCase(matchCase: boolean): this {
    this._case = Boolean(matchCase);
    return this;
  }
  matchEntireCell(matchEntireCell: boolean): this {
    this._entire = Boolean(matchEntireCell);
    return this;
  }
  useRegularExpression(useRegEx: boolean): this {
    this._regex = Boolean(useRegEx);
    return this;
  }
  matchFormulaText(matchFormulaText: boolean): this {
    this._formulaText = Boolean(matchFormulaText);
    return this;
  }
  /** Accepted for API shape; the emulator compares code points as given. */
  ignoreDiacritics(_ignoreDiacritics: boolean): this {
    return this;
  }

  findAll(): RangeImpl[] {
    const hits = this._matches();
    this._rt.cells('cellsRead', hits.length);
    return hits.map((h) => makeRange(this._sheet, h.row, h.col));
  }

  findNext(): RangeImpl | null {
    const hits = this._matches();
    const next = hits.findIndex((h) => this._order(h) > this._cursor);
    if (next < 0) return null;
    this._cursor = this._order(hits[next]);
    this._rt.cells('cellsRead', 1);
    return makeRange(this._sheet, hits[next].row, hits[next].col);
  }

  findPrevious(): RangeImpl | null {
    const hits = this._matches().filter((h) => this._cursor < 0 || this._order(h) < this._cursor);
    const last = hits[hits.length - 1];
    if (last === undefined) return null;
    this._cursor = this._order(last);
    this._rt.cells('cellsRead', 1);
    return makeRange(this._sheet, last.row, last.col);
  }

  private _order(h: { row: number; col: number }): number {
    return (h.row - this._rect.row) * this._rect.numCols + (h.col - this._rect.col);
  }

  private _matches(): { row: number; col: number }[] {
    const test = this._predicate();
    const x = this._rect;
    const grid = this._sheet.grid;
    const last = Math.min(x.row + x.numRows - 1, grid.lastRow());
    const hits: { row: number; col: number }[] = [];
    if (last < x.row) return hits;
    const fmts = this._sheet.formats.read({ ...x, numRows: last - x.row + 1 }, this._rt.switches.defaultNumberFormat);
    for (let r = x.row; r <= last; r++) {
      for (let c = x.col; c < x.col + x.numCols; c++) {
        const formula = grid.formula(r, c);
        const text =
          this._formulaText && formula !== ''
            ? formula
            : displayValue(grid.value(r, c), fmts[r - x.row][c - x.col], this._rt.timeZone);
        if (text !== '' && test(text)) hits.push({ row: r, col: c });
      }
    }
    return hits;
  }

  private _predicate(): (cell: string) => boolean {
    const flags = this._case ? 'u' : 'iu';
    if (this._regex) {
      const re = new RegExp(this._entire ? `^(?:${this._text})$` : this._text, flags);
      return (cell) => re.test(cell);
    }
    const needle = this._case ? this._text : this._text.toLowerCase();
    const fold = (cell: string) => (this._case ? cell : cell.toLowerCase());
    return this._entire ? (cell) => fold(cell) === needle : (cell) => fold(cell).includes(needle);
  }
}

instrumentClass(TextFinderImpl, 'TextFinder', 'Spreadsheet');
