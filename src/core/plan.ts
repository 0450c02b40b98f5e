/**
 * The planner: snapshot in, plan out. Pure — the dry run shows exactly the object the apply
 * executes, and the plan's fingerprint lets the apply refuse a plan the sheet no longer matches.
 * The parts live beside it: columnPlan (adds, fills, migration states), headerFindings (shared
 * with drift), planLimits (grid limits, protections), unfinishedApply, planDigest (fingerprint).
 */

import type { Finding, HistoryEntry, PlanStatus, SchemaPlan, SheetPlan, UnfinishedApply } from '../shared/payloads';
import { a1 } from './columnLetters';
import { migrationStatuses, planColumnWork } from './columnPlan';
import { finding } from './finding';
import {
  dataRightOfHeaders,
  duplicateHeaderFindings,
  headerWarnings,
  nearDuplicateHeaderFindings,
} from './headerFindings';
import { analyseHeaders } from './headers';
import { identitiesOf, resolveIdentities } from './identity';
import { planFingerprint } from './planDigest';
import { identityFindings, plannedTags, type SheetReading } from './planIdentity';
import { type CellCount, limitFindings, plannedWriteRects, protectionFindings } from './planLimits';
import { declaredColumns, type ManagedSheet, type SchemaDeclaration } from './schema';
import { planSheetRules } from './sheetRulesPlan';
import type { SheetSnapshot, WorkbookSnapshot } from './snapshot';
import { planSourceSheet, sourceSheetsOf } from './sourcePlan';
import { interruptedFinding, unfinishedApply } from './unfinishedApply';

/**
 * @param identities the columns of this sheet the add-on manages or reads by name (declared and
 *   union-metric columns, `identitiesOf`): found by tag first, exact header second, and tagged.
 */
export function planSheet(
  managed: ManagedSheet,
  snapshot: SheetSnapshot | null,
  history: readonly HistoryEntry[],
  cells: CellCount | null,
  identities: readonly string[] = declaredColumns(managed).map((c) => c.name),
): SheetPlan {
  if (snapshot === null) {
    return emptyPlan(managed, null, [
      finding(
        'MISSING_SHEET',
        `Sheet "${managed.sheet}" was not found. Sheet Schema manages a sheet with exactly that name: rename the sheet back to "${managed.sheet}" or restore it, then preview again.`,
        null,
        { sheet: managed.sheet },
      ),
    ]);
  }
  if (snapshot.lastRow === 0 && snapshot.lastColumn === 0) {
    return emptyPlan(managed, snapshot, [
      finding(
        'EMPTY_SHEET',
        `Sheet "${managed.sheet}" is empty: row ${managed.headerRow} must hold its headers before columns can be added.`,
        a1(managed.sheet, managed.headerRow, 1),
        { sheet: managed.sheet, row: managed.headerRow },
      ),
    ]);
  }
  const analysis = analyseHeaders(snapshot.headers);
  if (analysis.lastHeaderColumn === 0) {
    return emptyPlan(managed, snapshot, [
      finding(
        'NO_HEADER_ROW',
        `Sheet "${managed.sheet}" has data but row ${managed.headerRow} holds no headers. Put the headers back in row ${managed.headerRow}.`,
        a1(managed.sheet, managed.headerRow, 1, 1, snapshot.lastColumn),
        { sheet: managed.sheet, row: managed.headerRow },
      ),
    ]);
  }
  const resolution = resolveIdentities(identities, snapshot.headers, analysis, snapshot.tags ?? []);
  return planColumns({ managed, snapshot, analysis, resolution }, history, cells);
}

function planColumns(reading: SheetReading, history: readonly HistoryEntry[], cells: CellCount | null): SheetPlan {
  const { managed, snapshot, resolution } = reading;
  const dataRows = Math.max(0, snapshot.lastRow - managed.headerRow);
  const work = planColumnWork(reading, dataRows);
  const { columnsToAdd, blanksToFill, gridColumnsToInsert } = work;
  const columnsToTag = plannedTags(reading, columnsToAdd);
  const present = (name: string) => resolution.columns.get(name)?.column;
  const rules = planSheetRules(managed, snapshot, present, columnsToAdd, blanksToFill);
  const hasWork =
    columnsToAdd.length > 0 || blanksToFill.length > 0 || columnsToTag.length > 0 || rules.changes.length > 0;
  const identity = identityFindings(reading, columnsToTag);
  const writeRects = plannedWriteRects(managed, snapshot, columnsToAdd, blanksToFill);
  const protection = protectionFindings(managed, snapshot.protections, writeRects, gridColumnsToInsert > 0);
  const errors = [
    ...headerErrors(reading, identity.errors),
    ...(hasWork ? limitFindings(managed, snapshot, gridColumnsToInsert, cells) : []),
    ...protection.errors,
    ...rules.errors,
  ];
  return {
    sheet: managed.sheet,
    status: statusOf(errors.length > 0, hasWork),
    lastRow: snapshot.lastRow,
    lastColumn: snapshot.lastColumn,
    dataRows,
    gridRows: snapshot.maxRows,
    gridColumns: snapshot.maxColumns,
    gridColumnsToInsert,
    columnsToAdd,
    blanksToFill,
    rules: rules.changes,
    columnsToTag,
    migrations: migrationStatuses(managed, resolution, work, history),
    warnings: [
      ...identity.renamed,
      ...headerWarnings(managed, snapshot, reading.analysis),
      ...protection.warnings,
      ...rules.warnings,
    ],
    errors,
  };
}

/** What in the header row blocks the apply; identity errors keep their place among them. */
function headerErrors(reading: SheetReading, identityErrors: readonly Finding[]): Finding[] {
  const { managed, snapshot, analysis, resolution } = reading;
  const claimed = new Set([...resolution.columns.values()].map((c) => c.column));
  return [
    ...duplicateHeaderFindings(managed, analysis, 'plan'),
    ...identityErrors,
    ...nearDuplicateHeaderFindings(managed, analysis, { audience: 'plan', skipColumns: claimed }),
    ...dataRightOfHeaders(managed, snapshot, analysis),
  ];
}

function statusOf(blocked: boolean, hasWork: boolean): PlanStatus {
  if (blocked) return 'blocked';
  return hasWork ? 'changes' : 'up-to-date';
}

function emptyPlan(managed: ManagedSheet, snapshot: SheetSnapshot | null, errors: Finding[]): SheetPlan {
  return {
    sheet: managed.sheet,
    status: 'blocked',
    lastRow: snapshot?.lastRow ?? 0,
    lastColumn: snapshot?.lastColumn ?? 0,
    dataRows: 0,
    gridRows: snapshot?.maxRows ?? 0,
    gridColumns: snapshot?.maxColumns ?? 0,
    gridColumnsToInsert: 0,
    columnsToAdd: [],
    blanksToFill: [],
    rules: [],
    columnsToTag: [],
    migrations: managed.migrations.map((m) => ({
      id: m.id,
      description: m.description,
      state: 'pending',
      appliedAt: null,
    })),
    warnings: [],
    errors,
  };
}

/** The whole dry run. `cost` is filled by the caller, who knows what the apply's I/O costs. */
export function buildPlan(
  declaration: SchemaDeclaration,
  workbook: WorkbookSnapshot,
  generatedAt: string,
): Omit<SchemaPlan, 'cost'> {
  const interrupted = unfinishedApply(workbook);
  const sheets = declaration.managedSheets.map((managed, i) => {
    const identities = identitiesOf(declaration, managed.sheet);
    return withInterrupted(
      planSheet(managed, workbook.sheets[i] ?? null, workbook.history, workbook.cells, identities),
      interrupted,
    );
  });
  const read = workbook.sources;
  const sources =
    read === undefined
      ? []
      : sourceSheetsOf(declaration).map((s, i) => withInterrupted(planSourceSheet(s, read[i] ?? null), interrupted));
  const blocked = sheets.some((s) => s.status === 'blocked');
  const changes =
    sheets.some((s) => s.status === 'changes') ||
    sources.some((s) => s.columnsToTag.length > 0) ||
    interrupted !== null;
  const status: PlanStatus = blocked ? 'blocked' : changes ? 'changes' : 'up-to-date';
  return {
    fingerprint: planFingerprint(sheets, interrupted, sources),
    generatedAt,
    spreadsheetName: workbook.spreadsheetName,
    status,
    sheets,
    sources,
    history: [...workbook.history].reverse().slice(0, 10),
    interrupted,
  };
}

/** A sheet (managed or source) an unfinished apply changed carries its finding first. */
function withInterrupted<P extends { readonly sheet: string; readonly warnings: readonly Finding[] }>(
  plan: P,
  interrupted: UnfinishedApply | null,
): P {
  return interrupted?.migrations.some((m) => m.sheet === plan.sheet)
    ? { ...plan, warnings: [interruptedFinding(interrupted, plan.sheet), ...plan.warnings] }
    : plan;
}
