/**
 * What may stop an apply before it writes: Google Sheets' grid limits and protected ranges the
 * planned writes would hit. Pure — the planner runs these on the rectangles it is about to write.
 */

import type { Finding, PlannedBlankFill, PlannedColumn } from '../shared/payloads';
import { a1, MAX_COLUMNS } from './columnLetters';
import { finding } from './finding';
import { visibleText } from './headers';
import type { ManagedSheet } from './schema';
import type { ProtectionInfo, Rect, SheetSnapshot } from './snapshot';

/** Google Sheets' limit on cells per spreadsheet. */
export const MAX_CELLS = 10_000_000;

/** The spreadsheet's cells now, and those of sheets the apply would create (the history sheet). */
export interface CellCount {
  readonly total: number;
  readonly created: number;
}

export function limitFindings(
  managed: ManagedSheet,
  snapshot: SheetSnapshot,
  gridColumnsToInsert: number,
  cells: CellCount | null,
): Finding[] {
  const columnsAfter = snapshot.maxColumns + gridColumnsToInsert;
  if (columnsAfter > MAX_COLUMNS) {
    return [
      finding(
        'COLUMN_LIMIT',
        `"${managed.sheet}" would need ${columnsAfter.toLocaleString('en-US')} columns, over Google Sheets' limit of ${MAX_COLUMNS.toLocaleString('en-US')} (column ZZZ). Delete unused columns first.`,
        managed.sheet,
        { sheet: managed.sheet, columns: columnsAfter, limit: MAX_COLUMNS },
      ),
    ];
  }
  if (cells === null) return [];
  const cellsAfter = cells.total + cells.created + gridColumnsToInsert * snapshot.maxRows;
  if (cellsAfter <= MAX_CELLS) return [];
  const created =
    cells.created > 0
      ? ` (including ${cells.created.toLocaleString('en-US')} cells of the history sheet the first apply creates)`
      : '';
  return [
    finding(
      'CELL_LIMIT',
      `Adding ${gridColumnsToInsert} columns to "${managed.sheet}" (${snapshot.maxRows.toLocaleString('en-US')} rows) would bring the spreadsheet to ${cellsAfter.toLocaleString('en-US')} cells${created}, over Google Sheets' limit of ${MAX_CELLS.toLocaleString('en-US')}. Delete unused rows, columns or sheets first.`,
      managed.sheet,
      {
        sheet: managed.sheet,
        columns: gridColumnsToInsert,
        rows: snapshot.maxRows,
        cells: cellsAfter,
        created: cells.created,
        limit: MAX_CELLS,
      },
    ),
  ];
}

/** Every rectangle the apply will write to (values or formats). */
export function plannedWriteRects(
  managed: ManagedSheet,
  snapshot: SheetSnapshot,
  columnsToAdd: readonly PlannedColumn[],
  blanksToFill: readonly PlannedBlankFill[],
): Rect[] {
  const rects: Rect[] = [];
  if (columnsToAdd.length > 0) {
    const rows = Math.max(snapshot.maxRows, managed.headerRow);
    rects.push({ row: 1, column: columnsToAdd[0].index, rows, columns: columnsToAdd.length });
  }
  for (const fill of blanksToFill) {
    for (const [first, last] of fill.rowRuns)
      rects.push({ row: first, column: fill.index, rows: last - first + 1, columns: 1 });
  }
  return rects;
}

function intersects(a: Rect, b: Rect): boolean {
  return (
    a.row < b.row + b.rows &&
    b.row < a.row + a.rows &&
    a.column < b.column + b.columns &&
    b.column < a.column + a.columns
  );
}

export function protectionFindings(
  managed: ManagedSheet,
  protections: readonly ProtectionInfo[],
  writes: readonly Rect[],
  growsGrid: boolean,
): { errors: Finding[]; warnings: Finding[] } {
  const errors: Finding[] = [];
  const warnings: Finding[] = [];
  for (const protection of protections) {
    const hit =
      writes.some((rect) => intersects(rect, protection)) ||
      (protection.wholeSheet && (growsGrid || writes.length > 0));
    if (!hit) continue;
    const where = protection.wholeSheet
      ? `Sheet "${managed.sheet}"`
      : a1(managed.sheet, protection.row, protection.column, protection.rows, protection.columns);
    const label = protection.description ? ` ("${visibleText(protection.description)}")` : '';
    // range '' is the whole sheet; label is language-neutral punctuation around the owner's description.
    const params = { sheet: managed.sheet, range: protection.wholeSheet ? '' : where, label };
    if (protection.warningOnly) {
      warnings.push(
        finding(
          'PROTECTED_WARNING',
          `${where} is protected with a warning only${label}; the apply will write there.`,
          where,
          params,
        ),
      );
    } else if (!protection.canEdit) {
      errors.push(
        finding(
          'PROTECTED_RANGE',
          `${where} is protected${label} and you are not allowed to edit it, but the new columns need to be written there. Ask the owner to add you as an editor of that protection (or to apply the schema), then try again.`,
          where,
          params,
        ),
      );
    }
  }
  return { errors, warnings };
}
