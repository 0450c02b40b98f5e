/**
 * Arguments from google.script.run come from a client: any sidebar (or a crafted one) can call
 * any public function with anything. Validate shape before use; reject with a clear message.
 */
import { SchemaError } from '../core/errors';

const FINGERPRINT = /^[0-9a-f]{14}$/;

/**
 * A request of the wrong shape: `message` is the developer's text, kept as the `detail` the
 * operator's sentence ends with (src/shared/wording/failure.ts), so nobody loses what was wrong.
 */
export function badArgument(message: string): SchemaError {
  return new SchemaError('BAD_ARGUMENT', message, { detail: message });
}

export function expectFingerprint(functionName: string, value: unknown): string {
  if (typeof value === 'string' && FINGERPRINT.test(value)) return value;
  throw badArgument(
    `${functionName} expects the fingerprint of the preview being applied (14 hex characters, from previewSchema().fingerprint); got ${describe(value)}. Nothing was written.`,
  );
}

/**
 * Whether Apps Script passes anything to a menu-item function is undocumented (UNCONFIRMED, see
 * docs/platform.md); triggers pass an event object. Such an event (it carries `authMode`) is
 * tolerated; any other argument is refused.
 */
function isPlatformEvent(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'authMode' in value;
}

export function expectNoArguments(functionName: string, args: ArrayLike<unknown>): void {
  const given = Array.from(args).filter((arg) => arg !== undefined && !isPlatformEvent(arg));
  if (given.length > 0) {
    throw badArgument(`${functionName} takes no arguments; got ${given.length}. Nothing was done.`);
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

/**
 * Sidebar requests that act without a dialog carry `{ confirmed: true }` (the operator confirmed
 * in the sidebar). A menu click passes nothing. Anything else is refused.
 */
export function isConfirmedRequest(value: unknown): boolean {
  if (value === undefined || isPlatformEvent(value)) return false;
  if (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).length === 1 &&
    (value as { confirmed?: unknown }).confirmed === true
  )
    return true;
  throw badArgument(
    `Expected no argument (menu) or { confirmed: true } (sidebar); got ${describe(value)}. Nothing was written.`,
  );
}

/**
 * Functions that are both a menu item and a sidebar target but do not need a confirmation: a menu
 * click passes nothing (or an event) and gets a dialog; the sidebar passes `{ sidebar: true }` and
 * gets JSON back without any dialog. An event from a trigger (it carries `triggerUid`) is refused:
 * these functions create triggers, and triggers created from a trigger are disabled in V8.
 */
export function isSidebarRequest(functionName: string, value: unknown): boolean {
  if (value === undefined) return false;
  if (isPlatformEvent(value)) {
    if ('triggerUid' in (value as object)) {
      throw new SchemaError(
        'NOT_FROM_A_TRIGGER',
        `${functionName} must be run from the menu or the sidebar, not from a trigger (triggers created by a trigger are disabled). Nothing was done.`,
      );
    }
    return false;
  }
  if (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).length === 1 &&
    (value as { sidebar?: unknown }).sidebar === true
  )
    return true;
  throw badArgument(
    `${functionName} expects no argument (menu) or { sidebar: true } (sidebar); got ${describe(value)}. Nothing was done.`,
  );
}

/**
 * google.script.run passes every argument the client sent, and the bundle's stubs forward them
 * all: arguments past the ones a function declares are a shape it does not have, not something
 * to ignore silently.
 */
export function expectAtMostArguments(functionName: string, args: ArrayLike<unknown>, max: number): void {
  const extra = Array.from(args)
    .slice(max)
    .filter((arg) => arg !== undefined).length;
  if (extra > 0) {
    throw badArgument(
      `${functionName} takes at most ${max} argument${max === 1 ? '' : 's'}; got ${extra} more. Nothing was done.`,
    );
  }
}

export function expectBoolean(functionName: string, value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  throw badArgument(`${functionName} expects true or false; got ${describe(value)}. Nothing was changed.`);
}
