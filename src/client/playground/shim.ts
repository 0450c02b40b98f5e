/**
 * google.script.run for the local playground, with Apps Script's semantics: runners are
 * immutable (every with* returns a new one), only the bundle's public functions exist, calls
 * are asynchronous, the failure handler gets an Error carrying the server's message, and
 * without one the failure is logged. Calls go to POST /rpc, where the real server bundle runs
 * on the emulated workbook.
 */
import { RPC_DONE, type RpcRequest, type RpcResponse } from './protocol';

type Handler = (value: unknown, userObject: unknown) => void;

interface Settings {
  readonly success: Handler | null;
  readonly failure: Handler | null;
  readonly userObject: unknown;
}

function checkArgument(value: unknown, key: string, seen: Set<object>): void {
  if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint')
    throw new TypeError(`Failed due to illegal value in property: ${key}`);
  if (value === null || typeof value !== 'object') return;
  if (seen.has(value)) throw new Error('Failed due to circular reference.');
  const proto = Object.getPrototypeOf(value) as object | null;
  if (!Array.isArray(value) && proto !== null && proto !== Object.prototype)
    throw new TypeError(`Failed due to illegal value in property: ${key}`);
  seen.add(value);
  for (const [k, v] of Object.entries(value)) checkArgument(v, k, seen);
  seen.delete(value);
}

async function post(request: RpcRequest): Promise<RpcResponse> {
  const response = await fetch('/rpc', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(request),
  });
  if (!response.ok)
    return { ok: false, error: { name: 'Error', message: `Playground server answered HTTP ${response.status}` } };
  return (await response.json()) as RpcResponse;
}

function notifyPage(name: string): void {
  if (window.parent !== window) window.parent.postMessage({ type: RPC_DONE, name }, window.location.origin);
}

async function call(name: string, args: unknown[], settings: Settings): Promise<void> {
  const answer = await post({ name, args }).catch(
    (error: unknown): RpcResponse => ({ ok: false, error: { name: 'NetworkError', message: String(error) } }),
  );
  notifyPage(name);
  if (answer.ok) {
    settings.success?.(answer.value, settings.userObject);
    return;
  }
  const error = new Error(answer.error.message);
  error.name = answer.error.name;
  if (settings.failure === null) console.error(error);
  else settings.failure(error, settings.userObject);
}

function runner(functions: readonly string[], settings: Settings): Record<string, unknown> {
  const run: Record<string, unknown> = {
    withSuccessHandler: (fn: Handler | null) => runner(functions, { ...settings, success: fn }),
    withFailureHandler: (fn: Handler | null) => runner(functions, { ...settings, failure: fn }),
    withUserObject: (userObject: unknown) => runner(functions, { ...settings, userObject }),
  };
  for (const name of functions) {
    run[name] = (...args: unknown[]): void => {
      args.forEach((arg, i) => {
        checkArgument(arg, String(i), new Set());
      });
      void call(name, JSON.parse(JSON.stringify(args)) as unknown[], settings);
    };
  }
  return Object.freeze(run);
}

/** Installs window.google.script.{run,host}; `functions` are the bundle's public function names. */
export function install(functions: readonly string[]): void {
  const host = {
    close: (): void => window.parent.postMessage({ type: 'sheet-schema:close' }, window.location.origin),
    editor: { focus: (): void => undefined },
    origin: window.location.origin,
  };
  const script = { run: runner(functions, { success: null, failure: null, userObject: undefined }), host };
  Object.defineProperty(window, 'google', {
    value: Object.freeze({ script: Object.freeze(script) }),
    configurable: false,
    writable: false,
  });
}
