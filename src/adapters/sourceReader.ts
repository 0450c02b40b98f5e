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
    const lastColumn = meter.call(() => sheet.getLastColumn());
    const headers =
      lastColumn === 0 ? [] : meter.read(() => sheet.getRange(SOURCE_HEADER_ROW, 1, 1, lastColumn).getValues())[0];
    const found = metadata.get(name);
    return { name, headers, tags: found?.tags ?? [], metadataCharacters: found?.characters ?? 0 };
  });
}
