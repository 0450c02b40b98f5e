import { createRpc, failureMessage, type ScriptRunner } from '../../src/client/rpc';
import type { SidebarApi } from '../../src/shared/rpc';

type Handlers = { success?: (value: unknown) => void; failure?: (error: unknown) => void };

/** An immutable runner like google.script.run; `serve` answers each call (value or thrown error). */
function fakeRunner(
  serve: (name: string, args: unknown[]) => unknown,
  calls: Array<{ name: string; args: unknown[] }>,
): () => ScriptRunner {
  const make = (handlers: Handlers): ScriptRunner => {
    const runner: Record<string, unknown> = {
      withSuccessHandler: (success: Handlers['success']) => make({ ...handlers, success }),
      withFailureHandler: (failure: Handlers['failure']) => make({ ...handlers, failure }),
    };
    for (const name of ['previewSchema', 'applySchema', 'clearColumnCache']) {
      runner[name] = (...args: unknown[]) => {
        calls.push({ name, args });
        queueMicrotask(() => {
          try {
            handlers.success?.(serve(name, args));
          } catch (error) {
            handlers.failure?.(error);
          }
        });
      };
    }
    return runner as unknown as ScriptRunner;
  };
  return () => make({});
}

describe('createRpc', () => {
  it('resolves with what the server returned, passing the arguments through', async () => {
    const calls: Array<{ name: string; args: unknown[] }> = [];
    const rpc = createRpc(
      fakeRunner((name) => (name === 'clearColumnCache' ? { cleared: ['Operaciones'] } : null), calls),
    );
    await expect(rpc.clearColumnCache()).resolves.toEqual({ cleared: ['Operaciones'] });
    await rpc.applySchema('0123456789abcd', { sidebar: true });
    expect(calls).toEqual([
      { name: 'clearColumnCache', args: [] },
      { name: 'applySchema', args: ['0123456789abcd', { sidebar: true }] },
    ]);
  });

  it('rejects with an Error carrying the server message', async () => {
    const rpc = createRpc(
      fakeRunner(() => {
        throw new Error('Sheet Schema: the sheet changed since this preview, so nothing was written.');
      }, []),
    );
    await expect(rpc.applySchema('0123456789abcd', { sidebar: true })).rejects.toThrow(
      'the sheet changed since this preview',
    );
  });

  it('rejects when google.script.run lacks the function', async () => {
    const rpc = createRpc(
      () => ({ withSuccessHandler: () => rpcless, withFailureHandler: () => rpcless }) as unknown as ScriptRunner,
    );
    const rpcless = { withSuccessHandler: () => rpcless, withFailureHandler: () => rpcless };
    await expect(rpc.previewSchema()).rejects.toThrow('google.script.run has no server function named previewSchema.');
  });

  it('exposes exactly the contract functions', () => {
    const rpc = createRpc(fakeRunner(() => null, []));
    const names: Array<keyof SidebarApi> = [
      'applySchema',
      'checkSchemaNow',
      'clearColumnCache',
      'getLiveMetricsStatus',
      'getScheduleStatus',
      'installScheduledCheck',
      'keepMetricsLive',
      'previewSchema',
      'previewUnionMetrics',
      'recomputeUnionMetrics',
      'removeScheduledCheck',
      'restoreColumnHeader',
      'setAutoRepair',
      'setMetricsInCheck',
      'stopLiveMetrics',
    ];
    expect(Object.keys(rpc).sort()).toEqual(names);
  });
});

describe('failureMessage', () => {
  it('reads Error, error-like objects and anything else', () => {
    expect(failureMessage(new Error('boom'))).toBe('boom');
    expect(failureMessage({ message: 'from another realm' })).toBe('from another realm');
    expect(failureMessage('plain')).toBe('plain');
  });
});

// Compile-time: a misspelt server name is a type error (checked by `npm run typecheck`).
// biome-ignore lint/suspicious/noExportsInTest: exported so tsc checks these lines without the test calling them
export function typoIsATypeError(rpc: ReturnType<typeof createRpc>): void {
  // @ts-expect-error previewSchem is not a server function
  void rpc.previewSchem;
  // @ts-expect-error applySchema takes the plan's fingerprint string
  void rpc.applySchema(42, { sidebar: true });
}
