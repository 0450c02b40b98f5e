/**
 * Dry run and apply. The apply re-plans under the document lock, refuses a plan the operator
 * did not see, executes the plan's steps (one call each), records history, and on any failure
 * rolls back what it wrote, so the sheet is as it was or — if the rollback itself fails — in a
 * state the next run completes.
 */

import { ApplyJournal } from '../adapters/applyJournal';
import {
  appendHistory,
  createHistorySheet,
  HISTORY_CREATE_CALLS,
  HISTORY_HEADERS,
  HISTORY_SHEET,
  hasHistoryHeader,
  repairHistorySheet,
} from '../adapters/history';
import { withDocumentLock } from '../adapters/lock';
import { CallMeter } from '../adapters/meter';
import { type ReadMode, readWorkbook, type Workbook } from '../adapters/snapshotReader';
import { executeStep, RangeFiller, UndoLog } from '../adapters/stepExecutor';
import { columnSpan } from '../core/columnLetters';
import { errorMessage, SchemaError, STALE_PLAN_MESSAGE } from '../core/errors';
import { buildPlan, SUCCESS_OUTCOME } from '../core/plan';
import type { ManagedSheet } from '../core/schema';
import { addCosts, NO_COST, stepsCost, type WriteCost, writeSteps } from '../core/steps';
import { blockedMessage, describeSheetChanges } from '../core/summary';
import type { ApplyResult, HistoryEntry, SchemaPlan, SheetPlan } from '../shared/payloads';
import type { ExecutionContext } from './context';

export function previewSchema(context: ExecutionContext): SchemaPlan {
  return planFrom(context, read(context, 'preview'));
}

function journalOf(context: ExecutionContext): ApplyJournal {
  return new ApplyJournal(context.services.propertiesService, context.spreadsheet().getId());
}

function read(context: ExecutionContext, mode: ReadMode): Workbook {
  const options = {
    protectionType: context.services.spreadsheetApp.ProtectionType,
    mode,
    interrupted: journalOf(context).read(),
  };
  return readWorkbook(context.spreadsheet(), context.declaration, options);
}

function planFrom(context: ExecutionContext, workbook: Workbook): SchemaPlan {
  const plan = buildPlan(context.declaration, workbook, context.isoNow());
  const reads: WriteCost = { ...NO_COST, ...workbook.readCost };
  if (plan.status !== 'changes') return { ...plan, cost: reads };
  const steps = changingSheets(plan).flatMap((s) => writeSteps(s, managedSheet(context, s.sheet).headerRow));
  const flush: WriteCost = { ...NO_COST, spreadsheetCalls: 1 };
  return {
    ...plan,
    cost: addCosts(
      reads,
      stepsCost(steps),
      flush,
      historyCost(migrationsToRecord(plan).length, workbook.historyExists, plan.interrupted?.historyRepair ?? null),
    ),
  };
}

/**
 * One appendRow per entry; on the first apply, the sheet created with its header and entries;
 * after an interrupted first apply, the half-created sheet finished (header with entries, hide).
 */
function historyCost(
  entries: number,
  exists: boolean,
  repair: { writeHeader: boolean; hide: boolean } | null,
): WriteCost {
  const cells = (rows: number) => HISTORY_HEADERS.length * rows;
  if (!exists)
    return {
      spreadsheetCalls: HISTORY_CREATE_CALLS,
      cellsRead: 0,
      cellsWritten: cells(entries + 1) + 1 /* '@' format */,
      cellsChanged: cells(entries + 1),
    };
  const hide: WriteCost = { ...NO_COST, spreadsheetCalls: repair?.hide ? 1 : 0 };
  if (repair?.writeHeader)
    return addCosts(hide, {
      spreadsheetCalls: 2,
      cellsRead: 0,
      cellsWritten: cells(entries + 1) + 1,
      cellsChanged: cells(entries + 1),
    });
  return addCosts(hide, {
    spreadsheetCalls: entries,
    cellsRead: 0,
    cellsWritten: cells(entries),
    cellsChanged: cells(entries),
  });
}

function managedSheet(context: ExecutionContext, name: string): ManagedSheet {
  const managed = context.declaration.managedSheets.find((m) => m.sheet === name);
  if (managed === undefined) throw new Error(`Not a managed sheet: ${name}`);
  return managed;
}

function changingSheets(plan: Pick<SchemaPlan, 'sheets'>): SheetPlan[] {
  return plan.sheets.filter((s) => s.status === 'changes');
}

/**
 * @param expectedFingerprint the fingerprint of the plan the operator confirmed; null only for
 *   callers that confirm nothing (the scheduled check's auto-repair).
 */
export function applySchema(context: ExecutionContext, expectedFingerprint: string | null): ApplyResult {
  return withDocumentLock(context.services.lockService, () => {
    const started = context.services.now();
    const { plan, markerSet } = planUnderLock(context, expectedFingerprint);
    if (plan.status === 'blocked') throw new SchemaError('BLOCKED', blockedMessage(plan));
    if (plan.status === 'up-to-date') {
      // Up to date with a marker set: its run finished (history recorded) but was stopped before clearing it.
      if (markerSet) bestEffort('clear a stale apply-in-progress marker', () => journalOf(context).clear());
      return {
        status: 'up-to-date',
        summary: 'Everything is up to date: nothing was written.',
        columnsAdded: [],
        cellsChanged: 0,
        durationMs: context.services.now() - started,
      };
    }
    executeAll(context, plan, started);
    forgetColumnMaps(context);
    return appliedResult(context, plan, started);
  });
}

/**
 * A confirmed plan was checked in full by its preview, so the lock re-reads only what the writes
 * depend on. Any mismatch gets the full read, to refuse with the real reason: blocked, or stale.
 * Without a confirmed plan (auto-repair) everything is checked here.
 */
function planUnderLock(
  context: ExecutionContext,
  expectedFingerprint: string | null,
): { plan: SchemaPlan; markerSet: boolean } {
  const planned = (mode: ReadMode) => {
    const workbook = read(context, mode);
    return { plan: planFrom(context, workbook), markerSet: workbook.interrupted !== null };
  };
  if (expectedFingerprint === null) return planned('preview');
  const confirmed = planned('apply');
  if (confirmed.plan.fingerprint === expectedFingerprint) return confirmed;
  const full = planned('preview');
  if (full.plan.status === 'blocked') return full;
  throw new SchemaError('STALE_PLAN', STALE_PLAN_MESSAGE);
}

function executeAll(context: ExecutionContext, plan: SchemaPlan, started: number): void {
  const spreadsheet = context.spreadsheet();
  const meter = new CallMeter();
  const undo = new UndoLog();
  const filler = new RangeFiller(meter);
  const toRecord = migrationsToRecord(plan);
  const journal = journalOf(context);
  // Before the first write: if this execution is killed, the next run knows to complete it.
  journal.write({
    startedAt: context.isoNow(),
    user: context.userLabel(),
    migrations: toRecord.map(({ sheet, migrationId }) => ({ sheet: sheet.sheet, migrationId })),
  });
  let current = '';
  try {
    for (const sheetPlan of changingSheets(plan)) {
      current = sheetPlan.sheet;
      const sheet = spreadsheet.getSheetByName(sheetPlan.sheet);
      if (sheet === null) throw new Error(`Sheet "${sheetPlan.sheet}" disappeared during the apply.`);
      for (const step of writeSteps(sheetPlan, managedSheet(context, sheetPlan.sheet).headerRow))
        executeStep(sheet, step, meter, filler, undo);
    }
    current = HISTORY_SHEET;
    meter.call(() => context.services.spreadsheetApp.flush());
    // Last, so history never records success for writes that did not all land.
    recordSuccess(context, plan, toRecord, started, meter, undo);
  } catch (error) {
    const rollback = undo.rollback();
    forgetColumnMaps(context);
    if (rollback.complete) restoreJournal(journal, plan);
    const state = rollback.complete
      ? 'was rolled back: the sheet is as it was'
      : `could not be fully rolled back (${errorMessage(rollback.error)}): run "Extend schema" again to complete it — it only adds what is missing`;
    recordFailure(
      context,
      toRecord,
      plan,
      started,
      `failed, ${rollback.complete ? 'rolled back' : 'incomplete'}: ${errorMessage(error)}`,
    );
    throw new Error(
      `Sheet Schema: the apply failed while writing "${current}" and ${state}. Cause: ${errorMessage(error)}`,
    );
  }
  bestEffort('clear the apply-in-progress marker', () => journal.clear());
}

function recordSuccess(
  context: ExecutionContext,
  plan: SchemaPlan,
  toRecord: readonly Recorded[],
  started: number,
  meter: CallMeter,
  undo: UndoLog,
): void {
  const spreadsheet = context.spreadsheet();
  const entries = historyEntries(context, toRecord, plan, started, SUCCESS_OUTCOME);
  const history = spreadsheet.getSheetByName(HISTORY_SHEET);
  if (history === null) {
    createHistorySheet(spreadsheet, entries, meter, undo);
    return;
  }
  const repair = plan.interrupted?.historyRepair ?? null;
  const written = repair !== null && repairHistorySheet(history, repair, entries, meter);
  if (!written) appendHistory(history, entries, meter, undo);
}

/** After a complete rollback the sheet is as before this apply: so is the marker (that of an earlier interrupted apply, or none). */
function restoreJournal(journal: ApplyJournal, plan: SchemaPlan): void {
  bestEffort('restore the apply-in-progress marker', () => {
    if (plan.interrupted === null) journal.clear();
    else
      journal.write({
        startedAt: plan.interrupted.startedAt,
        user: plan.interrupted.user,
        migrations: plan.interrupted.migrations,
      });
  });
}

function bestEffort(what: string, action: () => void): void {
  try {
    action();
  } catch (error) {
    console.warn(`Sheet Schema: could not ${what}: ${errorMessage(error)}`);
  }
}

/**
 * Drops the cached column maps, best effort. After a successful apply the change has landed and
 * is in history: a cache or spreadsheet hiccup here must not report it as failed (the operator
 * would be told to retry a change that is done); after a failed one it must not hide the
 * rollback's outcome. A stale map is harmless: column access compares the header row it reads
 * with the map and rebuilds it on any mismatch.
 */
function forgetColumnMaps(context: ExecutionContext): void {
  try {
    context.columnMaps().invalidateAll();
  } catch (error) {
    console.warn(`Sheet Schema: could not clear the cached column maps: ${errorMessage(error)}`);
  }
}

/**
 * Best effort, into a complete history sheet only: a failed first apply normally leaves none, and
 * one whose creation was cut short (no header yet) is finished by the next apply — a row appended
 * now would take the header's place.
 */
function recordFailure(
  context: ExecutionContext,
  toRecord: readonly Recorded[],
  plan: SchemaPlan,
  started: number,
  outcome: string,
): void {
  bestEffort(`record the failed apply in ${HISTORY_SHEET}`, () => {
    const sheet = context.spreadsheet().getSheetByName(HISTORY_SHEET);
    if (sheet === null || !hasHistoryHeader(sheet)) return;
    appendHistory(sheet, historyEntries(context, toRecord, plan, started, outcome), new CallMeter());
  });
}

interface Recorded {
  readonly sheet: SheetPlan;
  readonly migrationId: string;
}

function touchedMigrations(changing: readonly SheetPlan[]): Recorded[] {
  return changing.flatMap((sheet) =>
    sheet.migrations
      .filter(
        (m) =>
          sheet.columnsToAdd.some((c) => c.migrationId === m.id) ||
          sheet.blanksToFill.some((b) => b.migrationId === m.id) ||
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
function migrationsToRecord(plan: Pick<SchemaPlan, 'sheets' | 'interrupted'>): Recorded[] {
  const touched = touchedMigrations(changingSheets(plan));
  const unrecorded = (plan.interrupted?.unrecorded ?? []).flatMap(({ sheet, migrationId }) => {
    const sheetPlan = plan.sheets.find((s) => s.sheet === sheet);
    const already = touched.some((t) => t.sheet.sheet === sheet && t.migrationId === migrationId);
    return sheetPlan === undefined || already ? [] : [{ sheet: sheetPlan, migrationId }];
  });
  return [...touched, ...unrecorded];
}

/** Cells an apply sets for one migration on one sheet: headers, initialised rows, blanks filled. */
function cellsChangedBy(sheet: SheetPlan, migrationId: string): number {
  const added = sheet.columnsToAdd.filter((c) => c.migrationId === migrationId);
  const fills = sheet.blanksToFill.filter((b) => b.migrationId === migrationId);
  return added.reduce((sum, c) => sum + 1 + c.rowsInitialised, 0) + fills.reduce((sum, f) => sum + f.cells, 0);
}

function historyEntries(
  context: ExecutionContext,
  toRecord: readonly Recorded[],
  plan: SchemaPlan,
  started: number,
  outcome: string,
): HistoryEntry[] {
  const time = context.isoNow();
  const user = context.userLabel();
  const durationMs = context.services.now() - started;
  return toRecord.map(({ sheet, migrationId }) => {
    const added = sheet.columnsToAdd.filter((c) => c.migrationId === migrationId);
    const completes = plan.interrupted?.unrecorded.some(
      (m) => m.sheet === sheet.sheet && m.migrationId === migrationId,
    );
    const parts = [
      ...(added.length > 0
        ? [`${columnSpan(added[0].index, added.length)}: ${added.map((c) => c.header).join(', ')}`]
        : []),
      ...sheet.blanksToFill
        .filter((b) => b.migrationId === migrationId)
        .map((f) => `filled ${f.cells} blank cells in ${f.letter} (${f.header})`),
      ...adoptedBy(sheet, migrationId).map((t) => `tagged existing ${t.letter} (${t.identity})`),
      ...(completes && plan.interrupted !== null
        ? [`completes the apply stopped at ${plan.interrupted.startedAt}`]
        : []),
    ];
    return {
      time,
      migrationId,
      sheet: sheet.sheet,
      description: sheet.migrations.find((m) => m.id === migrationId)?.description ?? '',
      columnsAdded: parts.join('; '),
      cellsWritten: cellsChangedBy(sheet, migrationId),
      user,
      durationMs,
      outcome,
    };
  });
}

function appliedResult(context: ExecutionContext, plan: SchemaPlan, started: number): ApplyResult {
  const durationMs = context.services.now() - started;
  const changing = changingSheets(plan);
  const columnsAdded = changing.flatMap((s) =>
    s.columnsToAdd.map((c) => ({ sheet: s.sheet, letter: c.letter, header: c.header })),
  );
  const cellsChanged = touchedMigrations(changing).reduce(
    (sum, { sheet, migrationId }) => sum + cellsChangedBy(sheet, migrationId),
    0,
  );
  const done = changing.flatMap((sheet) => describeSheetChanges(sheet, 'done'));
  const completed =
    plan.interrupted === null
      ? []
      : [`Completed the apply stopped at ${plan.interrupted.startedAt} and recorded it in history.`];
  return {
    status: 'applied',
    summary: [
      ...done,
      ...completed,
      `${cellsChanged.toLocaleString('en-US')} cells written in ${(durationMs / 1000).toFixed(1)} s.`,
    ].join('\n'),
    columnsAdded,
    cellsChanged,
    durationMs,
  };
}
