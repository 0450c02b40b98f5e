/**
 * `_schema_history`: a hidden sheet with one row per migration per apply, like Flyway's
 * flyway_schema_history. Created by the first apply only — reading never creates it.
 */
import type { HistoryEntry } from '../shared/payloads';
import {
  type HeaderRepair,
  HISTORY_HEADERS,
  type HistoryLanguage,
  historyHeaders,
  historyLanguageOf,
  readHeaderRow,
} from './historyHeader';
import { outcomeCell, readOutcome } from './historyOutcome';
import type { CallMeter } from './meter';

export const HISTORY_SHEET = '_schema_history';

/**
 * insertSheet makes a 1000 × 26 grid (widely observed default, UNCONFIRMED): cells the first
 * apply adds to the spreadsheet, counted against the 10,000,000-cell limit by the planner.
 */
export const NEW_HISTORY_SHEET_CELLS = 1000 * 26;

export { HISTORY_HEADERS, HISTORY_HEADERS_ES, type HistoryLanguage, historyHeaders } from './historyHeader';

export interface HistoryRead {
  readonly exists: boolean;
  readonly entries: HistoryEntry[];
  /** A header row a person damaged (columns deleted, row 1 cleared or overwritten); null when intact or absent. */
  readonly headerRepair: HeaderRepair | null;
  /** The language of the header row, which new rows are written in (English when there is no sheet). */
  readonly language: HistoryLanguage;
  /** Only with `checkShape`: an interrupted first apply may have left the sheet empty or visible. */
  readonly shape: { readonly empty: boolean; readonly hidden: boolean } | null;
}

/**
 * The header row is always checked (one call the apply repeats: it repairs a damaged header
 * before appending). Entries are read only with `entries`; `previewOnly`: the apply does not
 * repeat that read (see CallMeter). Everything is read within the sheet's real size
 * (getDataRange), so a sheet a person narrowed or emptied is read, not an error.
 */
export function readHistory(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  meter: CallMeter,
  options: { previewOnly: boolean; checkShape: boolean; entries: boolean },
): HistoryRead {
  const sheet = spreadsheet.getSheetByName(HISTORY_SHEET);
  if (sheet === null) return { exists: false, entries: [], headerRepair: null, language: 'en', shape: null };
  const { repair: headerRepair, language } = readHeaderRow(sheet, meter);
  if (!options.entries && !options.checkShape)
    return { exists: true, entries: [], headerRepair, language, shape: null };
  const extent = meter.call(() => sheet.getDataRange(), options.previewOnly);
  const values = meter.read(() => extent.getValues(), options.previewOnly);
  // getDataRange() of an empty sheet is A1.
  const empty = values.length === 1 && values[0].length === 1 && values[0][0] === '';
  const shape = options.checkShape
    ? { empty, hidden: meter.call(() => sheet.isSheetHidden(), options.previewOnly) }
    : null;
  const rows = headerRepair?.insertRow ? values : values.slice(1);
  const entries = empty ? [] : rows.filter((row) => row.length > 1 && row[1] !== '').map(toEntry);
  return { exists: true, entries, headerRepair, language, shape };
}

/** Rows written since v4.1 hold a real date-time; older ones ISO text. Dates may come from another realm. */
function timeText(value: unknown): string {
  return Object.prototype.toString.call(value) === '[object Date]' ? (value as Date).toISOString() : String(value);
}

/** A row of a narrowed sheet lacks its last cells: they read as blank. */
function toEntry(cells: readonly unknown[]): HistoryEntry {
  const row = HISTORY_HEADERS.map((_, i) => (i < cells.length ? cells[i] : ''));
  const time = timeText(row[0]);
  return {
    time,
    migrationId: String(row[1]),
    sheet: String(row[2]),
    description: String(row[3]),
    columnsAdded: String(row[4]),
    cellsWritten: Number(row[5]) || 0,
    user: String(row[6]),
    durationMs: Number(row[7]) || 0,
    ...readOutcome(String(row[8])),
  };
}

function toRow(entry: HistoryEntry, language: HistoryLanguage): unknown[] {
  return [
    // A real date-time: the sheet sorts it and shows it in the spreadsheet's time zone.
    new Date(entry.time),
    entry.migrationId,
    entry.sheet,
    entry.description,
    entry.columnsAdded,
    entry.cellsWritten,
    entry.user,
    entry.durationMs,
    outcomeCell(entry, language),
  ];
}

/** Calls `createHistorySheet` makes when an active sheet exists (held equal to the emulator's count by a test). */
export const HISTORY_CREATE_CALLS = 5;

/**
 * Creates the hidden sheet with its first entries, last in the apply so a failed apply leaves no
 * history sheet behind (the undo log deletes it). Text format first so Sheets keeps ISO times and
 * ids as typed. insertSheet activates the new sheet; the operator's sheet is re-activated so the
 * apply does not jump them to a hidden tab.
 */
export function createHistorySheet(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  entries: readonly HistoryEntry[],
  meter: CallMeter,
  undo: { record(action: () => void): void },
  language: HistoryLanguage,
): void {
  const previous = activeSheetOrNull(spreadsheet);
  const sheet = meter.call(() => spreadsheet.insertSheet(HISTORY_SHEET, spreadsheet.getNumSheets()));
  undo.record(() => spreadsheet.deleteSheet(sheet));
  writeHeaderAnd(sheet, entries, meter, language);
  meter.call(() => sheet.hideSheet());
  if (previous !== null) meter.call(() => spreadsheet.setActiveSheet(previous));
}

/**
 * Text format first (columns B–I) so Sheets keeps ids as typed; column A keeps the automatic
 * format, which shows the date-times written there. Then the header and the entries in one write.
 */
function writeHeaderAnd(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  entries: readonly HistoryEntry[],
  meter: CallMeter,
  language: HistoryLanguage,
): void {
  const rows = [[...historyHeaders(language)], ...entries.map((entry) => toRow(entry, language))];
  meter.call(() => sheet.getRange('B:I').setNumberFormat('@'));
  meter.call(() => sheet.getRange(1, 1, entries.length + 1, HISTORY_HEADERS.length).setValues(rows));
}

/**
 * Finishes a history sheet an interrupted first apply left behind: writes the header (with the
 * entries, in `language`: the sheet is empty) into an empty one, hides a visible one. Returns
 * whether the entries were written.
 */
export function repairHistorySheet(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  repair: { writeHeader: boolean; hide: boolean },
  entries: readonly HistoryEntry[],
  { meter, language }: { readonly meter: CallMeter; readonly language: HistoryLanguage },
): boolean {
  if (repair.writeHeader) writeHeaderAnd(sheet, entries, meter, language);
  if (repair.hide) meter.call(() => sheet.hideSheet());
  return repair.writeHeader;
}

/** Executions without a UI (time-driven) may have no active sheet; then there is nothing to restore. */
function activeSheetOrNull(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
): GoogleAppsScript.Spreadsheet.Sheet | null {
  try {
    return spreadsheet.getActiveSheet();
  } catch {
    return null;
  }
}

/**
 * The language of the sheet's header (either language: an existing sheet keeps working whatever
 * language created it), or null when row 1 holds no header. One call.
 */
export function historyHeaderLanguage(sheet: GoogleAppsScript.Spreadsheet.Sheet): HistoryLanguage | null {
  const first = sheet.getRange(1, 1).getValues()[0][0];
  const language = historyLanguageOf([first]);
  return first === historyHeaders(language)[0] ? language : null;
}

/**
 * appendRow grows the grid as needed, one call per entry (an apply records one per migration).
 *
 * With `undo` (the apply's success rows): each row landed is recorded for rollback, so when a
 * later appendRow fails the rollback that undoes the data also removes the success rows already
 * written — history never records success for writes that were undone. The undo runs only on
 * rollback: it reads the sheet's last row and clears it if it is the entry appended (newest
 * first, so the last row is this entry's); anything else there fails the undo, which stops the
 * rollback with the data and its success row both in place.
 */
export function appendHistory(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  entries: readonly HistoryEntry[],
  meter: CallMeter,
  { language, undo }: { readonly language: HistoryLanguage; readonly undo?: { record(action: () => void): void } },
): void {
  for (const entry of entries) {
    const row = toRow(entry, language);
    meter.call(() => sheet.appendRow(row));
    undo?.record(() => {
      const last = sheet.getRange(sheet.getLastRow(), 1, 1, HISTORY_HEADERS.length);
      const found = last.getValues()[0];
      if (timeText(found[0]) !== entry.time || found[1] !== entry.migrationId || found[8] !== row[8]) {
        throw new Error(`the last row of ${HISTORY_SHEET} is not the entry this apply appended`);
      }
      last.clearContent();
    });
  }
}
