/**
 * Renamed managed headers seen by a check but not by the plan on screen: the sidebar then reloads
 * the plan, whose "Restore header" buttons offer the repair right after "Check now".
 */
import type { CheckResult, SchemaPlan } from '../shared/payloads';

const RENAMED = 'COLUMN_RENAMED';

export function renamesUnseen(result: CheckResult, plan: SchemaPlan | null): boolean {
  const shown = new Set(
    [...(plan?.sheets ?? []), ...(plan?.sources ?? [])].flatMap((s) =>
      s.warnings.filter((f) => f.code === RENAMED).map((f) => f.location),
    ),
  );
  return result.sheets.some((s) => s.findings.some((f) => f.code === RENAMED && !shown.has(f.location)));
}
