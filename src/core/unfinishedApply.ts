/**
 * An apply stopped mid-way (Apps Script's 6-minute limit, a closed tab): what it left undone and
 * the finding that tells the operator. Shared by the planner and the scheduled check.
 */

import type { Finding, InterruptedApply, UnfinishedApply } from '../shared/payloads';
import { finding } from './finding';
import type { WorkbookSnapshot } from './snapshot';

/** The history outcome of a migration that was applied in full. */
export const SUCCESS_OUTCOME = 'applied';

/**
 * What an apply stopped mid-way (its in-progress marker still set) left undone besides columns
 * and blanks, which the sheet plans list anyway: success rows missing from history, and a
 * half-created history sheet. Null when there is nothing left, the marker being merely stale
 * (the run finished but was stopped before clearing it).
 */
export function unfinishedApply(
  workbook: Pick<WorkbookSnapshot, 'interrupted' | 'history' | 'historyShape'>,
): UnfinishedApply | null {
  const journal = workbook.interrupted;
  if (journal === null) return null;
  const recorded = (m: { sheet: string; migrationId: string }) =>
    workbook.history.some(
      (h) =>
        h.migrationId === m.migrationId &&
        h.sheet === m.sheet &&
        h.outcome === SUCCESS_OUTCOME &&
        h.time >= journal.startedAt,
    );
  const unrecorded = journal.migrations.filter((m) => !recorded(m));
  const shape = workbook.historyShape;
  const historyRepair =
    shape !== null && (shape.empty || !shape.hidden) ? { writeHeader: shape.empty, hide: !shape.hidden } : null;
  return unrecorded.length === 0 && historyRepair === null ? null : { ...journal, unrecorded, historyRepair };
}

/**
 * When an interrupted apply changed this migration of this sheet without recording it: the time it
 * started (its history row then says it completes that run); null otherwise.
 */
export function unrecordedSince(
  interrupted: UnfinishedApply | null,
  sheet: string,
  migrationId: string,
): string | null {
  const left = interrupted?.unrecorded.some((m) => m.sheet === sheet && m.migrationId === migrationId) ?? false;
  return left && interrupted !== null ? interrupted.startedAt : null;
}

export function interruptedFinding(interrupted: InterruptedApply, sheet: string): Finding {
  return finding(
    'INTERRUPTED_APPLY',
    `An apply started ${interrupted.startedAt.slice(0, 16).replace('T', ' ')} UTC by ${interrupted.user} was stopped before it finished (for example by Apps Script's 6-minute limit). Applying completes it: only missing columns and blank cells are written, and history records it.`,
    sheet,
    { sheet, startedAt: interrupted.startedAt, user: interrupted.user },
  );
}
