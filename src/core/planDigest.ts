/** Short forms of a plan: the fingerprint an apply checks, and the one-line text of its columns. */

import type { PlannedColumn, SheetPlan, SourceSheetPlan, UnfinishedApply } from '../shared/payloads';
import { columnSpan } from './columnLetters';
import { hashJson } from './fingerprint';

/**
 * Identity of what the apply would do: two previews with the same fingerprint write the same
 * cells. Edits that do not change the plan (a value in column C) keep it; any that do (a new
 * row, a renamed header, a filled blank) change it.
 */
export function planFingerprint(
  sheets: readonly SheetPlan[],
  interrupted: UnfinishedApply | null,
  sources: readonly SourceSheetPlan[] = [],
): string {
  // Sources only when there are some, so plans without any keep their fingerprints.
  const read = sources.map((s) => ({
    sheet: s.sheet,
    tag: s.columnsToTag,
    warnings: s.warnings.map((w) => [w.code, w.location]),
  }));
  return hashJson({
    ...(read.length > 0 ? { sources: read } : {}),
    sheets: sheets.map((s) => ({
      sheet: s.sheet,
      status: s.status,
      lastRow: s.lastRow,
      lastColumn: s.lastColumn,
      grid: [s.gridColumns, s.gridColumnsToInsert],
      add: s.columnsToAdd,
      fill: s.blanksToFill,
      rules: s.rules,
      tag: s.columnsToTag,
      errors: s.errors.map((e) => [e.code, e.location]),
    })),
    interrupted,
  });
}

export function describeColumns(columns: readonly PlannedColumn[]): string {
  return columns.length === 0
    ? ''
    : `${columnSpan(columns[0].index, columns.length)} (${columns.map((c) => c.header).join(', ')})`;
}
