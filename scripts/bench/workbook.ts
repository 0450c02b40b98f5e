/**
 * The benchmark's sizes. Its workbooks come from the shared builder (emulator/harness/workbooks.ts,
 * `alone: true`): a v3.0 Operaciones whose grid is exactly rows+1 × 67, like a sheet filled without
 * spare rows or columns, optionally with the `_schema_history` sheet a previous apply leaves, and
 * nothing else, so the cell count is exactly what is described.
 */
import { V4_COLUMNS } from '../../emulator/harness/workbooks';
import { MAX_CELLS } from '../../src/core/planLimits';

/** A sheet made by insertSheet() without a template: 1000 rows × 26 columns (the emulator's default, as in Sheets). */
const HISTORY_SHEET_CELLS = 1000 * 26;

/**
 * The most data rows a v3.0 Operaciones can have so that, after the apply widens it to 72
 * columns, the workbook (Operaciones + the history sheet) is at or just under 10,000,000 cells.
 */
export function ceilingRows(): number {
  return Math.floor((MAX_CELLS - HISTORY_SHEET_CELLS) / V4_COLUMNS) - 1;
}
