/** Public types of the in-memory Apps Script emulator (see docs/emulator.md). */

export type ServiceName = 'Spreadsheet' | 'Cache' | 'Lock' | 'Properties' | 'Script' | 'Session' | 'Html' | 'Ui';
export const SERVICE_NAMES: readonly ServiceName[] = [
  'Spreadsheet',
  'Cache',
  'Lock',
  'Properties',
  'Script',
  'Session',
  'Html',
  'Ui',
];

/** Every UNCONFIRMED platform fact the emulator depends on is one switch. */
export interface Switches {
  multiCellSetValue: 'fill' | 'topLeft';
  offGridWrite: 'throw' | 'grow';
  activeSpreadsheetInTrigger: 'container' | 'null';
  parseStringsAsUserEntered: boolean;
  propertiesValueLimitBytes: number;
  defaultNumberFormat: string;
  protectedEditMessage: string;
  /** Extension: where insertSheet() without an index puts the new sheet; default 'afterActive'. */
  insertSheetPosition: 'afterActive' | 'end';
  /**
   * 'addOn' (default): Editor add-on trigger rules (time-driven at most hourly, one installable trigger of each
   * event type per user per document); 'script': a plain script project's rules. Both keep 20 per user per script.
   * The rules are OFFICIAL; the error texts for the add-on ones are UNCONFIRMED (docs/platform.md).
   */
  triggerRules: 'addOn' | 'script';
  /** What a person's sort of a range reports to onChange (UNCONFIRMED; docs/platform.md). */
  sortChangeType: string;
  /** Whether a person's sort also fires onEdit over the sorted rows (OBSERVED for moves of rows with data; UNCONFIRMED). */
  sortFiresEdit: boolean;
  /** tryLock/waitLock with a negative timeout: throw `Invalid argument: timeoutInMillis`, or wait 0 ms (UNCONFIRMED). */
  negativeLockTimeout: 'throw' | 'zero';
  /** CONTESTED: whether a script write of a value a rejecting rule refuses throws (true) or lands (false). */
  validationRejectsScriptWrites: boolean;
  /** UNCONFIRMED: whether insertColumnsAfter/Before gives new columns the left neighbour's formats and validation. */
  insertColumnsInherit: boolean;
  /** Error text when a sheet's developer metadata would pass 30,000 characters (keys + values): UNCONFIRMED. */
  developerMetadataLimitMessage: string;
  /** Whether column metadata follows Sheet.moveColumns (OBSERVED for rows, UNCONFIRMED for columns). */
  columnMetadataFollowsMoves: boolean;
  /**
   * CacheService in AuthMode.NONE: 'refuse' (default: the add-on lifecycle's table lists only Logger and
   * Utilities for NONE) or 'allow' (the AuthMode reference only bars services that require authorization,
   * and CacheService has no scope). UNCONFIRMED which one the platform does; docs/platform.md.
   */
  cacheServiceInAuthModeNone: 'refuse' | 'allow';
}

export const DEFAULT_SWITCHES: Readonly<Switches> = Object.freeze({
  multiCellSetValue: 'fill',
  offGridWrite: 'throw',
  activeSpreadsheetInTrigger: 'null',
  parseStringsAsUserEntered: true,
  propertiesValueLimitBytes: 9 * 1024,
  defaultNumberFormat: '0.###############',
  protectedEditMessage:
    'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
  insertSheetPosition: 'afterActive',
  triggerRules: 'addOn',
  sortChangeType: 'OTHER',
  sortFiresEdit: true,
  negativeLockTimeout: 'throw',
  validationRejectsScriptWrites: true,
  insertColumnsInherit: false,
  developerMetadataLimitMessage: 'The developer metadata of this sheet would exceed the limit of 30000 characters.',
  columnMetadataFollowsMoves: true,
  cacheServiceInAuthModeNone: 'refuse',
});

export interface EmulatorOptions {
  spreadsheetId?: string;
  spreadsheetName?: string;
  /** Active user email; '' means unknown. */
  user?: string;
  /** Spreadsheet owner; defaults to `user`. */
  owner?: string;
  timeZone?: string;
  /** Fake clock start (epoch ms). */
  startTime?: number;
  /** Extension: ScriptApp.getScriptId(); default 'emulated-script-id'. */
  scriptId?: string;
  /** Extension: Session.getActiveUserLocale(); default 'en'. */
  locale?: string;
  /** Extension: Spreadsheet.getSpreadsheetLocale() (separators of typed numbers and of custom formulas); default `locale`. */
  spreadsheetLocale?: string;
  switches?: Partial<Switches>;
}

export type ExecutionKind = 'menu' | 'simpleTrigger' | 'installableTrigger' | 'timeTrigger' | 'scriptRun';

export interface ExecutionContext {
  authMode?: 'NONE' | 'LIMITED' | 'FULL';
  ui?: boolean;
  documentContext?: boolean;
  kind?: ExecutionKind;
}

export interface CallStats {
  calls: Record<ServiceName, number>;
  spreadsheetDataCalls: number;
  byMethod: Record<string, number>;
  cellsRead: number;
  cellsWritten: number;
  cellsChanged: number;
}

export type ButtonName = 'YES' | 'NO' | 'OK' | 'CANCEL' | 'CLOSE';
export type ButtonSetName = 'OK' | 'OK_CANCEL' | 'YES_NO' | 'YES_NO_CANCEL';

export interface AlertRecord {
  kind: 'alert' | 'prompt';
  title?: string;
  prompt: string;
  buttons?: ButtonSetName;
  response: ButtonName;
  responseText?: string;
}

export interface MenuItemRecord {
  caption: string;
  functionName: string;
}
export type MenuEntry = MenuItemRecord | { separator: true } | { caption: string; submenu: MenuRecord };
export interface MenuRecord {
  caption: string;
  addon: boolean;
  /** Action items directly in this menu (separators and sub-menus left out). */
  items: MenuItemRecord[];
  /** Full structure, in order. */
  entries: MenuEntry[];
}

export interface UiRecorder {
  readonly alerts: AlertRecord[];
  /** Queue answers for the next alert()/prompt() calls. Default when the queue is empty: 'CLOSE'. */
  respondWith(...buttons: ButtonName[]): void;
  /** Queue a prompt() answer with text (button default 'OK'). */
  respondWithText(text: string, button?: ButtonName): void;
  /** Number of queued answers not yet consumed. */
  pending(): number;
  readonly menus: MenuRecord[];
  readonly sidebars: { title: string; html: string }[];
  readonly dialogs: { title: string; html: string; modal: boolean }[];
  readonly toasts: { message: string; title: string; timeoutSeconds: number }[];
}

export type TriggerEventTypeName = 'CLOCK' | 'ON_OPEN' | 'ON_EDIT' | 'ON_FORM_SUBMIT' | 'ON_CHANGE';

export interface ClockSchedule {
  everyMinutes?: number;
  everyHours?: number;
  everyDays?: number;
  everyWeeks?: number;
  atHour?: number;
  nearMinute?: number;
  onWeekDay?: string;
  onMonthDay?: number;
  after?: number;
  at?: number;
  timezone?: string;
}

export interface TriggerRecord {
  uniqueId: string;
  handlerFunction: string;
  eventType: TriggerEventTypeName;
  triggerSource: 'CLOCK' | 'SPREADSHEETS';
  triggerSourceId: string | null;
  /** Email of the user who created (and owns) the trigger. */
  user: string;
  /** Document the trigger was created from (for getUserTriggers), null if none. */
  documentId: string | null;
  schedule?: ClockSchedule;
}

export interface SeedOptions {
  maxRows?: number;
  maxColumns?: number;
  hidden?: boolean;
  frozenRows?: number;
  /** 0-based tab position for a new sheet (default: last). */
  index?: number;
  /** A1 (without sheet) -> number format, applied before the values are stored. */
  numberFormats?: Record<string, string>;
}

export interface SeedFormulaCell {
  formula: string;
  value?: unknown;
}

export type CacheScope = 'script' | 'user' | 'document';
export type PropertiesScope = CacheScope;

export interface ProtectRangeOptions {
  editors?: string[];
  warningOnly?: boolean;
  description?: string;
}
