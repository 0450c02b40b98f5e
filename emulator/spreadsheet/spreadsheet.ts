import { fail, MSG } from '../errors';
import { type HasRuntime, instrumentClass, type Runtime } from '../runtime';
import { UserImpl } from '../session';
import { splitSheetPrefix } from './a1';
import {
  addSpreadsheetMetadata,
  type DeveloperMetadataFinderImpl,
  type DeveloperMetadataImpl,
  finderFor,
  spreadsheetLevelMetadata,
} from './metadata';
import type { SheetModel, SpreadsheetModel } from './model';
import { type ProtectionImpl, protectionFacade } from './protection';
import { type RangeImpl, rangeFromA1, signatureError } from './range';
import { SheetImpl, sheetFacade } from './sheet';

const facades = new WeakMap<SpreadsheetModel, SpreadsheetImpl>();

export function spreadsheetFacade(m: SpreadsheetModel): SpreadsheetImpl {
  let f = facades.get(m);
  if (!f) {
    f = new SpreadsheetImpl(m);
    facades.set(m, f);
  }
  return f;
}

interface InsertArgs {
  name?: string;
  index?: number;
  template?: SheetImpl;
}

/** insertSheet's eight overloads: ([name], [index], [options]) in that order, each optional. */
function insertArgs(args: unknown[]): InsertArgs {
  const out: InsertArgs = {};
  let i = 0;
  if (typeof args[i] === 'string') out.name = args[i++] as string;
  if (typeof args[i] === 'number') out.index = args[i++] as number;
  if (typeof args[i] === 'object' && args[i] !== null) {
    const template = (args[i++] as { template?: unknown }).template;
    if (template !== undefined && !(template instanceof SheetImpl)) signatureError('Spreadsheet.insertSheet', args);
    out.template = template as SheetImpl | undefined;
  }
  if (i < args.length) signatureError('Spreadsheet.insertSheet', args);
  return out;
}

function copyInto(target: SheetModel, source: SheetModel): void {
  const all = { row: 1, col: 1, numRows: source.grid.lastRow(), numCols: source.grid.lastColumn() };
  if (all.numRows === 0) return;
  const values = source.grid.readValues(all);
  const formulas = source.grid.readFormulas(all);
  for (let i = 0; i < all.numRows; i++) {
    for (let j = 0; j < all.numCols; j++) target.grid.set(i + 1, j + 1, values[i][j], formulas[i][j] || undefined);
  }
  target.formats.setMatrix(1, 1, source.formats.read(source.whole(), source.rt.switches.defaultNumberFormat));
}

export class SpreadsheetImpl implements HasRuntime {
  readonly _rt: Runtime;

  constructor(readonly _m: SpreadsheetModel) {
    this._rt = _m.rt;
  }

  getId(): string {
    return this._m.id;
  }
  getName(): string {
    return this._m.name;
  }
  rename(newName: string): void {
    this._m.name = String(newName);
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this._m.id}/edit`;
  }
  getSpreadsheetTimeZone(): string {
    return this._rt.timeZone;
  }
  getSpreadsheetLocale(): string {
    return this._rt.spreadsheetLocale;
  }
  setSpreadsheetLocale(locale: string): void {
    this._rt.spreadsheetLocale = String(locale);
  }
  getOwner(): UserImpl {
    return new UserImpl(this._rt, this._rt.owner);
  }
  getEditors(): UserImpl[] {
    return this._m.editors().map((e) => new UserImpl(this._rt, e));
  }
  getSheets(): SheetImpl[] {
    return this._m.sheets.map(sheetFacade);
  }
  getNumSheets(): number {
    return this._m.sheets.length;
  }

  getSheetByName(name: string): SheetImpl | null {
    const m = this._m.find(String(name));
    return m ? sheetFacade(m) : null;
  }

  getSheetById(id: number): SheetImpl | null {
    const m = this._m.sheets.find((s) => s.id === id);
    return m ? sheetFacade(m) : null;
  }

  getActiveSheet(): SheetImpl {
    return sheetFacade(this._m.active ?? this._m.sheets[0]);
  }

  setActiveSheet(sheet: SheetImpl): SheetImpl {
    this._m.active = sheet._m;
    sheet._m.hidden = false;
    return sheet;
  }

  getRange(a1Notation: string): RangeImpl {
    const { sheet, a1 } = splitSheetPrefix(String(a1Notation));
    const m = sheet === undefined ? (this._m.active ?? this._m.sheets[0]) : this._m.find(sheet);
    if (!m) fail(MSG.rangeNotFound);
    return rangeFromA1(m, a1);
  }

  insertSheet(...args: unknown[]): SheetImpl {
    const { name, index, template } = insertArgs(args);
    const book = this._m;
    const active = book.active ?? book.sheets[0];
    const position =
      index ??
      (this._rt.switches.insertSheetPosition === 'end' || !active
        ? book.sheets.length
        : book.sheets.indexOf(active) + 1);
    const src = template?._m;
    const sheet = book.addSheet(name ?? book.defaultName(), position, src?.maxRows, src?.maxCols);
    if (src) copyInto(sheet, src);
    book.active = sheet;
    return sheetFacade(sheet);
  }

  deleteSheet(sheet: SheetImpl): void {
    if (!(sheet instanceof SheetImpl) || sheet._m.book !== this._m) signatureError('Spreadsheet.deleteSheet', [sheet]);
    sheet._m.checkEditable(sheet._m.whole(), (p) => p.type === 'SHEET');
    this._m.removeSheet(sheet._m);
  }

  getProtections(type: unknown): ProtectionImpl[] {
    return this._m.sheets.flatMap((s) => s.protections.filter((p) => p.type === String(type)).map(protectionFacade));
  }
  addDeveloperMetadata(...args: unknown[]): this {
    addSpreadsheetMetadata(this._m, args);
    return this;
  }
  getDeveloperMetadata(): DeveloperMetadataImpl[] {
    return spreadsheetLevelMetadata(this._m);
  }
  createDeveloperMetadataFinder(): DeveloperMetadataFinderImpl {
    return finderFor(this._m, { kind: 'spreadsheet' });
  }

  toast(msg: string, title = '', timeoutSeconds = 5): void {
    this._rt.ui.toasts.push({ message: String(msg), title: String(title), timeoutSeconds });
  }
}

instrumentClass(SpreadsheetImpl, 'Spreadsheet', 'Spreadsheet');
