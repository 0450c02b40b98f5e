import type { HostileCase } from './hostileCases';
import {
  appendHeaders,
  nearCellLimit,
  nearDuplicate,
  protectedWorkbook,
  withCells,
  withHeader,
} from './hostileFixtures';
import { OPERACIONES, V3_COLUMNS, v3 } from './workbooks';

export const REFUSED_CASES: readonly HostileCase[] = [
  // ── Duplicates and near-duplicates ────────────────────────────────────────────────────────
  {
    name: 'duplicate headers (TAG_SPOOL in A1 and C1)',
    build: () => v3({ headers: withHeader(3, 'TAG_SPOOL') }),
    expect: {
      kind: 'blocked',
      code: 'DUPLICATE_HEADER',
      location: 'Operaciones!C1',
      mentions: ['"TAG_SPOOL"', 'A1, C1', '"Operaciones"'],
    },
  },
  {
    name: 'a managed header twice (Total_Uniones in BP1 and BQ1)',
    build: () => v3({ headers: appendHeaders('Total_Uniones', 'Total_Uniones'), maxColumns: 69 }),
    expect: {
      kind: 'blocked',
      code: 'DUPLICATE_HEADER',
      location: 'Operaciones!BQ1',
      mentions: ['"Total_Uniones"', 'BP1, BQ1'],
    },
  },
  nearDuplicate('near-duplicate by case (total_uniones)', 'total_uniones', 'Total_Uniones'),
  nearDuplicate('near-duplicate with surrounding spaces (" Total_Uniones ")', ' Total_Uniones ', 'Total_Uniones'),
  nearDuplicate(
    'near-duplicate with a no-break space (Total_Uniones + U+00A0)',
    'Total_Uniones\u00A0',
    'Total_Uniones⍽',
  ),
  nearDuplicate('near-duplicate with a zero-width space (Total_\u200BUniones)', 'Total_\u200BUniones', '<U+200B>'),
  nearDuplicate(
    'near-duplicate with a Cyrillic look-alike (\u0422otal_Uniones)',
    '\u0422otal_Uniones',
    'Total_Uniones',
  ),
  nearDuplicate('near-duplicate with a Greek look-alike (Pulgadas_\u0391RM)', 'Pulgadas_\u0391RM', 'Pulgadas_ARM'),
  nearDuplicate('near-duplicate with a full-width letter (\uFF34otal_Uniones)', '\uFF34otal_Uniones', 'Total_Uniones'),
  {
    name: 'a 50,000-character near-duplicate header (Total_Uniones + 49,987 spaces)',
    build: () => v3({ headers: appendHeaders(`Total_Uniones${' '.repeat(50_000 - 13)}`), maxColumns: 68 }),
    expect: {
      kind: 'blocked',
      code: 'NEAR_DUPLICATE_HEADER',
      location: 'Operaciones!BP1',
      mentions: ['Operaciones!BP1', '(50000 characters)'],
    },
  },
  {
    name: 'header text that looks like a script, twice (<script>alert(1)</script>)',
    build: () =>
      v3({ headers: appendHeaders('<script>alert(1)</script>', '<script>alert(1)</script>'), maxColumns: 69 }),
    expect: {
      kind: 'blocked',
      code: 'DUPLICATE_HEADER',
      location: 'Operaciones!BQ1',
      mentions: ['"<script>alert(1)</script>"', 'BP1, BQ1'],
    },
  },
  // ── Shape of the sheet ────────────────────────────────────────────────────────────────────
  {
    name: 'data right of the headers without a header (BP5)',
    build: () => v3({ rows: withCells([[3, 68, 'x']]) }),
    expect: {
      kind: 'blocked',
      code: 'DATA_WITHOUT_HEADER',
      location: 'Operaciones!BP5',
      mentions: ['Operaciones!BP5', 'column BP'],
    },
  },
  {
    name: 'a formula far right of the headers (CA150)',
    build: () => v3({ rows: withCells([[148, 79, { formula: '=A150', value: '' }]]) }),
    expect: {
      kind: 'blocked',
      code: 'DATA_WITHOUT_HEADER',
      location: 'Operaciones!CA150',
      mentions: ['Operaciones!CA150', 'column CA'],
    },
  },
  {
    name: 'empty sheet',
    build: () => {
      const emu = v3();
      emu.seedSheet(OPERACIONES, []);
      return emu;
    },
    expect: { kind: 'blocked', code: 'EMPTY_SHEET', location: 'Operaciones!A1', mentions: ['"Operaciones" is empty'] },
  },
  {
    name: 'header row blank, data below',
    build: () => v3({ headers: (headers) => headers.map(() => '') }),
    expect: {
      kind: 'blocked',
      code: 'NO_HEADER_ROW',
      location: 'Operaciones!A1:BO1',
      mentions: ['"Operaciones"', 'row 1'],
    },
  },
  {
    name: 'managed sheet renamed ("Operaciones (old)")',
    build: () => {
      const emu = v3();
      emu.spreadsheet.getSheetByName(OPERACIONES)!.setName('Operaciones (old)');
      emu.stats.reset();
      return emu;
    },
    expect: { kind: 'blocked', code: 'MISSING_SHEET', location: null, mentions: ['Sheet "Operaciones" was not found'] },
  },
  {
    name: 'managed sheet renamed by case ("operaciones")',
    build: () => {
      const emu = v3();
      emu.spreadsheet.getSheetByName(OPERACIONES)!.setName('operaciones');
      emu.stats.reset();
      return emu;
    },
    expect: { kind: 'blocked', code: 'MISSING_SHEET', location: null, mentions: ['Sheet "Operaciones" was not found'] },
  },
  {
    name: 'managed sheet missing',
    build: () => {
      const emu = v3();
      emu.spreadsheet.deleteSheet(emu.spreadsheet.getSheetByName(OPERACIONES)!);
      emu.stats.reset();
      return emu;
    },
    expect: { kind: 'blocked', code: 'MISSING_SHEET', location: null, mentions: ['Sheet "Operaciones" was not found'] },
  },
  // ── Protections and limits ────────────────────────────────────────────────────────────────
  {
    name: 'protected header row (1:1, owner only)',
    build: () => protectedWorkbook('A1:BT1', { maxColumns: 72 }),
    expect: {
      kind: 'blocked',
      code: 'PROTECTED_RANGE',
      location: 'Operaciones!A1:BT1',
      mentions: ['Operaciones!A1:BT1 is protected', 'owner only'],
    },
  },
  {
    name: 'protected target range (BP1:BT201, owner only)',
    build: () => protectedWorkbook('BP1:BT201', { maxColumns: 72 }),
    expect: {
      kind: 'blocked',
      code: 'PROTECTED_RANGE',
      location: 'Operaciones!BP1:BT201',
      mentions: ['Operaciones!BP1:BT201 is protected'],
    },
  },
  {
    name: 'protected sheet (owner only), grid must grow',
    build: () => protectedWorkbook(null),
    expect: {
      kind: 'blocked',
      code: 'PROTECTED_RANGE',
      location: 'Sheet "Operaciones"',
      mentions: ['Sheet "Operaciones" is protected'],
    },
  },
  {
    name: 'grid already at the column limit (headers up to column 18,275)',
    build: () =>
      v3({
        spools: 20,
        headers: (headers) => [...headers, ...Array.from({ length: 18_275 - V3_COLUMNS }, (_, i) => `Extra_${i + 1}`)],
      }),
    expect: {
      kind: 'blocked',
      code: 'COLUMN_LIMIT',
      location: 'Operaciones',
      mentions: ['"Operaciones" would need 18,280 columns', '18,278'],
    },
  },
  {
    name: 'a change that would pass 10,000,000 cells',
    build: () => nearCellLimit(10),
    expect: { kind: 'blocked', code: 'CELL_LIMIT', location: 'Operaciones', mentions: ['"Operaciones"', '10,000,000'] },
  },
];
