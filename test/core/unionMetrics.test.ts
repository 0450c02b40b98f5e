import { generateOperaciones, generateUniones } from '../../emulator/fixtures/workbook';
import {
  aggregateUnions,
  countChangedRows,
  duplicateKeys,
  MAX_EXAMPLES,
  metricsRows,
  roundInches,
  type UnionColumnsInput,
} from '../../src/core/unionMetrics';

// ---------------------------------------------------------------------------------------
// Independent reference: filter-per-spool, decimal-string arithmetic, written without the
// production helpers so a shared bug cannot hide.

const refKey = (value: unknown): string => (value == null ? '' : `${value as string}`.replace(/^\s+|\s+$/g, ''));
const refDone = (value: unknown): boolean => !(value == null || (typeof value === 'string' && /^\s*$/.test(value)));

/** Diameter → integer ten-thousandths via its decimal text, or null when bad. Fixtures have ≤ 4 decimals. */
function refUnits(value: unknown): number | null {
  let text: string;
  if (typeof value === 'number') text = String(value);
  else if (typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value)) text = value.trim();
  else return null;
  const [whole, fraction = ''] = text.split('.');
  if (fraction.length > 4) throw new Error(`reference cannot handle ${text}`);
  return Number(whole) * 10000 + Number(fraction.padEnd(4, '0'));
}

const unitsToInches = (units: number): number =>
  Number(`${Math.floor(units / 10000)}.${String(units % 10000).padStart(4, '0')}`);

interface Workbook {
  spoolKeys: unknown[];
  input: UnionColumnsInput;
}

function fixtureWorkbook(): Workbook {
  const operaciones = generateOperaciones({ spools: 3000, seed: 11, duplicateKeys: 12 });
  const uniones = generateUniones({
    tags: operaciones.tags,
    seed: 12,
    orphans: 37,
    badDiameters: 53,
    blankKeys: 5,
    textDiameters: 40,
    textDates: true,
  });
  const col = (name: string): unknown[] => uniones.rows.map((row) => row[uniones.headers.indexOf(name)]);
  return {
    spoolKeys: operaciones.rows.map((row) => row[0]),
    input: {
      keys: col('TAG_SPOOL'),
      armDone: col('ARM_FECHA_FIN'),
      soldDone: col('SOL_FECHA_FIN'),
      diameters: col('DN_UNION'),
      firstDataRow: 2,
    },
  };
}

function referenceRow(spoolKey: unknown, input: UnionColumnsInput, unionKeys: string[]): number[] {
  const key = refKey(spoolKey);
  if (key === '') return [0, 0, 0, 0, 0];
  const mine = unionKeys.map((k, i) => (k === key ? i : -1)).filter((i) => i >= 0);
  const arm = mine.filter((i) => refDone(input.armDone[i]));
  const sold = mine.filter((i) => refDone(input.soldDone[i]));
  const inches = (rows: number[]): number =>
    unitsToInches(rows.reduce((sum, i) => sum + (refUnits(input.diameters[i]) ?? 0), 0));
  return [mine.length, arm.length, sold.length, inches(arm), inches(sold)];
}

describe('aggregateUnions on a generated workbook (vs. filter-per-spool reference)', () => {
  const { spoolKeys, input } = fixtureWorkbook();
  const aggregation = aggregateUnions(input, spoolKeys);
  const unionKeys = input.keys.map(refKey);
  const spoolSet = new Set(spoolKeys.map(refKey));

  it('is big enough to mean something', () => {
    expect(spoolKeys.length).toBe(3000);
    expect(input.keys.length).toBeGreaterThan(15000);
  });

  it('matches the reference row for every spool row, duplicates included', () => {
    const expected = spoolKeys.map((key) => referenceRow(key, input, unionKeys));
    expect(metricsRows(spoolKeys, aggregation)).toEqual(expected);
    expect(expected.some((row) => !Number.isInteger(row[3]! * 8))).toBe(true); // fractional sums were exercised
  });

  it('reports orphans with counts and the first sheet rows', () => {
    const orphanRows = unionKeys.map((k, i) => (k !== '' && !spoolSet.has(k) ? i : -1)).filter((i) => i >= 0);
    expect(aggregation.orphans.count).toBe(37);
    expect(aggregation.orphans.examples).toEqual(
      orphanRows.slice(0, MAX_EXAMPLES).map((i) => ({ row: i + 2, key: unionKeys[i] })),
    );
  });

  it('reports bad diameters (counted as 0) and blank keys', () => {
    const badRows = input.diameters
      .map((dn, i) => (unionKeys[i] !== '' && refUnits(dn) === null ? i : -1))
      .filter((i) => i >= 0);
    expect(aggregation.badDiameters.count).toBe(53);
    expect(aggregation.badDiameters.examples).toEqual(
      badRows.slice(0, MAX_EXAMPLES).map((i) => ({ row: i + 2, value: String(input.diameters[i]) })),
    );
    expect(aggregation.blankKeys.count).toBe(5);
    expect(aggregation.blankKeys.rows).toEqual(unionKeys.map((k, i) => (k === '' ? i + 2 : -1)).filter((r) => r >= 0));
  });

  it('accounts for every union exactly once', () => {
    const attributed = [...aggregation.bySpool.values()].reduce((sum, m) => sum + m.totalUniones, 0);
    expect(attributed + aggregation.orphans.count + aggregation.blankKeys.count).toBe(input.keys.length);
  });

  it('lists the duplicated spool keys with their sheet rows', () => {
    const duplicates = duplicateKeys(spoolKeys, 2);
    expect(duplicates).toHaveLength(12);
    for (const { key, rows } of duplicates) {
      expect(rows.length).toBeGreaterThan(1);
      for (const row of rows) expect(spoolKeys[row - 2]).toBe(key);
    }
  });
});

// ---------------------------------------------------------------------------------------
// Targeted cases

function unions(rows: [key: unknown, arm: unknown, sold: unknown, dn: unknown][], firstDataRow = 2): UnionColumnsInput {
  return {
    keys: rows.map((r) => r[0]),
    armDone: rows.map((r) => r[1]),
    soldDone: rows.map((r) => r[2]),
    diameters: rows.map((r) => r[3]),
    firstDataRow,
  };
}

describe('completion: non-blank = completed', () => {
  it.each([
    ['empty string', '', false],
    ['whitespace only', '  \t ', false],
    ['null', null, false],
    ['undefined', undefined, false],
    ['a Date', new Date(Date.UTC(2026, 2, 14)), true],
    ['ISO text date', '2026-03-14', true],
    ['d/m/y text date', '14/03/2026', true],
    ['the number 0', 0, true],
    ['false', false, true],
    ['any text', 'OK', true],
  ])('%s → completed: %s', (_label, value, completed) => {
    const result = aggregateUnions(unions([['S1', value, value, 2]]), ['S1']).bySpool.get('S1');
    const expected = completed ? 1 : 0;
    expect(result).toEqual({
      totalUniones: 1,
      armCompletadas: expected,
      soldCompletadas: expected,
      pulgadasArm: 2 * expected,
      pulgadasSold: 2 * expected,
    });
  });

  it('counts SOLD independently of ARM and treats missing array entries as blank', () => {
    const input: UnionColumnsInput = {
      keys: ['S1', 'S1', 'S1'],
      armDone: ['x'],
      soldDone: ['', 'x', 'x'],
      diameters: [1, 2, 4],
      firstDataRow: 2,
    };
    expect(aggregateUnions(input, ['S1']).bySpool.get('S1')).toEqual({
      totalUniones: 3,
      armCompletadas: 1,
      soldCompletadas: 2,
      pulgadasArm: 1,
      pulgadasSold: 6,
    });
  });
});

describe('diameters', () => {
  it.each([
    [2.5, 2.5],
    ['2.5', 2.5],
    [' 3 ', 3],
    ['.5', 0.5],
    ['4.', 4],
    [0, 0],
    ['1e1', 10],
  ])('accepts %p as %p inches', (dn, inches) => {
    const result = aggregateUnions(unions([['S1', 'x', '', dn]]), ['S1']);
    expect(result.bySpool.get('S1')!.pulgadasArm).toBe(inches);
    expect(result.badDiameters.count).toBe(0);
  });

  it('reports blank, textual, negative and non-finite diameters with rows, counting them as 0', () => {
    const bad: unknown[] = [
      '',
      ' ',
      'N/A',
      '2"',
      '2,5',
      '0x10',
      -1,
      NaN,
      Infinity,
      true,
      new Date(0),
      null,
      '-2',
      'abc',
      '1/2',
    ];
    const input = unions(
      [['S1', 'x', 'x', 3], ...bad.map((dn): [unknown, unknown, unknown, unknown] => ['S1', 'x', 'x', dn])],
      10,
    );
    const result = aggregateUnions(input, ['S1']);
    expect(result.bySpool.get('S1')).toEqual({
      totalUniones: 16,
      armCompletadas: 16,
      soldCompletadas: 16,
      pulgadasArm: 3,
      pulgadasSold: 3,
    });
    expect(result.badDiameters.count).toBe(bad.length);
    expect(result.badDiameters.examples).toHaveLength(MAX_EXAMPLES);
    expect(result.badDiameters.examples.slice(0, 5)).toEqual([
      { row: 11, value: '' },
      { row: 12, value: ' ' },
      { row: 13, value: 'N/A' },
      { row: 14, value: '2"' },
      { row: 15, value: '2,5' },
    ]);
  });

  it('reports a bad diameter on an orphan, but not on a blank-key row', () => {
    const result = aggregateUnions(
      unions([
        ['GONE', 'x', '', 'N/A'],
        ['', 'x', '', 'N/A'],
      ]),
      ['S1'],
    );
    expect(result.badDiameters.examples).toEqual([{ row: 2, value: 'N/A' }]);
  });
});

describe('float noise', () => {
  it('sums decimals exactly', () => {
    expect(0.1 + 0.2).not.toBe(0.3); // the hazard being guarded against
    const tenths = unions(
      Array.from({ length: 10 }, (): [unknown, unknown, unknown, unknown] => ['S1', 'x', 'x', 0.1]),
    );
    expect(aggregateUnions(tenths, ['S1']).bySpool.get('S1')!.pulgadasArm).toBe(1);
    const mixed = unions([
      ['S1', 'x', '', 0.1],
      ['S1', 'x', '', 0.2],
      ['S2', 'x', 'x', 2.375],
      ['S2', 'x', 'x', 2.375],
      ['S2', 'x', 'x', '6.625'],
    ]);
    const result = aggregateUnions(mixed, ['S1', 'S2']);
    expect(result.bySpool.get('S1')!.pulgadasArm).toBe(0.3);
    expect(result.bySpool.get('S2')!.pulgadasSold).toBe(11.375);
  });

  it('is exact even where x × 10000 is not (0.57 × 10000 = 5699.999…)', () => {
    const odd = unions([
      ['S1', 'x', '', 0.57],
      ['S1', 'x', '', 0.0003],
      ['S1', 'x', '', '0.57'],
    ]);
    expect(aggregateUnions(odd, ['S1']).bySpool.get('S1')!.pulgadasArm).toBe(1.1403);
  });

  it('keeps 1000 × 1.315 exact', () => {
    const many = unions(
      Array.from({ length: 1000 }, (): [unknown, unknown, unknown, unknown] => ['S1', 'x', '', 1.315]),
    );
    expect(aggregateUnions(many, ['S1']).bySpool.get('S1')!.pulgadasArm).toBe(1315);
  });
});

describe('roundInches', () => {
  it.each([
    [0.1 + 0.2, 0.3],
    [1.00005, 1.0001],
    [1.23444, 1.2344],
    [12.34565, 12.3457],
    [2.375, 2.375],
    [-(0.1 + 0.2), -0.3],
    [1e-7, 0],
    [123456.78901, 123456.789],
    [7, 7],
  ])('roundInches(%p) = %p', (x, expected) => {
    expect(roundInches(x)).toBe(expected);
  });

  it('never returns -0 and passes non-finite values through', () => {
    expect(Object.is(roundInches(-1e-7), 0)).toBe(true);
    expect(Object.is(roundInches(-0.00001), 0)).toBe(true);
    expect(roundInches(NaN)).toBeNaN();
    expect(roundInches(Infinity)).toBe(Infinity);
  });
});

describe('keys, orphans and blank keys', () => {
  it('compares keys after String() + trim', () => {
    const result = aggregateUnions(
      unions([
        [' A ', 'x', '', 1],
        ['1001 ', 'x', '', 1],
        [1001, '', '', 1],
      ]),
      ['A', 1001],
    );
    expect(result.bySpool.get('A')!.totalUniones).toBe(1);
    expect(result.bySpool.get('1001')!.totalUniones).toBe(2);
    expect(result.orphans.count).toBe(0);
  });

  it('keeps the first 10 orphan examples with sheet rows and counts all', () => {
    const rows = Array.from({ length: 15 }, (_, i): [unknown, unknown, unknown, unknown] => [
      ` GONE-${i} `,
      'x',
      '',
      1,
    ]);
    const result = aggregateUnions(unions([['S1', '', '', 1], ...rows], 5), ['S1']);
    expect(result.orphans.count).toBe(15);
    expect(result.orphans.examples).toEqual(Array.from({ length: 10 }, (_, i) => ({ row: 6 + i, key: `GONE-${i}` })));
  });

  it('lists every blank-key union row and never attributes it', () => {
    const result = aggregateUnions(
      unions(
        [
          ['', 'x', 'x', 1],
          ['S1', 'x', '', 1],
          ['  ', '', '', 1],
          [null, '', '', 'N/A'],
        ],
        2,
      ),
      ['S1', ''],
    );
    expect(result.blankKeys).toEqual({ count: 3, rows: [2, 4, 5] });
    expect(result.orphans.count).toBe(0);
    expect([...result.bySpool.keys()]).toEqual(['S1']);
    expect(metricsRows(['S1', '', null], result)).toEqual([
      [1, 1, 0, 1, 0],
      [0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0],
    ]);
  });

  it('gives spools without unions zeros', () => {
    const result = aggregateUnions(unions([]), ['S1', 'S2']);
    expect(result.bySpool.get('S2')).toEqual({
      totalUniones: 0,
      armCompletadas: 0,
      soldCompletadas: 0,
      pulgadasArm: 0,
      pulgadasSold: 0,
    });
    expect(metricsRows(['S1', 'S2'], result)).toEqual([
      [0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0],
    ]);
  });
});

describe('duplicate spool keys', () => {
  it('gives every duplicate row the full aggregates of its key', () => {
    const spools = ['A', 'B', 'A ', 'C'];
    const result = aggregateUnions(
      unions([
        ['A', 'x', 'x', 2],
        ['A', 'x', '', 3],
        ['B', '', '', 1],
      ]),
      spools,
    );
    expect(metricsRows(spools, result)).toEqual([
      [2, 2, 1, 5, 2],
      [1, 0, 0, 0, 0],
      [2, 2, 1, 5, 2],
      [0, 0, 0, 0, 0],
    ]);
  });

  it('reports duplicate keys with their sheet rows, in first-appearance order, ignoring blanks', () => {
    expect(duplicateKeys(['A', 'B', 'A', ' ', '', 'B ', 'C', 7, '7'], 2)).toEqual([
      { key: 'A', rows: [2, 4] },
      { key: 'B', rows: [3, 7] },
      { key: '7', rows: [9, 10] },
    ]);
    expect(duplicateKeys(['A', 'B'], 2)).toEqual([]);
  });
});

describe('countChangedRows', () => {
  const next = [[3, 2, 1, 4.5, 2.375]];

  it('counts nothing when the cells already hold the values (numbers or numeric text)', () => {
    expect(countChangedRows([[3, 2, 1, 4.5, 2.375]], next)).toBe(0);
    expect(countChangedRows([['3', ' 2 ', '1', '4.5', '2.375']], next)).toBe(0);
  });

  it.each([
    ['blank instead of 0', [[0, 0, 0, 0, '']], [[0, 0, 0, 0, 0]]],
    ['one cell off', [[3, 2, 1, 4.5, 2.37]], next],
    ['float noise in the sheet', [[0, 0, 0, 0.30000000000000004, 0]], [[0, 0, 0, 0.3, 0]]],
    ['a Date', [[3, 2, 1, 4.5, new Date(0)]], next],
    ['non-numeric text', [[3, 2, 1, 4.5, 'x']], next],
    ['a missing row', [], next],
    ['a short row', [[3, 2, 1]], next],
  ])('counts %s as changed', (_label, current, wanted) => {
    expect(countChangedRows(current as unknown[][], wanted as number[][])).toBe(1);
  });

  it('counts rows, not cells', () => {
    expect(
      countChangedRows(
        [
          ['', '', '', '', ''],
          [1, 0, 0, 0, 0],
          [0, 0, 0, 0, 0],
        ],
        [
          [0, 0, 0, 0, 0],
          [1, 0, 0, 0, 0],
          [1, 0, 0, 0, 0],
        ],
      ),
    ).toBe(2);
  });
});
