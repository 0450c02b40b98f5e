import { fail, MSG } from './errors';
import { type HasRuntime, instrumentClass, type Runtime } from './runtime';

export const CACHE_MAX_ITEMS = 1000;
export const CACHE_EVICT_TO = 900;
export const CACHE_MAX_KEY_CHARS = 250;
export const CACHE_MAX_VALUE_BYTES = 102_400;
export const CACHE_DEFAULT_TTL_S = 600;
export const CACHE_MAX_TTL_S = 21_600;

interface Entry {
  value: string;
  expires: number;
}

/** One cache instance; Map order = creation order (a put re-creates the entry). */
export class CacheStore {
  readonly entries = new Map<string, Entry>();

  live(now: number): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, e] of this.entries) if (e.expires > now) out[k] = e.value;
    return out;
  }
}

export interface CacheStores {
  script: CacheStore;
  users: Map<string, CacheStore>;
  document: CacheStore;
}

export function createCacheStores(): CacheStores {
  return { script: new CacheStore(), users: new Map(), document: new CacheStore() };
}

export function userCache(stores: CacheStores, user: string): CacheStore {
  let s = stores.users.get(user);
  if (!s) {
    s = new CacheStore();
    stores.users.set(user, s);
  }
  return s;
}

function checkKey(key: unknown): string {
  if (key === null || key === undefined || key === '') fail(MSG.invalidKey);
  const k = String(key);
  if (k.length > CACHE_MAX_KEY_CHARS) fail(MSG.cacheKeyTooLarge);
  return k;
}

function checkValue(value: unknown): string {
  const v = String(value);
  if (Buffer.byteLength(v, 'utf8') > CACHE_MAX_VALUE_BYTES) fail(MSG.cacheValueTooLarge);
  return v;
}

/** TTL in seconds: default 600, capped at 21600; values < 1 fall back to the default. */
function ttlMs(seconds: unknown): number {
  const s = seconds === undefined || seconds === null || Number(seconds) < 1 ? CACHE_DEFAULT_TTL_S : Number(seconds);
  return Math.min(s, CACHE_MAX_TTL_S) * 1000;
}

export class CacheImpl implements HasRuntime {
  constructor(
    readonly _rt: Runtime,
    private readonly _store: CacheStore,
  ) {}

  get(key: string): string | null {
    const e = this._store.entries.get(checkKey(key));
    return e && e.expires > this._rt.now ? e.value : null;
  }

  getAll(keys: string[]): Record<string, string> {
    const out: Record<string, string> = {};
    for (const key of keys) {
      const e = this._store.entries.get(checkKey(key));
      if (e && e.expires > this._rt.now) out[String(key)] = e.value;
    }
    return out;
  }

  put(key: string, value: string, expirationInSeconds?: number): void {
    this._putAll([[checkKey(key), checkValue(value)]], expirationInSeconds);
  }

  putAll(values: Record<string, unknown>, expirationInSeconds?: number): void {
    const pairs = Object.keys(values).map((k): [string, string] => [checkKey(k), checkValue(values[k])]);
    this._putAll(pairs, expirationInSeconds);
  }

  remove(key: string): void {
    this._store.entries.delete(checkKey(key));
  }

  removeAll(keys: string[]): void {
    for (const key of keys) this._store.entries.delete(checkKey(key));
  }

  private _putAll(pairs: [string, string][], seconds: unknown): void {
    const expires = this._rt.now + ttlMs(seconds);
    const entries = this._store.entries;
    for (const [k, value] of pairs) {
      entries.delete(k);
      entries.set(k, { value, expires });
    }
    for (const [k, e] of entries) if (e.expires <= this._rt.now) entries.delete(k);
    if (entries.size <= CACHE_MAX_ITEMS) return;
    for (const k of entries.keys()) {
      if (entries.size <= CACHE_EVICT_TO) break;
      entries.delete(k);
    }
  }
}

export class CacheServiceImpl implements HasRuntime {
  constructor(
    readonly _rt: Runtime,
    private readonly _stores: CacheStores,
  ) {}
  getScriptCache(): CacheImpl {
    this._allowed('getScriptCache');
    return new CacheImpl(this._rt, this._stores.script);
  }
  getUserCache(): CacheImpl {
    this._allowed('getUserCache');
    return new CacheImpl(this._rt, userCache(this._stores, this._rt.user));
  }
  getDocumentCache(): CacheImpl | null {
    this._allowed('getDocumentCache');
    return this._rt.execution.documentContext ? new CacheImpl(this._rt, this._stores.document) : null;
  }

  /** AuthMode.NONE offers Logger and Utilities only, per switches.cacheServiceInAuthModeNone (text UNCONFIRMED). */
  private _allowed(method: string): void {
    if (this._rt.switches.cacheServiceInAuthModeNone === 'allow') return;
    this._rt.requireAuthMode('LIMITED', `CacheService.${method}`, null);
  }
}

instrumentClass(CacheImpl, 'Cache', 'Cache');
instrumentClass(CacheServiceImpl, 'CacheService', 'Cache');
