/**
 * Dry run and apply. The apply re-plans under the document lock, refuses a plan the operator
 * did not see, executes the plan's steps (one call each), records history, and on any failure
 * rolls back what it wrote, so the sheet is as it was or — if the rollback itself fails — in a
 * state the next run completes.
 */

import { ApplyJournal } from '../adapters/applyJournal';
import { HISTORY_CREATE_CALLS, HISTORY_HEADERS, HISTORY_SHEET, type HistoryLanguage } from '../adapters/history';
import { damageFinding, type HeaderRepair, repairCost } from '../adapters/historyHeader';
import { withDocumentLock } from '../adapters/lock';
import { CallMeter } from '../adapters/meter';
import { executeRuleStep } from '../adapters/ruleStepExecutor';
import { type ReadMode, readWorkbook, type Workbook } from '../adapters/snapshotReader';
import { executeStep, RangeFiller, UndoLog } from '../adapters/stepExecutor';
import { errorMessage, SchemaError, STALE_PLAN_MESSAGE } from '../core/errors';
import type { Logger } from '../core/logger';
import { buildPlan } from '../core/plan';
import { isRuleStep, sheetSteps, sheetStepsCost } from '../core/ruleSteps';
import type { ManagedSheet } from '../core/schema';
import { addCosts, NO_COST, type WriteCost } from '../core/steps';
import { blockedMessage, describeSheetChanges } from '../core/summary';
import type { ApplyResult, SchemaPlan } from '../shared/payloads';
import { failedApply } from './applyFailure';
import {
  type ApplyRecord,
  bestEffort,
  cellsChangedBy,
  changingSheets,
  headerToRepair,
  migrationsToRecord,
  recordFailure,
  recordSuccess,
  touchedMigrations,
} from './applyHistory';
import type { ExecutionContext } from './context';
import { operatorMessages } from './locale';
import { allSourceSteps, executeSourceSteps, sourceMarkerEntries, sourceSummaries } from './sourceApply';

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
    // Texts written into the sheet (notes, help texts) speak the language of the operator applying.
    language: operatorMessages(context.services.session).language,
  };
  return readWorkbook(context.spreadsheet(), context.declaration, options);
}

function planFrom(context: ExecutionContext, workbook: Workbook): SchemaPlan {
  const plan = withHistoryDamage(buildPlan(context.declaration, workbook, context.isoNow()), workbook);
  const reads: WriteCost = { ...NO_COST, ...workbook.readCost };
  if (plan.status !== 'changes') return { ...plan, cost: reads };
  const steps = [
    ...changingSheets(plan).flatMap((s) => sheetSteps(s, managedSheet(context, s.sheet).headerRow)),
    ...allSourceSteps(plan),
  ];
  const flush: WriteCost = { ...NO_COST, spreadsheetCalls: 1 };
  // One history row per managed migration to record, and one per source sheet the marker names.
  const entries = migrationsToRecord(plan).length + sourceMarkerEntries(plan).length;
  return {
    ...plan,
    cost: addCosts(
      reads,
      sheetStepsCost(steps),
      flush,
      historyCost(entries, workbook.historyExists, plan.interrupted?.historyRepair ?? null),
      repairCost(headerToRepair(plan, workbook.historyHeaderRepair)),
    ),
  };
}

/**
 * A damaged `_schema_history` is named in the preview (on the first sheet's warnings) and does not
 * stop it; a sheet an interrupted first apply left empty is explained by that apply's finding.
 */
function withHistoryDamage<P extends Pick<SchemaPlan, 'sheets' | 'interrupted'>>(plan: P, workbook: Workbook): P {
  const repair = headerToRepair(plan, workbook.historyHeaderRepair);
  if (repair === null || plan.sheets.length === 0) return plan;
  const [first, ...rest] = plan.sheets;
  return { ...plan, sheets: [{ ...first, warnings: [...first.warnings, damageFinding(repair)] }, ...rest] };
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

/** How an apply was asked for: a plan the operator confirmed, or auto-repair, which confirms nothing. */
type ApplyMode =
  | { readonly confirmed: string }
  | {
      /** Why the change is made without an operator's dialog; shown in history's user column. */
      readonly autoRepair: { readonly actorNote: string };
    };

/** Applies the plan the operator confirmed (`expectedFingerprint`), refusing any other. */
export function applySchema(context: ExecutionContext, expectedFingerprint: string): ApplyResult {
  return apply(context, { confirmed: expectedFingerprint });
}

/** Applies whatever is pending, checked in full under the lock (the scheduled check's auto-repair). */
export function autoRepairSchema(context: ExecutionContext, options: { readonly actorNote: string }): ApplyResult {
  return apply(context, { autoRepair: options });
}

function apply(context: ExecutionContext, mode: ApplyMode): ApplyResult {
  return withDocumentLock(context.services, () => {
    const started = context.services.now();
    const { plan, markerSet, historyHeader, historyLanguage } = planUnderLock(context, mode);
    // Blocked under the lock: the sheet changed since the preview (a race); the count lets the menu say so.
    if (plan.status === 'blocked')
      throw new SchemaError('BLOCKED', blockedMessage(plan), { n: plan.sheets.flatMap((s) => s.errors).length });
    if (plan.status === 'up-to-date') {
      // Up to date with a marker set: its run finished (history recorded) but was stopped before clearing it.
      if (markerSet)
        bestEffort(context.services.logger, 'clear a stale apply-in-progress marker', () => journalOf(context).clear());
      return {
        status: 'up-to-date',
        summary: 'Everything is up to date: nothing was written.',
        columnsAdded: [],
        cellsChanged: 0,
        durationMs: context.services.now() - started,
      };
    }
    const user = context.userLabel('autoRepair' in mode ? mode.autoRepair.actorNote : null);
    executeAll(context, { plan, started, historyHeader, historyLanguage, user });
    forgetColumnMaps(context);
    return appliedResult(context, plan, started);
  });
}

interface PlannedUnderLock {
  readonly plan: SchemaPlan;
  readonly markerSet: boolean;
  readonly historyHeader: HeaderRepair | null;
  readonly historyLanguage: HistoryLanguage;
}

/**
 * A confirmed plan was checked in full by its preview, so the lock re-reads only what the writes
 * depend on. Any mismatch gets the full read, to refuse with the real reason: blocked, or stale.
 * Without a confirmed plan (auto-repair) everything is checked here.
 */
function planUnderLock(context: ExecutionContext, mode: ApplyMode): PlannedUnderLock {
  const planned = (mode: ReadMode): PlannedUnderLock => {
    const workbook = read(context, mode);
    return {
      plan: planFrom(context, workbook),
      markerSet: workbook.interrupted !== null,
      historyHeader: workbook.historyHeaderRepair,
      historyLanguage: workbook.historyLanguage,
    };
  };
  if (!('confirmed' in mode)) return planned('preview');
  const confirmed = planned('apply');
  if (confirmed.plan.fingerprint === mode.confirmed) return confirmed;
  const full = planned('preview');
  if (full.plan.status === 'blocked') return full;
  throw new SchemaError('STALE_PLAN', STALE_PLAN_MESSAGE);
}

function executeAll(context: ExecutionContext, run: Omit<ApplyRecord, 'toRecord'>): void {
  const { plan } = run;
  const spreadsheet = context.spreadsheet();
  const meter = new CallMeter();
  const undo = new UndoLog();
  const filler = new RangeFiller(meter);
  const toRecord = migrationsToRecord(plan);
  const record: ApplyRecord = { ...run, toRecord };
  const journal = journalOf(context);
  // Before the first write: if this execution is killed, the next run knows to complete it.
  journal.write({
    startedAt: context.isoNow(),
    user: run.user,
    migrations: [
      ...toRecord.map(({ sheet, migrationId }) => ({ sheet: sheet.sheet, migrationId })),
      ...sourceMarkerEntries(plan),
    ],
  });
  let current = '';
  const env = { meter, undo, spreadsheetApp: context.services.spreadsheetApp };
  try {
    for (const sheetPlan of changingSheets(plan)) {
      current = sheetPlan.sheet;
      const sheet = spreadsheet.getSheetByName(sheetPlan.sheet);
      if (sheet === null)
        throw new SchemaError('SHEET_NOT_FOUND', `Sheet "${sheetPlan.sheet}" disappeared during the apply.`, {
          sheet: sheetPlan.sheet,
        });
      for (const step of sheetSteps(sheetPlan, managedSheet(context, sheetPlan.sheet).headerRow)) {
        if (isRuleStep(step)) executeRuleStep(sheet, step, env);
        else executeStep(sheet, step, meter, filler, undo);
      }
    }
    executeSourceSteps(spreadsheet, plan, { meter, filler, undo, writing: (name) => (current = name) });
    current = HISTORY_SHEET;
    meter.call(() => context.services.spreadsheetApp.flush());
    // Last, so history never records success for writes that did not all land.
    recordSuccess(context, record, { meter, undo });
  } catch (error) {
    const rollback = undo.rollback();
    forgetColumnMaps(context);
    if (rollback.complete) restoreJournal(context.services.logger, journal, plan);
    const failed = failedApply(error, rollback, current);
    recordFailure(context, record, failed.outcome);
    throw failed.error;
  }
  bestEffort(context.services.logger, 'clear the apply-in-progress marker', () => journal.clear());
}

/** After a complete rollback the sheet is as before this apply: so is the marker (that of an earlier interrupted apply, or none). */
function restoreJournal(logger: Logger, journal: ApplyJournal, plan: SchemaPlan): void {
  bestEffort(logger, 'restore the apply-in-progress marker', () => {
    if (plan.interrupted === null) journal.clear();
    else
      journal.write({
        startedAt: plan.interrupted.startedAt,
        user: plan.interrupted.user,
        migrations: plan.interrupted.migrations,
      });
  });
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
    context.services.logger.warn(`Sheet Schema: could not clear the cached column maps: ${errorMessage(error)}`);
  }
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
  const done = changing.flatMap((sheet) => describeSheetChanges(sheet));
  const completed =
    plan.interrupted === null
      ? []
      : [`Completed the apply stopped at ${plan.interrupted.startedAt} and recorded it in history.`];
  return {
    status: 'applied',
    summary: [
      ...done,
      ...sourceSummaries(plan),
      ...completed,
      `${cellsChanged.toLocaleString('en-US')} cells written in ${(durationMs / 1000).toFixed(1)} s.`,
    ].join('\n'),
    columnsAdded,
    cellsChanged,
    durationMs,
  };
}
