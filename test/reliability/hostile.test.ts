/**
 * Hostile sheets (test/reliability/hostileCases.ts): each case ends in a clear refusal naming the
 * sheet/cell/column with nothing written, or in a correct apply — never a silent half-change.
 * The same cases feed `npm run reliability`.
 */
import { HOSTILE_CASES, type HostileCase, runHostileCase } from '../../scripts/reliability/hostileCases';
import { v3 } from '../../scripts/reliability/workbooks';

// The 100,000-row case takes seconds on a loaded machine.
jest.setTimeout(120_000);

describe('hostile sheets', () => {
  it('cover at least 25 cases, every refusal and warning the issue lists', () => {
    expect(HOSTILE_CASES.length).toBeGreaterThanOrEqual(25);
    expect(new Set(HOSTILE_CASES.map((c) => c.name)).size).toBe(HOSTILE_CASES.length);
    const codes = new Set(
      HOSTILE_CASES.flatMap((c) =>
        c.expect.kind === 'blocked'
          ? [c.expect.code]
          : c.expect.kind === 'applied'
            ? (c.expect.warnings ?? []).map((w) => w.code)
            : [],
      ),
    );
    for (const code of [
      'DUPLICATE_HEADER',
      'NEAR_DUPLICATE_HEADER',
      'DATA_WITHOUT_HEADER',
      'EMPTY_SHEET',
      'NO_HEADER_ROW',
      'MISSING_SHEET',
      'PROTECTED_RANGE',
      'COLUMN_LIMIT',
      'CELL_LIMIT',
      'NON_TEXT_HEADER',
      'ERROR_HEADER',
      'BLANK_HEADER',
      'HIDDEN_SHEET',
      'PROTECTED_WARNING',
      'SHEET_NOT_FOUND',
      'METRICS_COLUMNS_MISSING',
      'COLUMN_NOT_FOUND',
    ]) {
      expect(codes).toContain(code);
    }
  });

  it.each(HOSTILE_CASES.map((c) => [c.name, c] as const))('%s', (_name, hostile) => {
    const result = runHostileCase(hostile);
    expect(result.problems).toEqual([]);
    expect({ outcome: result.outcome, clear: result.clear, unexpectedWrites: result.unexpectedWrites }).toEqual({
      outcome: hostile.expect.kind,
      clear: true,
      unexpectedWrites: 0,
    });
  });
});

describe('the runner itself catches what it must (planted expectations)', () => {
  it('a case expected to be refused that applies: not clear, its writes counted', () => {
    const wrong: HostileCase = {
      name: 'planted: a clean v3.0 sheet "should" be refused',
      build: () => v3({ spools: 10 }),
      expect: { kind: 'blocked', code: 'DUPLICATE_HEADER', mentions: [] },
    };
    const result = runHostileCase(wrong);
    expect(result.outcome).toBe('applied');
    expect(result.clear).toBe(false);
    expect(result.unexpectedWrites).toBeGreaterThan(50);
  });

  it('a refusal whose message does not name the expected cell: not clear', () => {
    const dup = HOSTILE_CASES.find((c) => c.name.startsWith('duplicate headers'))!;
    const result = runHostileCase({
      ...dup,
      expect: { kind: 'blocked', code: 'DUPLICATE_HEADER', location: 'Operaciones!D1', mentions: ['Operaciones!Z9'] },
    });
    expect(result.clear).toBe(false);
    expect(result.problems.join('\n')).toMatch(
      /location "Operaciones!C1", expected "Operaciones!D1"[\s\S]*does not name "Operaciones!Z9"/,
    );
    expect(result.unexpectedWrites).toBe(0);
  });

  it('an apply the case-specific check rejects: not clear', () => {
    const result = runHostileCase({
      name: 'planted: check fails',
      build: () => v3({ spools: 5 }),
      expect: { kind: 'applied', check: () => ['planted problem'] },
    });
    expect(result.clear).toBe(false);
    expect(result.problems).toEqual(['planted problem']);
  });
});
