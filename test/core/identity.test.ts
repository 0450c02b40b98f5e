import { analyseHeaders } from '../../src/core/headers';
import { IDENTITY_KEY, identitiesOf, resolveIdentities } from '../../src/core/identity';
import { planSheet } from '../../src/core/plan';
import { SCHEMA } from '../../src/schema/managedSheets';
import { block, snapshot, V4_COLUMNS, v3Headers } from '../support/snapshots';

const OPERACIONES = SCHEMA.managedSheets[0];
const CELLS = { total: 0, created: 0 };
const tagsAt = (first: number, names: readonly string[] = V4_COLUMNS) =>
  names.map((identity, i) => ({ column: first + i, identity }));
const applied = () => [...v3Headers(), ...V4_COLUMNS];
const zeros = block(2, 68, [[0, 0, 0, 0, 0]]);

function plan(headers: unknown[], tags = tagsAt(68), metadataCharacters = 0) {
  return planSheet(
    OPERACIONES,
    snapshot({ headers, tags, metadataCharacters, lastRow: 2, managedBlock: zeros }),
    [],
    CELLS,
    identitiesOf(SCHEMA, 'Operaciones'),
  );
}

describe('resolveIdentities', () => {
  it('finds by tag first, by exact header second, and reports renames', () => {
    const headers = ['TAG_SPOOL', 'Uniones SOLD', 'Total_Uniones'];
    const resolution = resolveIdentities(
      ['Uniones_SOLD_Completadas', 'Total_Uniones', 'TAG_SPOOL'],
      headers,
      analyseHeaders(headers),
      [{ column: 2, identity: 'Uniones_SOLD_Completadas' }],
    );
    expect(resolution.columns.get('Uniones_SOLD_Completadas')).toEqual({
      identity: 'Uniones_SOLD_Completadas',
      column: 2,
      via: 'tag',
      header: 'Uniones SOLD',
    });
    expect(resolution.columns.get('Total_Uniones')?.via).toBe('header');
    expect(resolution.renamed.map((r) => r.column)).toEqual([2]);
    expect(resolution.untagged.map((r) => r.identity)).toEqual(['Total_Uniones', 'TAG_SPOOL']);
  });

  it('names both columns of a copied column, and never resolves it', () => {
    const headers = ['A', 'Total_Uniones', 'Total_Uniones (copy)'];
    const tags = [
      { column: 2, identity: 'Total_Uniones' },
      { column: 3, identity: 'Total_Uniones' },
    ];
    const resolution = resolveIdentities(['Total_Uniones'], headers, analyseHeaders(headers), tags);
    expect(resolution.duplicated).toEqual([{ identity: 'Total_Uniones', columns: [2, 3] }]);
    expect(resolution.columns.has('Total_Uniones')).toBe(false);
  });

  it('distrusts a tag that sits under another managed header (headers moved without their columns)', () => {
    const headers = ['Pulgadas_ARM', 'Total_Uniones'];
    const tags = [{ column: 1, identity: 'Total_Uniones' }];
    const resolution = resolveIdentities(['Total_Uniones', 'Pulgadas_ARM'], headers, analyseHeaders(headers), tags);
    expect(resolution.contradicted).toEqual([{ identity: 'Total_Uniones', column: 1, header: 'Pulgadas_ARM' }]);
    expect(resolution.columns.has('Total_Uniones')).toBe(false);
  });
});

describe('planning with identity', () => {
  it('lists the union-metric columns of both sheets as identities', () => {
    expect(identitiesOf(SCHEMA, 'Operaciones')).toEqual([...V4_COLUMNS, 'TAG_SPOOL']);
    expect(identitiesOf(SCHEMA, 'Uniones')).toEqual(['TAG_SPOOL', 'ARM_FECHA_FIN', 'SOL_FECHA_FIN', 'DN_UNION']);
    expect(IDENTITY_KEY).toBe('sheet-schema.column');
  });

  it('a renamed tagged column is no missing column: nothing is added, the rename is reported with both texts', () => {
    const headers = applied();
    headers[69] = 'Uniones SOLD';
    const result = plan(headers, [...tagsAt(68), { column: 1, identity: 'TAG_SPOOL' }]);
    expect(result.status).toBe('up-to-date');
    expect(result.columnsToAdd).toEqual([]);
    const renamed = result.warnings.find((w) => w.code === 'COLUMN_RENAMED');
    expect(renamed).toMatchObject({
      location: 'Operaciones!BR1',
      params: { cell: 'Operaciones!BR1', identity: 'Uniones_SOLD_Completadas', header: 'Uniones SOLD' },
    });
    expect(renamed?.message).toContain('"Uniones SOLD"');
    expect(renamed?.message).toContain('"Uniones_SOLD_Completadas"');
  });

  it('a renamed tagged column that now only differs in case is a rename, not a blocking near-duplicate', () => {
    const headers = applied();
    headers[67] = 'total_uniones';
    const result = plan(headers, [...tagsAt(68), { column: 1, identity: 'TAG_SPOOL' }]);
    expect(result.errors).toEqual([]);
    expect(result.warnings.map((w) => w.code)).toContain('COLUMN_RENAMED');
  });

  it('adopts hand-made exact-header columns: the preview lists the tags and nothing else changes', () => {
    const result = plan(applied(), []);
    expect(result.status).toBe('changes');
    expect(result.columnsToAdd).toEqual([]);
    expect(result.columnsToTag.map((t) => [t.identity, t.letter, t.reason])).toEqual([
      ['Total_Uniones', 'BP', 'adopted'],
      ['Uniones_ARM_Completadas', 'BQ', 'adopted'],
      ['Uniones_SOLD_Completadas', 'BR', 'adopted'],
      ['Pulgadas_ARM', 'BS', 'adopted'],
      ['Pulgadas_SOLD', 'BT', 'adopted'],
      ['TAG_SPOOL', 'A', 'adopted'],
    ]);
  });

  it('tags the columns it creates', () => {
    const result = planSheet(OPERACIONES, snapshot({ headers: v3Headers() }), [], CELLS);
    expect(result.columnsToTag.map((t) => [t.identity, t.index, t.reason])).toEqual(
      V4_COLUMNS.map((name, i) => [name, 68 + i, 'created']),
    );
  });

  it('an untagged rename between declared neighbours blocks instead of adding a duplicate', () => {
    const headers = applied();
    headers[69] = 'Uniones SOLD';
    const result = plan(headers, []);
    expect(result.status).toBe('blocked');
    expect(result.columnsToAdd).toEqual([]);
    expect(result.errors.map((e) => [e.code, e.location])).toEqual([['COLUMN_LOOKS_RENAMED', 'Operaciones!BR1']]);
    expect(result.errors[0].message).toContain('"Uniones SOLD"');
  });

  it('an untagged rename of the first declared column is found beside its right neighbour', () => {
    const headers = applied();
    headers[67] = 'Total';
    const result = plan(headers, []);
    expect(result.errors.map((e) => [e.code, e.params?.identity])).toEqual([['COLUMN_LOOKS_RENAMED', 'Total_Uniones']]);
  });

  it('a duplicated identity blocks, naming both cells', () => {
    const headers = [...applied(), 'Total_Uniones (2)'];
    const result = plan(headers, [...tagsAt(68), { column: 73, identity: 'Total_Uniones' }]);
    expect(result.status).toBe('blocked');
    const error = result.errors.find((e) => e.code === 'DUPLICATE_IDENTITY');
    expect(error?.message).toContain('Operaciones!BP1, Operaciones!BU1');
    expect(result.columnsToAdd).toEqual([]);
  });

  it('a tag plus an exact-header copy elsewhere is a duplicated identity too', () => {
    const headers = applied();
    headers[69] = 'Uniones SOLD';
    headers.push('Uniones_SOLD_Completadas');
    const result = plan(headers);
    expect(result.errors.map((e) => e.code)).toContain('DUPLICATE_IDENTITY');
  });

  it('refuses to tag past the 30,000-character metadata budget of a sheet, before writing', () => {
    const result = plan(applied(), [], 29_900);
    expect(result.status).toBe('blocked');
    expect(result.errors.map((e) => e.code)).toEqual(['METADATA_LIMIT']);
    expect(plan(applied(), [], 29_000).status).toBe('changes');
  });

  it('a deleted tagged column is added again (its tag went with it)', () => {
    const headers = applied();
    headers.splice(69, 1);
    const tags = tagsAt(68)
      .filter((t) => t.identity !== 'Uniones_SOLD_Completadas')
      .map((t) => ({
        ...t,
        column: t.column > 70 ? t.column - 1 : t.column,
      }));
    const result = plan(headers, tags);
    expect(result.columnsToAdd.map((c) => c.header)).toEqual(['Uniones_SOLD_Completadas']);
  });
});

describe('deletes on a tagged sheet are certain', () => {
  it('a deleted tagged column with an unknown column beside it is added again, not suspected', () => {
    const headers = [...applied().slice(0, 71), 'Notas'];
    const result = plan(headers, [...tagsAt(68, V4_COLUMNS.slice(0, 4)), { column: 1, identity: 'TAG_SPOOL' }]);
    expect(result.errors).toEqual([]);
    expect(result.columnsToAdd.map((c) => [c.header, c.letter])).toEqual([['Pulgadas_SOLD', 'BU']]);
  });
});
