/**
 * Apps Script time ESTIMATES from published per-call latencies — not measurements. The benchmark
 * measures calls and cells on the emulator; these turn a call count into a time range.
 */

export interface LatencySource {
  readonly msPerCall: number;
  readonly label: string;
  readonly source: string;
  readonly confidence: string;
}

/** Best case: writes queued without reads in between (Apps Script batches them). */
export const LOW: LatencySource = {
  msPerCall: 7,
  label: 'batched writes, ~7 ms/call',
  source:
    'Apps Script best practices (developers.google.com/apps-script/guides/support/best-practices): a 100×100 loop of per-cell calls vs one batch call, ' +
    'quoted by secondary sources as ~70 s for 10,000 calls (≈ 7 ms/call) vs ~1 s; the platform-facts digest §8 (a team note outside this repository)',
  confidence: 'partly UNCONFIRMED (exact wording of the official page not retrieved)',
};

/** A round trip: what a call costs when it cannot be batched (reads, flushes, appendRow). */
export const HIGH: LatencySource = {
  msPerCall: 275,
  label: 'round trip, ~275 ms/call',
  source:
    'SheetQuery: 641 appendRow calls took ~176 s (≈ 275 ms/call); the anchors note (a team note outside this repository), "Sheets peers" and "Cost facts". ' +
    'A SpreadsheetApp write+read pair measured ~800+ ms (≈ 400 ms/call; platform-facts.md §8, JP-KV), so the high end may be higher still',
  confidence: 'OBSERVED',
};

export const RUNTIME_LIMIT_MS = 6 * 60 * 1000;

export interface TimeEstimate {
  /** calls × 7 ms */
  readonly lowMs: number;
  /** calls × 275 ms */
  readonly highMs: number;
  /** Whether even the low estimate passes Apps Script's 6-minute execution limit. */
  readonly exceedsSixMinutesAtLow: boolean;
  readonly exceedsSixMinutesAtHigh: boolean;
}

/** Calls × per-call latency. Payload size (e.g. a 700k-cell setValues) is not modelled. */
export function estimate(calls: number): TimeEstimate {
  const lowMs = calls * LOW.msPerCall;
  const highMs = calls * HIGH.msPerCall;
  return {
    lowMs,
    highMs,
    exceedsSixMinutesAtLow: lowMs > RUNTIME_LIMIT_MS,
    exceedsSixMinutesAtHigh: highMs > RUNTIME_LIMIT_MS,
  };
}

/** "3.3 s", "5.8 min", "1.6 h". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms < 3_600_000) return `${(ms / 60_000).toFixed(1)} min`;
  return `${(ms / 3_600_000).toFixed(1)} h`;
}

export function formatRange(e: TimeEstimate): string {
  return `${formatDuration(e.lowMs)} – ${formatDuration(e.highMs)}`;
}
