/**
 * The check's part on source sheets (Uniones): the same findings as the preview's (renamed,
 * duplicated, contradicted, looks renamed, missing — src/core/sourcePlan.ts) plus the
 * informational untagged columns, from the identity find() the check already made and two calls per
 * sheet for its header row. They are reported beside the managed sheets and never hold back
 * auto-repair, which extends the managed sheets only. A missing source sheet is left out: many
 * workbooks have none (the preview says so; the check's metrics follow-up reports its own failure).
 */
import type { SheetMetadata } from '../adapters/identityTags';
import type { CallMeter } from '../adapters/meter';
import { readSourceSheets } from '../adapters/sourceReader';
import { statusOfFindings } from '../core/driftCodes';
import { untaggedFinding } from '../core/identityDrift';
import { planSourceSheet, SOURCE_HEADER_ROW, sourceSheetsOf } from '../core/sourcePlan';
import type { SheetCheck } from '../shared/payloads';
import type { ExecutionContext } from './context';

/** None when the tags could not be read: without them every tagged column would look untagged or missing. */
export function checkSources(
  context: ExecutionContext,
  tags: ReadonlyMap<string, SheetMetadata> | null,
  meter: CallMeter,
): SheetCheck[] {
  if (tags === null) return [];
  const sources = sourceSheetsOf(context.declaration);
  const snapshots = readSourceSheets(context.spreadsheet(), sources, tags, meter);
  return sources.flatMap((source, i) => {
    const snapshot = snapshots[i];
    if (snapshot === null) return [];
    const plan = planSourceSheet(source, snapshot);
    const where = { sheet: source.sheet, headerRow: SOURCE_HEADER_ROW };
    const findings = [
      ...plan.warnings,
      ...untaggedFinding(
        where,
        plan.columnsToTag.map((t) => t.index),
      ),
    ];
    return [
      { sheet: source.sheet, status: statusOfFindings(findings), findings, headerChanged: null, mapInvalidated: false },
    ];
  });
}
