/**
 * Executes write steps against a sheet, one Spreadsheet call per step, recording how to undo
 * each so a failed apply can put the sheet back as it was. Undo is safe because every step
 * writes only into cells that were empty (or columns that did not exist) when planned.
 */
import { a1 } from '../core/columnLetters';
import type { CellDefault } from '../core/schema';
import type { Rect } from '../core/snapshot';
import type { WriteStep } from '../core/steps';
import { tagColumn, untagColumn } from './identityTags';
import type { CallMeter } from './meter';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

export class UndoLog {
  private readonly actions: Array<() => void> = [];

  record(action: () => void): void {
    this.actions.push(action);
  }

  /**
   * Undoes newest first and stops at the first undo that fails: what remains is then a prefix
   * of the apply (e.g. headers written, some defaults not), which the next run completes —
   * never data left under a cleared header.
   */
  rollback(): { complete: boolean; error: unknown } {
    while (this.actions.length > 0) {
      try {
        this.actions[this.actions.length - 1]();
        this.actions.pop();
      } catch (error) {
        return { complete: false, error };
      }
    }
    return { complete: true, error: null };
  }
}

/**
 * Range.setValue on a multi-cell range fills every cell: widely observed, not documented. The
 * first multi-cell fill of an execution is read back (one cell); if only the top-left cell took
 * the value, this and later fills send the full matrix instead. Correct either way. RangeList
 * fills follow the same rule for their multi-cell ranges.
 */
export class RangeFiller {
  private fillsWholeRange: boolean | null = null;

  constructor(private readonly meter: CallMeter) {}

  fill(sheet: Sheet, range: Range, value: Exclude<CellDefault, null>): void {
    const rect = rectOf(range);
    if (this.fillsWholeRange === false) {
      this.meter.call(() => range.setValues(matrix(rect.rows, rect.columns, value)));
      return;
    }
    this.meter.call(() => range.setValue(value));
    this.verify(sheet, [rect], value);
  }

  /** Many rectangles, one value: one call (Sheet.getRangeList(a1s).setValue). */
  fillList(sheet: Sheet, rects: readonly Rect[], value: Exclude<CellDefault, null>): void {
    if (this.fillsWholeRange === false) {
      const singles = rects.filter((r) => !isMultiCell(r));
      if (singles.length > 0) this.meter.call(() => sheet.getRangeList(singles.map(a1Of)).setValue(value));
      for (const r of rects.filter(isMultiCell)) this.fillMatrix(sheet, r, value);
      return;
    }
    this.meter.call(() => sheet.getRangeList(rects.map(a1Of)).setValue(value));
    this.verify(sheet, rects, value);
  }

  /** Reads back the bottom-right cell of the first multi-cell rectangle, once per execution. */
  private verify(sheet: Sheet, rects: readonly Rect[], value: Exclude<CellDefault, null>): void {
    const multi = rects.filter(isMultiCell);
    if (multi.length === 0 || this.fillsWholeRange === true) return;
    const probe = multi[0];
    const corner = sheet.getRange(probe.row + probe.rows - 1, probe.column + probe.columns - 1);
    const landed = this.meter.read(() => corner.getValues())[0][0];
    this.fillsWholeRange = String(landed) === String(value);
    if (!this.fillsWholeRange) for (const r of multi) this.fillMatrix(sheet, r, value);
  }

  private fillMatrix(sheet: Sheet, r: Rect, value: unknown): void {
    const range = sheet.getRange(r.row, r.column, r.rows, r.columns);
    this.meter.call(() => range.setValues(matrix(r.rows, r.columns, value)));
  }
}

const isMultiCell = (r: Rect): boolean => r.rows * r.columns > 1;
const a1Of = (r: Rect): string => a1(null, r.row, r.column, r.rows, r.columns);

function rectOf(range: Range): Rect {
  return { row: range.getRow(), column: range.getColumn(), rows: range.getNumRows(), columns: range.getNumColumns() };
}

function matrix(rows: number, columns: number, value: unknown): unknown[][] {
  return Array.from({ length: rows }, () => new Array<unknown>(columns).fill(value));
}

export function executeStep(sheet: Sheet, step: WriteStep, meter: CallMeter, filler: RangeFiller, undo: UndoLog): void {
  switch (step.kind) {
    case 'insertColumns':
      // Recorded only once done: deleting columns that were never inserted would delete data.
      meter.call(() => sheet.insertColumnsAfter(step.after, step.count));
      undo.record(() => sheet.deleteColumns(step.after + 1, step.count));
      return;
    case 'setHeaders': {
      // Value writes are recorded first: a write that failed half-way is still cleared, and
      // clearing cells that were empty when planned loses nothing.
      const range = sheet.getRange(step.row, step.column, 1, step.headers.length);
      undo.record(() => range.clearContent());
      meter.call(() => range.setValues([[...step.headers]]));
      return;
    }
    case 'numberFormat': {
      const { row, column, rows, columns } = step.rect;
      meter.call(() => sheet.getRange(row, column, rows, columns).setNumberFormat(step.format));
      return;
    }
    case 'fill': {
      const { row, column, rows, columns } = step.rect;
      const range = sheet.getRange(row, column, rows, columns);
      undo.record(() => range.clearContent());
      filler.fill(sheet, range, step.value);
      return;
    }
    case 'fillList': {
      // Cleared on undo: every cell of the list was blank when planned.
      undo.record(() => sheet.getRangeList(step.rects.map(a1Of)).clearContent());
      filler.fillList(sheet, step.rects, step.value);
      return;
    }
    case 'tagColumn':
      // Recorded first: removing a tag that never landed finds nothing to remove.
      undo.record(() => untagColumn(sheet, step.column, step.identity));
      meter.call(() => tagColumn(sheet, step.column, step.identity));
      return;
  }
}
