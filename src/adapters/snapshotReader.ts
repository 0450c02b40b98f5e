/**
 * Reads what the planner needs with a constant number of Spreadsheet calls, whatever the row
 * count: four sizes, the header row, the existing managed columns' data (only when some exist),
 * and the region right of the headers only when getLastColumn() says something lies there.
 */
import { analyseHeaders } from '../core/headers';
import { planSheet } from '../core/plan';
import type { ManagedSheet, SchemaDeclaration } from '../core/schema';
import type { CellBlock, ProtectionInfo, SheetSnapshot, WorkbookSnapshot } from '../core/snapshot';
import { readHistory } from './history';
import { CallMeter } from './meter';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface ReadOptions {
  readonly protectionType: typeof GoogleAppsScript.Spreadsheet.ProtectionType;
}

export function readWorkbook(spreadsheet: Spreadsheet, declaration: SchemaDeclaration, options: ReadOptions): WorkbookSnapshot & { historyExists: boolean } {
  const meter = new CallMeter();
  const sheets = declaration.managedSheets.map((managed) => {
    const sheet = spreadsheet.getSheetByName(managed.sheet);
    return sheet === null ? null : readSheet(sheet, managed, meter, options);
  });
  const growsGrid = sheets.some((snapshot, i) => snapshot !== null && needsWiderGrid(snapshot, declaration.managedSheets[i]));
  const totalCells = growsGrid ? countCells(spreadsheet, meter) : null;
  const history = readHistory(spreadsheet, meter);
  return {
    spreadsheetName: spreadsheet.getName(),
    totalCells,
    sheets,
    history: history.entries,
    historyExists: history.exists,
    readCost: { spreadsheetCalls: meter.calls, cellsRead: meter.cellsRead },
  };
}

function readSheet(sheet: Sheet, managed: ManagedSheet, meter: CallMeter, options: ReadOptions): SheetSnapshot {
  const lastRow = meter.call(() => sheet.getLastRow());
  const lastColumn = meter.call(() => sheet.getLastColumn());
  const maxRows = meter.call(() => sheet.getMaxRows());
  const maxColumns = meter.call(() => sheet.getMaxColumns());
  const hidden = meter.call(() => sheet.isSheetHidden());
  const headerRow = managed.headerRow;
  const headers = lastColumn > 0 && lastRow >= headerRow ? meter.read(() => sheet.getRange(headerRow, 1, 1, lastColumn).getValues())[0] : [];
  const analysis = analyseHeaders(headers);
  const managedColumns = managed.migrations
    .flatMap((m) => m.addColumns.map((c) => analysis.columnsByName.get(c.name) ?? []))
    .flat();
  const dataRows = lastRow - headerRow;
  const managedBlock =
    managedColumns.length > 0 && dataRows > 0
      ? readBlock(sheet, meter, headerRow + 1, Math.min(...managedColumns), dataRows, Math.max(...managedColumns) - Math.min(...managedColumns) + 1)
      : null;
  const rightOfHeaders =
    lastColumn > analysis.lastHeaderColumn && analysis.lastHeaderColumn > 0
      ? readBlock(sheet, meter, 1, analysis.lastHeaderColumn + 1, lastRow, lastColumn - analysis.lastHeaderColumn)
      : null;
  return {
    name: managed.sheet,
    lastRow,
    lastColumn,
    maxRows,
    maxColumns,
    hidden,
    headers,
    managedBlock,
    rightOfHeaders,
    protections: readProtections(sheet, meter, options),
  };
}

function readBlock(sheet: Sheet, meter: CallMeter, row: number, column: number, rows: number, columns: number): CellBlock {
  const range = sheet.getRange(row, column, rows, columns);
  return {
    firstRow: row,
    firstColumn: column,
    values: meter.read(() => range.getValues()),
    formulas: meter.read(() => range.getFormulas()),
  };
}

function readProtections(sheet: Sheet, meter: CallMeter, { protectionType }: ReadOptions): ProtectionInfo[] {
  const describe = (protection: GoogleAppsScript.Spreadsheet.Protection, wholeSheet: boolean): ProtectionInfo => {
    const range = protection.getRange();
    return {
      row: range.getRow(),
      column: range.getColumn(),
      rows: range.getNumRows(),
      columns: range.getNumColumns(),
      description: meter.call(() => protection.getDescription()),
      canEdit: meter.call(() => protection.canEdit()),
      warningOnly: meter.call(() => protection.isWarningOnly()),
      wholeSheet,
    };
  };
  const ranges = meter.call(() => sheet.getProtections(protectionType.RANGE));
  const sheets = meter.call(() => sheet.getProtections(protectionType.SHEET));
  return [...ranges.map((p) => describe(p, false)), ...sheets.map((p) => describe(p, true))];
}

/** Whether the declared columns still missing would run past the grid's last column. */
function needsWiderGrid(snapshot: SheetSnapshot, managed: ManagedSheet): boolean {
  return planSheet(managed, snapshot, [], null).gridColumnsToInsert > 0;
}

function countCells(spreadsheet: Spreadsheet, meter: CallMeter): number {
  return spreadsheet.getSheets().reduce((sum, sheet) => sum + meter.call(() => sheet.getMaxRows()) * meter.call(() => sheet.getMaxColumns()), 0);
}
