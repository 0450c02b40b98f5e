/**
 * The apply's part on source sheets (src/core/sourcePlan.ts): one tagColumn step per read column
 * to adopt, run after the managed sheets' steps under the same undo log (so a failed apply removes
 * these tags too), and one history row per source sheet, under the migration that declares the
 * metric columns reading it. The apply-in-progress marker names these rows too: a run killed
 * after the tags landed but before history leaves no tag to write, so only the marker tells the
 * next run to record them.
 */
import type { CallMeter } from '../adapters/meter';
import { executeStep, type RangeFiller, type UndoLog } from '../adapters/stepExecutor';
import type { WriteStep } from '../core/steps';
import { unrecordedSince } from '../core/unfinishedApply';
import type { HistoryEntry, InterruptedApply, SchemaPlan, SourceSheetPlan } from '../shared/payloads';
import type { HistoryCells } from '../shared/wording/historyCells';

/** Source sheets the apply changes (tags to add). */
function changingSources(plan: Pick<SchemaPlan, 'sources'>): SourceSheetPlan[] {
  return (plan.sources ?? []).filter((s) => s.columnsToTag.length > 0);
}

/** The migration a source sheet's history row (and marker entry) is filed under. */
function recordedMigration(source: SourceSheetPlan): string {
  return source.migrationId ?? 'identity';
}

/** When an interrupted apply tagged this source sheet without recording it: the time it started. */
function stoppedRun(plan: Pick<SchemaPlan, 'interrupted'>, source: SourceSheetPlan): string | null {
  return unrecordedSince(plan.interrupted, source.sheet, recordedMigration(source));
}

/** Source sheets that get a history row: those tagged now, and those an interrupted apply tagged without one. */
function sourcesToRecord(plan: Pick<SchemaPlan, 'sources' | 'interrupted'>): SourceSheetPlan[] {
  return (plan.sources ?? []).filter((s) => s.columnsToTag.length > 0 || stoppedRun(plan, s) !== null);
}

/** The marker's entries for the source rows this apply will record. */
export function sourceMarkerEntries(plan: Pick<SchemaPlan, 'sources' | 'interrupted'>): InterruptedApply['migrations'] {
  return sourcesToRecord(plan).map((source) => ({ sheet: source.sheet, migrationId: recordedMigration(source) }));
}

function sourceSteps(source: SourceSheetPlan): WriteStep[] {
  return source.columnsToTag.map((t) => ({ kind: 'tagColumn', column: t.index, identity: t.identity }));
}

/** Every source sheet's steps, for the plan's cost. */
export function allSourceSteps(plan: Pick<SchemaPlan, 'sources'>): WriteStep[] {
  return changingSources(plan).flatMap(sourceSteps);
}

export function executeSourceSteps(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  plan: Pick<SchemaPlan, 'sources'>,
  env: {
    readonly meter: CallMeter;
    readonly filler: RangeFiller;
    readonly undo: UndoLog;
    /** Told which sheet is being written, for the failure message. */
    readonly writing: (sheet: string) => void;
  },
): void {
  for (const source of changingSources(plan)) {
    env.writing(source.sheet);
    const sheet = spreadsheet.getSheetByName(source.sheet);
    if (sheet === null) throw new Error(`Sheet "${source.sheet}" disappeared during the apply.`);
    for (const step of sourceSteps(source)) executeStep(sheet, step, env.meter, env.filler, env.undo);
  }
}

/** "tagged existing B (TAG_SPOOL); tagged existing D (DN_UNION)", in the history sheet's language (`cells`). */
export function sourceHistoryEntries(
  plan: Pick<SchemaPlan, 'sources' | 'sheets' | 'interrupted'>,
  row: Pick<HistoryEntry, 'time' | 'user' | 'durationMs' | 'outcome' | 'cause'>,
  cells: HistoryCells,
): HistoryEntry[] {
  const descriptionOf = (id: string | null) =>
    cells.description(plan.sheets.flatMap((s) => s.migrations).find((m) => m.id === id)?.description ?? '');
  return sourcesToRecord(plan).map((source) => {
    const stopped = stoppedRun(plan, source);
    return {
      ...row,
      migrationId: recordedMigration(source),
      sheet: source.sheet,
      description: descriptionOf(source.migrationId),
      columnsAdded: [
        ...source.columnsToTag.map(cells.tagged),
        ...(stopped === null ? [] : [cells.completes(stopped)]),
      ].join('; '),
      cellsWritten: 0,
    };
  });
}

/** The apply's result line for each source sheet it tagged. */
export function sourceSummaries(plan: Pick<SchemaPlan, 'sources'>): string[] {
  return changingSources(plan).map((source) => {
    const n = source.columnsToTag.length;
    const letters = source.columnsToTag.map((t) => t.letter).join(', ');
    return `${source.sheet}: tagged ${n} column${n === 1 ? '' : 's'} (${letters}) so the union metrics find ${n === 1 ? 'it' : 'them'} even if renamed; no cell written.`;
  });
}
