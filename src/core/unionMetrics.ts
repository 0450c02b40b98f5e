/**
 * v4.0 union metrics: per-spool counts and inches of unions (welds), aggregated from the
 * Uniones sheet's columns. Pure core — no Apps Script globals; the caller reads the columns
 * in bulk (located by header name) and writes the rows back in bulk.
 *
 * Decisions (also asserted in test/core/unionMetrics.test.ts):
 * - Keys are compared as `String(value).trim()`; a blank key is never matched to a spool.
 * - Completion: a date cell is "completed" when it is NOT blank. Blank = null, undefined, ''
 *   or a whitespace-only string. Anything else — a Date, text like '14/03/2026', the number
 *   0, even `false` — counts as completed: we record what the shop typed, we don't judge it.
 * - ARM and SOLD are counted independently (a SOLD date without an ARM date still counts).
 * - Diameter: a finite, non-negative number or numeric text ('2.5', ' 3 ') is accepted; blank,
 *   non-numeric text ('N/A', '2"', '2,5'), negatives, booleans and Dates are "bad" and add 0.
 *   Bad diameters are reported only for unions that have a key (orphans included): a
 *   blank-key row is already reported as such, and its diameter cannot reach any spool.
 * - Inches are accumulated as integer ten-thousandths, so sums carry no float noise.
 * - Duplicate spool keys: every row with that key gets the same, full aggregates (the unions
 *   cannot tell which row they belong to); `duplicateKeys` reports them so the UI can warn.
 */

export interface UnionColumnsInput {
  /** TAG_SPOOL of each union row (index i = union data row i, sheet row = firstDataRow + i). */
  readonly keys: readonly unknown[];
  /** ARM_FECHA_FIN values; blank = not completed. Missing entries count as blank. */
  readonly armDone: readonly unknown[];
  readonly soldDone: readonly unknown[];
  /** DN_UNION, in inches. */
  readonly diameters: readonly unknown[];
  /** Sheet row of index 0 (only used in messages). */
  readonly firstDataRow: number;
}

export interface SpoolMetrics {
  totalUniones: number;
  armCompletadas: number;
  soldCompletadas: number;
  pulgadasArm: number;
  pulgadasSold: number;
}

export interface UnionAggregation {
  /** Every non-blank spool key (zeros when it has no unions), in first-appearance order. */
  bySpool: Map<string, SpoolMetrics>;
  /** Union keys not among spool keys (first ≤ 10 examples). */
  orphans: { count: number; examples: { row: number; key: string }[] };
  /** Blank or non-numeric DN on a keyed union (counted as 0; first ≤ 10 examples). */
  badDiameters: { count: number; examples: { row: number; value: string }[] };
  /** Unions with a blank key — never silently dropped; every such sheet row is listed. */
  blankKeys: { count: number; rows: number[] };
}

/** Maximum examples kept per problem kind: enough to find the pattern, small enough to show. */
export const MAX_EXAMPLES = 10;

/** Inches are summed in integer units of 1/10000 in: exact, so no float noise reaches the sheet. */
const UNITS_PER_INCH = 10000;

/** Plain unsigned decimal, optionally with exponent. Rejects '0x10', '2"', '2,5' that Number() might take or mangle. */
const UNSIGNED_NUMBER = /^\+?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const SIGNED_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Join-key form of a cell: trimmed text; '' means blank. */
export function normalizeKey(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value).trim();
}

/** Blank the way a sheet user means it: empty, whitespace-only, or absent. */
export function isBlankCell(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  return typeof value === 'string' && value.trim() === '';
}

/** A usable diameter in inches, or null when the cell is blank / not a non-negative number. */
export function parseDiameter(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : null;
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (!UNSIGNED_NUMBER.test(text)) return null;
  const parsed = Number(text);
  return Number.isFinite(parsed) ? parsed : null;
}

/**
 * Round to 4 decimals without float noise (0.1 + 0.2 → 0.3, 1.00005 → 1.0001).
 * Shifting through the decimal exponent avoids the binary error of `x * 10000`.
 */
export function roundInches(x: number): number {
  if (!Number.isFinite(x)) return x;
  const magnitude = Math.abs(x);
  // Below 1e-6 String() switches to exponent form and the value rounds to 0 anyway;
  // from 1e15 up doubles have no 4th decimal left to round.
  if (magnitude < 1e-6) return 0;
  if (magnitude >= 1e15) return x;
  const rounded = Math.round(Number(`${magnitude}e4`));
  const result = Number(`${rounded}e-4`);
  return x < 0 && result !== 0 ? -result : result;
}

/** Inches → integer ten-thousandths; fast path for the usual ≤ 4-decimal diameters. */
function toUnits(inches: number): number {
  const scaled = inches * UNITS_PER_INCH;
  const nearest = Math.round(scaled);
  if (Math.abs(scaled - nearest) < 1e-6) return nearest;
  return Math.round(roundInches(inches) * UNITS_PER_INCH);
}

interface Tally {
  total: number;
  arm: number;
  sold: number;
  armUnits: number;
  soldUnits: number;
}

interface Problems {
  orphans: UnionAggregation['orphans'];
  badDiameters: UnionAggregation['badDiameters'];
  blankKeys: UnionAggregation['blankKeys'];
}

function emptyTallies(spoolKeys: readonly unknown[]): Map<string, Tally> {
  const tallies = new Map<string, Tally>();
  for (const raw of spoolKeys) {
    const key = normalizeKey(raw);
    if (key !== '' && !tallies.has(key)) {
      tallies.set(key, { total: 0, arm: 0, sold: 0, armUnits: 0, soldUnits: 0 });
    }
  }
  return tallies;
}

function emptyProblems(): Problems {
  return {
    orphans: { count: 0, examples: [] },
    badDiameters: { count: 0, examples: [] },
    blankKeys: { count: 0, rows: [] },
  };
}

function cellText(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

/** Diameter in units; a bad one is reported and counts as 0. */
function diameterUnits(value: unknown, row: number, problems: Problems): number {
  const inches = parseDiameter(value);
  if (inches !== null) return toUnits(inches);
  const bad = problems.badDiameters;
  bad.count++;
  if (bad.examples.length < MAX_EXAMPLES) bad.examples.push({ row, value: cellText(value) });
  return 0;
}

function addUnion(input: UnionColumnsInput, i: number, tallies: Map<string, Tally>, problems: Problems): void {
  const row = input.firstDataRow + i;
  const key = normalizeKey(input.keys[i]);
  if (key === '') {
    problems.blankKeys.count++;
    problems.blankKeys.rows.push(row);
    return;
  }
  const units = diameterUnits(input.diameters[i], row, problems);
  const tally = tallies.get(key);
  if (tally === undefined) {
    problems.orphans.count++;
    if (problems.orphans.examples.length < MAX_EXAMPLES) problems.orphans.examples.push({ row, key });
    return;
  }
  tally.total++;
  if (!isBlankCell(input.armDone[i])) {
    tally.arm++;
    tally.armUnits += units;
  }
  if (!isBlankCell(input.soldDone[i])) {
    tally.sold++;
    tally.soldUnits += units;
  }
}

function toMetrics(tally: Tally): SpoolMetrics {
  return {
    totalUniones: tally.total,
    armCompletadas: tally.arm,
    soldCompletadas: tally.sold,
    // integer / 10000 is correctly rounded, i.e. the double nearest the exact decimal sum.
    pulgadasArm: tally.armUnits / UNITS_PER_INCH,
    pulgadasSold: tally.soldUnits / UNITS_PER_INCH,
  };
}

/** One pass over the unions; O(unions + spools). */
export function aggregateUnions(input: UnionColumnsInput, spoolKeys: readonly unknown[]): UnionAggregation {
  const tallies = emptyTallies(spoolKeys);
  const problems = emptyProblems();
  const count = input.keys.length;
  for (let i = 0; i < count; i++) addUnion(input, i, tallies, problems);
  const bySpool = new Map<string, SpoolMetrics>();
  for (const [key, tally] of tallies) bySpool.set(key, toMetrics(tally));
  return { bySpool, ...problems };
}

/**
 * One row [total, arm, sold, pulgArm, pulgSold] per spool row, in order. Spools without
 * unions and blank-key rows get zeros; duplicate keys all get the key's full aggregates.
 */
export function metricsRows(spoolKeys: readonly unknown[], aggregation: UnionAggregation): number[][] {
  return spoolKeys.map((raw) => {
    const metrics = aggregation.bySpool.get(normalizeKey(raw));
    if (metrics === undefined) return [0, 0, 0, 0, 0];
    return [
      metrics.totalUniones,
      metrics.armCompletadas,
      metrics.soldCompletadas,
      metrics.pulgadasArm,
      metrics.pulgadasSold,
    ];
  });
}

/** Non-blank spool keys on more than one row, with their sheet rows, in first-appearance order. */
export function duplicateKeys(spoolKeys: readonly unknown[], firstDataRow: number): { key: string; rows: number[] }[] {
  const rowsByKey = new Map<string, number[]>();
  spoolKeys.forEach((raw, i) => {
    const key = normalizeKey(raw);
    if (key === '') return;
    const rows = rowsByKey.get(key);
    if (rows === undefined) rowsByKey.set(key, [firstDataRow + i]);
    else rows.push(firstDataRow + i);
  });
  const duplicates: { key: string; rows: number[] }[] = [];
  for (const [key, rows] of rowsByKey) if (rows.length > 1) duplicates.push({ key, rows });
  return duplicates;
}

/** Does a sheet cell already hold this metric? '' ≠ 0 (a blank cell must be written); '3' = 3. */
export function cellHolds(cell: unknown, wanted: number): boolean {
  if (typeof cell === 'number') return cell === wanted;
  if (typeof cell !== 'string') return false;
  const text = cell.trim();
  return SIGNED_NUMBER.test(text) && Number(text) === wanted;
}

/** Dry run: how many rows would change. Missing current rows/cells count as different. */
export function countChangedRows(current: readonly unknown[][], next: readonly number[][]): number {
  let changed = 0;
  next.forEach((wanted, i) => {
    const cells = current[i] ?? [];
    if (wanted.some((value, c) => !cellHolds(cells[c], value))) changed++;
  });
  return changed;
}
