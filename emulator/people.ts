import { buildTriggerEvent } from './events';
import { LockTable } from './lock';
import type { Runtime } from './runtime';
import type { ScriptState } from './script';
import { UserImpl } from './session';
import { parseA1, type Rect } from './spreadsheet/a1';
import type { SheetModel, SpreadsheetModel } from './spreadsheet/model';
import { makeRange } from './spreadsheet/range';
import { spreadsheetFacade } from './spreadsheet/spreadsheet';
import type { CellValue } from './spreadsheet/values';
import type { ExecutionContext, TriggerRecord } from './types';

/** A script function the emulator may run as a trigger handler (by name, like Apps Script). */
export type TriggerHandler = (event: Record<string, unknown>) => unknown;

export interface PersonEditOptions {
  /** Who types (default: the active user). */
  user?: string;
  /** Whether the editor has the add-on enabled in the document, so the simple onEdit runs (default true). */
  simpleTrigger?: boolean;
}

export type StructureChange =
  | { deleteRows: { start: number; count: number } }
  | { insertRows: { before: number; count: number } }
  | { sort: { column: number; ascending?: boolean; firstRow?: number } };

export interface TriggerRun {
  handler: string;
  kind: 'simpleTrigger' | 'installableTrigger';
  event: Record<string, unknown>;
  /** The message when the handler threw (Apps Script records a failed execution; the edit stays). */
  error?: string;
}

interface Hook {
  method: string;
  run: () => void;
}

/**
 * What people do in the spreadsheet UI, as opposed to scripts: their edits and structure changes fire
 * simple and installable triggers; a script's writes fire none ("Script executions and API requests do
 * not cause triggers to run", developers.google.com/apps-script/guides/triggers). Each trigger run is its
 * own execution (own lock token, its owner as the user); `interleave` starts one while another is in a call.
 */
export class People {
  private handlers: Record<string, TriggerHandler> = {};
  private readonly hooks: Hook[] = [];

  constructor(
    private readonly rt: Runtime,
    private readonly book: SpreadsheetModel,
    private readonly script: ScriptState,
    private readonly locks: LockTable,
  ) {
    rt.beforeCall = (name) => this.fireHook(name);
  }

  setHandlers(handlers: Record<string, TriggerHandler>): void {
    this.handlers = { ...handlers };
  }

  /** Before the current execution's next counted call to `method` ('Class.method'), `run` runs as other executions. */
  interleave(method: string, run: () => void): void {
    this.hooks.push({ method, run });
  }

  edit(sheetName: string, a1: string, values: unknown[][], options: PersonEditOptions = {}): TriggerRun[] {
    const sheet = this.sheet(sheetName);
    const x = parseA1(a1, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
    if (values.length !== x.numRows || values.some((row) => row.length !== x.numCols))
      throw new Error(`Emulator: personEdits(${a1}) needs ${x.numRows}×${x.numCols} values`);
    const editor = options.user ?? this.rt.user;
    const single = x.numRows === 1 && x.numCols === 1;
    const before = single ? sheet.grid.value(x.row, x.col) : '';
    this.rt.uncounted(() => {
      sheet.grow(x.row + x.numRows - 1, x.col + x.numCols - 1);
      sheet.write(x, (i, j) => values[i][j], 'value');
    });
    const fields = (): Record<string, unknown> => ({
      range: makeRange(sheet, x.row, x.col, x.numRows, x.numCols),
      ...(single ? singleCellFields(sheet, x, before) : {}),
    });
    const runs: TriggerRun[] = [];
    if (options.simpleTrigger !== false && this.handlers.onEdit !== undefined)
      runs.push(this.runSimple('onEdit', editor, fields));
    for (const r of this.installed('ON_EDIT')) runs.push(this.runInstalled(r, editor, fields));
    return runs;
  }

  change(sheetName: string, change: StructureChange, options: { user?: string } = {}): TriggerRun[] {
    const sheet = this.sheet(sheetName);
    const changeType = this.rt.uncounted(() => applyChange(sheet, change, this.rt.switches.sortChangeType));
    this.book.active = sheet;
    const editor = options.user ?? this.rt.user;
    const runs = this.installed('ON_CHANGE').map((r) => this.runInstalled(r, editor, () => ({ changeType })));
    if ('sort' in change && this.rt.switches.sortFiresEdit)
      runs.push(...this.sortEdits(sheet, change.sort.firstRow ?? 2, editor));
    return runs;
  }

  /** A sort rewrites the sorted rows' values: onEdit over them (multi-cell, so no value/oldValue). */
  private sortEdits(sheet: SheetModel, firstRow: number, editor: string): TriggerRun[] {
    const last = sheet.grid.lastRow();
    if (last < firstRow) return [];
    const fields = () => ({
      range: makeRange(sheet, firstRow, 1, last - firstRow + 1, Math.max(1, sheet.grid.lastColumn())),
    });
    const runs = this.handlers.onEdit === undefined ? [] : [this.runSimple('onEdit', editor, fields)];
    for (const r of this.installed('ON_EDIT')) runs.push(this.runInstalled(r, editor, fields));
    return runs;
  }

  private installed(eventType: TriggerRecord['eventType']): TriggerRecord[] {
    return this.script.all().filter((r) => r.eventType === eventType && r.triggerSourceId === this.book.id);
  }

  private runSimple(handler: string, editor: string, fields: () => Record<string, unknown>): TriggerRun {
    return this.run(handler, { kind: 'simpleTrigger' }, editor, () => ({
      authMode: 'LIMITED',
      source: spreadsheetFacade(this.book),
      user: new UserImpl(this.rt, ''),
      ...fields(),
    }));
  }

  private runInstalled(r: TriggerRecord, editor: string, fields: () => Record<string, unknown>): TriggerRun {
    const run = this.run(r.handlerFunction, { kind: 'installableTrigger', authMode: 'FULL' }, r.user, () =>
      buildTriggerEvent(this.rt, this.book, r, { user: new UserImpl(this.rt, editor), ...fields() }),
    );
    return run;
  }

  private run(
    handler: string,
    context: ExecutionContext,
    user: string,
    event: () => Record<string, unknown>,
  ): TriggerRun {
    const fn = this.handlers[handler];
    if (fn === undefined) throw new Error(`Emulator: no handler registered for trigger function ${handler}`);
    const kind = context.kind as TriggerRun['kind'];
    return this.asExecution(context, user, () => {
      const e = event();
      try {
        fn(e);
        return { handler, kind, event: e };
      } catch (error) {
        return { handler, kind, event: e, error: error instanceof Error ? error.message : String(error) };
      }
    });
  }

  /** A separate execution nested in time: its own id and lock token; the interrupted one resumes afterwards. */
  private asExecution<T>(context: ExecutionContext, user: string, fn: () => T): T {
    const saved = { execution: this.rt.execution, user: this.rt.user, depth: this.rt.depth };
    this.rt.newExecution(context);
    this.rt.user = user;
    this.rt.depth = 0;
    try {
      return fn();
    } finally {
      this.locks.releaseAll(LockTable.token(this.rt));
      this.rt.execution = saved.execution;
      this.rt.user = saved.user;
      this.rt.depth = saved.depth;
    }
  }

  private fireHook(name: string): void {
    const i = this.hooks.findIndex((h) => h.method === name);
    if (i < 0) return;
    const [hook] = this.hooks.splice(i, 1);
    hook.run();
  }

  private sheet(name: string): SheetModel {
    const s = this.book.find(name);
    if (!s) throw new Error(`Emulator: no sheet named "${name}"`);
    return s;
  }
}

/** `value`/`oldValue` exist only for single-cell edits; oldValue is absent when the cell was empty (OFFICIAL). */
function singleCellFields(sheet: SheetModel, x: Rect, before: CellValue): Record<string, unknown> {
  const after = sheet.grid.value(x.row, x.col);
  const text = (v: CellValue) => (v instanceof Date ? v.toISOString() : String(v));
  return {
    ...(after === '' ? {} : { value: text(after) }),
    ...(before === '' ? {} : { oldValue: text(before) }),
  };
}

function applyChange(sheet: SheetModel, change: StructureChange, sortChangeType: string): string {
  if ('deleteRows' in change) {
    sheet.delete('rows', change.deleteRows.start, change.deleteRows.count);
    return 'REMOVE_ROW';
  }
  if ('insertRows' in change) {
    sheet.insert('rows', change.insertRows.before, change.insertRows.count);
    return 'INSERT_ROW';
  }
  sortRows(sheet, change.sort.column, change.sort.ascending ?? true, change.sort.firstRow ?? 2);
  return sortChangeType;
}

/** A person's Data > Sort range: rows from firstRow down, by one column's values (blanks last). */
function sortRows(sheet: SheetModel, column: number, ascending: boolean, firstRow: number): void {
  const last = sheet.grid.lastRow();
  if (last < firstRow) return;
  const x = { row: firstRow, col: 1, numRows: last - firstRow + 1, numCols: Math.max(1, sheet.grid.lastColumn()) };
  const rows = sheet.grid.readValues(x);
  const key = (row: CellValue[]) => row[column - 1];
  rows.sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    if (ka === '' || kb === '') return ka === kb ? 0 : ka === '' ? 1 : -1;
    const order = ka < kb ? -1 : ka > kb ? 1 : 0;
    return ascending ? order : -order;
  });
  rows.forEach((row, i) => {
    row.forEach((v, j) => {
      sheet.grid.set(x.row + i, x.col + j, v);
    });
  });
}
