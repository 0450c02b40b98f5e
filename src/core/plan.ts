/**
 * The planner: snapshot in, plan out. Pure — the dry run shows exactly the object the apply
 * executes, and the plan's fingerprint lets the apply refuse a plan the sheet no longer matches.
 */

import type {
  Finding,
  HistoryEntry,
  InterruptedApply,
  MigrationStatus,
  PlannedBlankFill,
  PlannedColumn,
  PlanStatus,
  SchemaPlan,
  SheetPlan,
  UnfinishedApply,
} from '../shared/payloads';
import { a1, columnLetter, columnSpan, MAX_COLUMNS } from './columnLetters';
import { hashJson } from './fingerprint';
import { analyseHeaders, type HeaderAnalysis, nearDuplicatesOf, visibleText } from './headers';
import { type IdentityResolution, identitiesOf, resolveIdentities } from './identity';
import { claimedLocation, identityFindings, plannedTags, type SheetReading, unaddable } from './planIdentity';
import { declaredColumns, type ManagedSheet, numberFormatOf, type SchemaDeclaration } from './schema';
import { planSheetRules } from './sheetRulesPlan';
import type { CellBlock, ProtectionInfo, Rect, SheetSnapshot, WorkbookSnapshot } from './snapshot';

/** Google Sheets' limit on cells per spreadsheet. */
export const MAX_CELLS = 10_000_000;

/** The spreadsheet's cells now, and those of sheets the apply would create (the history sheet). */
export interface CellCount {
  readonly total: number;
  readonly created: number;
}

export const SUCCESS_OUTCOME = 'applied';

export function finding(code: string, message: string, location: string | null = null): Finding {
  return { code, message, location };
}

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
      ),
    ]);
  }
  if (snapshot.lastRow === 0 && snapshot.lastColumn === 0) {
    return emptyPlan(managed, snapshot, [
      finding(
        'EMPTY_SHEET',
        `Sheet "${managed.sheet}" is empty: row ${managed.headerRow} must hold its headers before columns can be added.`,
        a1(managed.sheet, managed.headerRow, 1),
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
      ),
    ]);
  }
  const resolution = resolveIdentities(identities, snapshot.headers, analysis, snapshot.tags ?? []);
  return planColumns({ managed, snapshot, analysis, resolution }, history, cells);
}

function planColumns(reading: SheetReading, history: readonly HistoryEntry[], cells: CellCount | null): SheetPlan {
  const { managed, snapshot, analysis, resolution } = reading;
  const dataRows = Math.max(0, snapshot.lastRow - managed.headerRow);
  const columnsToAdd: PlannedColumn[] = [];
  const blanksToFill: PlannedBlankFill[] = [];
  const blockedNames = unaddable(reading);
  let nextColumn = analysis.lastHeaderColumn + 1;
  for (const migration of managed.migrations) {
    for (const column of migration.addColumns) {
      const found = resolution.columns.get(column.name);
      const present = found === undefined ? undefined : [found.column];
      if (present === undefined && blockedNames.has(column.name)) continue;
      if (present === undefined) {
        columnsToAdd.push({
          migrationId: migration.id,
          index: nextColumn,
          letter: columnLetter(nextColumn),
          header: column.name,
          type: column.type,
          default: column.default,
          numberFormat: numberFormatOf(column),
          rowsInitialised: column.default === null ? 0 : dataRows,
        });
        nextColumn++;
      } else if (present.length === 1 && column.default !== null && snapshot.managedBlock !== null) {
        const rowRuns = blankRuns(snapshot.managedBlock, present[0]);
        if (rowRuns.length > 0) {
          blanksToFill.push({
            migrationId: migration.id,
            index: present[0],
            letter: columnLetter(present[0]),
            header: column.name,
            default: column.default,
            cells: rowRuns.reduce((sum, [first, last]) => sum + last - first + 1, 0),
            rowRuns,
          });
        }
      }
    }
  }
  const gridColumnsToInsert = Math.max(0, nextColumn - 1 - snapshot.maxColumns);
  const columnsToTag = plannedTags(reading, columnsToAdd);
  const present = (name: string) => resolution.columns.get(name)?.column;
  const rules = planSheetRules(managed, snapshot, present, columnsToAdd, blanksToFill);
  const hasWork =
    columnsToAdd.length > 0 || blanksToFill.length > 0 || columnsToTag.length > 0 || rules.changes.length > 0;
  const identity = identityFindings(reading, columnsToTag);
  const claimed = new Set([...resolution.columns.values()].map((c) => c.column));
  const errors = [
    ...duplicateFindings(managed, analysis),
    ...identity.errors,
    ...nearDuplicateFindings(managed, analysis).filter((f) => !claimedLocation(managed, claimed, f)),
    ...dataRightOfHeaders(managed, snapshot, analysis),
    ...(hasWork ? limitFindings(managed, snapshot, gridColumnsToInsert, cells) : []),
  ];
  const writeRects = plannedWriteRects(managed, snapshot, columnsToAdd, blanksToFill);
  const protection = protectionFindings(managed, snapshot.protections, writeRects, gridColumnsToInsert > 0);
  const allErrors = [...errors, ...protection.errors, ...rules.errors];
  return {
    sheet: managed.sheet,
    status: statusOf(allErrors.length > 0, hasWork),
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
    migrations: migrationStatuses(managed, resolution, columnsToAdd, blanksToFill, history),
    warnings: [
      ...identity.renamed,
      ...headerWarnings(managed, snapshot, analysis),
      ...protection.warnings,
      ...rules.warnings,
    ],
    errors: allErrors,
  };
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

/** Inclusive sheet-row runs of truly empty cells (no value and no formula) in one column. */
export function blankRuns(block: CellBlock, column: number): Array<[number, number]> {
  const offset = column - block.firstColumn;
  const runs: Array<[number, number]> = [];
  block.values.forEach((row, i) => {
    if (row[offset] !== '' || block.formulas[i][offset] !== '') return;
    const sheetRow = block.firstRow + i;
    const last = runs[runs.length - 1];
    if (last !== undefined && last[1] === sheetRow - 1) last[1] = sheetRow;
    else runs.push([sheetRow, sheetRow]);
  });
  return runs;
}

function duplicateFindings(managed: ManagedSheet, analysis: HeaderAnalysis): Finding[] {
  return analysis.duplicates.map(({ name, columns }) => {
    const cells = columns.map((c) => a1(null, managed.headerRow, c));
    return finding(
      'DUPLICATE_HEADER',
      `Header "${visibleText(name)}" appears ${columns.length} times in "${managed.sheet}" (${cells.join(', ')}). Columns are found by name, so this is ambiguous: rename or remove all but one.`,
      a1(managed.sheet, managed.headerRow, columns[1]),
    );
  });
}

function nearDuplicateFindings(managed: ManagedSheet, analysis: HeaderAnalysis): Finding[] {
  return managed.migrations.flatMap((migration) =>
    migration.addColumns.flatMap((column) =>
      nearDuplicatesOf(column.name, analysis).map((cell) =>
        finding(
          'NEAR_DUPLICATE_HEADER',
          `${a1(managed.sheet, managed.headerRow, cell.column)} holds "${visibleText(cell.text)}", which looks like the managed column "${column.name}" but is not exactly it (case, spaces or invisible/look-alike characters). Rename it to exactly "${column.name}" or remove it, so the column is not added twice.`,
          a1(managed.sheet, managed.headerRow, cell.column),
        ),
      ),
    ),
  );
}

function dataRightOfHeaders(managed: ManagedSheet, snapshot: SheetSnapshot, analysis: HeaderAnalysis): Finding[] {
  if (snapshot.lastColumn <= analysis.lastHeaderColumn) return [];
  const cell = firstNonEmptyCell(snapshot.rightOfHeaders) ?? {
    row: managed.headerRow + 1,
    column: analysis.lastHeaderColumn + 1,
  };
  const location = a1(managed.sheet, cell.row, cell.column);
  return [
    finding(
      'DATA_WITHOUT_HEADER',
      `${location} holds data, but column ${columnLetter(cell.column)} has no header in row ${managed.headerRow}. New columns go right of the last header (${columnLetter(analysis.lastHeaderColumn)}), where they would land on this data. Give that column a header or move the data, then preview again.`,
      location,
    ),
  ];
}

function firstNonEmptyCell(block: CellBlock | null): { row: number; column: number } | null {
  if (block === null) return null;
  for (let i = 0; i < block.values.length; i++) {
    const j = block.values[i].findIndex((value, k) => value !== '' || block.formulas[i][k] !== '');
    if (j >= 0) return { row: block.firstRow + i, column: block.firstColumn + j };
  }
  return null;
}

function limitFindings(
  managed: ManagedSheet,
  snapshot: SheetSnapshot,
  gridColumnsToInsert: number,
  cells: CellCount | null,
): Finding[] {
  const columnsAfter = snapshot.maxColumns + gridColumnsToInsert;
  if (columnsAfter > MAX_COLUMNS) {
    return [
      finding(
        'COLUMN_LIMIT',
        `"${managed.sheet}" would need ${columnsAfter.toLocaleString('en-US')} columns, over Google Sheets' limit of ${MAX_COLUMNS.toLocaleString('en-US')} (column ZZZ). Delete unused columns first.`,
        managed.sheet,
      ),
    ];
  }
  if (cells === null) return [];
  const cellsAfter = cells.total + cells.created + gridColumnsToInsert * snapshot.maxRows;
  if (cellsAfter <= MAX_CELLS) return [];
  const created =
    cells.created > 0
      ? ` (including ${cells.created.toLocaleString('en-US')} cells of the history sheet the first apply creates)`
      : '';
  return [
    finding(
      'CELL_LIMIT',
      `Adding ${gridColumnsToInsert} columns to "${managed.sheet}" (${snapshot.maxRows.toLocaleString('en-US')} rows) would bring the spreadsheet to ${cellsAfter.toLocaleString('en-US')} cells${created}, over Google Sheets' limit of ${MAX_CELLS.toLocaleString('en-US')}. Delete unused rows, columns or sheets first.`,
      managed.sheet,
    ),
  ];
}

/** Every rectangle the apply will write to (values or formats). */
function plannedWriteRects(
  managed: ManagedSheet,
  snapshot: SheetSnapshot,
  columnsToAdd: readonly PlannedColumn[],
  blanksToFill: readonly PlannedBlankFill[],
): Rect[] {
  const rects: Rect[] = [];
  if (columnsToAdd.length > 0) {
    const rows = Math.max(snapshot.maxRows, managed.headerRow);
    rects.push({ row: 1, column: columnsToAdd[0].index, rows, columns: columnsToAdd.length });
  }
  for (const fill of blanksToFill) {
    for (const [first, last] of fill.rowRuns)
      rects.push({ row: first, column: fill.index, rows: last - first + 1, columns: 1 });
  }
  return rects;
}

function intersects(a: Rect, b: Rect): boolean {
  return (
    a.row < b.row + b.rows &&
    b.row < a.row + a.rows &&
    a.column < b.column + b.columns &&
    b.column < a.column + a.columns
  );
}

function protectionFindings(
  managed: ManagedSheet,
  protections: readonly ProtectionInfo[],
  writes: readonly Rect[],
  growsGrid: boolean,
): { errors: Finding[]; warnings: Finding[] } {
  const errors: Finding[] = [];
  const warnings: Finding[] = [];
  for (const protection of protections) {
    const hit =
      writes.some((rect) => intersects(rect, protection)) ||
      (protection.wholeSheet && (growsGrid || writes.length > 0));
    if (!hit) continue;
    const where = protection.wholeSheet
      ? `Sheet "${managed.sheet}"`
      : a1(managed.sheet, protection.row, protection.column, protection.rows, protection.columns);
    const label = protection.description ? ` ("${visibleText(protection.description)}")` : '';
    if (protection.warningOnly) {
      warnings.push(
        finding(
          'PROTECTED_WARNING',
          `${where} is protected with a warning only${label}; the apply will write there.`,
          where,
        ),
      );
    } else if (!protection.canEdit) {
      errors.push(
        finding(
          'PROTECTED_RANGE',
          `${where} is protected${label} and you are not allowed to edit it, but the new columns need to be written there. Ask the owner to add you as an editor of that protection (or to apply the schema), then try again.`,
          where,
        ),
      );
    }
  }
  return { errors, warnings };
}

function headerWarnings(managed: ManagedSheet, snapshot: SheetSnapshot, analysis: HeaderAnalysis): Finding[] {
  const row = managed.headerRow;
  const warnings = analysis.blankColumns.map((column) =>
    finding(
      'BLANK_HEADER',
      `${a1(managed.sheet, row, column)} is a blank header between named columns. Sheet Schema leaves it as it is (it never fills header gaps); code cannot find that column by name.`,
      a1(managed.sheet, row, column),
    ),
  );
  for (const cell of analysis.nonTextCells) {
    warnings.push(
      finding(
        'NON_TEXT_HEADER',
        `${a1(managed.sheet, row, cell.column)} holds ${cell.value}, not a header name; it cannot be found by name.`,
        a1(managed.sheet, row, cell.column),
      ),
    );
  }
  for (const cell of analysis.errorCells) {
    warnings.push(
      finding(
        'ERROR_HEADER',
        `${a1(managed.sheet, row, cell.column)} shows the error ${cell.text} instead of a header name.`,
        a1(managed.sheet, row, cell.column),
      ),
    );
  }
  if (snapshot.hidden)
    warnings.push(finding('HIDDEN_SHEET', `Sheet "${managed.sheet}" is hidden; it is still managed.`, managed.sheet));
  return warnings;
}

function migrationStatuses(
  managed: ManagedSheet,
  resolution: IdentityResolution,
  columnsToAdd: readonly PlannedColumn[],
  blanksToFill: readonly PlannedBlankFill[],
  history: readonly HistoryEntry[],
): MigrationStatus[] {
  return managed.migrations.map((migration) => {
    const missing = columnsToAdd.filter((c) => c.migrationId === migration.id).length;
    const blanks = blanksToFill.some((b) => b.migrationId === migration.id);
    const applied = history.find(
      (h) => h.migrationId === migration.id && h.sheet === managed.sheet && h.outcome === SUCCESS_OUTCOME,
    );
    const present = migration.addColumns.some((c) => resolution.columns.has(c.name));
    let state: MigrationStatus['state'];
    if (!present) state = 'pending';
    else if (missing > 0 || blanks) state = 'partial';
    else state = applied ? 'applied' : 'applied-outside';
    return { id: migration.id, description: migration.description, state, appliedAt: applied?.time ?? null };
  });
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
    const plan = planSheet(managed, workbook.sheets[i] ?? null, workbook.history, workbook.cells, identities);
    return interrupted?.migrations.some((m) => m.sheet === managed.sheet)
      ? { ...plan, warnings: [interruptedFinding(interrupted, managed.sheet), ...plan.warnings] }
      : plan;
  });
  const blocked = sheets.some((s) => s.status === 'blocked');
  const changes = sheets.some((s) => s.status === 'changes') || interrupted !== null;
  const status: PlanStatus = blocked ? 'blocked' : changes ? 'changes' : 'up-to-date';
  return {
    fingerprint: planFingerprint(sheets, interrupted),
    generatedAt,
    spreadsheetName: workbook.spreadsheetName,
    status,
    sheets,
    history: [...workbook.history].reverse().slice(0, 10),
    interrupted,
  };
}

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

export function interruptedFinding(interrupted: InterruptedApply, sheet: string): Finding {
  return finding(
    'INTERRUPTED_APPLY',
    `An apply started ${interrupted.startedAt.slice(0, 16).replace('T', ' ')} UTC by ${interrupted.user} was stopped before it finished (for example by Apps Script's 6-minute limit). Applying completes it: only missing columns and blank cells are written, and history records it.`,
    sheet,
  );
}

/**
 * Identity of what the apply would do: two previews with the same fingerprint write the same
 * cells. Edits that do not change the plan (a value in column C) keep it; any that do (a new
 * row, a renamed header, a filled blank) change it.
 */
export function planFingerprint(sheets: readonly SheetPlan[], interrupted: UnfinishedApply | null): string {
  return hashJson({
    sheets: sheets.map((s) => ({
      sheet: s.sheet,
      status: s.status,
      lastRow: s.lastRow,
      lastColumn: s.lastColumn,
      grid: [s.gridColumns, s.gridColumnsToInsert],
      add: s.columnsToAdd,
      fill: s.blanksToFill,
      rules: s.rules,
      tag: s.columnsToTag,
      errors: s.errors.map((e) => [e.code, e.location]),
    })),
    interrupted,
  });
}

export function describeColumns(columns: readonly PlannedColumn[]): string {
  return columns.length === 0
    ? ''
    : `${columnSpan(columns[0].index, columns.length)} (${columns.map((c) => c.header).join(', ')})`;
}
