import { createHash, randomUUID } from 'node:crypto';
import { format } from 'node:util';
import { formatDate, isDate } from './dates';
import { fail, MSG } from './errors';
import type { Runtime } from './runtime';

/** Utilities, Logger and console: not counted (no ServiceName), never faulted. */

export const DigestAlgorithm = Object.freeze({
  MD2: 'MD2',
  MD5: 'MD5',
  SHA_1: 'SHA_1',
  SHA_256: 'SHA_256',
  SHA_384: 'SHA_384',
  SHA_512: 'SHA_512',
} as const);
export const Charset = Object.freeze({ US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' } as const);
const NODE_DIGEST: Record<string, string> = {
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};

/** Java bytes are signed. */
const signed = (buf: Buffer): number[] => [...buf].map((b) => (b > 127 ? b - 256 : b));
const toBuffer = (v: string | number[]): Buffer =>
  typeof v === 'string' ? Buffer.from(v, 'utf8') : Buffer.from(v.map((b) => (b + 256) % 256));

export function createUtilities(rt: Runtime) {
  return {
    DigestAlgorithm,
    Charset,
    /** Advances the fake clock only. */
    sleep(milliseconds: number): void {
      if (milliseconds > 300000) fail(MSG.sleepTooLong);
      rt.now += Math.max(0, Number(milliseconds) || 0);
    },
    formatDate(date: Date, timeZone: string, formatString: string): string {
      if (!isDate(date))
        fail(
          `The parameters (${typeof date},String,String) don't match the method signature for Utilities.formatDate.`,
        );
      return formatDate(date.getTime(), timeZone, formatString);
    },
    formatString(template: string, ...args: unknown[]): string {
      return format(template, ...args);
    },
    getUuid(): string {
      return randomUUID();
    },
    computeDigest(algorithm: string, value: string | number[]): number[] {
      const alg = NODE_DIGEST[algorithm];
      if (!alg) fail(`Unsupported digest algorithm: ${algorithm}`);
      return signed(createHash(alg).update(toBuffer(value)).digest());
    },
    base64Encode(data: string | number[]): string {
      return toBuffer(data).toString('base64');
    },
    base64EncodeWebSafe(data: string | number[]): string {
      return toBuffer(data).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
    },
    base64Decode(encoded: string): number[] {
      return signed(Buffer.from(encoded, 'base64'));
    },
    base64DecodeWebSafe(encoded: string): number[] {
      return signed(Buffer.from(encoded, 'base64url'));
    },
  };
}

export function createLogger(rt: Runtime) {
  const logger = {
    log(data: unknown, ...values: unknown[]) {
      rt.logs.push(values.length && typeof data === 'string' ? format(data, ...values) : format(data));
      return logger;
    },
    getLog(): string {
      return rt.logs.join('\n');
    },
    clear(): void {
      rt.logs.length = 0;
    },
  };
  return logger;
}

/** console.* lines go to emu.logs; warn/error are prefixed with their level. */
export function createConsole(rt: Runtime): Console {
  const line =
    (prefix: string) =>
    (...args: unknown[]) => {
      rt.logs.push(prefix + format(...args));
    };
  const c = { log: line(''), info: line(''), debug: line(''), warn: line('WARN: '), error: line('ERROR: ') };
  return c as unknown as Console;
}
