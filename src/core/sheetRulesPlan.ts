/** The plan's part for sheet rules: changes to make, fills a rule would reject, data-quality warnings. */
import type { Finding, PlannedBlankFill, PlannedColumn, PlannedRuleChange } from '../shared/payloads';
import { dataQualityFindings, fillConflicts } from './fillChecks';
import { declaredColumns, type ManagedSheet } from './schema';
import { locateColumns, ruleChanges } from './sheetRules';
import type { SheetSnapshot } from './snapshot';

export interface SheetRulesPlan {
  readonly changes: PlannedRuleChange[];
  readonly errors: Finding[];
  readonly warnings: Finding[];
}

/**
 * Texts the changes write are in the snapshot's `language` (the applying operator's); texts in
 * place in any supported language count as in place. `present` locates an existing managed column (the plan passes its identity resolution: the tag
 * first, the exact header second), so a renamed column keeps its rules.
 */
export function planSheetRules(
  managed: ManagedSheet,
  snapshot: SheetSnapshot,
  present: (name: string) => number | undefined,
  added: readonly PlannedColumn[],
  fills: readonly PlannedBlankFill[],
): SheetRulesPlan {
  const specs = declaredColumns(managed);
  const withMigration = managed.migrations.flatMap((m) => m.addColumns.map((spec) => ({ migrationId: m.id, spec })));
  const located = locateColumns(withMigration, present, added);
  const existing = located.filter((c) => !c.isNew);
  return {
    changes: ruleChanges(located, snapshot.rules, {
      headerRow: managed.headerRow,
      gridRows: snapshot.maxRows,
      language: snapshot.language,
    }),
    errors: fillConflicts(managed.sheet, fills, snapshot.rules, specs, managed.headerRow),
    warnings: dataQualityFindings(managed.sheet, snapshot.managedBlock, existing),
  };
}
