/** The plan's part for sheet rules: changes to make, fills a rule would reject, data-quality warnings. */
import type { Finding, PlannedBlankFill, PlannedColumn, PlannedRuleChange } from '../shared/payloads';
import { dataQualityFindings, fillConflicts } from './fillChecks';
import type { HeaderAnalysis } from './headers';
import { declaredColumns, type ManagedSheet } from './schema';
import { locateColumns, ruleChanges } from './sheetRules';
import type { SheetSnapshot } from './snapshot';

export interface SheetRulesPlan {
  readonly changes: PlannedRuleChange[];
  readonly errors: Finding[];
  readonly warnings: Finding[];
}

/**
 * Columns are located through the plan's header analysis (by exact name, used only when unique);
 * swapping in column identity means replacing `present` below.
 */
export function planSheetRules(
  managed: ManagedSheet,
  snapshot: SheetSnapshot,
  analysis: HeaderAnalysis,
  added: readonly PlannedColumn[],
  fills: readonly PlannedBlankFill[],
): SheetRulesPlan {
  const specs = declaredColumns(managed);
  const present = (name: string) => {
    const at = analysis.columnsByName.get(name);
    return at?.length === 1 ? at[0] : undefined;
  };
  const withMigration = managed.migrations.flatMap((m) => m.addColumns.map((spec) => ({ migrationId: m.id, spec })));
  const located = locateColumns(withMigration, present, added);
  const existing = located.filter((c) => !c.isNew);
  return {
    changes: ruleChanges(located, snapshot.rules, { headerRow: managed.headerRow, gridRows: snapshot.maxRows }),
    errors: fillConflicts(managed.sheet, fills, snapshot.rules, specs, managed.headerRow),
    warnings: dataQualityFindings(managed.sheet, snapshot.managedBlock, existing),
  };
}
