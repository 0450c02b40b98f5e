/**
 * Findings about a sheet's header row, written once and used by both the planner (dry run) and
 * drift detection (scheduled check). Their wording differs only where the reader's next step does:
 * the preview is about to add columns, the check reports what changed.
 */

import type { Finding } from '../shared/payloads';
import { a1, columnLetter } from './columnLetters';
import { finding } from './finding';
import { type HeaderAnalysis, nearDuplicatesOf, visibleText } from './headers';
import type { ManagedSheet } from './schema';
import type { CellBlock, SheetSnapshot } from './snapshot';

/** Who reads the finding: the planner's preview or the scheduled check. */
export type HeaderFindingsFor = 'plan' | 'check';

const DUPLICATE_CONSEQUENCE: Readonly<Record<HeaderFindingsFor, string>> = {
  plan: 'this is ambiguous',
  check: 'this is ambiguous and blocks schema changes',
};

export function duplicateHeaderFindings(
  managed: ManagedSheet,
  analysis: HeaderAnalysis,
  audience: HeaderFindingsFor,
): Finding[] {
  return analysis.duplicates.map(({ name, columns }) => {
    const cells = columns.map((c) => a1(null, managed.headerRow, c));
    return finding(
      'DUPLICATE_HEADER',
      `Header "${visibleText(name)}" appears ${columns.length} times in "${managed.sheet}" (${cells.join(', ')}). Columns are found by name, so ${DUPLICATE_CONSEQUENCE[audience]}: rename or remove all but one.`,
      a1(managed.sheet, managed.headerRow, columns[1]),
      { sheet: managed.sheet, header: visibleText(name), count: columns.length, cells: cells.join(', ') },
    );
  });
}

export interface NearDuplicateOptions {
  readonly audience: HeaderFindingsFor;
  /** Columns already reported otherwise (a rename the check recognised): not reported again. */
  readonly skipColumns?: ReadonlySet<number>;
}

function nearDuplicateMessage(location: string, text: string, name: string, audience: HeaderFindingsFor): string {
  const like = audience === 'plan' ? `the managed column "${name}"` : `managed column "${name}"`;
  const tail = audience === 'plan' ? ', so the column is not added twice' : '';
  return `${location} holds "${visibleText(text)}", which looks like ${like} but is not exactly it (case, spaces or invisible/look-alike characters). Rename it to exactly "${name}" or remove it${tail}.`;
}

/** Headers that look like a declared column's name without being exactly it. */
export function nearDuplicateHeaderFindings(
  managed: ManagedSheet,
  analysis: HeaderAnalysis,
  { audience, skipColumns }: NearDuplicateOptions,
): Finding[] {
  return managed.migrations.flatMap((migration) =>
    migration.addColumns.flatMap((column) =>
      nearDuplicatesOf(column.name, analysis)
        .filter((cell) => skipColumns?.has(cell.column) !== true)
        .map((cell) => {
          const location = a1(managed.sheet, managed.headerRow, cell.column);
          return finding(
            'NEAR_DUPLICATE_HEADER',
            nearDuplicateMessage(location, cell.text, column.name, audience),
            location,
            { sheet: managed.sheet, cell: location, header: visibleText(cell.text), identity: column.name },
          );
        }),
    ),
  );
}

/** Whether the header in `column` looks like (but is not) one of the declared columns. */
export function isNearDuplicateColumn(managed: ManagedSheet, analysis: HeaderAnalysis, column: number): boolean {
  return managed.migrations.some((m) =>
    m.addColumns.some((c) => nearDuplicatesOf(c.name, analysis).some((cell) => cell.column === column)),
  );
}

/** Data right of the last header, where the planner would put new columns. */
export function dataRightOfHeaders(
  managed: ManagedSheet,
  snapshot: SheetSnapshot,
  analysis: HeaderAnalysis,
): Finding[] {
  if (snapshot.lastColumn <= analysis.lastHeaderColumn) return [];
  const cell = firstNonEmptyCell(snapshot.rightOfHeaders) ?? {
    row: managed.headerRow + 1,
    column: analysis.lastHeaderColumn + 1,
  };
  const location = a1(managed.sheet, cell.row, cell.column);
  return [
    finding(
      'DATA_WITHOUT_HEADER',
      `${location} holds data, but column ${columnLetter(cell.column)} has no header in row ${managed.headerRow}. New columns go right of the last header (${columnLetter(analysis.lastHeaderColumn)}), where they would land on this data. Give that column a header or move the data, then preview again.`,
      location,
      {
        sheet: managed.sheet,
        cell: location,
        column: columnLetter(cell.column),
        row: managed.headerRow,
        last: columnLetter(analysis.lastHeaderColumn),
      },
    ),
  ];
}

function firstNonEmptyCell(block: CellBlock | null): { row: number; column: number } | null {
  if (block === null) return null;
  for (let i = 0; i < block.values.length; i++) {
    const j = block.values[i].findIndex((value, k) => value !== '' || block.formulas[i][k] !== '');
    if (j >= 0) return { row: block.firstRow + i, column: block.firstColumn + j };
  }
  return null;
}

/** Header cells that cannot be found by name (blank, non-text, errors), and a hidden sheet. */
export function headerWarnings(managed: ManagedSheet, snapshot: SheetSnapshot, analysis: HeaderAnalysis): Finding[] {
  const row = managed.headerRow;
  const warnings = analysis.blankColumns.map((column) =>
    finding(
      'BLANK_HEADER',
      `${a1(managed.sheet, row, column)} is a blank header between named columns. Sheet Schema leaves it as it is (it never fills header gaps); code cannot find that column by name.`,
      a1(managed.sheet, row, column),
      { sheet: managed.sheet, cell: a1(managed.sheet, row, column) },
    ),
  );
  for (const cell of analysis.nonTextCells) {
    warnings.push(
      finding(
        'NON_TEXT_HEADER',
        `${a1(managed.sheet, row, cell.column)} holds ${cell.value}, not a header name; it cannot be found by name.`,
        a1(managed.sheet, row, cell.column),
        { sheet: managed.sheet, cell: a1(managed.sheet, row, cell.column), value: cell.raw },
      ),
    );
  }
  for (const cell of analysis.errorCells) {
    warnings.push(
      finding(
        'ERROR_HEADER',
        `${a1(managed.sheet, row, cell.column)} shows the error ${cell.text} instead of a header name.`,
        a1(managed.sheet, row, cell.column),
        { sheet: managed.sheet, cell: a1(managed.sheet, row, cell.column), error: cell.text },
      ),
    );
  }
  if (snapshot.hidden)
    warnings.push(
      finding('HIDDEN_SHEET', `Sheet "${managed.sheet}" is hidden; it is still managed.`, managed.sheet, {
        sheet: managed.sheet,
      }),
    );
  return warnings;
}
