import type { Emulator } from '../../emulator';
import { V4_HEADERS } from '../../emulator/harness/workbooks';
import { MAX_COLUMNS } from '../../src/core/columnLetters';
import { previewUnionMetrics } from '../../src/server/unionMetricsService';
import type { HostileCase } from './hostileCases';
import { appendHeaders, formatsOf, protectedWorkbook, withCells, withHeader } from './hostileFixtures';
import { execution, OPERACIONES, SPOOLS, v3 } from './workbooks';

/** The v4.0 columns in A–E carry their identity tags, and their values are untouched. */
function taggedWhereTheyStand(emu: Emulator): string[] {
  const sheet = emu.spreadsheet.getSheetByName(OPERACIONES);
  if (sheet === null) return ['Operaciones is gone'];
  const tags = sheet
    .createDeveloperMetadataFinder()
    .find()
    .map((m) => `${m.getValue()}@${m.getLocation().getColumn()?.getColumn()}`);
  const wanted = V4_HEADERS.map((name, i) => `${name}@${i + 1}`);
  const problems = wanted.filter((t) => !tags.includes(t)).map((t) => `missing tag ${t}`);
  const row = emu.readSheet(OPERACIONES)[1];
  if (JSON.stringify(row.slice(0, 5)) !== JSON.stringify([1, 2, 3, 4.5, 6.5])) problems.push('values changed');
  return problems;
}

export const ACCEPTED_CASES: readonly HostileCase[] = [
  // ── Odd header cells: reported, never filled, the change applies ─────────────────────────
  {
    name: 'a number as a header cell (E1 = 2024)',
    build: () => v3({ headers: withHeader(5, 2024) }),
    expect: { kind: 'applied', warnings: [{ code: 'NON_TEXT_HEADER', location: 'Operaciones!E1' }] },
  },
  {
    name: 'a date as a header cell (F1)',
    build: () => v3({ headers: withHeader(6, new Date(Date.UTC(2026, 0, 15))) }),
    expect: { kind: 'applied', warnings: [{ code: 'NON_TEXT_HEADER', location: 'Operaciones!F1' }] },
  },
  {
    name: 'a boolean as a header cell (G1 = TRUE)',
    build: () => v3({ headers: withHeader(7, true) }),
    expect: { kind: 'applied', warnings: [{ code: 'NON_TEXT_HEADER', location: 'Operaciones!G1' }] },
  },
  {
    name: 'an error value as a header cell (H1 = #REF!, from a formula)',
    build: () => v3({ headers: withHeader(8, { formula: '=#REF!', value: '#REF!' }) }),
    expect: { kind: 'applied', warnings: [{ code: 'ERROR_HEADER', location: 'Operaciones!H1' }] },
  },
  {
    name: 'a blank header gap with data below (J1)',
    build: () => v3({ headers: withHeader(10, '') }),
    expect: { kind: 'applied', warnings: [{ code: 'BLANK_HEADER', location: 'Operaciones!J1' }] },
  },
  {
    name: 'a 50,000-character header (BP1)',
    build: () => v3({ headers: appendHeaders('H'.repeat(50_000)), maxColumns: 68 }),
    expect: {
      kind: 'applied',
      check: (emu) =>
        String(emu.readSheet(OPERACIONES)[0][67]).length === 50_000 ? [] : ['the 50,000-character header changed'],
    },
  },
  {
    name: 'header text that looks like HTML (BP1 = <img src=x onerror=alert(1)>)',
    build: () => v3({ headers: appendHeaders('<img src=x onerror=alert(1)>'), maxColumns: 68 }),
    expect: {
      kind: 'applied',
      check: (emu) =>
        emu.readSheet(OPERACIONES)[0][67] === '<img src=x onerror=alert(1)>' ? [] : ['the HTML-like header changed'],
    },
  },
  // ── Sizes ─────────────────────────────────────────────────────────────────────────────────
  {
    name: 'header-only sheet',
    build: () => v3({ spools: 0, maxRows: 1 }),
    expect: {
      kind: 'applied',
      check: (emu) => (emu.sheetInfo(OPERACIONES)!.lastRow === 1 ? [] : ['rows were added below a header-only sheet']),
    },
  },
  {
    name: 'one data row',
    build: () => v3({ spools: 1 }),
    expect: { kind: 'applied' },
  },
  {
    name: '100,000 data rows',
    build: () => v3({ spools: 100_000 }),
    expect: { kind: 'applied' },
  },
  {
    name: 'data ends far above the grid end (200 rows, grid of 5,000)',
    build: () => v3({ maxRows: 5_000 }),
    expect: {
      kind: 'applied',
      check: (emu) => [
        ...(emu.sheetInfo(OPERACIONES)!.lastRow === SPOOLS + 1 ? [] : ['rows below the data were written']),
        ...(formatsOf(emu, 'BP5000:BT5000') === JSON.stringify([['0', '0', '0', '0.00', '0.00']])
          ? []
          : ['the grid below the data is not formatted']),
      ],
    },
  },
  // ── Sheet state ───────────────────────────────────────────────────────────────────────────
  {
    name: 'hidden managed sheet',
    build: () => v3({ seed: { hidden: true } }),
    expect: {
      kind: 'applied',
      warnings: [{ code: 'HIDDEN_SHEET', location: 'Operaciones' }],
      check: (emu) => (emu.sheetInfo(OPERACIONES)!.hidden ? [] : ['the sheet was unhidden']),
    },
  },
  {
    name: 'frozen rows (2)',
    build: () => v3({ seed: { frozenRows: 2 } }),
    expect: {
      kind: 'applied',
      check: (emu) => (emu.sheetInfo(OPERACIONES)!.frozenRows === 2 ? [] : ['the frozen rows changed']),
    },
  },
  {
    name: 'protected v3.0 header cells only (A1:BO1, owner only)',
    build: () => protectedWorkbook('A1:BO1'),
    expect: { kind: 'applied' },
  },
  {
    name: 'warning-only protection on the target range',
    build: () => protectedWorkbook('BP1:BT201', { warningOnly: true, maxColumns: 72 }),
    expect: { kind: 'applied', warnings: [{ code: 'PROTECTED_WARNING', location: 'Operaciones!BP1:BT201' }] },
  },
  {
    name: 'grid already at the column limit, room inside it (18,278 columns, 67 headers)',
    build: () => v3({ maxColumns: MAX_COLUMNS }),
    expect: {
      kind: 'applied',
      check: (emu) => (emu.sheetInfo(OPERACIONES)!.maxColumns === MAX_COLUMNS ? [] : ['the grid grew past the limit']),
    },
  },
  {
    name: 'formulas and dates in data rows',
    build: () =>
      v3({
        rows: withCells([
          [0, 2, { formula: '=ROW()', value: 2 }],
          [1, 3, new Date(Date.UTC(2026, 2, 1))],
          [199, 67, { formula: '=CONCAT(A201,"!")', value: 'x!' }],
        ]),
      }),
    expect: { kind: 'applied' },
  },
  {
    name: 'partly migrated by hand: two v4.0 columns with values, blanks and a formula showing ""',
    build: () =>
      v3({
        headers: appendHeaders(...V4_HEADERS.slice(0, 2)),
        rows: withCells([
          [0, 68, 4],
          [0, 69, 2],
          [1, 68, 7],
          [5, 69, { formula: '=BP7*0', value: '' }],
        ]),
        maxColumns: 69,
      }),
    expect: {
      kind: 'applied',
      check: (emu) => (emu.readFormulas(OPERACIONES)[6][68] === '=BP7*0' ? [] : ['the formula in BQ7 was overwritten']),
    },
  },
  {
    name: 'v4.0 already applied, its columns moved left of the v3.0 ones',
    build: () =>
      v3({
        headers: (headers) => [...V4_HEADERS, ...headers],
        rows: (rows) => rows.map((row) => [1, 2, 3, 4.5, 6.5, ...row]),
      }),
    // Nothing to add: the apply adopts (tags) the columns where they stand and sets only their sheet
    // rules, on A–E where the columns are now; no value changes.
    expect: {
      kind: 'applied',
      check: (emu) => {
        const sheet = emu.spreadsheet.getSheetByName(OPERACIONES);
        const rules = sheet?.getRange('A2:E2').getDataValidations()[0] ?? [];
        return [
          ...taggedWhereTheyStand(emu),
          ...(rules.every((r) => r !== null) ? [] : ['A2:E2 did not get their validation']),
        ];
      },
    },
  },
];

export const METRICS_CASES: readonly HostileCase[] = [
  // ── Union metrics ─────────────────────────────────────────────────────────────────────────
  {
    name: 'metrics: the Uniones sheet is missing',
    action: 'metrics',
    build: () => v3({ headers: appendHeaders(...V4_HEADERS) }),
    expect: { kind: 'blocked', code: 'SHEET_NOT_FOUND', mentions: ['Sheet "Uniones" was not found'] },
  },
  {
    name: 'metrics: the v4.0 columns are missing',
    action: 'metrics',
    build: () => v3({ withUniones: true }),
    expect: {
      kind: 'blocked',
      code: 'METRICS_COLUMNS_MISSING',
      mentions: ['"Operaciones"', 'Total_Uniones', 'Pulgadas_SOLD'],
    },
  },
  {
    name: 'metrics: TAG_SPOOL twice in Uniones',
    action: 'metrics',
    build: () => {
      const emu = v3({ headers: appendHeaders(...V4_HEADERS), withUniones: true });
      const uniones = emu.readSheet('Uniones');
      uniones[0][0] = 'TAG_SPOOL'; // ID_UNION renamed: TAG_SPOOL in A1 and B1
      emu.seedSheet('Uniones', uniones);
      emu.stats.reset();
      return emu;
    },
    expect: { kind: 'blocked', code: 'COLUMN_NOT_FOUND', mentions: ['"TAG_SPOOL"', '"Uniones"'] },
  },
  {
    // Issue 11, defect 1: an import or another script (no onEdit) adds the duplicate after the
    // column maps were cached; the refusal must be the cold cache's.
    name: 'metrics: a second TAG_SPOOL in Uniones behind a warm column-map cache',
    action: 'metrics',
    build: () => withWarmCacheThen((emu) => appendColumn(emu, 'Uniones', 'TAG_SPOOL')),
    expect: { kind: 'blocked', code: 'COLUMN_NOT_FOUND', mentions: ['"TAG_SPOOL"', '"Uniones"'] },
  },
  {
    name: 'metrics: a second Total_Uniones in Operaciones behind a warm column-map cache',
    action: 'metrics',
    build: () => withWarmCacheThen((emu) => appendColumn(emu, OPERACIONES, 'Total_Uniones')),
    expect: { kind: 'blocked', code: 'COLUMN_NOT_FOUND', mentions: ['"Total_Uniones"', '"Operaciones"'] },
  },
];

/** A migrated workbook whose column maps a first metrics preview cached, then `change` behind the cache's back. */
function withWarmCacheThen(change: (emu: Emulator) => void): Emulator {
  const emu = v3({ headers: appendHeaders(...V4_HEADERS), withUniones: true });
  previewUnionMetrics(execution(emu));
  emu.endExecution();
  change(emu);
  emu.stats.reset();
  return emu;
}

/** A backdoor write (no trigger fires, no cache is dropped): one more column with `header`. */
function appendColumn(emu: Emulator, sheet: string, header: string): void {
  const rows = emu.readSheet(sheet);
  emu.seedSheet(
    sheet,
    rows.map((row, i) => [...row, i === 0 ? header : '']),
  );
}
