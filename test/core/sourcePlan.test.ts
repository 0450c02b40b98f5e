import { buildPlan } from '../../src/core/plan';
import { planFingerprint } from '../../src/core/planDigest';
import { planSourceSheet, type SourceSnapshot, sourceSheetsOf } from '../../src/core/sourcePlan';
import { SCHEMA } from '../../src/schema/managedSheets';
import { snapshot, v3Headers } from '../support/snapshots';

const [UNIONES] = sourceSheetsOf(SCHEMA);
const HEADERS = ['ID_UNION', 'TAG_SPOOL', 'N_UNION', 'DN_UNION', 'ARM_FECHA_FIN', 'SOL_FECHA_FIN'];
const source = (headers: unknown[], tags: SourceSnapshot['tags'] = [], metadataCharacters = 0): SourceSnapshot => ({
  name: 'Uniones',
  headers,
  tags,
  metadataCharacters,
});
const tagged = (headers = HEADERS) =>
  headers.flatMap((identity, i) => (UNIONES.identities.includes(identity) ? [{ column: i + 1, identity }] : []));
const codes = (plan: ReturnType<typeof planSourceSheet>) => plan.warnings.map((w) => w.code);

describe('sourceSheetsOf', () => {
  it('names Uniones with the four read columns and the migration declaring the metric columns', () => {
    expect(sourceSheetsOf(SCHEMA)).toEqual([
      {
        sheet: 'Uniones',
        identities: ['TAG_SPOOL', 'ARM_FECHA_FIN', 'SOL_FECHA_FIN', 'DN_UNION'],
        migrationId: '4.0-union-metrics',
      },
    ]);
  });
});

describe('planSourceSheet', () => {
  it('adopts the exact-header read columns, in column order; nothing once they are tagged', () => {
    const first = planSourceSheet(UNIONES, source(HEADERS));
    expect(first.columnsToTag.map((t) => `${t.letter} ${t.identity} ${t.reason}`)).toEqual([
      'B TAG_SPOOL adopted',
      'D DN_UNION adopted',
      'E ARM_FECHA_FIN adopted',
      'F SOL_FECHA_FIN adopted',
    ]);
    expect(first.warnings).toEqual([]);
    expect(planSourceSheet(UNIONES, source(HEADERS, tagged()))).toMatchObject({ columnsToTag: [], warnings: [] });
  });

  it('a renamed tagged column is COLUMN_RENAMED with its cell and both texts, and nothing to tag', () => {
    const headers = HEADERS.map((h) => (h === 'DN_UNION' ? 'DN' : h));
    const plan = planSourceSheet(UNIONES, source(headers, tagged()));
    expect(plan.columnsToTag).toEqual([]);
    expect(plan.warnings).toEqual([
      expect.objectContaining({
        code: 'COLUMN_RENAMED',
        location: 'Uniones!D1',
        params: expect.objectContaining({ identity: 'DN_UNION', header: 'DN', cell: 'Uniones!D1' }),
      }),
    ]);
  });

  it("a tag under another read column's header is IDENTITY_MISMATCH, that identity is left untagged", () => {
    // The headers of DN_UNION and ARM_FECHA_FIN were swapped without their columns.
    const swapped = ['ID_UNION', 'TAG_SPOOL', 'N_UNION', 'ARM_FECHA_FIN', 'DN_UNION', 'SOL_FECHA_FIN'];
    const plan = planSourceSheet(UNIONES, source(swapped, tagged()));
    expect(codes(plan)).toEqual(['IDENTITY_MISMATCH', 'IDENTITY_MISMATCH']);
    expect(plan.columnsToTag).toEqual([]);
  });

  it('an untagged look-alike header is "looks renamed"; a read column gone is SOURCE_COLUMN_MISSING', () => {
    const lookalike = planSourceSheet(UNIONES, source(HEADERS.map((h) => (h === 'DN_UNION' ? 'dn_union ' : h))));
    expect(lookalike.warnings).toEqual([
      expect.objectContaining({ code: 'COLUMN_LOOKS_RENAMED', location: 'Uniones!D1' }),
    ]);
    expect(lookalike.columnsToTag.map((t) => t.identity)).not.toContain('DN_UNION');
    const gone = planSourceSheet(UNIONES, source(HEADERS.filter((h) => h !== 'SOL_FECHA_FIN')));
    expect(gone.warnings).toEqual([
      expect.objectContaining({
        code: 'SOURCE_COLUMN_MISSING',
        params: { sheet: 'Uniones', identity: 'SOL_FECHA_FIN' },
      }),
    ]);
  });

  it('over the metadata budget nothing is tagged and METADATA_LIMIT is a warning', () => {
    const plan = planSourceSheet(UNIONES, source(HEADERS, [], 29_950));
    expect(plan.columnsToTag).toEqual([]);
    expect(codes(plan)).toEqual(['METADATA_LIMIT']);
  });
});

describe('source sheets in the whole plan', () => {
  const workbook = (uniones: SourceSnapshot | null) => ({
    spreadsheetName: 'Demo',
    cells: { total: 0, created: 0 },
    sheets: [snapshot({ headers: v3Headers() })],
    sources: [uniones],
    history: [],
    interrupted: null,
    historyShape: null,
    readCost: { spreadsheetCalls: 0, cellsRead: 0 },
  });

  it('never block Operaciones: a missing or broken Uniones leaves its plan as it was', () => {
    for (const uniones of [null, source(['TAG_SPOOL', 'TAG_SPOOL', 'DN_UNION'])]) {
      const plan = buildPlan(SCHEMA, workbook(uniones), 't');
      expect(plan.status).toBe('changes');
      expect(plan.sheets[0].errors).toEqual([]);
      expect(plan.sources?.[0].warnings.length).toBeGreaterThan(0);
    }
  });

  it('the fingerprint changes when a Uniones column to tag is renamed or moved', () => {
    const base = buildPlan(SCHEMA, workbook(source(HEADERS)), 't1').fingerprint;
    expect(buildPlan(SCHEMA, workbook(source(HEADERS)), 't2').fingerprint).toBe(base);
    const renamed = HEADERS.map((h) => (h === 'DN_UNION' ? 'DN' : h));
    expect(buildPlan(SCHEMA, workbook(source(renamed)), 't1').fingerprint).not.toBe(base);
    expect(buildPlan(SCHEMA, workbook(source(['X', ...HEADERS])), 't1').fingerprint).not.toBe(base);
  });

  it('a plan read without source sheets keeps its fingerprint (none are planned)', () => {
    const { sources: _none, ...without } = workbook(null);
    const plan = buildPlan(SCHEMA, without, 't');
    expect(plan.sources).toEqual([]);
    expect(plan.fingerprint).toBe(planFingerprint(plan.sheets, null));
  });
});
