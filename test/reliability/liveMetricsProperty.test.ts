/**
 * Property-style: 1,000 random person edits of Uniones and Operaciones with live metrics on (dates typed
 * and cleared, DN changed, keys changed, pastes of many rows, rows deleted, sorted and inserted, and now
 * and then an edit overlapping another execution); after each edit is processed the five columns equal an
 * independent full recompute, cell for cell.
 */
import type { Emulator } from '../../emulator';
import { expectedMetrics, liveWorkbook, OPS_KEY, U, writtenMetrics } from '../../emulator/harness/live';
import { columnLetter } from '../../src/core/columnLetters';
import { liveMetricsStatus } from '../../src/server/liveMetricsToggle';
import { newExecution } from '../support/emulated';

/** Deterministic PRNG (mulberry32): a failure names its edit number and replays exactly. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Edit = { describe: string; apply: () => void };

function randomEdits(emu: Emulator, tags: string[], random: () => number): () => Edit {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const unionRows = () => emu.sheetInfo('Uniones')?.lastRow ?? 1;
  const opsRows = () => emu.sheetInfo('Operaciones')?.lastRow ?? 1;
  const row = (last: number) => 2 + Math.floor(random() * Math.max(1, last - 1));
  const dates = ['2026-01-30', '2026-03-14', '', '14/03/2026', ' '];
  const dns = [2, 3.5, '4', 0.75, 'N/A', '', 1.25];
  const key = () => (random() < 0.1 ? '' : random() < 0.1 ? `ORPHAN-${Math.floor(random() * 5)}` : pick(tags));
  const type = (sheet: string, a1: string, values: unknown[][]): Edit => ({
    describe: `${sheet}!${a1} ← ${JSON.stringify(values).slice(0, 80)}`,
    apply: () => void emu.personEdits(sheet, a1, values),
  });
  const kinds: Array<[number, () => Edit]> = [
    [30, () => type('Uniones', `${columnLetter(pick([U.arm, U.sol]))}${row(unionRows())}`, [[pick(dates)]])],
    [12, () => type('Uniones', `${columnLetter(U.dn)}${row(unionRows())}`, [[pick(dns)]])],
    [12, () => type('Uniones', `${columnLetter(U.key)}${row(unionRows())}`, [[key()]])],
    [8, () => type('Operaciones', `${columnLetter(OPS_KEY)}${row(opsRows())}`, [[key()]])],
    [
      8,
      () => {
        const n = 2 + Math.floor(random() * 40);
        const first = row(unionRows());
        const block = Array.from({ length: n }, () => [pick(dns), '', '', '', pick(dates)]);
        return type('Uniones', `${columnLetter(U.dn)}${first}:${columnLetter(U.arm)}${first + n - 1}`, block);
      },
    ],
    [
      4,
      () => {
        const n = 2 + Math.floor(random() * 30);
        const first = row(unionRows());
        return type(
          'Uniones',
          `${columnLetter(U.key)}${first}:${columnLetter(U.key)}${first + n - 1}`,
          Array.from({ length: n }, () => [key()]),
        );
      },
    ],
    [
      3,
      () => ({
        describe: 'delete rows',
        apply: () =>
          void emu.personChanges('Uniones', {
            deleteRows: { start: row(unionRows() - 3), count: 1 + Math.floor(random() * 3) },
          }),
      }),
    ],
    [
      1,
      () => ({
        describe: 'sort by DN',
        apply: () => void emu.personChanges('Uniones', { sort: { column: U.dn, ascending: random() < 0.5 } }),
      }),
    ],
    [
      2,
      () => ({
        describe: 'insert rows',
        apply: () => void emu.personChanges('Uniones', { insertRows: { before: row(unionRows()), count: 2 } }),
      }),
    ],
    [
      5,
      () => {
        const outer = type('Uniones', `${columnLetter(U.arm)}${row(unionRows())}`, [[pick(dates)]]);
        const inner = type('Uniones', `${columnLetter(U.sol)}${row(unionRows())}`, [[pick(dates)]]);
        return {
          describe: `${outer.describe} overlapped by ${inner.describe}`,
          apply: () => {
            emu.interleave('TextFinder.findAll', inner.apply);
            outer.apply();
          },
        };
      },
    ],
  ];
  const total = kinds.reduce((s, [w]) => s + w, 0);
  return () => {
    let r = random() * total;
    for (const [w, make] of kinds) {
      r -= w;
      if (r < 0) return make();
    }
    return kinds[0][1]();
  };
}

describe('live metrics under 1,000 random person edits', () => {
  it('after each edit the five columns equal an independent full recompute', () => {
    const { emu, tags, restore } = liveWorkbook(120, 9);
    try {
      const next = randomEdits(emu, tags, rng(2026));
      for (let i = 0; i < 1000; i++) {
        const edit = next();
        edit.apply();
        const written = writtenMetrics(emu);
        const expected = expectedMetrics(emu);
        if (JSON.stringify(written) !== JSON.stringify(expected)) {
          throw new Error(`edit #${i} (${edit.describe}) left the metrics wrong`);
        }
      }
      expect(liveMetricsStatus(newExecution(emu))).toMatchObject({ pendingSpools: 0, stale: false });
      // Most edits took the incremental path (two key searches each), not the full-recompute fallback.
      expect(emu.stats.snapshot().byMethod['TextFinder.findAll']).toBeGreaterThan(1200);
    } finally {
      restore();
    }
  });
});
