/**
 * Dry run and apply. The apply re-plans under the document lock, refuses a plan the operator
 * did not see, executes the plan's steps (one call each), records history, and on any failure
 * rolls back what it wrote, so the sheet is as it was or — if the rollback itself fails — in a
 * state the next run completes.
 */
import { columnSpan } from '../core/columnLetters';
import { errorMessage, SchemaError, STALE_PLAN_MESSAGE } from '../core/errors';
import { buildPlan, SUCCESS_OUTCOME } from '../core/plan';
import type { ManagedSheet } from '../core/schema';
import { addCosts, NO_COST, stepsCost, writeSteps, type WriteCost } from '../core/steps';
import { blockedMessage, describeSheetChanges } from '../core/summary';
import { appendHistory, createHistorySheet, HISTORY_CREATE_CALLS, HISTORY_HEADERS, HISTORY_SHEET } from '../adapters/history';
import { withDocumentLock } from '../adapters/lock';
import { CallMeter } from '../adapters/meter';
import { readWorkbook, type ReadMode, type Workbook } from '../adapters/snapshotReader';
import { executeStep, RangeFiller, UndoLog } from '../adapters/stepExecutor';
import type { ApplyResult, HistoryEntry, SchemaPlan, SheetPlan } from '../shared/payloads';
import type { ExecutionContext } from './context';

export function previewSchema(context: ExecutionContext): SchemaPlan {
  return planFrom(context, read(context, 'preview'));
}

function read(context: ExecutionContext, mode: ReadMode): Workbook {
  return readWorkbook(context.spreadsheet(), context.declaration, { protectionType: context.services.spreadsheetApp.ProtectionType, mode });
}

function planFrom(context: ExecutionContext, workbook: Workbook): SchemaPlan {
  const plan = buildPlan(context.declaration, workbook, context.isoNow());
  const reads: WriteCost = { ...NO_COST, ...workbook.readCost };
  if (plan.status !== 'changes') return { ...plan, cost: reads };
  const changing = plan.sheets.filter((s) => s.status === 'changes');
  const steps = changing.flatMap((s) => writeSteps(s, managedSheet(context, s.sheet).headerRow));
  const flush: WriteCost = { ...NO_COST, spreadsheetCalls: 1 };
  return { ...plan, cost: addCosts(reads, stepsCost(steps), flush, historyCost(touchedMigrations(changing).length, workbook.historyExists)) };
}

/** One appendRow per entry; or, on the first apply, the sheet created with its header and entries. */
function historyCost(entries: number, exists: boolean): WriteCost {
  const cells = HISTORY_HEADERS.length * (exists ? entries : entries + 1);
  return exists
    ? { spreadsheetCalls: entries, cellsRead: 0, cellsWritten: cells, cellsChanged: cells }
    : { spreadsheetCalls: HISTORY_CREATE_CALLS, cellsRead: 0, cellsWritten: cells + 1 /* the '@' format */, cellsChanged: cells };
}

function managedSheet(context: ExecutionContext, name: string): ManagedSheet {
  const managed = context.declaration.managedSheets.find((m) => m.sheet === name);
  if (managed === undefined) throw new Error(`Not a managed sheet: ${name}`);
  return managed;
}

/**
 * @param expectedFingerprint the fingerprint of the plan the operator confirmed; null only for
 *   callers that confirm nothing (the scheduled check's auto-repair).
 */
export function applySchema(context: ExecutionContext, expectedFingerprint: string | null): ApplyResult {
  return withDocumentLock(context.services.lockService, () => {
    const started = context.services.now();
    const plan = planUnderLock(context, expectedFingerprint);
    if (plan.status === 'blocked') throw new SchemaError('BLOCKED', blockedMessage(plan));
    if (plan.status === 'up-to-date') {
      return { status: 'up-to-date', summary: 'Everything is up to date: nothing was written.', columnsAdded: [], cellsChanged: 0, durationMs: context.services.now() - started };
    }
    const changing = plan.sheets.filter((s) => s.status === 'changes');
    executeAll(context, changing, started);
    forgetColumnMaps(context);
    return appliedResult(context, changing, started);
  });
}

/**
 * A confirmed plan was checked in full by its preview, so the lock re-reads only what the writes
 * depend on. Any mismatch gets the full read, to refuse with the real reason: blocked, or stale.
 * Without a confirmed plan (auto-repair) everything is checked here.
 */
function planUnderLock(context: ExecutionContext, expectedFingerprint: string | null): SchemaPlan {
  if (expectedFingerprint === null) return planFrom(context, read(context, 'preview'));
  const plan = planFrom(context, read(context, 'apply'));
  if (plan.fingerprint === expectedFingerprint) return plan;
  const full = planFrom(context, read(context, 'preview'));
  if (full.status === 'blocked') return full;
  throw new SchemaError('STALE_PLAN', STALE_PLAN_MESSAGE);
}

function executeAll(context: ExecutionContext, changing: readonly SheetPlan[], started: number): void {
  const spreadsheet = context.spreadsheet();
  const meter = new CallMeter();
  const undo = new UndoLog();
  const filler = new RangeFiller(meter);
  let current = '';
  try {
    for (const sheetPlan of changing) {
      current = sheetPlan.sheet;
      const sheet = spreadsheet.getSheetByName(sheetPlan.sheet);
      if (sheet === null) throw new Error(`Sheet "${sheetPlan.sheet}" disappeared during the apply.`);
      for (const step of writeSteps(sheetPlan, managedSheet(context, sheetPlan.sheet).headerRow)) executeStep(sheet, step, meter, filler, undo);
    }
    current = HISTORY_SHEET;
    meter.call(() => context.services.spreadsheetApp.flush());
    // Last, so history never records success for writes that did not all land.
    const entries = historyEntries(context, changing, started, SUCCESS_OUTCOME);
    const history = spreadsheet.getSheetByName(HISTORY_SHEET);
    if (history === null) createHistorySheet(spreadsheet, entries, meter, undo);
    else appendHistory(history, entries, meter, undo);
  } catch (error) {
    const rollback = undo.rollback();
    forgetColumnMaps(context);
    const state = rollback.complete
      ? 'was rolled back: the sheet is as it was'
      : `could not be fully rolled back (${errorMessage(rollback.error)}): run "Extend schema" again to complete it — it only adds what is missing`;
    recordFailure(context, changing, started, `failed, ${rollback.complete ? 'rolled back' : 'incomplete'}: ${errorMessage(error)}`);
    throw new Error(`Sheet Schema: the apply failed while writing "${current}" and ${state}. Cause: ${errorMessage(error)}`);
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

/** Best effort, into an existing history sheet only: a failed first apply leaves no history sheet. */
function recordFailure(context: ExecutionContext, changing: readonly SheetPlan[], started: number, outcome: string): void {
  try {
    const sheet = context.spreadsheet().getSheetByName(HISTORY_SHEET);
    if (sheet === null) return;
    appendHistory(sheet, historyEntries(context, changing, started, outcome), new CallMeter());
  } catch (error) {
    console.warn(`Sheet Schema: could not record the failed apply in ${HISTORY_SHEET}: ${errorMessage(error)}`);
  }
}

function touchedMigrations(changing: readonly SheetPlan[]): Array<{ sheet: SheetPlan; migrationId: string }> {
  return changing.flatMap((sheet) =>
    sheet.migrations
      .filter((m) => sheet.columnsToAdd.some((c) => c.migrationId === m.id) || sheet.blanksToFill.some((b) => b.migrationId === m.id))
      .map((m) => ({ sheet, migrationId: m.id })),
  );
}

/** Cells an apply sets for one migration on one sheet: headers, initialised rows, blanks filled. */
function cellsChangedBy(sheet: SheetPlan, migrationId: string): number {
  const added = sheet.columnsToAdd.filter((c) => c.migrationId === migrationId);
  const fills = sheet.blanksToFill.filter((b) => b.migrationId === migrationId);
  return added.reduce((sum, c) => sum + 1 + c.rowsInitialised, 0) + fills.reduce((sum, f) => sum + f.cells, 0);
}

function historyEntries(context: ExecutionContext, changing: readonly SheetPlan[], started: number, outcome: string): HistoryEntry[] {
  const time = context.isoNow();
  const user = context.userLabel();
  const durationMs = context.services.now() - started;
  return touchedMigrations(changing).map(({ sheet, migrationId }) => {
    const added = sheet.columnsToAdd.filter((c) => c.migrationId === migrationId);
    const parts = [
      ...(added.length > 0 ? [`${columnSpan(added[0].index, added.length)}: ${added.map((c) => c.header).join(', ')}`] : []),
      ...sheet.blanksToFill.filter((b) => b.migrationId === migrationId).map((f) => `filled ${f.cells} blank cells in ${f.letter} (${f.header})`),
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

function appliedResult(context: ExecutionContext, changing: readonly SheetPlan[], started: number): ApplyResult {
  const durationMs = context.services.now() - started;
  const columnsAdded = changing.flatMap((s) => s.columnsToAdd.map((c) => ({ sheet: s.sheet, letter: c.letter, header: c.header })));
  const cellsChanged = touchedMigrations(changing).reduce((sum, { sheet, migrationId }) => sum + cellsChangedBy(sheet, migrationId), 0);
  const done = changing.flatMap((sheet) => describeSheetChanges(sheet, 'done'));
  return {
    status: 'applied',
    summary: [...done, `${cellsChanged.toLocaleString('en-US')} cells written in ${(durationMs / 1000).toFixed(1)} s.`].join('\n'),
    columnsAdded,
    cellsChanged,
    durationMs,
  };
}
