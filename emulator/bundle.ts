/// <reference path="./gas-local.d.ts" />
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import gasLocal from 'gas-local';
import type { Emulator } from './api';
import { isDate } from './dates';
import { MSG } from './errors';
import type { ExecutionContext } from './types';

type Fn = (...args: unknown[]) => unknown;

/** Registers the bundle's .html files (top level of distDir) unless the test already set one with that name. */
function registerHtml(emu: Emulator, distDir: string): void {
  const files: Record<string, string> = {};
  for (const f of readdirSync(distDir)) {
    if (f.endsWith('.html')) files[f.slice(0, -5)] = readFileSync(join(distDir, f), 'utf8');
  }
  emu.html.setFiles(files);
}

/**
 * Loads the built bundle with gas-local into a NEW context holding the emulator's globals (one per call: global
 * statements run again, state does not leak). Returns the top-level functions.
 */
/** A top-level function of the bundle, as Apps Script would call it. */
// biome-ignore lint/suspicious/noExplicitAny: bundle functions are untyped JavaScript; callers know each one's result
export type BundleFunction = (...args: unknown[]) => any;

export function loadBundle(emu: Emulator, distDir: string): Record<string, BundleFunction> {
  const ctx = loadContext(emu, distDir);
  const out: Record<string, BundleFunction> = {};
  for (const name of Object.getOwnPropertyNames(ctx)) {
    const v = ctx[name];
    if (typeof v === 'function' && !(name in emu.globals)) out[name] = v as BundleFunction;
  }
  return out;
}

/** Loads the bundle; Dates the services hand out are then made in the bundle's realm (so `instanceof Date` works). */
function loadContext(emu: Emulator, distDir: string): Record<string, unknown> {
  registerHtml(emu, distDir);
  const ctx = gasLocal.require(distDir, { ...emu.globals });
  emu.setDateRealm(vm.runInContext('Date', ctx as vm.Context) as DateConstructor);
  return ctx;
}

/** Resolves 'fn' or 'obj.method' (menus and installable triggers may name methods of top-level var objects). */
function resolve(ctx: Record<string, unknown>, name: string): Fn {
  const [head, ...rest] = name.split('.');
  let target: unknown = ctx[head];
  for (const part of rest) target = (target as Record<string, unknown> | undefined)?.[part];
  if (typeof target !== 'function') throw new Error(MSG.scriptFunctionNotFound(name));
  return target as Fn;
}

/**
 * Trigger handlers for Emulator.setHandlers that run the bundle's top-level function of that name in a
 * fresh load (Apps Script loads the script afresh for every trigger execution); the emulator begins and
 * ends the execution around it.
 */
export function bundleTriggerHandlers(
  emu: Emulator,
  distDir: string,
  names: readonly string[],
): Record<string, (event: Record<string, unknown>) => unknown> {
  return Object.fromEntries(
    names.map((name) => [
      name,
      (event: Record<string, unknown>) => {
        try {
          return resolve(loadContext(emu, distDir), name)(event);
        } finally {
          emu.setDateRealm(null);
        }
      },
    ]),
  );
}

/** One execution: begin, fresh load (global statements run), call, end (also on throw). */
export function runEntryPoint(
  emu: Emulator,
  distDir: string,
  name: string,
  args: unknown[],
  context?: ExecutionContext,
): unknown {
  emu.beginExecution(context);
  try {
    return resolve(loadContext(emu, distDir), name)(...args);
  } finally {
    emu.endExecution();
    emu.setDateRealm(null);
  }
}

const isPlain = (o: object): boolean => {
  const proto = Object.getPrototypeOf(o);
  return proto === null || Object.getPrototypeOf(proto) === null;
};

/** google.script.run argument rules (client side): primitives, plain objects and arrays only. */
function checkArg(value: unknown, key: string, seen: Set<object>): void {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') {
      throw new TypeError(`Failed due to illegal value in property: ${key}`);
    }
    return;
  }
  if (seen.has(value)) throw new Error('Failed due to circular reference.');
  if (isDate(value) || (!Array.isArray(value) && !isPlain(value)))
    throw new TypeError(`Failed due to illegal value in property: ${key}`);
  seen.add(value);
  for (const k of Object.keys(value)) checkArg((value as Record<string, unknown>)[k], k, seen);
  seen.delete(value);
}

function containsDate(v: unknown, seen = new Set<object>()): boolean {
  if (v === null || typeof v !== 'object' || seen.has(v)) return false;
  if (isDate(v)) return true;
  seen.add(v);
  return Object.values(v).some((x) => containsDate(x, seen));
}

/** JSON semantics: undefined in arrays -> null, undefined properties dropped, objects copied. */
const copyJson = (v: unknown): unknown => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));

/**
 * google.script.run semantics: only top-level functions not ending in '_'; illegal arguments fail on the client;
 * the result is serialized (any Date anywhere -> null); server exceptions come back as Error with the same message.
 */
export function scriptRun(emu: Emulator, distDir: string, name: string, ...args: unknown[]): unknown {
  const source = readBundleSource(distDir);
  if (name.endsWith('_') || !topLevelFunctionNames(source).includes(name)) {
    throw new TypeError(`google.script.run.${name} is not a function`);
  }
  args.forEach((a, i) => {
    checkArg(a, String(i), new Set());
  });
  const sent = args.map(copyJson);
  let result: unknown;
  try {
    result = runEntryPoint(emu, distDir, name, sent, { kind: 'scriptRun', authMode: 'FULL' });
  } catch (e) {
    const err = new Error(
      e instanceof Error || (typeof e === 'object' && e && 'message' in e) ? String((e as Error).message) : String(e),
    );
    if (typeof e === 'object' && e && 'name' in e) err.name = String((e as Error).name);
    throw err;
  }
  return containsDate(result) ? null : copyJson(result);
}

function readBundleSource(distDir: string): string {
  const files = readdirSync(distDir)
    .filter((f) => f.endsWith('.js'))
    .sort();
  return files.map((f) => readFileSync(join(distDir, f), 'utf8')).join('\n;\n');
}

/**
 * Names of the top-level functions a script defines: the source runs in an empty vm context (function
 * declarations are hoisted, so they exist even if a top-level statement throws for lack of services).
 */
export function topLevelFunctionNames(bundleSource: string): string[] {
  const ctx = vm.createContext({});
  try {
    vm.runInContext(bundleSource, ctx, { timeout: 2000 });
  } catch {
    // top-level statements may need services; declarations are already in place
  }
  return Object.getOwnPropertyNames(ctx).filter((n) => typeof (ctx as Record<string, unknown>)[n] === 'function');
}
