import { CacheServiceImpl, type CacheStores, createCacheStores, userCache } from './cache';
import { isDate } from './dates';
import { buildTriggerEvent } from './events';
import { HtmlServiceImpl } from './html';
import { type LockKind, LockServiceImpl, LockTable } from './lock';
import { People, type PersonEditOptions, type StructureChange, type TriggerHandler, type TriggerRun } from './people';
import { createPropertiesStores, PropertiesServiceImpl, type PropertiesStores, userProperties } from './properties';
import { Runtime } from './runtime';
import { ScriptAppImpl, ScriptState, TriggerImpl } from './script';
import { SessionImpl } from './session';
import { parseA1 } from './spreadsheet/a1';
import { SpreadsheetAppImpl } from './spreadsheet/app';
import { DEFAULT_COLUMNS, DEFAULT_ROWS, type SheetModel, SpreadsheetModel } from './spreadsheet/model';
import { protectionFacade } from './spreadsheet/protection';
import { sheetFacade } from './spreadsheet/sheet';
import { spreadsheetFacade } from './spreadsheet/spreadsheet';
import type { CellValue } from './spreadsheet/values';
import type {
  CacheScope,
  CallStats,
  EmulatorOptions,
  ExecutionContext,
  PropertiesScope,
  ProtectRangeOptions,
  SeedFormulaCell,
  SeedOptions,
  ServiceName,
  Switches,
  TriggerRecord,
  UiRecorder,
} from './types';
import { createConsole, createLogger, createUtilities } from './utilities';

export interface GasGlobals {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  CacheService: GoogleAppsScript.Cache.CacheService;
  LockService: GoogleAppsScript.Lock.LockService;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  Session: GoogleAppsScript.Base.Session;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  Logger: GoogleAppsScript.Base.Logger;
  console: Console;
}

export interface SheetInfo {
  maxRows: number;
  maxColumns: number;
  lastRow: number;
  lastColumn: number;
  hidden: boolean;
  frozenRows: number;
}

export interface Emulator {
  readonly globals: GasGlobals;
  readonly spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  readonly switches: Switches;
  readonly clock: { now(): number; advance(ms: number): void };
  readonly stats: { snapshot(): CallStats; reset(): void };
  readonly faults: {
    failOnCall(k: number, options?: { message?: string; service?: ServiceName }): void;
    clear(): void;
  };
  seedSheet(name: string, rows: unknown[][], options?: SeedOptions): GoogleAppsScript.Spreadsheet.Sheet;
  readSheet(name: string): unknown[][];
  readFormulas(name: string): string[][];
  readNumberFormats(name: string, a1: string): string[][];
  sheetInfo(name: string): SheetInfo | null;
  sheetNames(): string[];
  deleteSpreadsheet(): void;
  beginExecution(context?: ExecutionContext): void;
  endExecution(): void;
  readonly otherExecution: { holdLock(kind: LockKind): () => void };
  setActiveUser(email: string): void;
  readonly ui: UiRecorder;
  readonly html: { setFiles(files: Record<string, string>): void };
  readonly logs: string[];
  readonly triggers: { list(): TriggerRecord[] };
  // Extensions (backdoors: not counted, not faulted)
  protectRange(
    sheetName: string,
    a1: string | null,
    options?: ProtectRangeOptions,
  ): GoogleAppsScript.Spreadsheet.Protection;
  cacheContents(scope: CacheScope, user?: string): Record<string, string>;
  propertiesContents(scope: PropertiesScope, user?: string): Record<string, string>;
  setAuthorizationRequired(required: boolean): void;
  triggerEvent(
    trigger: GoogleAppsScript.Script.Trigger | TriggerRecord | string,
    extra?: Record<string, unknown>,
  ): Record<string, unknown>;
  /** Dates returned by getValue(s) are made with this constructor (null = Node's); bundle.ts sets the vm realm's. */
  setDateRealm(DateCtor: DateConstructor | null): void;
  /** The execution currently running (implicit default one if none was begun). */
  currentExecution(): Required<ExecutionContext>;
  /** Trigger handler functions by name (simple `onEdit`, installable triggers' handlers); see emulator/people.ts. */
  setHandlers(handlers: Record<string, TriggerHandler>): void;
  /** A person types or pastes `values` into `a1` of `sheet`: fires simple onEdit and every installable onEdit. */
  personEdits(sheet: string, a1: string, values: unknown[][], options?: PersonEditOptions): TriggerRun[];
  /** A person deletes, inserts or sorts rows: fires every installable onChange (no range in the event). */
  personChanges(sheet: string, change: StructureChange, options?: { user?: string }): TriggerRun[];
  /** Concurrency: just before the running execution's next call to `method` ('Range.setValues'), `run` runs. */
  interleave(method: string, run: () => void): void;
}

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

function seedInto(sheet: SheetModel, rows: unknown[][], options: SeedOptions): void {
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

class EmulatorImpl implements Emulator {
  readonly rt: Runtime;
  readonly book: SpreadsheetModel;
  readonly globals: GasGlobals;
  private readonly locks = new LockTable();
  private readonly caches: CacheStores = createCacheStores();
  private readonly props: PropertiesStores = createPropertiesStores();
  private readonly script = new ScriptState();

  constructor(options: EmulatorOptions) {
    this.rt = new Runtime(options);
    this.book = new SpreadsheetModel(this.rt, this.rt.spreadsheetId, options.spreadsheetName ?? 'Emulated workbook');
    this.book.active = this.book.addSheet('Sheet1', 0);
    this.globals = this.createGlobals();
    this.people = new People(this.rt, this.book, this.script, this.locks);
  }

  private readonly people: People;

  setHandlers(handlers: Record<string, TriggerHandler>): void {
    this.people.setHandlers(handlers);
  }

  personEdits(sheet: string, a1: string, values: unknown[][], options?: PersonEditOptions): TriggerRun[] {
    return this.people.edit(sheet, a1, values, options);
  }

  personChanges(sheet: string, change: StructureChange, options?: { user?: string }): TriggerRun[] {
    return this.people.change(sheet, change, options);
  }

  interleave(method: string, run: () => void): void {
    this.people.interleave(method, run);
  }

  private createGlobals(): GasGlobals {
    const rt = this.rt;
    const services = {
      SpreadsheetApp: new SpreadsheetAppImpl(rt, this.book),
      CacheService: new CacheServiceImpl(rt, this.caches),
      LockService: new LockServiceImpl(rt, this.locks),
      PropertiesService: new PropertiesServiceImpl(rt, this.props),
      Session: new SessionImpl(rt),
      HtmlService: new HtmlServiceImpl(rt),
      ScriptApp: new ScriptAppImpl(rt, this.script),
      Utilities: createUtilities(rt),
      Logger: createLogger(rt),
      console: createConsole(rt),
    };
    return services as unknown as GasGlobals;
  }

  get spreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return spreadsheetFacade(this.book) as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  }

  get switches(): Switches {
    return this.rt.switches;
  }
  get ui(): UiRecorder {
    return this.rt.ui;
  }
  get logs(): string[] {
    return this.rt.logs;
  }

  readonly clock = {
    now: (): number => this.rt.now,
    advance: (ms: number): void => {
      this.rt.now += ms;
    },
  };

  readonly stats = {
    snapshot: (): CallStats => this.rt.stats.snapshot(),
    reset: (): void => this.rt.stats.reset(),
  };

  readonly faults = {
    failOnCall: (k: number, options?: { message?: string; service?: ServiceName }): void =>
      this.rt.faults.failOnCall(k, options),
    clear: (): void => this.rt.faults.clear(),
  };

  readonly html = {
    setFiles: (files: Record<string, string>): void => {
      for (const [name, content] of Object.entries(files)) this.rt.htmlFiles.set(name.replace(/\.html$/, ''), content);
    },
  };

  readonly otherExecution = {
    holdLock: (kind: LockKind): (() => void) => this.locks.holdByOther(LockTable.key(this.rt, kind)),
  };

  readonly triggers = {
    list: (): TriggerRecord[] => this.script.all().map((r) => ({ ...r, schedule: r.schedule && { ...r.schedule } })),
  };

  private sheet(name: string): SheetModel {
    const s = this.book.find(name);
    if (!s) throw new Error(`Emulator: no sheet named "${name}"`);
    return s;
  }

  seedSheet(name: string, rows: unknown[][], options: SeedOptions = {}): GoogleAppsScript.Spreadsheet.Sheet {
    const width = rows.reduce((n, r) => Math.max(n, r.length), 0);
    const maxRows = options.maxRows ?? Math.max(DEFAULT_ROWS, rows.length);
    const maxCols = options.maxColumns ?? Math.max(DEFAULT_COLUMNS, width);
    if (maxRows < rows.length || maxCols < width) throw new Error('Emulator: seed data larger than maxRows/maxColumns');
    let sheet = this.book.find(name);
    if (sheet) sheet.reset(maxRows, maxCols);
    else sheet = this.book.addSheet(name, options.index ?? this.book.sheets.length, maxRows, maxCols);
    seedInto(sheet, rows, options);
    return sheetFacade(sheet) as unknown as GoogleAppsScript.Spreadsheet.Sheet;
  }

  private extent(name: string) {
    const s = this.sheet(name);
    return { s, rect: { row: 1, col: 1, numRows: s.grid.lastRow(), numCols: s.grid.lastColumn() } };
  }

  readSheet(name: string): unknown[][] {
    const { s, rect } = this.extent(name);
    return rect.numRows ? s.grid.readValues(rect) : [];
  }

  readFormulas(name: string): string[][] {
    const { s, rect } = this.extent(name);
    return rect.numRows ? s.grid.readFormulas(rect) : [];
  }

  readNumberFormats(name: string, a1: string): string[][] {
    const s = this.sheet(name);
    return s.formats.read(parseA1(a1, s.maxRows, s.maxCols), this.rt.switches.defaultNumberFormat);
  }

  sheetInfo(name: string): SheetInfo | null {
    const s = this.book.find(name);
    if (!s) return null;
    return {
      maxRows: s.maxRows,
      maxColumns: s.maxCols,
      lastRow: s.grid.lastRow(),
      lastColumn: s.grid.lastColumn(),
      hidden: s.hidden,
      frozenRows: s.frozenRows,
    };
  }

  sheetNames(): string[] {
    return this.book.sheets.map((s) => s.name);
  }

  deleteSpreadsheet(): void {
    this.book.deleted = true;
  }

  beginExecution(context?: ExecutionContext): void {
    this.endExecution();
    this.rt.newExecution(context);
  }

  endExecution(): void {
    this.locks.releaseAll(LockTable.token(this.rt));
    this.rt.newExecution();
  }

  setDateRealm(DateCtor: DateConstructor | null): void {
    const Ctor = DateCtor ?? Date;
    this.rt.newDate = (t) => new Ctor(t);
  }

  currentExecution(): Required<ExecutionContext> {
    const { authMode, ui, documentContext, kind } = this.rt.execution;
    return { authMode, ui, documentContext, kind };
  }

  setActiveUser(email: string): void {
    this.rt.user = email;
    this.rt.knownUsers.add(email);
  }

  protectRange(
    sheetName: string,
    a1: string | null,
    options: ProtectRangeOptions = {},
  ): GoogleAppsScript.Spreadsheet.Protection {
    const s = this.sheet(sheetName);
    const p =
      a1 === null
        ? (s.protections.find((x) => x.type === 'SHEET') ?? this.book.addProtection(s, 'SHEET', null))
        : this.book.addProtection(s, 'RANGE', parseA1(a1, s.maxRows, s.maxCols));
    p.editors = options.editors ? [...new Set([this.rt.owner, ...options.editors])] : p.editors;
    p.warningOnly = options.warningOnly ?? false;
    p.description = options.description ?? '';
    return protectionFacade(p) as unknown as GoogleAppsScript.Spreadsheet.Protection;
  }

  cacheContents(scope: CacheScope, user = this.rt.user): Record<string, string> {
    const store =
      scope === 'script'
        ? this.caches.script
        : scope === 'document'
          ? this.caches.document
          : userCache(this.caches, user);
    return store.live(this.rt.now);
  }

  propertiesContents(scope: PropertiesScope, user = this.rt.user): Record<string, string> {
    const map =
      scope === 'script'
        ? this.props.script
        : scope === 'document'
          ? this.props.document
          : userProperties(this.props, user);
    return Object.fromEntries(map);
  }

  setAuthorizationRequired(required: boolean): void {
    this.script.authorizationRequired = required;
  }

  triggerEvent(
    trigger: GoogleAppsScript.Script.Trigger | TriggerRecord | string,
    extra?: Record<string, unknown>,
  ): Record<string, unknown> {
    const id =
      typeof trigger === 'string'
        ? trigger
        : trigger instanceof TriggerImpl
          ? trigger._r.uniqueId
          : (trigger as TriggerRecord).uniqueId;
    const record = this.script.all().find((r) => r.uniqueId === id);
    if (!record) throw new Error(`Emulator: no trigger with id ${id}`);
    return buildTriggerEvent(this.rt, this.book, record, extra);
  }
}

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  return new EmulatorImpl(options);
}

/** Copies the emulator's globals onto `target` (default globalThis); returns a function that restores it. */
export function installGlobals(
  emu: Emulator,
  target: Record<string, unknown> = globalThis as unknown as Record<string, unknown>,
): () => void {
  const saved = new Map<string, PropertyDescriptor | undefined>();
  for (const [k, v] of Object.entries(emu.globals)) {
    if (k === 'console') continue;
    saved.set(k, Object.getOwnPropertyDescriptor(target, k));
    Object.defineProperty(target, k, { value: v, configurable: true, writable: true, enumerable: false });
  }
  return () => {
    for (const [k, d] of saved) {
      if (d) Object.defineProperty(target, k, d);
      else delete target[k];
    }
  };
}
