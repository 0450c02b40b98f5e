/** The emulator's public shape (emulator/index.ts exports it); the implementation is emulator.ts. */

import type { LockKind } from './lock';
import type { PersonEditOptions, StructureChange, TriggerHandler, TriggerRun } from './people';
import type {
  CacheScope,
  CallStats,
  ExecutionContext,
  PropertiesScope,
  ProtectRangeOptions,
  SeedOptions,
  ServiceName,
  Switches,
  TriggerRecord,
  UiRecorder,
} from './types';

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
  setActiveUserLocale(locale: string): void;
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
