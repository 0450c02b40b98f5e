import { fail, MSG } from './errors';
import { type HasRuntime, instrumentClass, type Runtime } from './runtime';
import type { SpreadsheetImpl } from './spreadsheet/spreadsheet';
import type { ClockSchedule, TriggerEventTypeName, TriggerRecord } from './types';

const enumOf = <K extends string>(...names: K[]): Readonly<Record<K, K>> =>
  Object.freeze(Object.fromEntries(names.map((n) => [n, n])) as Record<K, K>);

export const AuthMode = enumOf('NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL');
export const AuthorizationStatus = enumOf('REQUIRED', 'NOT_REQUIRED');
export const EventType = enumOf('CLOCK', 'ON_OPEN', 'ON_EDIT', 'ON_FORM_SUBMIT', 'ON_CHANGE', 'ON_EVENT_UPDATED');
export const TriggerSource = enumOf('SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR');
export const WeekDay = enumOf('MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY');

export const MAX_TRIGGERS_PER_USER = 20;
const SCRIPTAPP_SCOPE = 'https://www.googleapis.com/auth/script.scriptapp';
const VALID_MINUTES = [1, 5, 10, 15, 30];

/** Installable triggers of every user, plus the authorization flag. */
export class ScriptState {
  readonly byUser = new Map<string, TriggerRecord[]>();
  authorizationRequired = false;
  private seq = 0;

  list(user: string): TriggerRecord[] {
    let l = this.byUser.get(user);
    if (!l) {
      l = [];
      this.byUser.set(user, l);
    }
    return l;
  }

  add(rt: Runtime, r: Omit<TriggerRecord, 'uniqueId' | 'user' | 'documentId'>): TriggerRecord {
    const list = this.list(rt.user);
    if (list.length >= MAX_TRIGGERS_PER_USER) fail(MSG.tooManyTriggers);
    const documentId = rt.execution.documentContext ? rt.spreadsheetId : r.triggerSourceId;
    const sameKind = (t: TriggerRecord) => t.eventType === r.eventType && t.documentId === documentId;
    if (rt.switches.triggerRules === 'addOn' && documentId !== null && list.some(sameKind))
      fail(MSG.addOnTriggerPerDocument(r.eventType));
    const record: TriggerRecord = { ...r, uniqueId: String(8_000_000_000 + ++this.seq), user: rt.user, documentId };
    list.push(record);
    return record;
  }

  all(): TriggerRecord[] {
    return [...this.byUser.values()].flat();
  }
}

function requireScope(rt: Runtime, method: string): void {
  if (rt.execution.kind === 'simpleTrigger') fail(MSG.permission(`ScriptApp.${method}`, SCRIPTAPP_SCOPE));
}

export class TriggerImpl implements HasRuntime {
  constructor(
    readonly _rt: Runtime,
    readonly _r: TriggerRecord,
  ) {}
  getHandlerFunction(): string {
    return this._r.handlerFunction;
  }
  getUniqueId(): string {
    return this._r.uniqueId;
  }
  getEventType(): TriggerEventTypeName {
    return this._r.eventType;
  }
  getTriggerSource(): string {
    return this._r.triggerSource;
  }
  getTriggerSourceId(): string | null {
    return this._r.triggerSourceId;
  }
}

export class ClockTriggerBuilderImpl implements HasRuntime {
  private readonly _s: ClockSchedule = {};
  constructor(
    readonly _rt: Runtime,
    private readonly _state: ScriptState,
    private readonly _fn: string,
  ) {}

  everyMinutes(n: number): this {
    if (!VALID_MINUTES.includes(n)) fail(MSG.everyMinutes);
    if (this._rt.switches.triggerRules === 'addOn') fail(MSG.addOnClockTooFrequent);
    return this._set({ everyMinutes: n });
  }

  everyHours(n: number): this {
    return this._set({ everyHours: n });
  }
  everyDays(n: number): this {
    return this._set({ everyDays: n });
  }
  everyWeeks(n: number): this {
    return this._set({ everyWeeks: n });
  }
  atHour(hour: number): this {
    return this._set({ atHour: hour });
  }
  nearMinute(minute: number): this {
    return this._set({ nearMinute: minute });
  }
  onWeekDay(day: string): this {
    return this._set({ onWeekDay: String(day) });
  }
  onMonthDay(day: number): this {
    return this._set({ onMonthDay: day });
  }
  after(durationMilliseconds: number): this {
    return this._set({ after: durationMilliseconds });
  }
  at(date: Date): this {
    return this._set({ at: new Date(date).getTime() });
  }
  inTimezone(timezone: string): this {
    return this._set({ timezone: String(timezone) });
  }

  create(): TriggerImpl {
    const s = this._s;
    const hasFrequency = s.everyDays !== undefined || s.everyWeeks !== undefined || s.onMonthDay !== undefined;
    if ((s.atHour !== undefined || s.nearMinute !== undefined) && !hasFrequency) fail(MSG.frequencyRequired);
    const r = this._state.add(this._rt, {
      handlerFunction: this._fn,
      eventType: 'CLOCK',
      triggerSource: 'CLOCK',
      triggerSourceId: null,
      schedule: { ...s },
    });
    return new TriggerImpl(this._rt, r);
  }

  private _set(part: ClockSchedule): this {
    Object.assign(this._s, part);
    return this;
  }
}

export class SpreadsheetTriggerBuilderImpl implements HasRuntime {
  private _event: TriggerEventTypeName | null = null;
  constructor(
    readonly _rt: Runtime,
    private readonly _state: ScriptState,
    private readonly _fn: string,
    private readonly _sourceId: string,
  ) {}

  onOpen(): this {
    return this._on('ON_OPEN');
  }
  onEdit(): this {
    return this._on('ON_EDIT');
  }
  onChange(): this {
    return this._on('ON_CHANGE');
  }
  onFormSubmit(): this {
    return this._on('ON_FORM_SUBMIT');
  }

  create(): TriggerImpl {
    const r = this._state.add(this._rt, {
      handlerFunction: this._fn,
      eventType: this._event ?? 'ON_OPEN',
      triggerSource: 'SPREADSHEETS',
      triggerSourceId: this._sourceId,
    });
    return new TriggerImpl(this._rt, r);
  }

  private _on(e: TriggerEventTypeName): this {
    this._event = e;
    return this;
  }
}

export class TriggerBuilderImpl implements HasRuntime {
  constructor(
    readonly _rt: Runtime,
    private readonly _state: ScriptState,
    private readonly _fn: string,
  ) {}
  timeBased(): ClockTriggerBuilderImpl {
    return new ClockTriggerBuilderImpl(this._rt, this._state, this._fn);
  }
  forSpreadsheet(sheet: SpreadsheetImpl | string): SpreadsheetTriggerBuilderImpl {
    const id = typeof sheet === 'string' ? sheet : sheet._m.id;
    return new SpreadsheetTriggerBuilderImpl(this._rt, this._state, this._fn, id);
  }
}

export class AuthorizationInfoImpl implements HasRuntime {
  constructor(
    readonly _rt: Runtime,
    private readonly _required: boolean,
  ) {}
  getAuthorizationStatus(): string {
    return this._required ? 'REQUIRED' : 'NOT_REQUIRED';
  }
  getAuthorizationUrl(): string | null {
    return this._required ? `https://script.google.com/macros/d/${this._rt.scriptId}/authorize` : null;
  }
  getAuthorizedScopes(): string[] {
    return [];
  }
}

export class ScriptAppImpl implements HasRuntime {
  readonly AuthMode = AuthMode;
  readonly AuthorizationStatus = AuthorizationStatus;
  readonly EventType = EventType;
  readonly TriggerSource = TriggerSource;
  readonly WeekDay = WeekDay;
  constructor(
    readonly _rt: Runtime,
    private readonly _state: ScriptState,
  ) {}

  getScriptId(): string {
    return this._rt.scriptId;
  }
  getAuthorizationInfo(_authMode: string): AuthorizationInfoImpl {
    return new AuthorizationInfoImpl(this._rt, this._state.authorizationRequired);
  }

  newTrigger(functionName: string): TriggerBuilderImpl {
    requireScope(this._rt, 'newTrigger');
    return new TriggerBuilderImpl(this._rt, this._state, String(functionName));
  }

  getProjectTriggers(): TriggerImpl[] {
    requireScope(this._rt, 'getProjectTriggers');
    return this._state.list(this._rt.user).map((r) => new TriggerImpl(this._rt, r));
  }

  getUserTriggers(spreadsheet: SpreadsheetImpl): TriggerImpl[] {
    requireScope(this._rt, 'getUserTriggers');
    const id = spreadsheet._m.id;
    return this._state
      .list(this._rt.user)
      .filter((r) => r.triggerSourceId === id || r.documentId === id)
      .map((r) => new TriggerImpl(this._rt, r));
  }

  deleteTrigger(trigger: TriggerImpl): void {
    requireScope(this._rt, 'deleteTrigger');
    const list = this._state.list(this._rt.user);
    const i = list.findIndex((r) => r.uniqueId === trigger._r.uniqueId);
    if (i >= 0) list.splice(i, 1);
  }
}

for (const [cls, name] of [
  [TriggerImpl, 'Trigger'],
  [ClockTriggerBuilderImpl, 'ClockTriggerBuilder'],
  [SpreadsheetTriggerBuilderImpl, 'SpreadsheetTriggerBuilder'],
  [TriggerBuilderImpl, 'TriggerBuilder'],
  [AuthorizationInfoImpl, 'AuthorizationInfo'],
  [ScriptAppImpl, 'ScriptApp'],
] as const)
  instrumentClass(cls, name, 'Script');
