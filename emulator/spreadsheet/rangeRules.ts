/** Range's data-validation and note methods (kept apart from range.ts, which they would push past its size). */

import type { Rect } from './a1';
import type { SheetModel } from './model';
import { signatureError } from './range';
import { DataValidationImpl, type RuleModel, validationFacade } from './validation';

export function setRule(sheet: SheetModel, x: Rect, rule: unknown): void {
  if (rule !== null && !(rule instanceof DataValidationImpl)) signatureError('Range.setDataValidation', [rule]);
  sheet.ensureInGrid(x);
  sheet.checkEditable(x);
  sheet.rt.cells('cellsWritten', 1);
  sheet.validations.set(x, rule === null ? null : (rule as DataValidationImpl)._r);
}

export function setRules(sheet: SheetModel, x: Rect, rules: unknown[][]): void {
  const bad = rules.flat().find((r) => r !== null && !(r instanceof DataValidationImpl));
  if (bad !== undefined) signatureError('Range.setDataValidations', [rules]);
  sheet.ensureInGrid(x);
  sheet.checkEditable(x);
  sheet.rt.cells('cellsWritten', x.numRows * x.numCols);
  sheet.validations.setMatrix(
    x.row,
    x.col,
    rules.map((row) => row.map((r) => (r === null ? null : (r as DataValidationImpl)._r))),
  );
}

export function readRules(sheet: SheetModel, x: Rect): (DataValidationImpl | null)[][] {
  sheet.rt.cells('cellsRead', x.numRows * x.numCols);
  return sheet.validations
    .read(x, null as unknown as RuleModel)
    .map((row) => row.map((r: RuleModel | null) => (r === null ? null : validationFacade(r))));
}

export function setNotes(sheet: SheetModel, x: Rect, notes: unknown[][]): void {
  sheet.ensureInGrid(x);
  sheet.checkEditable(x);
  sheet.rt.cells('cellsWritten', x.numRows * x.numCols);
  sheet.notes.setMatrix(
    x.row,
    x.col,
    notes.map((row) => row.map((n) => (n === null || n === undefined || n === '' ? null : String(n)))),
  );
}

/** One note for every cell of the range (null or '' removes it). */
export function setNote(sheet: SheetModel, x: Rect, note: unknown): void {
  sheet.ensureInGrid(x);
  sheet.checkEditable(x);
  sheet.rt.cells('cellsWritten', 1);
  sheet.notes.set(x, note === null || note === undefined || note === '' ? null : String(note));
}

export function readNotes(sheet: SheetModel, x: Rect): string[][] {
  sheet.rt.cells('cellsRead', x.numRows * x.numCols);
  return sheet.notes.read(x, '');
}
