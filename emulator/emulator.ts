import type { Emulator, GasGlobals, SheetInfo } from './api';
import { CacheServiceImpl, type CacheStores, createCacheStores, userCache } from './cache';
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
import { seedInto } from './spreadsheet/seed';
import { sheetFacade } from './spreadsheet/sheet';
import { spreadsheetFacade } from './spreadsheet/spreadsheet';
import type {
  CacheScope,
  CallStats,
  EmulatorOptions,
  ExecutionContext,
  PropertiesScope,
  ProtectRangeOptions,
  SeedOptions,
  ServiceName,
  Switches,
  TriggerRecord,
  UiRecorder,
} from './types';
import { createConsole, createLogger, createUtilities } from './utilities';

// The harness imports the shape from here too; emulator/index.ts is the public entry.
export type { Emulator, GasGlobals, SheetInfo } from './api';

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

  /** The language of whoever runs next (a colleague's es_ES, say); the spreadsheet's own locale is unchanged. */
  setActiveUserLocale(locale: string): void {
    this.rt.locale = locale;
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
