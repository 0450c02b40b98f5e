/** In-memory Google Apps Script emulator: see docs/emulator.md. */

export type { Emulator, GasGlobals, SheetInfo } from './api';
export { bundleTriggerHandlers, loadBundle, runEntryPoint, scriptRun, topLevelFunctionNames } from './bundle';
export { createEmulator, installGlobals } from './emulator';
export { GasException, MSG } from './errors';
export type { PersonEditOptions, StructureChange, TriggerHandler, TriggerRun } from './people';
export { isDataCall, NAVIGATION_METHODS } from './stats';
export type {
  AlertRecord,
  ButtonName,
  ButtonSetName,
  CacheScope,
  CallStats,
  ClockSchedule,
  EmulatorOptions,
  ExecutionContext,
  ExecutionKind,
  MenuEntry,
  MenuItemRecord,
  MenuRecord,
  PropertiesScope,
  ProtectRangeOptions,
  SeedFormulaCell,
  SeedOptions,
  ServiceName,
  Switches,
  TriggerEventTypeName,
  TriggerRecord,
  UiRecorder,
} from './types';
export { DEFAULT_SWITCHES, SERVICE_NAMES } from './types';
