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
import type { WorkbookSnapshot } from '../core/snapshot';
import { addCosts, NO_COST, stepsCost, writeSteps, type WriteCost } from '../core/steps';
import { blockedMessage, describeSheetChanges } from '../core/summary';
import { appendHistory, createHistorySheet, HISTORY_CREATE_COST, HISTORY_HEADERS, HISTORY_SHEET } from '../adapters/history';
import { withDocumentLock } from '../adapters/lock';
import { CallMeter } from '../adapters/meter';
import { readWorkbook } from '../adapters/snapshotReader';
import { executeStep, RangeFiller, UndoLog } from '../adapters/stepExecutor';
import type { ApplyResult, HistoryEntry, SchemaPlan, SheetPlan } from '../shared/payloads';
import type { ExecutionContext } from './context';

type Workbook = WorkbookSnapshot & { historyExists: boolean };

export function previewSchema(context: ExecutionContext): SchemaPlan {
  return planFrom(context, read(context));
}

function read(context: ExecutionContext): Workbook {
  return readWorkbook(context.spreadsheet(), context.declaration, { protectionType: context.services.spreadsheetApp.ProtectionType });
}

function planFrom(context: ExecutionContext, workbook: Workbook): SchemaPlan {
  const plan = buildPlan(context.declaration, workbook, context.isoNow());
  const reads: WriteCost = { ...NO_COST, ...workbook.readCost };
  if (plan.status !== 'changes') return { ...plan, cost: reads };
  const changing = plan.sheets.filter((s) => s.status === 'changes');
  const steps = changing.flatMap((s) => writeSteps(s, managedSheet(context, s.sheet).headerRow));
  const entries = touchedMigrations(changing).length;
  const history: WriteCost = { spreadsheetCalls: entries + 1 /* flush */, cellsRead: 0, cellsWritten: entries * HISTORY_HEADERS.length, cellsChanged: entries * HISTORY_HEADERS.length };
  return { ...plan, cost: addCosts(reads, workbook.historyExists ? NO_COST : HISTORY_CREATE_COST, stepsCost(steps), history) };
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
    const workbook = read(context);
    const plan = planFrom(context, workbook);
    if (expectedFingerprint !== null && plan.fingerprint !== expectedFingerprint) throw new SchemaError('STALE_PLAN', STALE_PLAN_MESSAGE);
    if (plan.status === 'blocked') throw new SchemaError('BLOCKED', blockedMessage(plan));
    if (plan.status === 'up-to-date') {
      return { status: 'up-to-date', summary: 'Everything is up to date: nothing was written.', columnsAdded: [], cellsChanged: 0, durationMs: context.services.now() - started };
    }
    const changing = plan.sheets.filter((s) => s.status === 'changes');
    executeAll(context, changing, started);
    context.columnMaps().invalidateAll();
    return appliedResult(context, changing, started);
  });
}

function executeAll(context: ExecutionContext, changing: readonly SheetPlan[], started: number): void {
  const spreadsheet = context.spreadsheet();
  const meter = new CallMeter();
  const historySheet = spreadsheet.getSheetByName(HISTORY_SHEET) ?? createHistorySheet(spreadsheet, meter);
  const undo = new UndoLog();
  const filler = new RangeFiller(meter);
  try {
    for (const sheetPlan of changing) {
      const sheet = spreadsheet.getSheetByName(sheetPlan.sheet);
      if (sheet === null) throw new Error(`Sheet "${sheetPlan.sheet}" disappeared during the apply.`);
      for (const step of writeSteps(sheetPlan, managedSheet(context, sheetPlan.sheet).headerRow)) executeStep(sheet, step, meter, filler, undo);
    }
    meter.call(() => context.services.spreadsheetApp.flush());
    // Last, so history never records success for writes that did not all land.
    appendHistory(historySheet, historyEntries(context, changing, started, SUCCESS_OUTCOME), meter);
  } catch (error) {
    const rollback = undo.rollback();
    context.columnMaps().invalidateAll();
    const state = rollback.complete
      ? 'was rolled back: the sheet is as it was'
      : `could not be fully rolled back (${errorMessage(rollback.error)}): run "Extend schema" again to complete it — it only adds what is missing`;
    recordFailure(context, historySheet, changing, started, `failed, ${rollback.complete ? 'rolled back' : 'incomplete'}: ${errorMessage(error)}`);
    throw new Error(`Sheet Schema: the apply failed and ${state}. Cause: ${errorMessage(error)}`);
  }
}

function recordFailure(context: ExecutionContext, sheet: GoogleAppsScript.Spreadsheet.Sheet, changing: readonly SheetPlan[], started: number, outcome: string): void {
  try {
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

function historyEntries(context: ExecutionContext, changing: readonly SheetPlan[], started: number, outcome: string): HistoryEntry[] {
  const time = context.isoNow();
  const user = context.userLabel();
  const durationMs = context.services.now() - started;
  return touchedMigrations(changing).map(({ sheet, migrationId }) => {
    const added = sheet.columnsToAdd.filter((c) => c.migrationId === migrationId);
    const fills = sheet.blanksToFill.filter((b) => b.migrationId === migrationId);
    const parts = [
      ...(added.length > 0 ? [`${columnSpan(added[0].index, added.length)}: ${added.map((c) => c.header).join(', ')}`] : []),
      ...fills.map((f) => `filled ${f.cells} blank cells in ${f.letter} (${f.header})`),
    ];
    return {
      time,
      migrationId,
      sheet: sheet.sheet,
      description: sheet.migrations.find((m) => m.id === migrationId)?.description ?? '',
      columnsAdded: parts.join('; '),
      cellsWritten: added.reduce((sum, c) => sum + 1 + c.rowsInitialised, 0) + fills.reduce((sum, f) => sum + f.cells, 0),
      user,
      durationMs,
      outcome,
    };
  });
}

function appliedResult(context: ExecutionContext, changing: readonly SheetPlan[], started: number): ApplyResult {
  const durationMs = context.services.now() - started;
  const columnsAdded = changing.flatMap((s) => s.columnsToAdd.map((c) => ({ sheet: s.sheet, letter: c.letter, header: c.header })));
  const cellsChanged = historyEntries(context, changing, started, SUCCESS_OUTCOME).reduce((sum, e) => sum + e.cellsWritten, 0);
  const done = changing.flatMap(describeSheetChanges).map((line) => line.replace(/: add /, ': added ').replace(/: fill /, ': filled '));
  return {
    status: 'applied',
    summary: [...done, `${cellsChanged.toLocaleString('en-US')} cells written in ${(durationMs / 1000).toFixed(1)} s.`].join('\n'),
    columnsAdded,
    cellsChanged,
    durationMs,
  };
}
