/** In-memory Google Apps Script emulator: see docs/emulator.md. */
export { createEmulator, installGlobals } from './emulator';
export type { Emulator, GasGlobals, SheetInfo } from './emulator';
export { loadBundle, runEntryPoint, scriptRun, topLevelFunctionNames } from './bundle';
export { GasException, MSG } from './errors';
export { NAVIGATION_METHODS, isDataCall } from './stats';
export { DEFAULT_SWITCHES, SERVICE_NAMES } from './types';
export type {
  AlertRecord, ButtonName, ButtonSetName, CacheScope, CallStats, ClockSchedule, EmulatorOptions, ExecutionContext,
  ExecutionKind, MenuEntry, MenuItemRecord, MenuRecord, PropertiesScope, ProtectRangeOptions, SeedFormulaCell,
  SeedOptions, ServiceName, Switches, TriggerEventTypeName, TriggerRecord, UiRecorder,
} from './types';
