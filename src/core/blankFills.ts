/**
 * Blank fills: cells of a present managed column that are truly empty get the column's default.
 * Only empty cells (no value, no formula) are ever written — the operator's data stays as it is.
 */

import type { PlannedBlankFill } from '../shared/payloads';
import { columnLetter } from './columnLetters';
import type { ColumnSpec } from './schema';
import type { CellBlock } from './snapshot';

/** Inclusive sheet-row runs of truly empty cells (no value and no formula) in one column. */
export function blankRuns(block: CellBlock, column: number): Array<[number, number]> {
  const offset = column - block.firstColumn;
  const runs: Array<[number, number]> = [];
  block.values.forEach((row, i) => {
    if (row[offset] !== '' || block.formulas[i][offset] !== '') return;
    const sheetRow = block.firstRow + i;
    const last = runs[runs.length - 1];
    if (last !== undefined && last[1] === sheetRow - 1) last[1] = sheetRow;
    else runs.push([sheetRow, sheetRow]);
  });
  return runs;
}

/** The fill for a declared column found at `index`; null when it has no default or no blanks. */
export function plannedBlankFill(
  migrationId: string,
  column: ColumnSpec,
  index: number,
  block: CellBlock | null,
): PlannedBlankFill | null {
  if (column.default === null || block === null) return null;
  const rowRuns = blankRuns(block, index);
  if (rowRuns.length === 0) return null;
  return {
    migrationId,
    index,
    letter: columnLetter(index),
    header: column.name,
    default: column.default,
    cells: rowRuns.reduce((sum, [first, last]) => sum + last - first + 1, 0),
    rowRuns,
  };
}
