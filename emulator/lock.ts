import { fail, MSG } from './errors';
import { type HasRuntime, instrumentClass, type Runtime } from './runtime';

export type LockKind = 'document' | 'script' | 'user';

/** Lock key -> holder token ('exec:<id>' for an emulated execution, 'other:<n>' for another process). */
export class LockTable {
  readonly holders = new Map<string, string>();
  private otherSeq = 0;

  static key(rt: Runtime, kind: LockKind): string {
    return kind === 'script' ? 'script' : kind === 'user' ? `user:${rt.user}` : `document:${rt.spreadsheetId}`;
  }

  static token(rt: Runtime): string {
    return `exec:${rt.execution.id}`;
  }

  /** Another execution takes the lock (even if this one holds it: the test decides). */
  holdByOther(key: string): () => void {
    const token = `other:${++this.otherSeq}`;
    this.holders.set(key, token);
    return () => {
      if (this.holders.get(key) === token) this.holders.delete(key);
    };
  }

  releaseAll(token: string): void {
    for (const [k, t] of this.holders) if (t === token) this.holders.delete(k);
  }
}

/** A negative timeout throws or counts as 0 (switches.negativeLockTimeout; UNCONFIRMED either way). */
function checkTimeout(rt: Runtime, timeoutInMillis: unknown): number {
  const ms = Number(timeoutInMillis);
  if (!Number.isFinite(ms)) fail(MSG.negativeTimeout);
  if (ms < 0 && rt.switches.negativeLockTimeout === 'throw') fail(MSG.negativeTimeout);
  return Math.max(0, ms);
}

export class LockImpl implements HasRuntime {
  constructor(
    readonly _rt: Runtime,
    private readonly _table: LockTable,
    private readonly _key: string,
  ) {}

  /** No real wait: when another process holds the lock the fake clock advances by the timeout. */
  tryLock(timeoutInMillis: number): boolean {
    const wait = checkTimeout(this._rt, timeoutInMillis);
    const holder = this._table.holders.get(this._key);
    const mine = LockTable.token(this._rt);
    if (holder === mine) return true;
    if (holder === undefined) {
      this._table.holders.set(this._key, mine);
      return true;
    }
    this._rt.now += wait;
    return false;
  }

  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) fail(MSG.lockTimeout);
  }

  hasLock(): boolean {
    return this._table.holders.get(this._key) === LockTable.token(this._rt);
  }

  releaseLock(): void {
    if (this.hasLock()) this._table.holders.delete(this._key);
  }
}

export class LockServiceImpl implements HasRuntime {
  constructor(
    readonly _rt: Runtime,
    private readonly _table: LockTable,
  ) {}
  getScriptLock(): LockImpl {
    this._allowed('getScriptLock');
    return this._lock('script');
  }
  getUserLock(): LockImpl {
    this._allowed('getUserLock');
    return this._lock('user');
  }
  getDocumentLock(): LockImpl | null {
    this._allowed('getDocumentLock');
    return this._rt.execution.documentContext ? this._lock('document') : null;
  }

  /** AuthMode.NONE offers Logger and Utilities only (the permission text is UNCONFIRMED). */
  private _allowed(method: string): void {
    this._rt.requireAuthMode('LIMITED', `LockService.${method}`, null);
  }

  private _lock(kind: LockKind): LockImpl {
    return new LockImpl(this._rt, this._table, LockTable.key(this._rt, kind));
  }
}

instrumentClass(LockImpl, 'Lock', 'Lock');
instrumentClass(LockServiceImpl, 'LockService', 'Lock');
