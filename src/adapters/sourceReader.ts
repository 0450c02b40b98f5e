/**
 * Reads the header row of each source sheet (the sheets union metrics read by name): two calls per
 * sheet whatever its row count (getLastColumn, one header-row read), nothing for a missing one. Its
 * tags come from the one find() that reads every sheet's (identityTags.ts).
 */
import { SOURCE_HEADER_ROW, type SourceSheet, type SourceSnapshot } from '../core/sourcePlan';
import type { SheetMetadata } from './identityTags';
import type { CallMeter } from './meter';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function readSourceSheets(
  spreadsheet: Spreadsheet,
  sources: readonly SourceSheet[],
  metadata: ReadonlyMap<string, SheetMetadata>,
  meter: CallMeter,
): (SourceSnapshot | null)[] {
  return sources.map(({ sheet: name }) => {
    const sheet = spreadsheet.getSheetByName(name);
    if (sheet === null) return null;
    const headers = readHeaderRow(sheet, SOURCE_HEADER_ROW, meter);
    const found = metadata.get(name);
    return { name, headers, tags: found?.tags ?? [], metadataCharacters: found?.characters ?? 0 };
  });
}

/** A header row up to the sheet's last used column: 2 calls, whatever the rows (none on an empty sheet). */
export function readHeaderRow(sheet: GoogleAppsScript.Spreadsheet.Sheet, row: number, meter: CallMeter): unknown[] {
  const lastColumn = meter.call(() => sheet.getLastColumn());
  return lastColumn === 0 ? [] : meter.read(() => sheet.getRange(row, 1, 1, lastColumn).getValues())[0];
}
