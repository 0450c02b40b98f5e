import { type HasRuntime, instrumentClass, type Runtime } from '../runtime';
import { UserImpl } from '../session';
import { canEdit, type ProtectionModel } from './model';
import { makeRange, type RangeImpl } from './range';

const facades = new WeakMap<ProtectionModel, ProtectionImpl>();

export function protectionFacade(p: ProtectionModel): ProtectionImpl {
  let f = facades.get(p);
  if (!f) {
    f = new ProtectionImpl(p);
    facades.set(p, f);
  }
  return f;
}

const emailOf = (u: unknown): string =>
  typeof u === 'object' && u !== null && typeof (u as UserImpl).getEmail === 'function'
    ? (u as UserImpl).getEmail()
    : String(u);

export class ProtectionImpl implements HasRuntime {
  readonly _rt: Runtime;

  constructor(readonly _p: ProtectionModel) {
    this._rt = _p.sheet.rt;
  }

  getRange(): RangeImpl {
    const x = this._p.sheet.protectionRect(this._p);
    return makeRange(this._p.sheet, x.row, x.col, x.numRows, x.numCols);
  }

  getProtectionType(): string {
    return this._p.type;
  }
  getDescription(): string {
    return this._p.description;
  }
  setDescription(description: string): this {
    this._p.description = String(description);
    return this;
  }
  isWarningOnly(): boolean {
    return this._p.warningOnly;
  }
  setWarningOnly(warningOnly: boolean): this {
    this._p.warningOnly = Boolean(warningOnly);
    return this;
  }
  canDomainEdit(): boolean {
    return false;
  }
  setDomainEdit(_editable: boolean): this {
    return this;
  }

  /** The owner always can; otherwise the user must be in the editor list (when the script has set one). */
  canEdit(): boolean {
    return this._p.warningOnly || canEdit(this._p, this._rt.user, this._rt.owner);
  }

  getEditors(): UserImpl[] {
    return this._list().map((e) => new UserImpl(this._rt, e));
  }

  addEditor(emailAddress: unknown): this {
    return this._setEditors([...this._list(), emailOf(emailAddress)]);
  }
  addEditors(emailAddresses: unknown[]): this {
    return this._setEditors([...this._list(), ...emailAddresses.map(emailOf)]);
  }
  removeEditor(emailAddress: unknown): this {
    return this._remove([emailOf(emailAddress)]);
  }
  removeEditors(emailAddresses: unknown[]): this {
    return this._remove(emailAddresses.map(emailOf));
  }

  remove(): void {
    this._p.sheet.protections = this._p.sheet.protections.filter((p) => p !== this._p);
  }

  private _list(): string[] {
    return this._p.editors ?? this._p.sheet.book.editors();
  }

  private _remove(emails: string[]): this {
    return this._setEditors(this._list().filter((e) => !emails.includes(e)));
  }

  /** The owner can never be removed. */
  private _setEditors(emails: string[]): this {
    this._p.editors = [...new Set([this._rt.owner, ...emails])].filter((e) => e !== '');
    return this;
  }
}

instrumentClass(ProtectionImpl, 'Protection', 'Spreadsheet');
