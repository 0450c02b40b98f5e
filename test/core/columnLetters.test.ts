import { a1, columnIndex, columnLetter, columnSpan, MAX_COLUMNS } from '../../src/core/columnLetters';

describe('column letters', () => {
  it.each([
    [1, 'A'],
    [26, 'Z'],
    [27, 'AA'],
    [67, 'BO'],
    [68, 'BP'],
    [72, 'BT'],
    [702, 'ZZ'],
    [703, 'AAA'],
    [MAX_COLUMNS, 'ZZZ'],
  ])('column %i is %s and back', (index, letters) => {
    expect(columnLetter(index)).toBe(letters);
    expect(columnIndex(letters)).toBe(index);
  });

  it('round-trips every column up to the sheet limit', () => {
    for (let i = 1; i <= MAX_COLUMNS; i++) expect(columnIndex(columnLetter(i))).toBe(i);
  });

  it('rejects invalid input', () => {
    expect(() => columnLetter(0)).toThrow(RangeError);
    expect(() => columnLetter(1.5)).toThrow(RangeError);
    expect(() => columnIndex('a1')).toThrow(RangeError);
  });

  it('formats A1 references, quoting sheet names that need it', () => {
    expect(a1('Operaciones', 1, 68)).toBe('Operaciones!BP1');
    expect(a1('Operaciones', 2, 68, 2000, 5)).toBe('Operaciones!BP2:BT2001');
    expect(a1("Spool's list", 1, 1)).toBe("'Spool''s list'!A1");
    expect(a1(null, 3, 2)).toBe('B3');
    expect(columnSpan(68, 5)).toBe('BP–BT');
    expect(columnSpan(68, 1)).toBe('BP');
  });
});
