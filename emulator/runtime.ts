import { fail, MSG } from './errors';
import { type CellCounter, FaultInjector, StatsRecorder } from './stats';
import {
  DEFAULT_SWITCHES,
  type EmulatorOptions,
  type ExecutionContext,
  type ExecutionKind,
  type ServiceName,
  type Switches,
} from './types';
import { UiState } from './ui-state';

export interface Execution {
  id: number;
  authMode: 'NONE' | 'LIMITED' | 'FULL';
  ui: boolean;
  documentContext: boolean;
  kind: ExecutionKind;
}

export function resolveContext(id: number, c: ExecutionContext = {}): Execution {
  const kind = c.kind ?? 'menu';
  return {
    id,
    kind,
    authMode: c.authMode ?? (kind === 'simpleTrigger' ? 'LIMITED' : 'FULL'),
    ui: c.ui ?? kind !== 'timeTrigger',
    documentContext: c.documentContext ?? true,
  };
}

/** State shared by every emulated service object of one emulator. */
export class Runtime {
  readonly stats = new StatsRecorder();
  readonly faults = new FaultInjector();
  readonly switches: Switches;
  readonly logs: string[] = [];
  readonly ui = new UiState();
  /** HTML files for HtmlService (name without .html -> content). */
  readonly htmlFiles = new Map<string, string>();
  readonly spreadsheetId: string;
  readonly scriptId: string;
  readonly timeZone: string;
  /** The active user's locale (Session.getActiveUserLocale); another user may speak another language. */
  locale: string;
  /** The spreadsheet's locale (number notation of typed values, custom-formula separators); defaults to the user's. */
  spreadsheetLocale: string;
  readonly owner: string;
  user: string;
  /** Everyone who has used the spreadsheet: they mirror its editors. */
  readonly knownUsers = new Set<string>();
  now: number;
  execution: Execution;
  /** Date factory for values handed to scripts (see Emulator.setDateRealm). */
  newDate: (epochMs: number) => Date = (t) => new Date(t);
  /** >0 while inside a counted call (nested calls are not counted) or a backdoor. */
  depth = 0;
  /** Called before every counted call ('Class.method'); emulator/people.ts starts interleaved executions here. */
  beforeCall: (name: string) => void = () => {};
  private executionSeq = 1;

  constructor(o: EmulatorOptions) {
    this.switches = { ...DEFAULT_SWITCHES, ...o.switches };
    this.spreadsheetId = o.spreadsheetId ?? 'emulated-spreadsheet-id';
    this.scriptId = o.scriptId ?? 'emulated-script-id';
    this.timeZone = o.timeZone ?? 'Europe/Madrid';
    this.locale = o.locale ?? 'en';
    this.spreadsheetLocale = o.spreadsheetLocale ?? this.locale;
    this.user = o.user ?? 'operator@example.com';
    this.owner = o.owner ?? this.user;
    this.knownUsers.add(this.owner).add(this.user);
    this.now = o.startTime ?? Date.UTC(2026, 10, 21, 9, 0, 0);
    this.execution = resolveContext(0);
  }

  newExecution(context?: ExecutionContext): Execution {
    this.execution = resolveContext(this.executionSeq++, context);
    return this.execution;
  }

  /** Counts a call and fires a due fault; nested calls (depth > 0) are neither counted nor faulted. */
  enter(service: ServiceName, className: string, method: string): void {
    if (this.depth > 0) return;
    this.beforeCall(`${className}.${method}`);
    this.stats.count(service, className, method);
    this.faults.check(service, () =>
      service === 'Spreadsheet' ? MSG.spreadsheetTimeout(this.spreadsheetId) : MSG.serverError,
    );
  }

  /** Adds to a cell counter, only for the outermost (counted) call. */
  cells(kind: CellCounter, n: number): void {
    if (this.depth === 1) this.stats.cells(kind, n);
  }

  /** Runs a backdoor: nothing inside is counted or faulted. */
  uncounted<T>(fn: () => T): T {
    this.depth++;
    try {
      return fn();
    } finally {
      this.depth--;
    }
  }

  /**
   * AuthMode rules (add-ons editor-auth-lifecycle): NONE has no document, Properties, Lock or UI
   * beyond menus; LIMITED (simple triggers, onOpen of an enabled add-on) has the bound document and
   * Properties but no sidebars or dialogs; only FULL has everything. Throws the platform's
   * permission error for `method` when the execution's mode is below `minimum`.
   */
  requireAuthMode(minimum: 'LIMITED' | 'FULL', method: string, scope: string | null): void {
    const order = ['NONE', 'LIMITED', 'FULL'];
    if (order.indexOf(this.execution.authMode) >= order.indexOf(minimum)) return;
    fail(scope === null ? MSG.permissionDenied(method) : MSG.permission(method, scope));
  }

  /** Simple triggers and NONE/LIMITED runs get no user data but the locale: the email reads as ''. */
  userDataHidden(): boolean {
    return this.execution.kind === 'simpleTrigger' || this.execution.authMode !== 'FULL';
  }

  isOwner(user = this.user): boolean {
    return user === this.owner;
  }
}

/** Objects of instrumented classes carry their runtime. */
export interface HasRuntime {
  readonly _rt: Runtime;
}

type AnyFn = (this: HasRuntime, ...args: unknown[]) => unknown;

/**
 * The one place where calls are counted and faults injected: every public prototype method (name not starting
 * with '_') of `ctor` is wrapped once. Internal calls made while a counted call runs are not counted again.
 */
export function instrumentClass(
  ctor: { prototype: object; name: string },
  className: string,
  service: ServiceName,
): void {
  const proto = ctor.prototype as Record<string, unknown>;
  for (const method of Object.getOwnPropertyNames(proto)) {
    const fn = proto[method];
    if (method === 'constructor' || method === 'toString' || method.startsWith('_') || typeof fn !== 'function')
      continue;
    proto[method] = wrapMethod(fn as AnyFn, className, method, service);
  }
}

function wrapMethod(fn: AnyFn, className: string, method: string, service: ServiceName): AnyFn {
  const wrapped = function (this: HasRuntime, ...args: unknown[]): unknown {
    const rt = this._rt;
    rt.enter(service, className, method);
    rt.depth++;
    try {
      return fn.apply(this, args);
    } finally {
      rt.depth--;
    }
  };
  Object.defineProperty(wrapped, 'name', { value: method });
  return wrapped;
}
