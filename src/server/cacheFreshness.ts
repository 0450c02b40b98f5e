/**
 * Cache freshness on edits: the change and edit triggers drop cached column maps a structural
 * change or a header edit may have outdated, without reading any sheet.
 */

import { mappedSheets } from '../core/schema';
import type { ExecutionContext } from './context';

/** Change types that can move or rename header cells. Row inserts/deletes are left to the hourly check. */
const STRUCTURAL_CHANGES: ReadonlySet<string> = new Set([
  'INSERT_COLUMN',
  'REMOVE_COLUMN',
  'INSERT_GRID',
  'REMOVE_GRID',
  'OTHER',
]);

/**
 * Installable onChange: drops column maps without reading any sheet. The event does not say which
 * sheet changed; the active sheet is the usual answer (OBSERVED), and when it has no map — or for
 * sheets added or removed — every map goes (one cache call; the next use rebuilds with one read).
 */
export function invalidateForChange(context: ExecutionContext, changeType: unknown): string[] {
  if (typeof changeType !== 'string' || !STRUCTURAL_CHANGES.has(changeType)) return [];
  const mapped = mappedSheets(context.declaration).map((s) => s.sheet);
  const active = changeType.endsWith('_GRID') ? null : activeSheetName(context);
  const maps = context.columnMaps();
  if (active !== null && mapped.includes(active)) {
    maps.invalidate(active);
    return [active];
  }
  maps.invalidateAll();
  return mapped;
}

function activeSheetName(context: ExecutionContext): string | null {
  try {
    return context.spreadsheet().getActiveSheet().getName();
  } catch {
    return null;
  }
}

/** Simple onEdit: an edit touching the header row of a sheet with a column map drops that map. Navigation calls only. */
export function invalidateForEdit(context: ExecutionContext, range: GoogleAppsScript.Spreadsheet.Range): string | null {
  const sheetName = range.getSheet().getName();
  const mapped = mappedSheets(context.declaration).find((s) => s.sheet === sheetName);
  if (mapped === undefined || range.getRow() > mapped.headerRow || range.getLastRow() < mapped.headerRow) return null;
  context.columnMaps().invalidate(sheetName);
  return sheetName;
}
