/** Seeding a sheet model from plain rows (Emulator.seedSheet): values, formulas, formats, flags. */

import { isDate } from '../dates';
import type { SeedFormulaCell, SeedOptions } from '../types';
import { parseA1 } from './a1';
import type { SheetModel } from './model';
import type { CellValue } from './values';

function seedCell(v: unknown): { value: CellValue; formula?: string } {
  if (v === null || v === undefined) return { value: '' };
  if (isDate(v)) return { value: new Date(v.getTime()) };
  if (typeof v === 'object' && 'formula' in v) {
    const f = v as SeedFormulaCell;
    return { value: f.value === undefined ? '' : seedCell(f.value).value, formula: String(f.formula) };
  }
  return { value: typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : String(v) };
}

const isPrimitive = (v: unknown): boolean => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

export function seedInto(sheet: SheetModel, rows: unknown[][], options: SeedOptions): void {
  for (const [a1, fmt] of Object.entries(options.numberFormats ?? {})) {
    sheet.formats.set(parseA1(a1, sheet.maxRows, sheet.maxCols), fmt);
  }
  const values: CellValue[][] = [];
  const formulas: (string | undefined)[][] = [];
  for (const row of rows) {
    if (row.every(isPrimitive)) {
      values.push(row.slice() as CellValue[]);
      formulas.push([]);
      continue;
    }
    const cells = row.map(seedCell);
    values.push(cells.map((c) => c.value));
    formulas.push(cells.map((c) => c.formula));
  }
  sheet.grid.load(values, formulas);
  sheet.hidden = options.hidden ?? false;
  sheet.frozenRows = options.frozenRows ?? 0;
}
