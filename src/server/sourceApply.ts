/**
 * The apply's part on source sheets (src/core/sourcePlan.ts): one tagColumn step per read column
 * to adopt, run after the managed sheets' steps under the same undo log (so a failed apply removes
 * these tags too), and one history row per source sheet, under the migration that declares the
 * metric columns reading it.
 */
import type { CallMeter } from '../adapters/meter';
import { executeStep, type RangeFiller, type UndoLog } from '../adapters/stepExecutor';
import type { WriteStep } from '../core/steps';
import type { HistoryEntry, SchemaPlan, SourceSheetPlan } from '../shared/payloads';
import type { HistoryCells } from '../shared/wording/historyCells';

/** Source sheets the apply changes (tags to add). */
export function changingSources(plan: Pick<SchemaPlan, 'sources'>): SourceSheetPlan[] {
  return (plan.sources ?? []).filter((s) => s.columnsToTag.length > 0);
}

export function sourceSteps(source: SourceSheetPlan): WriteStep[] {
  return source.columnsToTag.map((t) => ({ kind: 'tagColumn', column: t.index, identity: t.identity }));
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
  plan: Pick<SchemaPlan, 'sources' | 'sheets'>,
  row: Pick<HistoryEntry, 'time' | 'user' | 'durationMs' | 'outcome' | 'cause'>,
  cells: HistoryCells,
): HistoryEntry[] {
  const descriptionOf = (id: string | null) =>
    cells.description(plan.sheets.flatMap((s) => s.migrations).find((m) => m.id === id)?.description ?? '');
  return changingSources(plan).map((source) => ({
    ...row,
    migrationId: source.migrationId ?? 'identity',
    sheet: source.sheet,
    description: descriptionOf(source.migrationId),
    columnsAdded: source.columnsToTag.map(cells.tagged).join('; '),
    cellsWritten: 0,
  }));
}

/** The apply's result line for each source sheet it tagged. */
export function sourceSummaries(plan: Pick<SchemaPlan, 'sources'>): string[] {
  return changingSources(plan).map((source) => {
    const n = source.columnsToTag.length;
    const letters = source.columnsToTag.map((t) => t.letter).join(', ');
    return `${source.sheet}: tagged ${n} column${n === 1 ? '' : 's'} (${letters}) so the union metrics find ${n === 1 ? 'it' : 'them'} even if renamed; no cell written.`;
  });
}
