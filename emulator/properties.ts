import { fail, MSG } from './errors';
import { type HasRuntime, instrumentClass, type Runtime } from './runtime';

export const PROPERTIES_TOTAL_LIMIT_BYTES = 500 * 1024;

export interface PropertiesStores {
  script: Map<string, string>;
  users: Map<string, Map<string, string>>;
  document: Map<string, string>;
}

export function createPropertiesStores(): PropertiesStores {
  return { script: new Map(), users: new Map(), document: new Map() };
}

export function userProperties(stores: PropertiesStores, user: string): Map<string, string> {
  let m = stores.users.get(user);
  if (!m) {
    m = new Map();
    stores.users.set(user, m);
  }
  return m;
}

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

function checkKey(key: unknown): string {
  if (key === null || key === undefined || key === '') fail(MSG.invalidKey);
  return String(key);
}

export class PropertiesImpl implements HasRuntime {
  constructor(
    readonly _rt: Runtime,
    private readonly _map: Map<string, string>,
  ) {}

  getProperty(key: string): string | null {
    return this._map.get(checkKey(key)) ?? null;
  }
  getProperties(): Record<string, string> {
    return Object.fromEntries(this._map);
  }
  getKeys(): string[] {
    return [...this._map.keys()];
  }

  setProperty(key: string, value: string): this {
    return this._apply([[checkKey(key), String(value)]], false);
  }

  setProperties(properties: Record<string, unknown>, deleteAllOthers = false): this {
    const pairs = Object.keys(properties).map((k): [string, string] => [checkKey(k), String(properties[k])]);
    return this._apply(pairs, deleteAllOthers);
  }

  deleteProperty(key: string): this {
    this._map.delete(checkKey(key));
    return this;
  }

  deleteAllProperties(): this {
    this._map.clear();
    return this;
  }

  /** All-or-nothing: limits are checked on the resulting store before anything is written. */
  private _apply(pairs: [string, string][], replace: boolean): this {
    const limit = this._rt.switches.propertiesValueLimitBytes;
    if (pairs.some(([, v]) => bytes(v) > limit)) fail(MSG.propertyValueTooLarge);
    const next = new Map(replace ? [] : this._map);
    for (const [k, v] of pairs) next.set(k, v);
    let total = 0;
    for (const [k, v] of next) total += bytes(k) + bytes(v);
    if (total > PROPERTIES_TOTAL_LIMIT_BYTES) fail(MSG.propertyQuota);
    this._map.clear();
    for (const [k, v] of next) this._map.set(k, v);
    return this;
  }
}

export class PropertiesServiceImpl implements HasRuntime {
  constructor(
    readonly _rt: Runtime,
    private readonly _stores: PropertiesStores,
  ) {}
  getScriptProperties(): PropertiesImpl {
    this._allowed('getScriptProperties');
    return new PropertiesImpl(this._rt, this._stores.script);
  }
  getUserProperties(): PropertiesImpl {
    this._allowed('getUserProperties');
    return new PropertiesImpl(this._rt, userProperties(this._stores, this._rt.user));
  }
  getDocumentProperties(): PropertiesImpl | null {
    this._allowed('getDocumentProperties');
    return this._rt.execution.documentContext ? new PropertiesImpl(this._rt, this._stores.document) : null;
  }

  /** AuthMode.NONE: no Properties. */
  private _allowed(method: string): void {
    this._rt.requireAuthMode('LIMITED', `PropertiesService.${method}`, null);
  }
}

instrumentClass(PropertiesImpl, 'Properties', 'Properties');
instrumentClass(PropertiesServiceImpl, 'PropertiesService', 'Properties');
