/** JSON exchanged between the playground server (scripts/playground.ts) and its pages. */

export interface RpcRequest {
  readonly name: string;
  readonly args: readonly unknown[];
}

export type RpcResponse =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly error: { readonly name: string; readonly message: string } };

export interface GridSheet {
  readonly name: string;
  readonly lastRow: number;
  readonly lastColumn: number;
  readonly maxRows: number;
  readonly maxColumns: number;
  /** Hidden in the workbook (as `_schema_history` is): the grid still shows it, labelled. */
  readonly hidden: boolean;
  /** Columns the sheet had when it was seeded: anything right of it appeared since. */
  readonly seededColumns: number;
  /** Row 1 and the first data rows, as display text. */
  readonly rows: readonly (readonly string[])[];
}

export interface WorkbookView {
  readonly spreadsheetName: string;
  readonly sheets: readonly GridSheet[];
  /** Spreadsheet service calls counted by the emulator since the last reset. */
  readonly spreadsheetCalls: number;
}

/** posted by the sidebar frame to the page after every google.script.run call. */
export const RPC_DONE = 'sheet-schema:rpc-done';
