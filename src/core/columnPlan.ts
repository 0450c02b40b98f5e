/**
 * Column planning: which declared columns the apply adds (right of the last header, in
 * declaration order), which present ones get their blanks filled, and each migration's state.
 */

import type { HistoryEntry, MigrationStatus, PlannedBlankFill, PlannedColumn } from '../shared/payloads';
import { plannedBlankFill } from './blankFills';
import { columnLetter } from './columnLetters';
import type { IdentityResolution } from './identity';
import { type SheetReading, unaddable } from './planIdentity';
import { type ColumnSpec, type ManagedSheet, numberFormatOf } from './schema';
import { SUCCESS_OUTCOME } from './unfinishedApply';

export interface ColumnWork {
  readonly columnsToAdd: PlannedColumn[];
  readonly blanksToFill: PlannedBlankFill[];
  /** Grid columns the sheet lacks for the new columns (inserted before they are written). */
  readonly gridColumnsToInsert: number;
}

export function planColumnWork(reading: SheetReading, dataRows: number): ColumnWork {
  const { managed, snapshot, analysis, resolution } = reading;
  const columnsToAdd: PlannedColumn[] = [];
  const blanksToFill: PlannedBlankFill[] = [];
  // Ambiguous or apparently renamed columns are not added: that would split their data in two.
  const blockedNames = unaddable(reading);
  let nextColumn = analysis.lastHeaderColumn + 1;
  for (const migration of managed.migrations) {
    for (const column of migration.addColumns) {
      const found = resolution.columns.get(column.name);
      if (found === undefined) {
        if (blockedNames.has(column.name)) continue;
        columnsToAdd.push(plannedColumn(migration.id, column, nextColumn, dataRows));
        nextColumn++;
        continue;
      }
      const fill = plannedBlankFill(migration.id, column, found.column, snapshot.managedBlock);
      if (fill !== null) blanksToFill.push(fill);
    }
  }
  const gridColumnsToInsert = Math.max(0, nextColumn - 1 - snapshot.maxColumns);
  return { columnsToAdd, blanksToFill, gridColumnsToInsert };
}

function plannedColumn(migrationId: string, column: ColumnSpec, index: number, dataRows: number): PlannedColumn {
  return {
    migrationId,
    index,
    letter: columnLetter(index),
    header: column.name,
    type: column.type,
    default: column.default,
    numberFormat: numberFormatOf(column),
    rowsInitialised: column.default === null ? 0 : dataRows,
  };
}

export function migrationStatuses(
  managed: ManagedSheet,
  resolution: IdentityResolution,
  work: Pick<ColumnWork, 'columnsToAdd' | 'blanksToFill'>,
  history: readonly HistoryEntry[],
): MigrationStatus[] {
  return managed.migrations.map((migration) => {
    const missing = work.columnsToAdd.filter((c) => c.migrationId === migration.id).length;
    const blanks = work.blanksToFill.some((b) => b.migrationId === migration.id);
    const applied = history.find(
      (h) => h.migrationId === migration.id && h.sheet === managed.sheet && h.outcome === SUCCESS_OUTCOME,
    );
    const present = migration.addColumns.some((c) => resolution.columns.has(c.name));
    let state: MigrationStatus['state'];
    if (!present) state = 'pending';
    else if (missing > 0 || blanks) state = 'partial';
    else state = applied ? 'applied' : 'applied-outside';
    return { id: migration.id, description: migration.description, state, appliedAt: applied?.time ?? null };
  });
}
