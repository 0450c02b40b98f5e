import { createHash } from 'node:crypto';
import { type HasRuntime, instrumentClass, type Runtime } from './runtime';

export class UserImpl implements HasRuntime {
  constructor(
    readonly _rt: Runtime,
    private readonly _email: string,
  ) {}
  getEmail(): string {
    return this._email;
  }
  getNickname(): string {
    return this._email.split('@')[0];
  }
  toString(): string {
    return this._email;
  }
}

export class SessionImpl implements HasRuntime {
  constructor(readonly _rt: Runtime) {}
  /** '' in simple triggers and NONE/LIMITED runs: there the only user data is the locale. */
  getActiveUser(): UserImpl {
    return new UserImpl(this._rt, this._rt.userDataHidden() ? '' : this._rt.user);
  }
  /** The emulator runs every execution as the active user (no "execute as me" deployments). */
  getEffectiveUser(): UserImpl {
    return new UserImpl(this._rt, this._rt.userDataHidden() ? '' : this._rt.user);
  }
  /** Stable per user and script, opaque. */
  getTemporaryActiveUserKey(): string {
    return createHash('sha256').update(`${this._rt.scriptId}\u0000${this._rt.user}`).digest('base64url').slice(0, 43);
  }
  getScriptTimeZone(): string {
    return this._rt.timeZone;
  }
  getTimeZone(): string {
    return this._rt.timeZone;
  }
  /** Available in every AuthMode; the active user's own locale (Emulator.setUserLocale), else the default. */
  getActiveUserLocale(): string {
    return this._rt.userLocales.get(this._rt.user) ?? this._rt.locale;
  }
}

instrumentClass(UserImpl, 'User', 'Session');
instrumentClass(SessionImpl, 'Session', 'Session');
