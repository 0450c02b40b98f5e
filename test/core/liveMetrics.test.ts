import {
  CALL_COST_IN_CELLS,
  changedRowIndexes,
  classifyEdit,
  distinctKeys,
  entireKeyPattern,
  MAX_LIVE_ROWS,
  planMetricsWrite,
  rowRuns,
} from '../../src/core/liveMetrics';
import { cellHolds } from '../../src/core/unionMetrics';

const layout = { headerRow: 1, key: 2, others: [4, 8, 11] };
const cell = (row: number, column: number, oldValue?: unknown) => ({
  row,
  column,
  numRows: 1,
  numColumns: 1,
  oldValue,
});

describe('classifyEdit', () => {
  it('ignores header cells and columns that feed no metric', () => {
    expect(classifyEdit(cell(1, 2), layout)).toEqual({ kind: 'ignore' });
    expect(classifyEdit(cell(5, 3), layout)).toEqual({ kind: 'ignore' });
  });

  it('a date or DN cell: the spool named in that row', () => {
    expect(classifyEdit(cell(5, 8), layout)).toEqual({ kind: 'rows', firstRow: 5, numRows: 1, extraKeys: [] });
  });

  it('a single key cell: the new key (read) and the old one (event)', () => {
    expect(classifyEdit(cell(5, 2, ' SP-1 '), layout)).toEqual({
      kind: 'rows',
      firstRow: 5,
      numRows: 1,
      extraKeys: ['SP-1'],
    });
    expect(classifyEdit(cell(5, 2), layout)).toMatchObject({ extraKeys: [] });
  });

  it('a paste over keys cannot name the old spools: full recompute; a paste elsewhere: its rows', () => {
    expect(classifyEdit({ row: 1, column: 1, numRows: 40, numColumns: 3 }, layout)).toEqual({
      kind: 'full',
      reason: 'keys-pasted',
    });
    expect(classifyEdit({ row: 1, column: 4, numRows: 40, numColumns: 5 }, layout)).toEqual({
      kind: 'rows',
      firstRow: 2,
      numRows: 39,
      extraKeys: [],
    });
    expect(classifyEdit({ row: 2, column: 4, numRows: MAX_LIVE_ROWS + 1, numColumns: 1 }, layout)).toEqual({
      kind: 'full',
      reason: 'too-many-rows',
    });
  });
});

describe('helpers', () => {
  it('distinct trimmed keys, blanks dropped', () => {
    expect(distinctKeys(['A', ' A', '', null, 'B'], ['B', 'C'])).toEqual(['A', 'B', 'C']);
  });

  it('row runs, with gaps read through', () => {
    expect(rowRuns([9, 3, 4, 5, 12])).toEqual([
      { first: 3, count: 3 },
      { first: 9, count: 1 },
      { first: 12, count: 1 },
    ]);
    expect(rowRuns([3, 5, 12], 2)).toEqual([
      { first: 3, count: 3 },
      { first: 12, count: 1 },
    ]);
  });

  it('the key pattern matches the trimmed key exactly, regex characters escaped', () => {
    const re = new RegExp(`^(?:${entireKeyPattern('SP-1.(2)')})$`);
    expect(re.test(' SP-1.(2) ')).toBe(true);
    expect(re.test('SP-1x(2)')).toBe(false);
  });
});

describe('planMetricsWrite', () => {
  it('writes nothing when nothing changed', () => {
    expect(planMetricsWrite({ changed: [], totalRows: 100, width: 5, columnRuns: 1 })).toEqual({ kind: 'none' });
  });

  it('a few changed rows: only their runs; most rows changed: one write — by predicted cost', () => {
    const few = planMetricsWrite({ changed: [3, 4, 900], totalRows: 100_000, width: 5, columnRuns: 1 });
    expect(few).toEqual({
      kind: 'runs',
      runs: [
        { first: 3, count: 2 },
        { first: 900, count: 1 },
      ],
      calls: 2,
      cells: 15,
    });
    const scattered = Array.from({ length: 400 }, (_, i) => i * 2);
    const many = planMetricsWrite({ changed: scattered, totalRows: 1000, width: 5, columnRuns: 1 });
    expect(many).toEqual({ kind: 'all', calls: 1, cells: 5000 });
    expect(400 * CALL_COST_IN_CELLS).toBeGreaterThan(5000);
  });

  it('changed rows by cell comparison ("3" holds 3, "" does not hold 0)', () => {
    expect(changedRowIndexes([[3], [''], [2]], [[3], [0], [2]], cellHolds)).toEqual([1]);
  });
});
