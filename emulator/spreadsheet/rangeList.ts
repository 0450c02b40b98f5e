import { type HasRuntime, instrumentClass, type Runtime } from '../runtime';
import { parseA1, type Rect } from './a1';
import type { SheetModel } from './model';
import { RangeImpl, signatureError } from './range';

/**
 * Sheet.getRangeList(a1Notations): one value (or clear, or format) for many ranges in one call.
 * The reference documents no limit on the number of ranges (UNCONFIRMED; see docs/platform.md).
 */
export class RangeListImpl implements HasRuntime {
  readonly _rt: Runtime;

  constructor(
    readonly _sheet: SheetModel,
    readonly _rects: readonly Rect[],
  ) {
    this._rt = _sheet.rt;
  }

  getRanges(): RangeImpl[] {
    return this._rects.map((r) => new RangeImpl(this._sheet, r));
  }

  /** Every range gets the value (multi-cell ranges as Range.setValue fills them, per switches.multiCellSetValue). */
  setValue(value: unknown): this {
    this._check();
    const topLeft = this._rt.switches.multiCellSetValue === 'topLeft';
    let changed = 0;
    for (const r of this._rects) {
      const x = topLeft ? { ...r, numRows: 1, numCols: 1 } : r;
      changed += this._sheet.write(x, () => value, 'value');
    }
    this._rt.cells('cellsWritten', 1);
    this._rt.cells('cellsChanged', changed);
    return this;
  }

  clearContent(): this {
    this._check();
    let changed = 0;
    for (const r of this._rects) changed += this._sheet.grid.clear(r);
    this._rt.cells('cellsChanged', changed);
    return this;
  }

  setNumberFormat(format: string): this {
    this._check();
    for (const r of this._rects) this._sheet.formats.set(r, String(format));
    this._rt.cells('cellsWritten', 1);
    return this;
  }

  /** All ranges are checked before any is written: the call changes all or nothing. */
  private _check(): void {
    for (const r of this._rects) {
      this._sheet.ensureInGrid(r);
      this._sheet.checkEditable(r);
    }
  }
}

export function rangeList(sheet: SheetModel, a1Notations: unknown): RangeListImpl {
  if (!Array.isArray(a1Notations) || a1Notations.some((a) => typeof a !== 'string'))
    signatureError('Sheet.getRangeList', [a1Notations]);
  const rects = (a1Notations as string[]).map((a1) => parseA1(a1, sheet.maxRows, sheet.maxCols));
  return new RangeListImpl(sheet, rects);
}

instrumentClass(RangeListImpl, 'RangeList', 'Spreadsheet');
