import { detectDrift } from '../../src/core/drift';
import { SCHEMA } from '../../src/schema/managedSheets';
import { V4_COLUMNS, v3Headers } from '../support/snapshots';

const OPERACIONES = SCHEMA.managedSheets[0];
const v4 = (): unknown[] => [...v3Headers(), ...V4_COLUMNS];
const tagsAt = (columns: readonly number[]) => V4_COLUMNS.map((identity, i) => ({ column: columns[i], identity }));
const TAGGED = tagsAt([68, 69, 70, 71, 72]);
const codes = (findings: readonly { code: string; location: string | null }[]) =>
  findings.map((f) => `${f.code} ${f.location}`);

describe('the scheduled check with identity tags', () => {
  it('reports a tagged rename with the cell and both texts, even without a baseline, and nothing pending', () => {
    const headers = v4();
    headers[69] = 'Uniones SOLD';
    const drift = detectDrift(OPERACIONES, headers, headers.length, null, TAGGED);
    expect(codes(drift.findings)).toEqual(['COLUMN_RENAMED Operaciones!BR1']);
    expect(drift.findings[0].params).toMatchObject({ header: 'Uniones SOLD', identity: 'Uniones_SOLD_Completadas' });
    expect(drift.status).toBe('drift');
  });

  it('reports a delete with certainty from the metadata, even without a baseline', () => {
    const headers = v4();
    headers.splice(69, 1);
    const tags = TAGGED.filter((t) => t.column !== 70).map((t) => ({
      ...t,
      column: t.column > 70 ? t.column - 1 : t.column,
    }));
    const drift = detectDrift(OPERACIONES, headers, headers.length, null, tags);
    expect(drift.findings.map((f) => f.code)).toEqual(['COLUMN_DELETED']);
    expect(drift.findings[0].message).toContain('Uniones_SOLD_Completadas');
  });

  it('reports BP–BT dragged to the front as moves by their tags', () => {
    const before = detectDrift(OPERACIONES, v4(), 72, null, TAGGED).baseline;
    const headers = [...V4_COLUMNS, ...v3Headers()];
    const drift = detectDrift(OPERACIONES, headers, 72, before, tagsAt([1, 2, 3, 4, 5]));
    expect(drift.findings.map((f) => f.code)).toEqual(Array(5).fill('COLUMN_MOVED'));
    expect(drift.findings[0].message).toContain('from BP to A');
  });

  it('rename plus move: still one rename at the new cell', () => {
    const before = detectDrift(OPERACIONES, v4(), 72, null, TAGGED).baseline;
    const headers = [...v3Headers(), ...V4_COLUMNS];
    headers.splice(69, 1);
    headers.unshift('SOLD hechas');
    const tags = [
      { column: 1, identity: 'Uniones_SOLD_Completadas' },
      ...tagsAt([69, 70, 0, 71, 72]).filter((t) => t.column > 0),
    ];
    const drift = detectDrift(OPERACIONES, headers, 72, before, tags);
    expect(drift.findings.map((f) => `${f.code} ${f.location}`)).toContain('COLUMN_RENAMED Operaciones!A1');
    expect(drift.findings.map((f) => f.code)).not.toContain('PENDING_MIGRATION');
  });

  it('an untagged rename without a baseline is a "looks renamed", never a pending migration', () => {
    const headers = v4();
    headers[69] = 'Uniones SOLD';
    const drift = detectDrift(OPERACIONES, headers, headers.length, null, []);
    expect(codes(drift.findings)).toContain('COLUMN_LOOKS_RENAMED Operaciones!BR1');
    expect(drift.findings.map((f) => f.code)).not.toContain('PENDING_MIGRATION');
    expect(drift.status).toBe('drift');
  });

  it('two columns carrying one identity (a copied column) is drift naming both cells', () => {
    const headers = [...v4(), 'Copia'];
    const drift = detectDrift(OPERACIONES, headers, headers.length, null, [
      ...TAGGED,
      { column: 73, identity: 'Total_Uniones' },
    ]);
    const duplicated = drift.findings.find((f) => f.code === 'DUPLICATE_IDENTITY');
    expect(duplicated?.message).toContain('Operaciones!BP1, Operaciones!BU1');
    expect(drift.status).toBe('drift');
  });

  it('untagged exact-header columns are informational: the next apply adopts them', () => {
    const drift = detectDrift(OPERACIONES, v4(), 72, null, []);
    expect(drift.status).toBe('ok');
    expect(drift.findings.map((f) => f.code)).toEqual(['COLUMNS_UNTAGGED']);
  });
});
