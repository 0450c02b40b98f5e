import { analyseHeaders, headerLookalikeKey, nearDuplicatesOf, visibleText } from '../../src/core/headers';

describe('analyseHeaders', () => {
  it('maps names to columns and finds the last header', () => {
    const analysis = analyseHeaders(['TAG_SPOOL', 'NV', 'Estado_Detalle']);
    expect(analysis.columnsByName.get('NV')).toEqual([2]);
    expect(analysis.lastHeaderColumn).toBe(3);
    expect(analysis.duplicates).toEqual([]);
    expect(analysis.blankColumns).toEqual([]);
  });

  it('reports blank gaps between headers but not trailing blanks', () => {
    const analysis = analyseHeaders(['A', '', 'C', '', '']);
    expect(analysis.blankColumns).toEqual([2]);
    expect(analysis.lastHeaderColumn).toBe(3);
  });

  it('finds exact duplicates with every column', () => {
    expect(analyseHeaders(['A', 'B', 'A', 'A']).duplicates).toEqual([{ name: 'A', columns: [1, 3, 4] }]);
  });

  it('separates non-text and error-value header cells', () => {
    const analysis = analyseHeaders([1000, true, new Date(Date.UTC(2026, 0, 2)), '#REF!', 'ok']);
    expect(analysis.nonTextCells.map((c) => c.value)).toEqual([
      'the number 1000',
      'the boolean TRUE',
      'the date 2026-01-02',
    ]);
    expect(analysis.errorCells).toEqual([{ column: 4, text: '#REF!' }]);
    expect(analysis.lastHeaderColumn).toBe(5);
  });
});

describe('near-duplicates of a managed name', () => {
  const managed = 'Total_Uniones';
  it.each([
    ['case', 'total_uniones'],
    ['surrounding spaces', ' Total_Uniones '],
    ['no-break space', 'Total_Uniones\u00A0'],
    ['zero-width space', 'Total\u200B_Uniones'],
    ['Cyrillic look-alike', 'Tоtal_Uniones'],
    ['full-width letters', 'Ｔotal_Uniones'],
  ])('%s', (_label, text) => {
    const analysis = analyseHeaders(['TAG_SPOOL', text]);
    expect(nearDuplicatesOf(managed, analysis)).toEqual([{ column: 2, text }]);
    expect(headerLookalikeKey(text)).toBe(headerLookalikeKey(managed));
  });

  it('does not flag the exact name or unrelated names', () => {
    expect(nearDuplicatesOf(managed, analyseHeaders(['Total_Uniones', 'Total_Union', 'Pulgadas_ARM']))).toEqual([]);
  });

  it('shows invisible characters so the operator can see the difference', () => {
    expect(visibleText('A\u200BB\u00A0')).toBe('A<U+200B>B⍽');
    expect(visibleText('x'.repeat(100), 10)).toBe('xxxxxxxxxx… (100 characters)');
  });
});
