import { createRpc, failureMessage, type ScriptRunner } from '../../src/client/rpc';
import { messages } from '../../src/shared/messages';
import type { SidebarApi } from '../../src/shared/rpc';

const EN = messages('en');
const ES = messages('es');

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
    for (const name of ['previewSchema', 'applySchema', 'clearColumnCache', 'installScheduledCheck']) {
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
      EN,
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
      ES,
    );
    await expect(rpc.applySchema('0123456789abcd', { sidebar: true })).rejects.toThrow(
      'the sheet changed since this preview',
    );
  });

  it('rejects in the sidebar’s language when google.script.run lacks the function', async () => {
    const rpcless = { withSuccessHandler: () => rpcless, withFailureHandler: () => rpcless };
    const runner = () => rpcless as unknown as ScriptRunner;
    await expect(createRpc(runner, EN).previewSchema()).rejects.toThrow(
      'This sidebar is older than the add-on: it asked for an action the add-on no longer has (previewSchema).',
    );
    await expect(createRpc(runner, ES).previewSchema()).rejects.toThrow(
      'Esta barra lateral es más antigua que el complemento: ha pedido una acción que el complemento ya no tiene (previewSchema).',
    );
  });

  it('rejects in the sidebar’s language when a sidebar call gets its menu form’s null', async () => {
    const serve = () => null;
    await expect(createRpc(fakeRunner(serve, []), ES).installScheduledCheck({ sidebar: true })).rejects.toThrow(
      'El complemento respondió sin resultado',
    );
    await expect(createRpc(fakeRunner(serve, []), EN).installScheduledCheck({ sidebar: true })).rejects.toThrow(
      'The add-on answered without a result',
    );
    // A function that never returns null in its sidebar form resolves with what came back.
    await expect(createRpc(fakeRunner(serve, []), EN).previewSchema()).resolves.toBeNull();
  });

  it('words a failure that carries no message (undefined, {}, blank) and keeps one that does', async () => {
    for (const thrown of [undefined, {}, '  ', { message: '' }]) {
      const rpc = createRpc(
        fakeRunner(() => {
          throw thrown;
        }, []),
        ES,
      );
      await expect(rpc.previewSchema()).rejects.toThrow(ES.t('rpc.noMessage'));
    }
    const plain = createRpc(
      fakeRunner(() => {
        throw 'Exceeded maximum execution time';
      }, []),
      EN,
    );
    await expect(plain.previewSchema()).rejects.toThrow('Exceeded maximum execution time');
    expect(EN.t('rpc.noMessage')).toMatch(/^The add-on stopped without saying why/);
  });

  it('exposes exactly the contract functions', () => {
    const rpc = createRpc(
      fakeRunner(() => null, []),
      EN,
    );
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
