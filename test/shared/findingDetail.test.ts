import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { damageFinding, HISTORY_HEADERS, headerRepair } from '../../src/adapters/historyHeader';
import { blankDefaultsFinding } from '../../src/core/blankDefaults';
import { detectDrift, missingSheetDrift, type SheetBaseline } from '../../src/core/drift';
import { DRIFT_CODES, ERROR_CODES, PENDING_CODES } from '../../src/core/driftCodes';
import { analyseHeaders } from '../../src/core/headers';
import { UNTAGGED_CODE } from '../../src/core/identityDrift';
import {
  contradictedFindings,
  duplicatedFindings,
  IDENTITY_CODES,
  looksRenamedFindings,
  metadataLimitFinding,
  renamedFinding,
} from '../../src/core/identityFindings';
import { planSheet } from '../../src/core/plan';
import type { ManagedSheet } from '../../src/core/schema';
import { ruleFinding } from '../../src/core/sheetRules';
import { interruptedFinding } from '../../src/core/unfinishedApply';
import { SCHEMA } from '../../src/schema/managedSheets';
import { CATALOGUES } from '../../src/shared/messages';
import type { Finding, PlannedRuleChange } from '../../src/shared/payloads';
import { detailKey, findingDetail } from '../../src/shared/wording/findingDetail';
import { localText } from '../../src/shared/wording/localText';
import { block, protection, snapshot, V4_COLUMNS, v3Headers } from '../support/snapshots';

const OPERACIONES: ManagedSheet = SCHEMA.managedSheets[0];
const es = localText('es', 'Europe/Madrid');
const en = localText('en', 'Europe/Madrid');
const CELLS = { total: 2001 * 67, created: 0 };

/** Every finding code written as a literal where findings are made (finding('X', …) or code: 'X'). */
function codesInSource(): string[] {
  const root = join(__dirname, '../../src');
  const files = ['core', 'adapters', 'server'].flatMap((dir) =>
    readdirSync(join(root, dir))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => readFileSync(join(root, dir, f), 'utf8')),
  );
  const literal = /(?:\bfinding\(\s*|\bcode: |const code = [^;]*?)'([A-Z][A-Z_]+)'/g;
  const ternary = /const code = [^;]*'([A-Z][A-Z_]+)' : '([A-Z][A-Z_]+)'/g;
  return files.flatMap((text) => [
    ...[...text.matchAll(literal)].map((m) => m[1]),
    ...[...text.matchAll(ternary)].flatMap((m) => [m[1], m[2]]),
  ]);
}

const ALL_CODES = [
  ...new Set([
    ...ERROR_CODES,
    ...DRIFT_CODES,
    ...PENDING_CODES,
    ...Object.values(IDENTITY_CODES),
    UNTAGGED_CODE,
    'UNKNOWN_COLUMNS',
    ...codesInSource(),
  ]),
].sort();

describe('the details of a finding', () => {
  it('has a detail key in both languages for every finding code the add-on can produce', () => {
    expect(ALL_CODES).toEqual(
      expect.arrayContaining(['CELL_LIMIT', 'DATA_QUALITY', 'HISTORY_DAMAGED', 'PROTECTED_RANGE', 'CHECK_FAILED']),
    );
    for (const code of ALL_CODES) {
      expect({ code, en: `detail.${code}` in CATALOGUES.en }).toEqual({ code, en: true });
      expect({ code, es: `detail.${code}` in CATALOGUES.es }).toEqual({ code, es: true });
    }
  });

  it('keeps the server sentence for a code the catalogue does not know, or a finding without params', () => {
    const unknown: Finding = { code: 'SOMETHING_NEW', message: 'A new thing.', location: null, params: { sheet: 'X' } };
    expect(findingDetail(es, unknown, 'X')).toBe('A new thing.');
    const stored: Finding = { code: 'MISSING_SHEET', message: 'Sheet "X" was not found.', location: 'X' };
    expect(findingDetail(es, stored, 'X')).toBe('Sheet "X" was not found.');
  });

  it('picks the variant the params name, else the base wording', () => {
    expect(detailKey({ code: 'COLUMN_DELETED', params: { column: '' } })).toBe('detail.COLUMN_DELETED');
    expect(detailKey({ code: 'COLUMN_DELETED', params: { column: 'BP' } })).toBe('detail.COLUMN_DELETED.seen');
    expect(detailKey({ code: 'NOTE_CHANGED', params: { reason: 'changed' } })).toBe('detail.NOTE_CHANGED');
    expect(detailKey({ code: 'NOTE_CHANGED', params: { reason: 'missing' } })).toBe('detail.NOTE_CHANGED.missing');
    expect(detailKey({ code: 'NOT_A_CODE' })).toBeNull();
  });
});

/** Findings as the planner, the check and the adapters produce them, one or more per code. */
function representativeFindings(): Finding[] {
  const headers = v3Headers();
  const plans = [
    planSheet(OPERACIONES, null, [], CELLS),
    planSheet(OPERACIONES, snapshot({ headers: [], lastRow: 0, lastColumn: 0 }), [], CELLS),
    planSheet(OPERACIONES, snapshot({ headers: ['', ''], lastColumn: 2 }), [], CELLS),
    planSheet(OPERACIONES, snapshot({ headers: [...headers.slice(0, 3), 'COL_2', ...headers.slice(4)] }), [], CELLS),
    planSheet(OPERACIONES, snapshot({ headers: [...headers, ' total_uniones'] }), [], CELLS),
    planSheet(
      OPERACIONES,
      snapshot({ headers: ['TAG', '', 'X', 5, '#REF!', ...headers.slice(5)], hidden: true }),
      [],
      CELLS,
    ),
    planSheet(
      OPERACIONES,
      snapshot({ headers: [...headers, ...Array.from({ length: 18_207 }, (_, i) => `X${i}`)] }),
      [],
      CELLS,
    ),
    planSheet(OPERACIONES, snapshot({ headers }), [], { total: 9_999_000, created: 26_000 }),
    planSheet(OPERACIONES, snapshot({ headers, lastColumn: 68, rightOfHeaders: block(2, 68, [['stray']]) }), [], CELLS),
    planSheet(
      OPERACIONES,
      snapshot({
        headers,
        protections: [
          protection({ row: 1, column: 68, rows: 10, columns: 2, description: 'Jefe de taller', canEdit: false }),
          protection({ wholeSheet: true, warningOnly: true }),
        ],
      }),
      [],
      CELLS,
    ),
    planSheet(
      OPERACIONES,
      snapshot({ headers: [...headers, V4_COLUMNS[0]], managedBlock: block(2, 68, [['tres'], [-1]]) }),
      [],
      CELLS,
    ),
  ];
  const v4 = [...headers, ...V4_COLUMNS];
  const previous: SheetBaseline = {
    headerFingerprint: 'before',
    headers: v4,
    managed: Object.fromEntries(V4_COLUMNS.map((name, i) => [name, 68 + i])),
    renamedTo: {},
  };
  const moved = [...v4.slice(0, 67), v4[68], v4[67], 'Nueva', 'Total uniones ARM', ...v4.slice(71)];
  const drift = [
    missingSheetDrift(OPERACIONES, null),
    detectDrift(OPERACIONES, [], 0, null),
    detectDrift(OPERACIONES, ['', ''], 2, null),
    detectDrift(OPERACIONES, moved, moved.length, previous),
    detectDrift(OPERACIONES, v4.slice(0, 70), 70, previous, [{ column: 68, identity: V4_COLUMNS[0] }]),
    detectDrift(OPERACIONES, headers, 67, null),
    detectDrift(OPERACIONES, [...v4, ...Array.from({ length: 12 }, (_, i) => `Extra ${i}`)], 84, previous),
  ];
  const where = { sheet: 'Operaciones', headerRow: 1 };
  const rule = (kind: PlannedRuleChange['kind'], reason: 'missing' | 'changed') =>
    ruleFinding('Operaciones', 1, {
      kind,
      reason,
      index: 68,
      letter: 'BP',
      header: 'Total_Uniones',
    } as PlannedRuleChange);
  return [
    ...plans.flatMap((p) => [...p.errors, ...p.warnings]),
    ...drift.flatMap((d) => d.findings),
    renamedFinding(where, { identity: 'Total_Uniones', column: 68, via: 'tag', header: 'Uniones totales' }),
    ...duplicatedFindings(where, { duplicated: [{ identity: 'Total_Uniones', columns: [68, 70] }] } as never),
    ...contradictedFindings(where, {
      contradicted: [{ identity: 'Total_Uniones', column: 68, header: 'Pulgadas_ARM' }],
    } as never),
    ...looksRenamedFindings(
      where,
      ['Estado_Detalle', 'Total_Uniones'],
      {
        columns: new Map([['Estado_Detalle', { identity: 'Estado_Detalle', column: 67, via: 'header', header: '' }]]),
        renamed: [],
        duplicated: [],
        contradicted: [],
        untagged: [],
      },
      [...headers, 'Uniones'],
    ),
    ...metadataLimitFinding(where, 29_990, ['Total_Uniones']),
    ...(['overwritten', 'empty', 'changed', 'columns'] as const).map((damage) => {
      const row1: Record<typeof damage, unknown[]> = {
        overwritten: ['2026-01-01', '4.0', 'Operaciones', '', '', 1, 'a', 1, 'applied'],
        empty: Array(9).fill(''),
        changed: HISTORY_HEADERS.map((h, i) => (i === 1 ? 'Migración?' : h)),
        columns: HISTORY_HEADERS.slice(0, 5),
      };
      const repair = headerRepair(row1[damage], row1[damage].length);
      if (repair === null) throw new Error(damage);
      return damageFinding(repair);
    }),
    rule('validation', 'missing'),
    rule('validation', 'changed'),
    rule('protection', 'missing'),
    rule('numberFormat', 'changed'),
    rule('note', 'missing'),
    interruptedFinding({ startedAt: '2026-12-01T19:44:00.000Z', user: 'ana@taller.es', migrations: [] }, 'Operaciones'),
    blankDefaultsFinding(OPERACIONES, analyseHeaders(v4), [...headers.map(() => 'x'), '', '', '', '', '']) as Finding,
  ];
}

describe('a Spanish render of the findings the add-on produces', () => {
  const findings = representativeFindings();

  it('covers most codes, each with its structured params', () => {
    const codes = new Set(findings.map((f) => f.code));
    expect(codes.size).toBeGreaterThanOrEqual(ALL_CODES.length - 3);
    for (const f of findings)
      expect({ code: f.code, params: f.params !== undefined }).toEqual({ code: f.code, params: true });
  });

  it('contains no English server sentence and no unfilled placeholder', () => {
    const english = /\b(the|is|was|and|with|would|column|sheet|found|header|schema)\b/i;
    for (const f of findings) {
      const text = findingDetail(es, f, 'Operaciones');
      expect({ code: f.code, same: text === f.message }).toEqual({ code: f.code, same: false });
      expect({ code: f.code, text, placeholder: /\{\w+\}/.test(text) }).toEqual({
        code: f.code,
        text,
        placeholder: false,
      });
      const words = text.replace(/«[^»]*»|"[^"]*"|Sheet Schema|_schema_history|[A-Z]+\d+|\S+@\S+/g, '');
      expect({ code: f.code, words, english: english.test(words) }).toEqual({ code: f.code, words, english: false });
    }
  });

  it('keeps the specifics: cells, both header texts, counts, limits and local times', () => {
    const byCode = (code: string) =>
      findings.filter((f) => f.code === code).map((f) => findingDetail(es, f, 'Operaciones'));
    expect(byCode('COLUMN_LIMIT')[0]).toContain('18.278');
    expect(byCode('CELL_LIMIT')[0]).toMatch(/10\.000\.000.*|.*26\.000.*/);
    expect(byCode('CELL_LIMIT')[0]).toContain('26.000');
    expect(byCode('NEAR_DUPLICATE_HEADER')[0]).toContain('«Total_Uniones»');
    expect(byCode('IDENTITY_MISMATCH')[0]).toMatch(/«Total_Uniones».*«Pulgadas_ARM»/);
    expect(byCode('PROTECTED_RANGE')[0]).toContain('("Jefe de taller")');
    expect(byCode('INTERRUPTED_APPLY')[0]).toContain('20:44');
    expect(byCode('INTERRUPTED_APPLY')[0]).not.toContain('UTC');
    expect(byCode('DATA_QUALITY')[0]).toContain('2 valores');
    expect(findingDetail(en, findings.find((f) => f.code === 'PENDING_MIGRATION') as Finding, 'Operaciones')).toContain(
      '5 columns to add (Total_Uniones, Uniones_ARM_Completadas',
    );
  });
});
