/**
 * How an interrupted run is judged against the uninterrupted one (scripts/reliability/faultSweep.ts):
 * every sheet cell for cell, the new columns' number formats, no duplicate header, and
 * `_schema_history` with exactly the uninterrupted run's success rows.
 */
import type { Emulator } from '../../emulator';
import { changedCells, extent, type SheetState, sameInfo, type WorkbookState } from '../../emulator/harness/capture';
import { HISTORY_HEADERS, HISTORY_SHEET } from '../../src/adapters/history';
import { columnLetter } from '../../src/core/columnLetters';
import { SUCCESS_OUTCOME } from '../../src/core/unfinishedApply';

/** The data rows of the columns a sheet gained (where the apply sets number formats). */
export function newColumnsRange(before: SheetState | undefined, after: SheetState | undefined): string | null {
  const from = (before?.info?.lastColumn ?? 0) + 1;
  const to = after?.info?.lastColumn ?? 0;
  const maxRows = after?.info?.maxRows ?? 0;
  if (to < from || maxRows < 2) return null;
  return `${columnLetter(from)}2:${columnLetter(to)}${maxRows}`;
}

export function historyRows(emu: Emulator): unknown[][] {
  return emu.sheetNames().includes(HISTORY_SHEET) ? emu.readSheet(HISTORY_SHEET) : [];
}

export function successRows(rows: readonly (readonly unknown[])[]): number {
  return rows.filter((row, i) => i > 0 && row[8] === SUCCESS_OUTCOME).length;
}

/** "Operaciones/4.0-union-metrics, Uniones/4.0-union-metrics": the sheet and migration of every success row, sorted. */
function recordedSheets(rows: readonly (readonly unknown[])[]): string {
  return rows
    .filter((row, i) => i > 0 && row[8] === SUCCESS_OUTCOME)
    .map((row) => `${String(row[2])}/${String(row[1])}`)
    .sort()
    .join(', ');
}

export function duplicateHeaders(emu: Emulator, sheet: string): string[] {
  const seen = new Set<string>();
  const dups = new Set<string>();
  for (const cell of emu.readSheet(sheet)[0] ?? []) {
    if (cell === '') continue;
    const key = String(cell);
    if (seen.has(key)) dups.add(key);
    seen.add(key);
  }
  return [...dups];
}

export interface CleanResult {
  readonly after: WorkbookState;
  readonly formats: ReadonlyArray<{ sheet: string; range: string; formats: string[][] }>;
  readonly calls: number;
  readonly history: unknown[][];
}

/** Differences from the clean result of every sheet but _schema_history (and the count of pre-existing cells among them). */
export function dataDifferences(
  emu: Emulator,
  now: WorkbookState,
  before: WorkbookState,
  clean: CleanResult,
): { problems: string[]; cellsLost: number } {
  const problems: string[] = [];
  let cellsLost = 0;
  for (const [name, state] of before.sheets) {
    if (name === HISTORY_SHEET) continue;
    cellsLost += changedCells(now.sheets.get(name), clean.after.sheets.get(name), extent(state)).length;
  }
  if (cellsLost > 0) problems.push(`${cellsLost} pre-existing cell(s) differ from the uninterrupted result`);
  const names = (state: WorkbookState) => JSON.stringify(state.names.filter((n) => n !== HISTORY_SHEET));
  if (names(now) !== names(clean.after)) problems.push(`sheets ${names(now)}, uninterrupted ${names(clean.after)}`);
  for (const [name, cleanState] of clean.after.sheets) {
    if (name === HISTORY_SHEET) continue;
    const got = now.sheets.get(name);
    if (!sameInfo(got, cleanState))
      problems.push(`${name}: grid ${JSON.stringify(got?.info)}, uninterrupted ${JSON.stringify(cleanState.info)}`);
    const diff = changedCells(got, cleanState).length;
    if (diff > 0) problems.push(`${name}: ${diff} cell(s) differ from the uninterrupted result`);
  }
  for (const { sheet, range, formats } of clean.formats) {
    if (
      !emu.sheetNames().includes(sheet) ||
      JSON.stringify(emu.readNumberFormats(sheet, range)) !== JSON.stringify(formats)
    ) {
      problems.push(`${sheet}!${range}: number formats differ from the uninterrupted result`);
    }
  }
  return { problems, cellsLost };
}

/** Every sheet but _schema_history has the same values, formulas and grid in both states. */
export function sameData(a: WorkbookState, b: WorkbookState): boolean {
  const names = (state: WorkbookState) => state.names.filter((n) => n !== HISTORY_SHEET);
  if (JSON.stringify(names(a)) !== JSON.stringify(names(b))) return false;
  return names(a).every((name) => {
    const x = a.sheets.get(name);
    const y = b.sheets.get(name);
    return sameInfo(x, y) && changedCells(x, y).length === 0;
  });
}

export function historyDifferences(emu: Emulator, clean: CleanResult): string[] {
  if (clean.history.length === 0) return [];
  const info = emu.sheetInfo(HISTORY_SHEET);
  if (info === null) return [`${HISTORY_SHEET} is missing`];
  const rows = historyRows(emu);
  const problems: string[] = [];
  if (!info.hidden) problems.push(`${HISTORY_SHEET} is visible`);
  if (JSON.stringify(rows[0]) !== JSON.stringify([...HISTORY_HEADERS]))
    problems.push(`${HISTORY_SHEET} row 1 is not its header row`);
  const expected = successRows(clean.history);
  if (successRows(rows) !== expected)
    problems.push(`${HISTORY_SHEET} records ${successRows(rows)} success row(s), the uninterrupted run ${expected}`);
  // The same count can hide a sheet's row missing and another's twice (Uniones' tags beside Operaciones).
  else if (recordedSheets(rows) !== recordedSheets(clean.history))
    problems.push(
      `${HISTORY_SHEET} records success for ${recordedSheets(rows)}, the uninterrupted run ${recordedSheets(clean.history)}`,
    );
  return problems;
}
