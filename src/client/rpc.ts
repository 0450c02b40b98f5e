/**
 * Typed promise wrapper around `google.script.run`, derived from the RPC contract in
 * src/shared/rpc.ts (which the server's public module is checked against). `rpc.previewSchem()`
 * or `createRpc` missing a function is a type error. No DOM and no globals here: the runner
 * factory is injected, so this module is unit-tested in Node.
 *
 * Functions that are both a menu item and a sidebar target return null in their menu form; the
 * sidebar always calls their sidebar form, so here they resolve to the JSON result or reject.
 */
import type { Translator } from '../shared/messages';
import { MAY_RETURN_NULL, type SidebarApi, type SidebarFunction } from '../shared/rpc';

/** The part of google.script.run this wrapper uses. Every `with*` returns a new runner. */
export interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): ScriptRunner;
}

/** What a call resolves to: never null (a null answer rejects, see MAY_RETURN_NULL). */
export type RpcResult<K extends SidebarFunction> = NonNullable<ReturnType<SidebarApi[K]>>;

export type Rpc = {
  readonly [K in SidebarFunction]: (...args: Parameters<SidebarApi[K]>) => Promise<RpcResult<K>>;
};

/** Message of whatever a failure handler received (google.script.run passes an Error). */
export function failureMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'message' in error)
    return String((error as { message: unknown }).message);
  return String(error);
}

/** A failure's own text, or the catalogue's "stopped without saying why" when it carries none (undefined, {}, ''). */
function operatorFailure(error: unknown, x: Translator): string {
  const said =
    error instanceof Error ||
    typeof error === 'string' ||
    (typeof error === 'object' && error !== null && 'message' in error);
  const message = said ? failureMessage(error).trim() : '';
  return message === '' ? x.t('rpc.noMessage') : message;
}

function invoke<K extends SidebarFunction>(
  runner: ScriptRunner,
  x: Translator,
  call: { readonly name: K; readonly args: Parameters<SidebarApi[K]> },
): Promise<RpcResult<K>> {
  const { name, args } = call;
  return new Promise((resolve, reject) => {
    const ready = runner
      .withSuccessHandler((value) => {
        if ((value === null || value === undefined) && MAY_RETURN_NULL[name])
          // The server answered as if called from the menu (its menu form returns null).
          reject(new Error(x.t('rpc.noResult')));
        else resolve(value as RpcResult<K>);
      })
      .withFailureHandler((error) => reject(new Error(operatorFailure(error, x))));
    const target = (ready as unknown as Record<string, unknown>)[name];
    if (typeof target !== 'function') {
      reject(new Error(x.t('rpc.missingFunction', { name })));
      return;
    }
    (target as (...a: unknown[]) => void).apply(ready, args);
  });
}

/**
 * `runner` returns a fresh google.script.run (in the sidebar: `() => google.script.run`); `x`
 * words the failures the sidebar meets itself, in the sidebar's language.
 */
export function createRpc(runner: () => ScriptRunner, x: Translator): Rpc {
  const call =
    <K extends SidebarFunction>(name: K) =>
    (...args: Parameters<SidebarApi[K]>) =>
      invoke(runner(), x, { name, args });
  return {
    previewSchema: call('previewSchema'),
    applySchema: call('applySchema'),
    clearColumnCache: call('clearColumnCache'),
    getScheduleStatus: call('getScheduleStatus'),
    installScheduledCheck: call('installScheduledCheck'),
    removeScheduledCheck: call('removeScheduledCheck'),
    setAutoRepair: call('setAutoRepair'),
    setMetricsInCheck: call('setMetricsInCheck'),
    checkSchemaNow: call('checkSchemaNow'),
    previewUnionMetrics: call('previewUnionMetrics'),
    recomputeUnionMetrics: call('recomputeUnionMetrics'),
    getLiveMetricsStatus: call('getLiveMetricsStatus'),
    keepMetricsLive: call('keepMetricsLive'),
    stopLiveMetrics: call('stopLiveMetrics'),
    restoreColumnHeader: call('restoreColumnHeader'),
  };
}
