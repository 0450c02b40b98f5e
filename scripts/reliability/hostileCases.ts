/**
 * Hostile sheets: the one list of fixtures a change must survive, used by the jest tests
 * (test/reliability/hostile.test.ts) and by `npm run reliability` (scripts/reliability.ts).
 *
 * Each case ends one of three ways, and the runner checks it precisely:
 *   - 'blocked': the dry run is blocked by a finding with the expected code and location; its
 *     message names the sheet/cell/column; an apply of that plan (as a hostile client could send)
 *     throws with that message; zero write calls; every sheet byte-identical before and after.
 *   - 'applied': the apply is correct — the five v4.0 columns present once each, every data row
 *     filled, no pre-existing non-empty cell changed, nothing written outside the managed columns,
 *     expected warnings naming their cell, and a further dry run is up to date.
 *   - 'up-to-date': nothing to do, zero writes.
 * Union-metrics cases ('metrics') refuse with a SchemaError code naming the sheet/column.
 */
import type { Emulator } from '../../emulator';
import { ACCEPTED_CASES, METRICS_CASES } from './hostileAccepted';
import { REFUSED_CASES } from './hostileRefused';

export { runHostileCase } from './hostileRunner';

export type HostileExpectation =
  | {
      readonly kind: 'blocked';
      readonly code: string;
      /** The finding's location (null: the finding names the sheet in its message only). */
      readonly location?: string | null;
      /** Texts the message must contain: the sheet, cell or column it names. */
      readonly mentions: readonly string[];
    }
  | {
      readonly kind: 'applied';
      /** Warnings the dry run must show, by code and location. */
      readonly warnings?: ReadonlyArray<{ readonly code: string; readonly location: string }>;
      /** Case-specific checks after the apply; returns problems. */
      readonly check?: (emu: Emulator) => string[];
    }
  | { readonly kind: 'up-to-date' };

export interface HostileCase {
  readonly name: string;
  /** 'schema' (default): preview then apply. 'metrics': previewUnionMetrics then recomputeUnionMetrics. */
  readonly action?: 'schema' | 'metrics';
  build(): Emulator;
  readonly expect: HostileExpectation;
}

export interface HostileResult {
  readonly name: string;
  readonly expected: HostileExpectation['kind'];
  /** What happened: 'blocked' / 'applied' / 'up-to-date', or 'error' for an unexpected exception. */
  readonly outcome: 'blocked' | 'applied' | 'up-to-date' | 'error';
  /** The operator's message (the blocking message, or the apply's summary). */
  readonly message: string;
  /** The message names what it should (for blocked cases) or the apply was correct (applied). */
  readonly clear: boolean;
  /** Write calls made by a refused change, plus cells changed where nothing should have changed. */
  readonly unexpectedWrites: number;
  readonly problems: readonly string[];
}

export const HOSTILE_CASES: readonly HostileCase[] = [...REFUSED_CASES, ...ACCEPTED_CASES, ...METRICS_CASES];
