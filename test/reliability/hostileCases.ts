/**
 * Hostile sheets: the one list of fixtures a change must survive, used by the jest tests
 * (test/reliability/hostile.test.ts) and by `npm run reliability` (scripts/reliability.ts).
 *
 * Each case ends one of three ways, and the runner checks it precisely:
 *   - 'blocked': the dry run is blocked by a finding with the expected code and location; its
 *     message names the sheet/cell/column; an apply of that plan (as a hostile client could send)
 *     throws with that message; zero write calls; every sheet byte-identical before and after.
 *   - 'applied': the apply is correct — the five v4.0 columns present once each, every data row
 *     filled, no pre-existing non-empty cell changed, nothing written outside the managed columns,
 *     expected warnings naming their cell, and a further dry run is up to date.
 *   - 'up-to-date': nothing to do, zero writes.
 * Union-metrics cases ('metrics') refuse with a SchemaError code naming the sheet/column.
 */
import type { Emulator } from '../../emulator';
import { HISTORY_SHEET } from '../../src/adapters/history';
import { MAX_COLUMNS } from '../../src/core/columnLetters';
import { errorMessage, SchemaError } from '../../src/core/errors';
import { MAX_CELLS } from '../../src/core/plan';
import { applySchema, previewSchema } from '../../src/server/schemaService';
import { previewUnionMetrics, recomputeUnionMetrics } from '../../src/server/unionMetricsService';
import type { SchemaPlan } from '../../src/shared/payloads';
import { V4_HEADERS, writeCalls } from '../support/emulated';
import { quietly } from '../support/quietly';
import { execution, OPERACIONES, SPOOLS, V3_COLUMNS, v3 } from './workbooks';

export type HostileExpectation =
  | {
      readonly kind: 'blocked';
      readonly code: string;
      /** The finding's location (null: the finding names the sheet in its message only). */
      readonly location?: string | null;
      /** Texts the message must contain: the sheet, cell or column it names. */
      readonly mentions: readonly string[];
    }
  | {
      readonly kind: 'applied';
      /** Warnings the dry run must show, by code and location. */
      readonly warnings?: ReadonlyArray<{ readonly code: string; readonly location: string }>;
      /** Case-specific checks after the apply; returns problems. */
      readonly check?: (emu: Emulator) => string[];
    }
  | { readonly kind: 'up-to-date' };

export interface HostileCase {
  readonly name: string;
  /** 'schema' (default): preview then apply. 'metrics': previewUnionMetrics then recomputeUnionMetrics. */
  readonly action?: 'schema' | 'metrics';
  build(): Emulator;
  readonly expect: HostileExpectation;
}

export interface HostileResult {
  readonly name: string;
  readonly expected: HostileExpectation['kind'];
  /** What happened: 'blocked' / 'applied' / 'up-to-date', or 'error' for an unexpected exception. */
  readonly outcome: 'blocked' | 'applied' | 'up-to-date' | 'error';
  /** The operator's message (the blocking message, or the apply's summary). */
  readonly message: string;
  /** The message names what it should (for blocked cases) or the apply was correct (applied). */
  readonly clear: boolean;
  /** Write calls made by a refused change, plus cells changed where nothing should have changed. */
  readonly unexpectedWrites: number;
  readonly problems: readonly string[];
}

// ---------------------------------------------------------------------------------------------
// Fixtures

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

const OWNER = 'owner@example.com';
/** The operator is not the owner, so protections can lock them out. */
const LOCKED_OUT = { owner: OWNER, user: 'operator@example.com' };

const withHeader = (column: number, value: unknown) => (headers: unknown[]) => {
  const copy = [...headers];
  copy[column - 1] = value;
  return copy;
};
const appendHeaders =
  (...extra: unknown[]) =>
  (headers: unknown[]) => [...headers, ...extra];
/** Sets cells of data rows (0-based data row index → column → value), widening ragged rows. */
const withCells = (cells: ReadonlyArray<readonly [number, number, unknown]>) => (rows: unknown[][]) => {
  for (const [row, column, value] of cells) {
    while (rows[row].length < column) rows[row].push('');
    rows[row][column - 1] = value;
  }
  return rows;
};

function nearDuplicate(name: string, header: string, mention: string): HostileCase {
  return {
    name,
    build: () => v3({ headers: appendHeaders(header), maxColumns: V3_COLUMNS + 1 }),
    expect: {
      kind: 'blocked',
      code: 'NEAR_DUPLICATE_HEADER',
      location: 'Operaciones!BP1',
      mentions: ['Operaciones!BP1', mention],
    },
  };
}

/** A workbook whose grid cells total `MAX_CELLS - slack` before the change. */
function nearCellLimit(slack: number): Emulator {
  const emu = v3({ spools: 10 });
  const used = emu
    .sheetNames()
    .reduce((sum, name) => sum + emu.sheetInfo(name)!.maxRows * emu.sheetInfo(name)!.maxColumns, 0);
  emu.seedSheet('Big', [['x']], { maxRows: MAX_CELLS - used - slack, maxColumns: 1 });
  emu.stats.reset();
  return emu;
}

function protectedWorkbook(a1: string | null, options: { warningOnly?: boolean; maxColumns?: number } = {}): Emulator {
  const emu = v3({ emulator: LOCKED_OUT, maxColumns: options.maxColumns });
  emu.protectRange(
    OPERACIONES,
    a1,
    options.warningOnly
      ? { warningOnly: true, description: 'check before editing' }
      : { editors: [OWNER], description: 'owner only' },
  );
  return emu;
}

const formatsOf = (emu: Emulator, a1: string) => JSON.stringify(emu.readNumberFormats(OPERACIONES, a1));

export const HOSTILE_CASES: readonly HostileCase[] = [
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
    // Nothing to add: the apply only adopts (tags) the columns where they stand, writing no cell of the sheet.
    expect: { kind: 'applied', check: taggedWhereTheyStand },
  },
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
];

// ---------------------------------------------------------------------------------------------
// Runner

type Grid = readonly (readonly unknown[])[];

interface SheetState {
  readonly info: string;
  readonly values: Grid;
  readonly formulas: Grid;
}

function capture(emu: Emulator): Map<string, SheetState> {
  return new Map(
    emu
      .sheetNames()
      .map((name) => [
        name,
        { info: JSON.stringify(emu.sheetInfo(name)), values: emu.readSheet(name), formulas: emu.readFormulas(name) },
      ]),
  );
}

/** Dates (from any realm) by time, everything else by identity. `a === b` first: this runs per cell. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';
  if (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null)
    return isDate(a) && isDate(b) && a.getTime() === b.getTime();
  return Number.isNaN(a) && Number.isNaN(b);
}

const cell = (grid: Grid, r: number, c: number): unknown => grid[r]?.[c] ?? '';

/** Cells that differ between two states, over the larger extent. */
function changedCells(a: SheetState | undefined, b: SheetState | undefined): Array<[number, number]> {
  const rows = Math.max(a?.values.length ?? 0, b?.values.length ?? 0);
  const width = (s: SheetState | undefined) => (s?.values ?? []).reduce((max, row) => Math.max(max, row.length), 0);
  const columns = Math.max(width(a), width(b));
  const changed: Array<[number, number]> = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      if (
        !same(cell(a?.values ?? [], r, c), cell(b?.values ?? [], r, c)) ||
        !same(cell(a?.formulas ?? [], r, c), cell(b?.formulas ?? [], r, c))
      )
        changed.push([r, c]);
    }
  }
  return changed;
}

function attempt<T>(fn: () => T): { value: T | null; error: unknown } {
  try {
    return { value: quietly(fn), error: null };
  } catch (error) {
    return { value: null, error };
  }
}

function writeCount(emu: Emulator): number {
  return Object.values(writeCalls(emu)).reduce((sum, n) => sum + n, 0);
}

export function runHostileCase(hostile: HostileCase): HostileResult {
  const emu = hostile.build();
  const before = capture(emu);
  emu.stats.reset();
  return hostile.action === 'metrics' ? runMetrics(hostile, emu, before) : runSchema(hostile, emu, before);
}

function runSchema(hostile: HostileCase, emu: Emulator, before: Map<string, SheetState>): HostileResult {
  const expect = hostile.expect;
  const problems: string[] = [];
  const preview = attempt(() => previewSchema(execution(emu)));
  if (preview.value === null) {
    return {
      name: hostile.name,
      expected: expect.kind,
      outcome: 'error',
      message: errorMessage(preview.error),
      clear: false,
      unexpectedWrites: writeCount(emu),
      problems: [`the dry run threw: ${errorMessage(preview.error)}`],
    };
  }
  const plan: SchemaPlan = preview.value;
  // Applied even when blocked: a hostile client can send any fingerprint it saw.
  const applied = attempt(() => applySchema(execution(emu), plan.fingerprint));
  const outcome =
    applied.value?.status ??
    (applied.error instanceof SchemaError && applied.error.code === 'BLOCKED' ? 'blocked' : 'error');
  const message = applied.value?.summary ?? errorMessage(applied.error);
  const after = capture(emu);

  if (expect.kind === 'blocked' || expect.kind === 'up-to-date') {
    const writes = writeCount(emu);
    let changed = 0;
    for (const name of new Set([...before.keys(), ...after.keys()])) {
      const a = before.get(name);
      const b = after.get(name);
      changed += changedCells(a, b).length + (a?.info === b?.info ? 0 : 1);
    }
    if (writes > 0) problems.push(`${writes} write call(s): ${JSON.stringify(writeCalls(emu))}`);
    if (changed > 0) problems.push(`${changed} cell(s) or sheet properties changed`);
    if (outcome !== expect.kind) problems.push(`expected ${expect.kind}, got ${outcome}: ${message}`);
    let clear = outcome === expect.kind;
    if (expect.kind === 'blocked') {
      const found = plan.sheets.flatMap((s) => s.errors).find((e) => e.code === expect.code);
      if (plan.status !== 'blocked' || found === undefined)
        problems.push(
          `the dry run did not block with ${expect.code} (status ${plan.status}, errors ${plan.sheets.flatMap((s) => s.errors.map((e) => e.code)).join(', ') || 'none'})`,
        );
      else {
        if (expect.location !== undefined && found.location !== expect.location)
          problems.push(
            `finding location ${JSON.stringify(found.location)}, expected ${JSON.stringify(expect.location)}`,
          );
        const missing = expect.mentions.filter((text) => !found.message.includes(text));
        if (missing.length > 0)
          problems.push(
            `the message does not name ${missing.map((m) => JSON.stringify(m)).join(', ')}: ${found.message}`,
          );
        if (!message.includes(found.message))
          problems.push(`the apply's refusal does not carry the finding: ${message}`);
        if (message.length > 2_000) problems.push(`the message is ${message.length} characters long`);
      }
      clear = problems.length === 0;
    }
    return {
      name: hostile.name,
      expected: expect.kind,
      outcome,
      message,
      clear,
      unexpectedWrites: writes + changed,
      problems,
    };
  }

  // Applied.
  if (outcome !== 'applied') problems.push(`expected applied, got ${outcome}: ${message}`);
  for (const warning of expect.warnings ?? []) {
    if (!plan.sheets.some((s) => s.warnings.some((w) => w.code === warning.code && w.location === warning.location))) {
      problems.push(
        `no ${warning.code} warning at ${warning.location} (warnings: ${plan.sheets.flatMap((s) => s.warnings.map((w) => `${w.code}@${w.location}`)).join(', ') || 'none'})`,
      );
    }
  }
  const unexpected = appliedCorrectly(emu, plan, before, after, problems);
  problems.push(...(expect.check?.(emu) ?? []));
  if (outcome === 'applied' && previewSchema(execution(emu)).status !== 'up-to-date')
    problems.push('a further dry run still finds changes');
  return {
    name: hostile.name,
    expected: 'applied',
    outcome,
    message,
    clear: problems.length === 0,
    unexpectedWrites: unexpected,
    problems,
  };
}

/**
 * The result of an apply, cell by cell: managed columns (by their header after the apply) may
 * change only in blank cells of the header and data rows; nothing else may change anywhere.
 * Returns the number of cells changed where nothing should have.
 */
function appliedCorrectly(
  emu: Emulator,
  plan: SchemaPlan,
  before: Map<string, SheetState>,
  after: Map<string, SheetState>,
  problems: string[],
): number {
  let unexpected = 0;
  for (const [name, state] of after) {
    if (name === HISTORY_SHEET || name === OPERACIONES) continue;
    unexpected += changedCells(before.get(name), state).length;
  }
  const old = before.get(OPERACIONES)!;
  const now = after.get(OPERACIONES)!;
  const header = now.values[0] ?? [];
  const managed = new Set<number>();
  header.forEach((value, c) => {
    if (V4_HEADERS.includes(String(value))) managed.add(c);
  });
  for (const name of V4_HEADERS) {
    const count = header.filter((value) => value === name).length;
    if (count !== 1) problems.push(`header ${name} appears ${count} times`);
  }
  const dataRows = old.values.length - 1;
  if (now.values.length - 1 !== dataRows)
    problems.push(`the sheet has ${now.values.length - 1} data rows, had ${dataRows}`);
  for (const [r, c] of changedCells(old, now)) {
    const wasBlank = cell(old.values, r, c) === '' && cell(old.formulas, r, c) === '';
    if (!managed.has(c) || !wasBlank || r > dataRows) unexpected++;
  }
  let unfilled = 0;
  for (const c of managed) {
    for (let r = 1; r <= dataRows; r++)
      if (cell(now.values, r, c) === '' && cell(now.formulas, r, c) === '') unfilled++;
  }
  if (unfilled > 0) problems.push(`${unfilled} data cell(s) of the managed columns are still blank`);
  if (unexpected > 0) problems.push(`${unexpected} cell(s) changed outside the blank cells of the managed columns`);
  const added = plan.sheets.flatMap((s) => s.columnsToAdd);
  const info = emu.sheetInfo(OPERACIONES)!;
  if (added.length > 0 && info.maxRows > 1) {
    const formats = emu.readNumberFormats(OPERACIONES, `${added[0].letter}2:${added[added.length - 1].letter}2`)[0];
    const expected = added.map((c) => c.numberFormat);
    if (JSON.stringify(formats) !== JSON.stringify(expected))
      problems.push(`new columns formatted ${JSON.stringify(formats)}, expected ${JSON.stringify(expected)}`);
  }
  return unexpected;
}

function runMetrics(hostile: HostileCase, emu: Emulator, before: Map<string, SheetState>): HostileResult {
  const expect = hostile.expect;
  const problems: string[] = [];
  const preview = attempt(() => previewUnionMetrics(execution(emu)));
  const write = attempt(() => recomputeUnionMetrics(execution(emu)));
  const error = write.error ?? preview.error;
  const message = errorMessage(error);
  const after = capture(emu);
  const writes = writeCount(emu);
  let changed = 0;
  for (const [name, state] of after) changed += changedCells(before.get(name), state).length;
  if (writes > 0) problems.push(`${writes} write call(s): ${JSON.stringify(writeCalls(emu))}`);
  if (changed > 0) problems.push(`${changed} cell(s) changed`);
  if (expect.kind !== 'blocked') throw new Error(`${hostile.name}: metrics cases expect a refusal`);
  for (const [label, result] of [
    ['previewUnionMetrics', preview],
    ['recomputeUnionMetrics', write],
  ] as const) {
    const e = result.error;
    if (!(e instanceof SchemaError) || e.code !== expect.code)
      problems.push(`${label}: expected SchemaError ${expect.code}, got ${e === null ? 'success' : errorMessage(e)}`);
    const missing = expect.mentions.filter((text) => !errorMessage(e).includes(text));
    if (e !== null && missing.length > 0)
      problems.push(`${label}: the message does not name ${missing.join(', ')}: ${errorMessage(e)}`);
  }
  const outcome = error instanceof SchemaError ? 'blocked' : 'error';
  return {
    name: hostile.name,
    expected: 'blocked',
    outcome,
    message,
    clear: problems.length === 0,
    unexpectedWrites: writes + changed,
    problems,
  };
}
