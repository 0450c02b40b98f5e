/**
 * What an apply records in `_schema_history`: which migrations it changes (and those an
 * interrupted apply changed without recording), one entry per migration per sheet, written after
 * every write landed (success) or, best effort, after a rollback (failure).
 */

import {
  appendHistory,
  createHistorySheet,
  HISTORY_SHEET,
  type HistoryLanguage,
  historyHeaderLanguage,
  repairHistorySheet,
} from '../adapters/history';
import { type HeaderRepair, repairHeader } from '../adapters/historyHeader';
import { CallMeter } from '../adapters/meter';
import type { UndoLog } from '../adapters/stepExecutor';
import { columnSpan } from '../core/columnLetters';
import { errorMessage } from '../core/errors';
import type { Logger } from '../core/logger';
import { SUCCESS_OUTCOME, unrecordedSince } from '../core/unfinishedApply';
import type { HistoryEntry, HistoryOutcome, SchemaPlan, SheetPlan } from '../shared/payloads';
import { historyCells } from '../shared/wording/historyCells';
import type { ExecutionContext } from './context';
import { operatorMessages } from './locale';
import { sourceHistoryEntries } from './sourceApply';

/** One apply, as history records it. */
export interface ApplyRecord {
  readonly plan: SchemaPlan;
  readonly toRecord: readonly Recorded[];
  /** Epoch milliseconds when the apply started. */
  readonly started: number;
  /** The history header a person damaged, rewritten before the row (read under the lock). */
  readonly historyHeader?: HeaderRepair | null;
  /** Who applied, as history's user column shows it (src/server/context.ts userLabel). */
  readonly user: string;
  /** The language of the existing history sheet's header, read under the lock: its rows are written in it. */
  readonly historyLanguage: HistoryLanguage;
}

/** An interrupted first apply's repair writes the header with the entries; otherwise a damaged one is rewritten. */
export function headerToRepair(
  plan: Pick<SchemaPlan, 'interrupted'>,
  repair: HeaderRepair | null,
): HeaderRepair | null {
  return plan.interrupted?.historyRepair?.writeHeader ? null : repair;
}

export function changingSheets(plan: Pick<SchemaPlan, 'sheets'>): SheetPlan[] {
  return plan.sheets.filter((s) => s.status === 'changes');
}

export function recordSuccess(
  context: ExecutionContext,
  record: ApplyRecord,
  { meter, undo }: { readonly meter: CallMeter; readonly undo: UndoLog },
): void {
  const spreadsheet = context.spreadsheet();
  const history = spreadsheet.getSheetByName(HISTORY_SHEET);
  // A new (or emptied) history sheet speaks the operator's language; an existing one keeps its own.
  const { language } = operatorMessages(context.services.session);
  const repair = record.plan.interrupted?.historyRepair ?? null;
  const rowLanguage = history === null || repair?.writeHeader ? language : record.historyLanguage;
  const entries = historyEntries(context, record, { outcome: SUCCESS_OUTCOME }, rowLanguage);
  if (history === null) {
    createHistorySheet(spreadsheet, entries, meter, undo, language);
    return;
  }
  const written = repair !== null && repairHistorySheet(history, repair, entries, { meter, language });
  if (written) return;
  // A header a person damaged goes back first, so the row lands under it (never in row 1).
  const header = headerToRepair(record.plan, record.historyHeader ?? null);
  if (header !== null) repairHeader(history, header, meter);
  appendHistory(history, entries, meter, { language: record.historyLanguage, undo });
}

export function bestEffort(logger: Logger, what: string, action: () => void): void {
  try {
    action();
  } catch (error) {
    logger.warn(`Sheet Schema: could not ${what}: ${errorMessage(error)}`);
  }
}

/**
 * Best effort, into a complete history sheet only: a failed first apply normally leaves none, and
 * one whose creation was cut short (no header yet) is finished by the next apply — a row appended
 * now would take the header's place.
 */
export function recordFailure(context: ExecutionContext, record: ApplyRecord, outcome: RecordedOutcome): void {
  bestEffort(context.services.logger, `record the failed apply in ${HISTORY_SHEET}`, () => {
    const sheet = context.spreadsheet().getSheetByName(HISTORY_SHEET);
    const language = sheet === null ? null : historyHeaderLanguage(sheet);
    if (sheet === null || language === null) return;
    appendHistory(sheet, historyEntries(context, record, outcome, language), new CallMeter(), { language });
  });
}

/** What a row records: the outcome's code, and for a failure the platform's cause. */
export interface RecordedOutcome {
  readonly outcome: HistoryOutcome;
  readonly cause?: string;
}

export interface Recorded {
  readonly sheet: SheetPlan;
  readonly migrationId: string;
}

export function touchedMigrations(changing: readonly SheetPlan[]): Recorded[] {
  return changing.flatMap((sheet) =>
    sheet.migrations
      .filter(
        (m) =>
          sheet.columnsToAdd.some((c) => c.migrationId === m.id) ||
          sheet.blanksToFill.some((b) => b.migrationId === m.id) ||
          sheet.rules.some((r) => r.migrationId === m.id) ||
          adoptedBy(sheet, m.id).length > 0,
      )
      .map((m) => ({ sheet, migrationId: m.id })),
  );
}

/** Existing columns of a migration the apply tags with their identity (adopts). */
function adoptedBy(sheet: SheetPlan, migrationId: string): SheetPlan['columnsToTag'] {
  return sheet.columnsToTag.filter((t) => t.reason === 'adopted' && t.migrationId === migrationId);
}

/** What history records: the migrations this apply changes, and those an interrupted apply changed without recording. */
export function migrationsToRecord(plan: Pick<SchemaPlan, 'sheets' | 'interrupted'>): Recorded[] {
  const touched = touchedMigrations(changingSheets(plan));
  const unrecorded = (plan.interrupted?.unrecorded ?? []).flatMap(({ sheet, migrationId }) => {
    const sheetPlan = plan.sheets.find((s) => s.sheet === sheet);
    const already = touched.some((t) => t.sheet.sheet === sheet && t.migrationId === migrationId);
    return sheetPlan === undefined || already ? [] : [{ sheet: sheetPlan, migrationId }];
  });
  return [...touched, ...unrecorded];
}

/** Cells an apply sets for one migration on one sheet: headers, initialised rows, blanks filled. */
export function cellsChangedBy(sheet: SheetPlan, migrationId: string): number {
  const added = sheet.columnsToAdd.filter((c) => c.migrationId === migrationId);
  const fills = sheet.blanksToFill.filter((b) => b.migrationId === migrationId);
  return added.reduce((sum, c) => sum + 1 + c.rowsInitialised, 0) + fills.reduce((sum, f) => sum + f.cells, 0);
}

/** The rows of one apply, their texts in the history sheet's language. */
function historyEntries(
  context: ExecutionContext,
  record: ApplyRecord,
  outcome: RecordedOutcome,
  language: HistoryLanguage,
): HistoryEntry[] {
  const { plan, toRecord, started } = record;
  const cells = historyCells(language);
  const time = context.isoNow();
  const { user } = record;
  const durationMs = context.services.now() - started;
  const managed = toRecord.map(({ sheet, migrationId }) => {
    const added = sheet.columnsToAdd.filter((c) => c.migrationId === migrationId);
    const stopped = unrecordedSince(plan.interrupted, sheet.sheet, migrationId);
    const parts = [
      ...(added.length > 0
        ? [`${columnSpan(added[0].index, added.length)}: ${added.map((c) => c.header).join(', ')}`]
        : []),
      ...sheet.blanksToFill.filter((b) => b.migrationId === migrationId).map(cells.filled),
      ...cells.ruleChanges(sheet.rules.filter((r) => r.migrationId === migrationId)),
      ...adoptedBy(sheet, migrationId).map(cells.tagged),
      ...(stopped === null ? [] : [cells.completes(stopped)]),
    ];
    return {
      time,
      migrationId,
      sheet: sheet.sheet,
      description: cells.description(sheet.migrations.find((m) => m.id === migrationId)?.description ?? ''),
      columnsAdded: parts.join('; '),
      cellsWritten: cellsChangedBy(sheet, migrationId),
      user,
      durationMs,
      ...outcome,
    };
  });
  // Source rows first: history is shown newest first, so the managed sheets' change stays on top.
  return [...sourceHistoryEntries(plan, { time, user, durationMs, ...outcome }, cells), ...managed];
}
