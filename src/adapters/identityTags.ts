/**
 * Reads and writes column identity tags (developer metadata, src/core/identity.ts). Reading is
 * one find() for the whole spreadsheet, whatever the number of sheets, columns or rows: it returns
 * every metadata item, so the same call gives our tags and each sheet's used character budget.
 */
import { columnLetter } from '../core/columnLetters';
import { type ColumnTag, IDENTITY_KEY } from '../core/identity';
import type { CallMeter } from './meter';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface SheetMetadata {
  readonly tags: readonly ColumnTag[];
  /** Keys + values of all developer metadata located on the sheet or its rows/columns. */
  readonly characters: number;
}

export function readIdentityTags(spreadsheet: Spreadsheet, meter: CallMeter): Map<string, SheetMetadata> {
  const found = meter.call(() => spreadsheet.createDeveloperMetadataFinder().find());
  const bySheet = new Map<string, { tags: ColumnTag[]; characters: number }>();
  for (const item of found) {
    const location = item.getLocation();
    const range = location.getColumn() ?? location.getRow();
    if (range === null) continue;
    const name = range.getSheet().getName();
    const entry = bySheet.get(name) ?? { tags: [], characters: 0 };
    const value = item.getValue() ?? '';
    entry.characters += item.getKey().length + value.length;
    const column = location.getColumn();
    if (item.getKey() === IDENTITY_KEY && column !== null && column.getNumColumns() === 1)
      entry.tags.push({ column: column.getColumn(), identity: value });
    bySheet.set(name, entry);
  }
  return bySheet;
}

/** The whole column in A1 (`BP:BP`): navigation, no round trip. */
function columnRange(sheet: Sheet, column: number): GoogleAppsScript.Spreadsheet.Range {
  const letter = columnLetter(column);
  return sheet.getRange(`${letter}:${letter}`);
}

/** One call: the tag on the whole column (DOCUMENT visibility, the default of the key/value overload). */
export function tagColumn(sheet: Sheet, column: number, identity: string): void {
  columnRange(sheet, column).addDeveloperMetadata(IDENTITY_KEY, identity);
}

/** Undo of tagColumn (rollback only): removes our tag naming `identity` from that column. */
export function untagColumn(sheet: Sheet, column: number, identity: string): void {
  for (const item of columnRange(sheet, column).getDeveloperMetadata())
    if (item.getKey() === IDENTITY_KEY && item.getValue() === identity) item.remove();
}
