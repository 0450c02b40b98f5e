import { fail, MSG } from '../errors';
import { type HasRuntime, instrumentClass, type Runtime } from '../runtime';
import { splitSheetPrefix } from './a1';
import {
  addSheetMetadata,
  type DeveloperMetadataFinderImpl,
  type DeveloperMetadataImpl,
  finderFor,
  sheetLevelMetadata,
} from './metadata';
import type { Axis, SheetModel } from './model';
import { type ProtectionImpl, protectionFacade } from './protection';
import { makeRange, RangeImpl, rangeFromA1, signatureError } from './range';
import { type RangeListImpl, rangeList } from './rangeList';
import { type SpreadsheetImpl, spreadsheetFacade } from './spreadsheet';
import { TextFinderImpl } from './textFinder';

export function sheetFacade(m: SheetModel): SheetImpl {
  m.facade ??= new SheetImpl(m);
  return m.facade as SheetImpl;
}

export class SheetImpl implements HasRuntime {
  readonly _rt: Runtime;

  constructor(readonly _m: SheetModel) {
    this._rt = _m.rt;
  }

  getName(): string {
    return this._m.name;
  }
  getSheetName(): string {
    return this._m.name;
  }
  getSheetId(): number {
    return this._m.id;
  }
  getIndex(): number {
    return this._m.book.sheets.indexOf(this._m) + 1;
  }
  getParent(): SpreadsheetImpl {
    return spreadsheetFacade(this._m.book);
  }

  setName(name: string): this {
    if (name !== this._m.name) this._m.book.checkName(String(name), this._m);
    this._m.name = String(name);
    return this;
  }

  getLastRow(): number {
    return this._m.grid.lastRow();
  }
  getLastColumn(): number {
    return this._m.grid.lastColumn();
  }
  getMaxRows(): number {
    return this._m.maxRows;
  }
  getMaxColumns(): number {
    return this._m.maxCols;
  }

  getRange(a: number | string, column?: number, numRows?: number, numColumns?: number): RangeImpl {
    const args = [a, column, numRows, numColumns].filter((x) => x !== undefined);
    if (typeof a === 'string' && args.length === 1) return this._fromA1(a);
    if (args.length < 2 || args.some((x) => typeof x !== 'number')) signatureError('Sheet.getRange', args);
    return makeRange(this._m, a as number, column as number, numRows ?? 1, numColumns ?? 1);
  }

  /**
   * `Sheet.getRange('Name!A1')`: a sheet-qualified reference names its sheet (as Spreadsheet.getRange
   * documents; for Sheet.getRange the behaviour with another sheet's name is UNCONFIRMED).
   */
  private _fromA1(ref: string): RangeImpl {
    const { sheet, a1 } = splitSheetPrefix(ref);
    if (sheet === undefined || sheet === this._m.name) return rangeFromA1(this._m, a1);
    const other = this._m.book.find(sheet);
    if (other === null) fail(MSG.rangeNotFound);
    return rangeFromA1(other, a1);
  }

  getRangeList(a1Notations: string[]): RangeListImpl {
    return rangeList(this._m, a1Notations);
  }

  getDataRange(): RangeImpl {
    return makeRange(this._m, 1, 1, Math.max(1, this._m.grid.lastRow()), Math.max(1, this._m.grid.lastColumn()));
  }

  private _insert(axis: Axis, at: number, n: number): this {
    this._m.insert(axis, at, n);
    return this;
  }

  insertColumnsAfter(afterPosition: number, howMany: number): this {
    return this._insert('cols', afterPosition + 1, howMany);
  }
  insertColumnsBefore(beforePosition: number, howMany: number): this {
    return this._insert('cols', beforePosition, howMany);
  }
  insertColumnAfter(afterPosition: number): this {
    return this._insert('cols', afterPosition + 1, 1);
  }
  insertColumnBefore(beforePosition: number): this {
    return this._insert('cols', beforePosition, 1);
  }
  insertColumns(columnIndex: number, numColumns = 1): void {
    this._insert('cols', columnIndex, numColumns);
  }
  insertRowsAfter(afterPosition: number, howMany: number): this {
    return this._insert('rows', afterPosition + 1, howMany);
  }
  insertRowsBefore(beforePosition: number, howMany: number): this {
    return this._insert('rows', beforePosition, howMany);
  }
  insertRowAfter(afterPosition: number): this {
    return this._insert('rows', afterPosition + 1, 1);
  }
  insertRowBefore(beforePosition: number): this {
    return this._insert('rows', beforePosition, 1);
  }
  insertRows(rowIndex: number, numRows = 1): void {
    this._insert('rows', rowIndex, numRows);
  }

  deleteColumns(columnPosition: number, howMany: number): void {
    this._m.delete('cols', columnPosition, howMany);
  }
  deleteColumn(columnPosition: number): this {
    this._m.delete('cols', columnPosition, 1);
    return this;
  }
  deleteRows(rowPosition: number, howMany: number): void {
    this._m.delete('rows', rowPosition, howMany);
  }
  deleteRow(rowPosition: number): this {
    this._m.delete('rows', rowPosition, 1);
    return this;
  }

  /** Writes below the last row with content; grows the grid when needed (always, like Sheets). */
  appendRow(rowContents: unknown[]): this {
    if (!Array.isArray(rowContents)) signatureError('Sheet.appendRow', [rowContents]);
    const x = { row: this._m.grid.lastRow() + 1, col: 1, numRows: 1, numCols: Math.max(1, rowContents.length) };
    this._m.checkEditable(x);
    this._m.grow(x.row, x.numCols);
    this._rt.cells('cellsWritten', rowContents.length);
    this._rt.cells(
      'cellsChanged',
      this._m.write(x, (_i, j) => rowContents[j], 'value'),
    );
    return this;
  }

  moveColumns(columnSpec: RangeImpl, destinationIndex: number): void {
    if (!(columnSpec instanceof RangeImpl) || columnSpec._sheet !== this._m)
      signatureError('Sheet.moveColumns', [columnSpec, destinationIndex]);
    this._m.moveColumns(columnSpec._rect.col, columnSpec._rect.numCols, destinationIndex);
  }

  hideSheet(): this {
    if (this._m.hidden) return this;
    const visible = this._m.book.sheets.filter((s) => !s.hidden && s !== this._m);
    if (visible.length === 0) fail(MSG.hideAllSheets);
    this._m.hidden = true;
    if (this._m.book.active === this._m) this._m.book.active = visible[0];
    return this;
  }

  showSheet(): this {
    this._m.hidden = false;
    return this;
  }
  isSheetHidden(): boolean {
    return this._m.hidden;
  }
  getFrozenRows(): number {
    return this._m.frozenRows;
  }
  setFrozenRows(rows: number): void {
    this._m.frozenRows = rows;
  }
  getFrozenColumns(): number {
    return this._m.frozenColumns;
  }
  setFrozenColumns(columns: number): void {
    this._m.frozenColumns = columns;
  }

  activate(): this {
    this._m.hidden = false;
    this._m.book.active = this._m;
    return this;
  }

  addDeveloperMetadata(...args: unknown[]): this {
    addSheetMetadata(this._m, args);
    return this;
  }
  getDeveloperMetadata(): DeveloperMetadataImpl[] {
    return sheetLevelMetadata(this._m);
  }
  createDeveloperMetadataFinder(): DeveloperMetadataFinderImpl {
    return finderFor(this._m.book, { kind: 'sheet', sheet: this._m });
  }

  protect(): ProtectionImpl {
    const existing = this._m.protections.find((p) => p.type === 'SHEET');
    return protectionFacade(existing ?? this._m.book.addProtection(this._m, 'SHEET', null));
  }

  getProtections(type: unknown): ProtectionImpl[] {
    return this._m.protections.filter((p) => p.type === String(type)).map(protectionFacade);
  }

  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): this {
    return this._clear(options);
  }

  clearContents(): this {
    return this._clear({ contentsOnly: true });
  }
  clearFormats(): this {
    return this._clear({ formatOnly: true });
  }

  private _clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): this {
    const whole = this._m.whole();
    this._m.checkEditable(whole);
    if (!options?.formatOnly) this._rt.cells('cellsChanged', this._m.grid.clear(whole));
    if (!options?.contentsOnly) this._m.formats.set(whole, null);
    return this;
  }

  createTextFinder(findText: string): TextFinderImpl {
    return new TextFinderImpl(this._m, this._m.whole(), String(findText));
  }
}

instrumentClass(SheetImpl, 'Sheet', 'Spreadsheet');
