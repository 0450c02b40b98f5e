import { readColumns, writeColumns } from '../../src/adapters/columnAccess';
import { COLUMN_MAP_TTL_SECONDS } from '../../src/adapters/columnMapCache';
import { ExecutionContext } from '../../src/server/context';
import { applySchema, previewSchema } from '../../src/server/schemaService';
import { newExecution, V4_HEADERS, v3Workbook } from '../support/emulated';

const operaciones = (emu: ReturnType<typeof v3Workbook>['emu']) => emu.spreadsheet.getSheetByName('Operaciones')!;

describe('ColumnMapCache', () => {
  it('builds on a miss with one read of the header row and one identity lookup, then stores it in the document cache', () => {
    const { emu } = v3Workbook();
    const map = newExecution(emu).columnMaps().getOrBuild(operaciones(emu));
    expect(map.columns.TAG_SPOOL).toBe(1);
    expect(map.columns.Estado_Detalle).toBe(67);
    const stats = emu.stats.snapshot();
    expect(stats.spreadsheetDataCalls).toBe(2);
    expect(stats.byMethod['Range.getValues']).toBe(1);
    expect(stats.byMethod['DeveloperMetadataFinder.find']).toBe(1);
    expect(stats.cellsRead).toBe(67);
    const stored = Object.values(emu.cacheContents('document'));
    expect(stored).toHaveLength(1);
    expect(JSON.parse(stored[0]).columns.Estado_Detalle).toBe(67);
  });

  it('costs one header read (no identity lookup) on a hit in a later execution, and nothing on a repeat in one execution', () => {
    const { emu } = v3Workbook();
    newExecution(emu).columnMaps().getOrBuild(operaciones(emu));
    const maps = newExecution(emu).columnMaps();
    emu.stats.reset();
    maps.getOrBuild(operaciones(emu));
    expect(emu.stats.snapshot().spreadsheetDataCalls).toBe(1);
    expect(emu.stats.snapshot().byMethod['Range.getValues']).toBe(1);
    expect(emu.stats.snapshot().calls.Cache).toBeGreaterThan(0);
    emu.stats.reset();
    for (let i = 0; i < 100; i++) maps.getOrBuild(operaciones(emu));
    expect(emu.stats.snapshot().calls.Cache).toBe(0);
    expect(emu.stats.snapshot().spreadsheetDataCalls).toBe(0);
  });

  it('uses a versioned key of at most 250 characters, whatever the sheet name', () => {
    const { emu } = v3Workbook();
    const maps = newExecution(emu).columnMaps();
    const key = maps.keyOf('x'.repeat(100));
    expect(key.length).toBeLessThanOrEqual(250);
    expect(key).toMatch(/^sheet-schema:colmap:v2:/);
    expect(maps.keyOf('Operaciones')).not.toBe(maps.keyOf('Uniones'));
  });

  it('expires with the TTL (at most 6 h)', () => {
    const { emu } = v3Workbook();
    newExecution(emu).columnMaps().getOrBuild(operaciones(emu));
    expect(COLUMN_MAP_TTL_SECONDS).toBeLessThanOrEqual(21_600);
    emu.clock.advance(COLUMN_MAP_TTL_SECONDS * 1000 + 1);
    expect(emu.cacheContents('document')).toEqual({});
  });

  it('falls back to the script cache when there is no document cache', () => {
    const { emu } = v3Workbook();
    const context = newExecution(emu, { documentContext: false });
    const byId = new ExecutionContext(context.services, undefined, emu.spreadsheet);
    byId.columnMaps().getOrBuild(operaciones(emu));
    expect(Object.keys(emu.cacheContents('script'))).toEqual([byId.columnMaps().keyOf('Operaciones')]);
  });

  it('invalidate removes one entry; invalidateAll removes every managed sheet', () => {
    const { emu } = v3Workbook();
    const maps = newExecution(emu).columnMaps();
    maps.getOrBuild(operaciones(emu));
    maps.invalidate('Operaciones');
    expect(emu.cacheContents('document')).toEqual({});
    maps.getOrBuild(operaciones(emu));
    maps.invalidateAll();
    expect(emu.cacheContents('document')).toEqual({});
    emu.stats.reset();
    maps.getOrBuild(operaciones(emu));
    expect(emu.stats.snapshot().spreadsheetDataCalls).toBe(2);
  });

  it('invalidateAll also drops the map of the union metrics source sheet (Uniones)', () => {
    const { emu } = v3Workbook({ withUniones: true });
    const maps = newExecution(emu).columnMaps();
    maps.getOrBuild(operaciones(emu));
    maps.getOrBuild(emu.spreadsheet.getSheetByName('Uniones')!);
    expect(Object.keys(emu.cacheContents('document'))).toHaveLength(2);
    maps.invalidateAll();
    expect(emu.cacheContents('document')).toEqual({});
  });

  it('a map gone stale after a column insert is replaced by the header read that checks it, with no extra read', () => {
    const { emu } = v3Workbook();
    newExecution(emu).columnMaps().getOrBuild(operaciones(emu));
    operaciones(emu).insertColumnsBefore(1, 1);
    operaciones(emu).getRange('A1').setValue('NUEVA');
    const maps = newExecution(emu).columnMaps();
    emu.stats.reset();
    expect(maps.getOrBuild(operaciones(emu)).columns.TAG_SPOOL).toBe(2);
    expect(emu.stats.snapshot().byMethod['Range.getValues']).toBe(1);
  });

  it('apply invalidates the cached map', () => {
    const { emu } = v3Workbook();
    newExecution(emu).columnMaps().getOrBuild(operaciones(emu));
    applySchema(newExecution(emu), previewSchema(newExecution(emu)).fingerprint);
    expect(emu.cacheContents('document')).toEqual({});
    expect(newExecution(emu).columnMaps().getOrBuild(operaciones(emu)).columns.Pulgadas_SOLD).toBe(72);
  });
});

describe('readColumns / writeColumns by header name', () => {
  const migrated = (spools: number) => {
    const { emu, rows } = v3Workbook({ spools });
    applySchema(newExecution(emu), previewSchema(newExecution(emu)).fingerprint);
    return { emu, rows };
  };

  it('reads whole columns in a constant number of calls, whatever the row count', () => {
    const calls = (spools: number) => {
      const { emu, rows } = migrated(spools);
      const context = newExecution(emu);
      emu.stats.reset();
      const data = readColumns(operaciones(emu), ['TAG_SPOOL', ...V4_HEADERS], context.columnMaps());
      expect(data.rows).toBe(spools);
      expect(data.firstRow).toBe(2);
      expect(data.columns.TAG_SPOOL).toEqual(rows.map((r) => r[0]));
      expect(data.columns.Pulgadas_SOLD.every((v) => v === 0)).toBe(true);
      return emu.stats.snapshot().spreadsheetDataCalls;
    };
    expect(calls(10)).toBe(calls(3000));
  });

  it('writes the five metric columns for all rows in one setValues', () => {
    const { emu } = migrated(500);
    const context = newExecution(emu);
    const values = Array.from({ length: 500 }, (_, i) => [i, i, 0, i / 2, 0.25]);
    emu.stats.reset();
    writeColumns(operaciones(emu), V4_HEADERS, values, context.columnMaps());
    expect(emu.stats.snapshot().byMethod['Range.setValues']).toBe(1);
    expect(
      emu
        .readSheet('Operaciones')
        .slice(1)
        .map((r) => r.slice(67)),
    ).toEqual(values);
  });

  it('notices a stale map through the header cells it reads, rebuilds once and reads the right column', () => {
    const { emu } = migrated(20);
    newExecution(emu).columnMaps().getOrBuild(operaciones(emu));
    operaciones(emu).moveColumns(operaciones(emu).getRange('BT1'), 1);
    const context = newExecution(emu);
    const data = readColumns(operaciones(emu), ['Pulgadas_SOLD', 'TAG_SPOOL'], context.columnMaps());
    expect(data.columns.Pulgadas_SOLD.every((v) => v === 0)).toBe(true);
    expect(String(data.columns.TAG_SPOOL[0])).toMatch(/^MK-/);
  });

  it('keeps writing a renamed managed column by its identity tag', () => {
    const { emu } = migrated(20);
    operaciones(emu).getRange('BS1').setValue('Renamed');
    const rows = emu.readSheet('Operaciones').slice(1);
    writeColumns(
      operaciones(emu),
      V4_HEADERS,
      rows.map(() => [1, 2, 3, 4, 5]),
      newExecution(emu).columnMaps(),
    );
    const after = emu.readSheet('Operaciones');
    expect(after[0][70]).toBe('Renamed');
    expect(after.slice(1).every((row) => row[70] === 4 && row.length === 72)).toBe(true);
  });

  it('refuses to write when the header is gone and its tag was removed by hand, naming the column; nothing written', () => {
    const { emu } = migrated(20);
    for (const item of operaciones(emu).getRange('BS:BS').getDeveloperMetadata()) item.remove();
    operaciones(emu).getRange('BS1').setValue('Renamed');
    const before = emu.readSheet('Operaciones');
    const context = newExecution(emu);
    expect(() =>
      writeColumns(
        operaciones(emu),
        V4_HEADERS,
        before.slice(1).map(() => [1, 1, 1, 1, 1]),
        context.columnMaps(),
      ),
    ).toThrow('Column "Pulgadas_ARM" was not found in row 1 of "Operaciones"');
    expect(emu.readSheet('Operaciones')).toEqual(before);
  });
});
