/**
 * A check that cannot read the in-progress marker (another user's apply; an hourly run without
 * document context) still sees a half-finished apply in the sheet itself: an apply fills each new
 * column from the first data row down in one call, so one killed after the headers landed leaves
 * the first data row blank under declared columns that have a default. The check reads that row
 * with the header row (same call) and reports it pending; applying fills only blank cells, which
 * is exactly what the plan lists for such a sheet.
 */

import type { Finding } from '../shared/payloads';
import { a1 } from './columnLetters';
import type { HeaderAnalysis } from './headers';
import type { ManagedSheet } from './schema';

/** Declared columns with a default, present once in the header, whose first data row cell is blank. */
export function blankDefaultsFinding(
  managed: ManagedSheet,
  analysis: HeaderAnalysis,
  firstDataRow: readonly unknown[] | null,
): Finding | null {
  if (firstDataRow === null) return null;
  const blank = managed.migrations
    .flatMap((m) => m.addColumns)
    .filter((c) => c.default !== null)
    .flatMap((c) => {
      const columns = analysis.columnsByName.get(c.name) ?? [];
      return columns.length === 1 && firstDataRow[columns[0] - 1] === '' ? [{ name: c.name, column: columns[0] }] : [];
    })
    .sort((x, y) => x.column - y.column);
  if (blank.length === 0) return null;
  const row = managed.headerRow + 1;
  const first = blank[0].column;
  const last = blank[blank.length - 1].column;
  return {
    code: 'BLANK_DEFAULTS',
    message: `"${managed.sheet}" has blank cells in row ${row} under ${blank.map((b) => b.name).join(', ')}, where the schema's defaults belong: an apply may have been stopped part-way (for example another user's run cut off by Apps Script's 6-minute limit). Applying fills only the blank cells.`,
    location: a1(managed.sheet, row, first, 1, last - first + 1),
    params: { sheet: managed.sheet, row, columns: blank.map((b) => b.name).join(', ') },
  };
}
