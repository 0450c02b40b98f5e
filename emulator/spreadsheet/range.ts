import { fail, MSG } from '../errors';
import { type HasRuntime, instrumentClass, type Runtime } from '../runtime';
import { formatA1, parseA1, type Rect } from './a1';
import {
  addRangeMetadata,
  type DeveloperMetadataFinderImpl,
  type DeveloperMetadataImpl,
  finderFor,
  rangeMetadata,
} from './metadata';
import type { SheetModel } from './model';
import { type ProtectionImpl, protectionFacade } from './protection';
import { readNotes, readRules, setNote, setNotes, setRule, setRules } from './rangeRules';
import { type SheetImpl, sheetFacade } from './sheet';
import { TextFinderImpl } from './textFinder';
import type { DataValidationImpl } from './validation';
import { type CellValue, displayValue } from './values';

const JAVA_TYPE: Record<string, string> = { string: 'String', number: 'number', boolean: 'Boolean' };

/**
 * How Apps Script names an argument's type in a signature error: `String`, `number`, `Boolean`
 * (OBSERVED: `(String,String,String)` for Utilities.formatDate), `(class)` for an object
 * (OBSERVED for HtmlService.createTemplate), `Object[]` for an array (UNCONFIRMED), `null`.
 */
function typeName(a: unknown): string {
  if (a === null) return 'null';
  if (Array.isArray(a)) return 'Object[]';
  if (typeof a === 'object' || typeof a === 'function') return '(class)';
  return JAVA_TYPE[typeof a] ?? typeof a;
}

/** `The parameters (…) don't match the method signature for SpreadsheetApp.<Class>.<method>.` */
export function signatureError(owner: string, args: unknown[]): never {
  const types = args.map(typeName).join(',');
  return fail(`The parameters (${types}) don't match the method signature for SpreadsheetApp.${owner}.`);
}

/** Builds a range with Apps Script's argument checks (1-based). */
export function makeRange(sheet: SheetModel, row: number, col: number, numRows = 1, numCols = 1): RangeImpl {
  if (row < 1) fail(MSG.startRowTooSmall);
  if (col < 1) fail(MSG.startColumnTooSmall);
  if (numRows < 1) fail(MSG.rowsAtLeast1);
  if (numCols < 1) fail(MSG.columnsAtLeast1);
  const outside = row + numRows - 1 > sheet.maxRows || col + numCols - 1 > sheet.maxCols;
  if (outside && sheet.rt.switches.offGridWrite === 'throw') fail(MSG.outsideGrid);
  return new RangeImpl(sheet, { row, col, numRows, numCols });
}

export function rangeFromA1(sheet: SheetModel, a1: string): RangeImpl {
  const r = parseA1(a1, sheet.maxRows, sheet.maxCols);
  const range = makeRange(sheet, r.row, r.col, r.numRows, r.numCols);
  if (r.whole !== undefined) range._rect.whole = r.whole;
  return range;
}

function checkMatrix(owner: string, data: unknown, x: Rect): unknown[][] {
  if (!Array.isArray(data) || data.some((row) => !Array.isArray(row))) signatureError(owner, [data]);
  const rows = data as unknown[][];
  if (rows.length !== x.numRows) fail(MSG.rowsMismatch(rows.length, x.numRows));
  const bad = rows.find((row) => row.length !== x.numCols);
  if (bad) fail(MSG.columnsMismatch(bad.length, x.numCols));
  return rows;
}

export class RangeImpl implements HasRuntime {
  readonly _rt: Runtime;

  constructor(
    readonly _sheet: SheetModel,
    readonly _rect: Rect,
  ) {
    this._rt = _sheet.rt;
  }

  getRow(): number {
    return this._rect.row;
  }
  getColumn(): number {
    return this._rect.col;
  }
  getNumRows(): number {
    return this._rect.numRows;
  }
  getNumColumns(): number {
    return this._rect.numCols;
  }
  getLastRow(): number {
    return this._rect.row + this._rect.numRows - 1;
  }
  getLastColumn(): number {
    return this._rect.col + this._rect.numCols - 1;
  }
  getA1Notation(): string {
    return formatA1(this._rect);
  }
  getSheet(): SheetImpl {
    return sheetFacade(this._sheet);
  }
  getGridId(): number {
    return this._sheet.id;
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): RangeImpl {
    const x = this._rect;
    return makeRange(
      this._sheet,
      x.row + rowOffset,
      x.col + columnOffset,
      numRows ?? x.numRows,
      numColumns ?? x.numCols,
    );
  }

  getCell(row: number, column: number): RangeImpl {
    if (row > this._rect.numRows || column > this._rect.numCols) fail(MSG.outsideGrid);
    return makeRange(this._sheet, this._rect.row + row - 1, this._rect.col + column - 1);
  }

  private _read<T>(read: (x: Rect) => T[][]): T[][] {
    this._rt.cells('cellsRead', this._rect.numRows * this._rect.numCols);
    return read(this._rect);
  }

  private _topLeft(): Rect {
    return { row: this._rect.row, col: this._rect.col, numRows: 1, numCols: 1 };
  }

  getValue(): CellValue {
    this._rt.cells('cellsRead', 1);
    return this._sheet.grid.value(this._rect.row, this._rect.col, this._rt.newDate);
  }

  getValues(): CellValue[][] {
    return this._read((x) => this._sheet.grid.readValues(x, this._rt.newDate));
  }

  getDisplayValue(): string {
    this._rt.cells('cellsRead', 1);
    return this._display(this._topLeft())[0][0];
  }

  getDisplayValues(): string[][] {
    return this._read((x) => this._display(x));
  }

  private _display(x: Rect): string[][] {
    const values = this._sheet.grid.readValues(x);
    const fmts = this._sheet.formats.read(x, this._rt.switches.defaultNumberFormat);
    return values.map((row, i) => row.map((v, j) => displayValue(v, fmts[i][j], this._rt.timeZone)));
  }

  getFormula(): string {
    this._rt.cells('cellsRead', 1);
    return this._sheet.grid.formula(this._rect.row, this._rect.col);
  }

  getFormulas(): string[][] {
    return this._read((x) => this._sheet.grid.readFormulas(x));
  }

  getNumberFormat(): string {
    this._rt.cells('cellsRead', 1);
    return this._sheet.formats.read(this._topLeft(), this._rt.switches.defaultNumberFormat)[0][0];
  }

  getNumberFormats(): string[][] {
    return this._read((x) => this._sheet.formats.read(x, this._rt.switches.defaultNumberFormat));
  }

  isBlank(): boolean {
    const x = this._rect;
    for (let r = x.row; r < x.row + x.numRows; r++) {
      for (let c = x.col; c < x.col + x.numCols; c++) if (this._sheet.grid.hasContent(r, c)) return false;
    }
    return true;
  }

  /** Common path of every content write: grid bounds, protection, store, counters. */
  private _write(x: Rect, payload: number, at: (i: number, j: number) => unknown, mode: 'value' | 'formula'): this {
    this._sheet.ensureInGrid(x);
    this._sheet.checkEditable(x);
    this._rt.cells('cellsWritten', payload);
    this._rt.cells('cellsChanged', this._sheet.write(x, at, mode));
    return this;
  }

  setValue(value: unknown): this {
    const x = this._rt.switches.multiCellSetValue === 'fill' ? this._rect : this._topLeft();
    return this._write(x, 1, () => value, 'value');
  }

  setValues(values: unknown[][]): this {
    const rows = checkMatrix('Range.setValues', values, this._rect);
    return this._write(this._rect, this._rect.numRows * this._rect.numCols, (i, j) => rows[i][j], 'value');
  }

  setFormula(formula: string): this {
    return this._write(this._rect, 1, () => formula, 'formula');
  }

  setFormulas(formulas: string[][]): this {
    const rows = checkMatrix('Range.setFormulas', formulas, this._rect);
    return this._write(this._rect, this._rect.numRows * this._rect.numCols, (i, j) => rows[i][j], 'formula');
  }

  setNumberFormat(numberFormat: string): this {
    this._sheet.ensureInGrid(this._rect);
    this._sheet.checkEditable(this._rect);
    this._rt.cells('cellsWritten', 1);
    this._sheet.formats.set(this._rect, String(numberFormat));
    return this;
  }

  setNumberFormats(numberFormats: string[][]): this {
    const rows = checkMatrix('Range.setNumberFormats', numberFormats, this._rect);
    this._sheet.ensureInGrid(this._rect);
    this._sheet.checkEditable(this._rect);
    this._rt.cells('cellsWritten', this._rect.numRows * this._rect.numCols);
    this._sheet.formats.setMatrix(
      this._rect.row,
      this._rect.col,
      rows.map((row) => row.map(String)),
    );
    return this;
  }

  clearContent(): this {
    this._sheet.checkEditable(this._rect);
    this._rt.cells('cellsChanged', this._sheet.grid.clear(this._rect));
    return this;
  }

  clearFormat(): this {
    this._sheet.checkEditable(this._rect);
    this._sheet.formats.set(this._rect, null);
    return this;
  }

  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): this {
    this._sheet.checkEditable(this._rect);
    if (!options?.formatOnly) this._rt.cells('cellsChanged', this._sheet.grid.clear(this._rect));
    if (!options?.contentsOnly) this._sheet.formats.set(this._rect, null);
    return this;
  }

  setDataValidation(rule: DataValidationImpl | null): this {
    setRule(this._sheet, this._rect, rule);
    return this;
  }
  setDataValidations(rules: (DataValidationImpl | null)[][]): this {
    setRules(this._sheet, this._rect, checkMatrix('Range.setDataValidations', rules, this._rect));
    return this;
  }
  clearDataValidations(): this {
    setRule(this._sheet, this._rect, null);
    return this;
  }
  getDataValidation(): DataValidationImpl | null {
    return readRules(this._sheet, this._topLeft())[0][0];
  }
  getDataValidations(): (DataValidationImpl | null)[][] {
    return readRules(this._sheet, this._rect);
  }

  setNote(note: string | null): this {
    setNote(this._sheet, this._rect, note);
    return this;
  }
  setNotes(notes: (string | null)[][]): this {
    setNotes(this._sheet, this._rect, checkMatrix('Range.setNotes', notes, this._rect));
    return this;
  }
  clearNote(): this {
    setNote(this._sheet, this._rect, null);
    return this;
  }
  getNote(): string {
    return readNotes(this._sheet, this._topLeft())[0][0];
  }
  getNotes(): string[][] {
    return readNotes(this._sheet, this._rect);
  }

  protect(): ProtectionImpl {
    return protectionFacade(this._sheet.book.addProtection(this._sheet, 'RANGE', { ...this._rect }));
  }

  activate(): this {
    this._sheet.book.active = this._sheet;
    return this;
  }

  createTextFinder(findText: string): TextFinderImpl {
    return new TextFinderImpl(this._sheet, { ...this._rect }, String(findText));
  }
  addDeveloperMetadata(...args: unknown[]): this {
    addRangeMetadata(this._sheet, this._rect, args);
    return this;
  }
  getDeveloperMetadata(): DeveloperMetadataImpl[] {
    return rangeMetadata(this._sheet, this._rect);
  }
  createDeveloperMetadataFinder(): DeveloperMetadataFinderImpl {
    return finderFor(this._sheet.book, { kind: 'range', sheet: this._sheet, rect: this._rect });
  }
}

instrumentClass(RangeImpl, 'Range', 'Spreadsheet');
