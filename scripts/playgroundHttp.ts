/** The playground's HTTP plumbing: responses, bounded JSON bodies, request parsing, the host check, listening. */

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Emulator, scriptRun } from '../emulator';
import type { RpcRequest, RpcResponse } from '../src/client/playground/protocol';

export const HOST = '127.0.0.1';
const MAX_BODY_BYTES = 1_000_000;

export type Route = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

export function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, {
    'Content-Type': `${type}; charset=utf-8`,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(body);
}

export const sendJson = (res: ServerResponse, status: number, value: unknown): void =>
  send(res, status, 'application/json', JSON.stringify(value));

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('request body too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function parseRpc(body: string): RpcRequest {
  const value = JSON.parse(body) as Partial<RpcRequest> | null;
  if (value === null || typeof value.name !== 'string' || !Array.isArray(value.args))
    throw new Error('expected {"name": string, "args": []}');
  return { name: value.name, args: value.args };
}

/** `{ sheet, a1, value }`: one cell, typed as a person would (fires the add-on's edit triggers). */
export function parseEdit(body: string): { sheet: string; a1: string; value: string } {
  const value = JSON.parse(body) as { sheet?: unknown; a1?: unknown; value?: unknown } | null;
  if (value === null || typeof value.sheet !== 'string' || typeof value.value !== 'string')
    throw new Error('expected {"sheet": string, "a1": "K12", "value": string}');
  if (typeof value.a1 !== 'string' || !/^[A-Z]{1,3}[1-9][0-9]{0,6}$/.test(value.a1))
    throw new Error('a1 must name one cell, like K12');
  return { sheet: value.sheet, a1: value.a1, value: value.value };
}

export function runRpc(emulator: Emulator, distDir: string, request: RpcRequest): RpcResponse {
  try {
    return { ok: true, value: scriptRun(emulator, distDir, request.name, ...request.args) ?? null };
  } catch (error) {
    const err = error instanceof Error ? error : new Error(String(error));
    return { ok: false, error: { name: err.name, message: err.message } };
  }
}

/** Only this machine, by IP or localhost name (refuses DNS-rebinding hosts); POSTs must be JSON. */
function allowed(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host ?? '';
  if (host !== `${HOST}:${port}` && host !== `localhost:${port}`) return false;
  return req.method !== 'POST' || (req.headers['content-type'] ?? '').startsWith('application/json');
}

/** Serves `routes` on HOST (port 0 picks a free one); answers 403 to other hosts, 404 to unknown routes. */
export async function listen(
  routes: Record<string, Route>,
  requestedPort: number,
): Promise<{ server: Server; port: number }> {
  let port = 0;
  const server: Server = createServer((req, res) => {
    const route = routes[`${req.method ?? 'GET'} ${(req.url ?? '/').split('?')[0]}`];
    if (!allowed(req, port)) return send(res, 403, 'text/plain', 'Forbidden');
    if (route === undefined) return send(res, 404, 'text/plain', 'Not found');
    Promise.resolve(route(req, res)).catch((error: unknown) => {
      if (!res.headersSent) send(res, 400, 'text/plain', error instanceof Error ? error.message : String(error));
    });
  });
  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(requestedPort, HOST, ready);
  });
  port = (server.address() as AddressInfo).port;
  return { server, port };
}
