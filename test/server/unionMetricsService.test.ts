import { createEmulator } from '../../emulator';
import {
  generateOperaciones,
  generateUniones,
  OPERACIONES_V3_HEADERS,
  UNIONES_HEADERS,
} from '../../emulator/fixtures/workbook';
import { applySchema, previewSchema } from '../../src/server/schemaService';
import { previewUnionMetrics, recomputeUnionMetrics } from '../../src/server/unionMetricsService';
import { newExecution, V4_HEADERS, v3Workbook, writeCalls } from '../support/emulated';

/** Independent reference: per spool, filter its unions (written differently from the one-pass aggregator). */
function reference(tags: readonly string[], unionRows: readonly unknown[][]): number[][] {
  const col = (name: string) => UNIONES_HEADERS.indexOf(name);
  const done = (v: unknown) => !(v === '' || v === null || (typeof v === 'string' && v.trim() === ''));
  const inches = (v: unknown) => {
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(v) ? Number(v) : NaN;
    return Number.isFinite(n) && n >= 0 ? n : 0;
  };
  return tags.map((tag) => {
    const mine = unionRows.filter((u) => String(u[col('TAG_SPOOL')]).trim() === tag);
    const arm = mine.filter((u) => done(u[col('ARM_FECHA_FIN')]));
    const sold = mine.filter((u) => done(u[col('SOL_FECHA_FIN')]));
    const sum = (list: unknown[][]) =>
      Math.round(list.reduce((s, u) => s + inches(u[col('DN_UNION')]), 0) * 10_000) / 10_000;
    return [mine.length, arm.length, sold.length, sum(arm), sum(sold)];
  });
}

function migratedWorkbook(spools: number) {
  const emu = createEmulator();
  const ops = generateOperaciones({ spools, seed: 3 });
  const uniones = generateUniones({
    tags: ops.tags,
    seed: 5,
    orphans: 6,
    badDiameters: 5,
    textDates: true,
    blankKeys: 2,
  });
  emu.seedSheet('Operaciones', [[...OPERACIONES_V3_HEADERS], ...ops.rows]);
  emu.seedSheet('Uniones', [uniones.headers, ...uniones.rows]);
  applySchema(newExecution(emu), previewSchema(newExecution(emu)).fingerprint);
  emu.stats.reset();
  return { emu, ops, uniones };
}

describe('recomputeUnionMetrics', () => {
  it('writes exactly the independently computed metrics for every spool row', () => {
    const { emu, ops, uniones } = migratedWorkbook(1500);
    const report = recomputeUnionMetrics(newExecution(emu));
    const written = emu
      .readSheet('Operaciones')
      .slice(1)
      .map((row) => row.slice(67));
    expect(written).toEqual(reference(ops.tags, uniones.rows));
    expect(report).toMatchObject({ status: 'applied', spoolRows: 1500, unions: uniones.rows.length });
    expect(report.orphans.count).toBe(6);
    expect(report.badDiameters.count).toBe(5);
    expect(report.blankKeys.count).toBe(2);
    expect(report.orphans.examples[0].row).toBeGreaterThanOrEqual(2);
    expect(report.summary).toContain('6 unions name a spool that is not in "Operaciones"');
  });

  // 11: one read per needed column (issue 14: no spans through unrelated columns) instead of one per span;
  // 13 with column identity (issue 10): the cold column map of each of the two sheets costs one find().
  it('costs at most 13 Spreadsheet calls, the same for small and large sheets', () => {
    const calls = (spools: number) => {
      const { emu } = migratedWorkbook(spools);
      recomputeUnionMetrics(newExecution(emu));
      return emu.stats.snapshot().spreadsheetDataCalls;
    };
    const small = calls(50);
    expect(small).toBeLessThanOrEqual(13);
    expect(calls(3000)).toBe(small);
  });

  it('dry run reports the rows that would change and writes nothing; a second recompute writes nothing', () => {
    const { emu } = migratedWorkbook(300);
    const preview = previewUnionMetrics(newExecution(emu));
    expect(preview.status).toBe('preview');
    expect(preview.rowsChanged).toBeGreaterThan(0);
    expect(writeCalls(emu)).toEqual({});
    const applied = recomputeUnionMetrics(newExecution(emu));
    expect(applied.rowsChanged).toBe(preview.rowsChanged);
    emu.stats.reset();
    const again = recomputeUnionMetrics(newExecution(emu));
    expect(again).toMatchObject({ status: 'unchanged', rowsChanged: 0 });
    expect(writeCalls(emu)).toEqual({});
  });

  it('gives duplicate spool rows the spool’s full totals and reports them', () => {
    const emu = createEmulator();
    const ops = generateOperaciones({ spools: 40, seed: 9, duplicateKeys: 2 });
    const uniones = generateUniones({ tags: ops.tags, seed: 2 });
    emu.seedSheet('Operaciones', [[...OPERACIONES_V3_HEADERS], ...ops.rows]);
    emu.seedSheet('Uniones', [uniones.headers, ...uniones.rows]);
    applySchema(newExecution(emu), previewSchema(newExecution(emu)).fingerprint);
    const report = recomputeUnionMetrics(newExecution(emu));
    expect(report.duplicateSpools.count).toBe(2);
    const rows = emu.readSheet('Operaciones').slice(1);
    for (const { rows: dupRows } of report.duplicateSpools.examples) {
      const metrics = dupRows.map((r) => JSON.stringify(rows[r - 2].slice(67)));
      expect(new Set(metrics).size).toBe(1);
    }
  });

  it('finds the columns by name wherever they are', () => {
    const { emu, ops, uniones } = migratedWorkbook(100);
    const sheet = emu.spreadsheet.getSheetByName('Uniones')!;
    sheet.moveColumns(sheet.getRange('D1'), 1);
    recomputeUnionMetrics(newExecution(emu));
    expect(
      emu
        .readSheet('Operaciones')
        .slice(1)
        .map((row) => row.slice(67)),
    ).toEqual(reference(ops.tags, uniones.rows));
  });

  it('refuses when the v4.0 columns are missing, saying to extend the schema first; nothing written', () => {
    const { emu } = v3Workbook({ spools: 10, withUniones: true });
    expect(() => recomputeUnionMetrics(newExecution(emu))).toThrow(
      `does not have the v4.0 columns ${V4_HEADERS.join(', ')} yet. Run "Extend schema" first`,
    );
    expect(writeCalls(emu)).toEqual({});
  });

  it('refuses when the Uniones sheet is missing', () => {
    const { emu } = v3Workbook({ spools: 10 });
    applySchema(newExecution(emu), previewSchema(newExecution(emu)).fingerprint);
    emu.stats.reset();
    expect(() => recomputeUnionMetrics(newExecution(emu))).toThrow('Sheet "Uniones" was not found');
    expect(writeCalls(emu)).toEqual({});
  });
});

describe('the cheaper full recompute', () => {
  const spoil = (emu: ReturnType<typeof migratedWorkbook>['emu'], rows: number[]) => {
    const sheet = emu.spreadsheet.getSheetByName('Operaciones');
    emu.beginExecution();
    for (const row of rows) sheet?.getRange(row, 68).setValue(999);
    emu.endExecution();
  };

  it('reads only the needed columns and, when 1 % of spools changed, writes only their rows', () => {
    const { emu } = migratedWorkbook(2000);
    recomputeUnionMetrics(newExecution(emu));
    // Two runs of 10 changed rows (e.g. two spool families edited by hand).
    spoil(emu, [...Array.from({ length: 10 }, (_, i) => 100 + i), ...Array.from({ length: 10 }, (_, i) => 1500 + i)]);
    emu.stats.reset();
    const report = recomputeUnionMetrics(newExecution(emu));
    const stats = emu.stats.snapshot();
    expect(report.rowsChanged).toBe(20);
    expect(stats.cellsWritten).toBe(20 * 5);
    const unions = report.unions;
    // key + 5 metrics per spool row, key + 3 sources per union, plus one header cell per column read.
    expect(stats.cellsRead).toBeLessThanOrEqual((2000 + 1) * 6 + (unions + 1) * 4 + 200);
  });

  it('many scattered changed rows: one write per column run is predicted cheaper than a write per row', () => {
    const { emu } = migratedWorkbook(2000);
    recomputeUnionMetrics(newExecution(emu));
    spoil(
      emu,
      Array.from({ length: 20 }, (_, i) => 2 + i * 97),
    );
    emu.stats.reset();
    expect(recomputeUnionMetrics(newExecution(emu)).rowsChanged).toBe(20);
    expect(emu.stats.snapshot().byMethod['Range.setValues']).toBe(1);
    expect(emu.stats.snapshot().cellsWritten).toBe(2000 * 5);
  });
});
