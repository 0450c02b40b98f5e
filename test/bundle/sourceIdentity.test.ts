/**
 * Source-sheet identity through the built bundle: the apply tags the columns the union metrics
 * read on Uniones (TAG_SPOOL, DN_UNION, ARM_FECHA_FIN, SOL_FECHA_FIN), so renaming or moving them
 * keeps the metrics right and is reported; Uniones problems never block extending Operaciones.
 */
import { join } from 'node:path';
import { type Emulator, scriptRun } from '../../emulator';
import { IDENTITY_KEY } from '../../src/core/identity';
import type { ApplyResult, CheckResult, SchemaPlan, UnionMetricsReport } from '../../src/shared/payloads';
import { v3Workbook } from '../support/emulated';

const DIST = join(__dirname, '..', '..', 'dist');
const json = <T>(value: unknown): T => JSON.parse(JSON.stringify(value)) as T;
const preview = (emu: Emulator) => json<SchemaPlan>(scriptRun(emu, DIST, 'previewSchema'));
const apply = (emu: Emulator, plan: SchemaPlan) =>
  json<ApplyResult>(scriptRun(emu, DIST, 'applySchema', plan.fingerprint));
const recompute = (emu: Emulator) =>
  json<UnionMetricsReport>(scriptRun(emu, DIST, 'recomputeUnionMetrics', { confirmed: true }));
const check = (emu: Emulator) => json<CheckResult>(scriptRun(emu, DIST, 'checkSchemaNow', { sidebar: true }));
const uniones = (emu: Emulator) => emu.spreadsheet.getSheetByName('Uniones')!;
const READ = ['TAG_SPOOL', 'DN_UNION', 'ARM_FECHA_FIN', 'SOL_FECHA_FIN'];

/** Our identity tags on Uniones, column letter → identity (backdoor reads: stats are reset after). */
function unionTags(emu: Emulator): Record<string, string> {
  const sheet = uniones(emu);
  const out: Record<string, string> = {};
  for (let c = 1; c <= sheet.getLastColumn(); c++) {
    const range = sheet.getRange(1, c, sheet.getMaxRows(), 1);
    for (const item of range.getDeveloperMetadata())
      if (item.getKey() === IDENTITY_KEY)
        out[range.getA1Notation().replace(/\d+/g, '').split(':')[0]] = item.getValue()!;
  }
  emu.stats.reset();
  return out;
}

/** Where each read column stands on Uniones now, letter by header. */
function lettersOf(emu: Emulator): Record<string, string> {
  const headers = emu.readSheet('Uniones')[0];
  const letter = (i: number) =>
    uniones(emu)
      .getRange(1, i + 1)
      .getA1Notation()
      .replace('1', '');
  const out = Object.fromEntries(READ.map((name) => [letter(headers.indexOf(name)), name]));
  emu.stats.reset();
  return out;
}

describe('the apply tags the columns union metrics read on Uniones', () => {
  it('first apply: the preview lists the 4 tags, the apply writes them by column and records them', () => {
    const { emu } = v3Workbook({ spools: 30, withUniones: true });
    const plan = preview(emu);
    expect(plan.sources?.map((s) => s.sheet)).toEqual(['Uniones']);
    const tags = plan.sources?.[0].columnsToTag ?? [];
    expect(tags.map((t) => t.identity)).toEqual(READ);
    expect(tags.every((t) => t.reason === 'adopted' && t.migrationId === '4.0-union-metrics')).toBe(true);
    const before = emu.readSheet('Uniones');
    emu.stats.reset();
    apply(emu, plan);
    expect(emu.stats.snapshot().spreadsheetDataCalls).toBe(plan.cost.spreadsheetCalls);
    expect(unionTags(emu)).toEqual(lettersOf(emu));
    expect(emu.readSheet('Uniones')).toEqual(before);
    const history = emu.readSheet('_schema_history').slice(1);
    const row = history.find((r) => r.includes('Uniones'));
    expect(row).toEqual(expect.arrayContaining(['4.0-union-metrics', 'Uniones', 'applied']));
    expect(String(row?.[4])).toBe(tags.map((t) => `tagged existing ${t.letter} (${t.identity})`).join('; '));
  });

  it('converges: the second preview is up to date and a second apply tags nothing', () => {
    const { emu } = v3Workbook({ spools: 30, withUniones: true });
    apply(emu, preview(emu));
    const again = preview(emu);
    expect(again.status).toBe('up-to-date');
    expect(again.sources?.[0]).toMatchObject({ columnsToTag: [], warnings: [] });
    expect(apply(emu, again).status).toBe('up-to-date');
    expect(Object.keys(unionTags(emu))).toHaveLength(4);
  });

  it('a Uniones column renamed after the preview makes that plan stale: nothing is written', () => {
    const { emu } = v3Workbook({ spools: 20, withUniones: true });
    const plan = preview(emu);
    uniones(emu).getRange('D1').setValue('DN');
    emu.stats.reset();
    expect(() => apply(emu, plan)).toThrow('changed since');
    expect(emu.readSheet('Operaciones')[0]).toHaveLength(67);
    expect(unionTags(emu)).toEqual({});
    expect(preview(emu).sources?.[0].warnings.map((w) => w.code)).toEqual(['SOURCE_COLUMN_MISSING']);
  });

  it('a run that only tags Uniones (Operaciones already tagged) is applied and recorded', () => {
    const { emu } = v3Workbook({ spools: 30, withUniones: true });
    apply(emu, preview(emu));
    for (const item of uniones(emu).getRange('A:Z').getDeveloperMetadata()) item.remove();
    emu.stats.reset();
    const plan = preview(emu);
    expect(plan.status).toBe('changes');
    expect(plan.sheets[0].status).toBe('up-to-date');
    const rows = emu.readSheet('_schema_history').length;
    emu.stats.reset();
    apply(emu, plan);
    expect(emu.stats.snapshot().spreadsheetDataCalls).toBe(plan.cost.spreadsheetCalls);
    expect(emu.readSheet('_schema_history')).toHaveLength(rows + 1);
    expect(preview(emu).status).toBe('up-to-date');
  });
});

/** v4.0 applied (Uniones tagged) and the metrics computed: what each spool's five metrics are. */
function migrated(spools = 30): { emu: Emulator; metrics: unknown[][] } {
  const { emu } = v3Workbook({ spools, withUniones: true, maxColumns: 80 });
  apply(emu, preview(emu));
  recompute(emu);
  return { emu, metrics: metricsOf(emu) };
}
const metricsOf = (emu: Emulator) =>
  emu
    .readSheet('Operaciones')
    .slice(1)
    .map((row) => row.slice(67, 72));
/** Valid under the metric columns' validation, wrong as a metric: the recompute has to rewrite them. */
const scramble = (emu: Emulator) =>
  emu.spreadsheet
    .getSheetByName('Operaciones')!
    .getRange(2, 68, emu.readSheet('Operaciones').length - 1, 5)
    .setValue(999);

describe('renaming, moving and breaking the Uniones columns', () => {
  it('DN_UNION renamed: the metrics still read it; preview and check report COLUMN_RENAMED with cell and texts', () => {
    const { emu, metrics } = migrated();
    uniones(emu).getRange('D1').setValue('DN (pulgadas)');
    scramble(emu);
    expect(recompute(emu).status).toBe('applied');
    expect(metricsOf(emu)).toEqual(metrics);
    const plan = preview(emu);
    expect(plan.status).toBe('up-to-date');
    const warning = plan.sources?.[0].warnings.find((w) => w.code === 'COLUMN_RENAMED');
    expect(warning).toMatchObject({
      location: 'Uniones!D1',
      params: { sheet: 'Uniones', cell: 'Uniones!D1', identity: 'DN_UNION', header: 'DN (pulgadas)' },
    });
    const checked = check(emu);
    const uni = checked.sheets.find((s) => s.sheet === 'Uniones');
    expect(uni?.status).toBe('drift');
    const renamed = uni?.findings.find((f) => f.code === 'COLUMN_RENAMED');
    expect(renamed?.location).toBe('Uniones!D1');
    expect(renamed?.message).toContain('"DN (pulgadas)"');
    expect(renamed?.message).toContain('"DN_UNION"');
  });

  it('the restore writes D1 back, one cell, recorded in history; then the check is clean', () => {
    const { emu } = migrated();
    uniones(emu).getRange('D1').setValue('DN (pulgadas)');
    const before = emu.readSheet('Uniones');
    const result = scriptRun(emu, DIST, 'restoreColumnHeader', {
      sheet: 'Uniones',
      identity: 'DN_UNION',
      confirmed: true,
    });
    expect(result).toMatchObject({ status: 'restored', cell: 'Uniones!D1', previousHeader: 'DN (pulgadas)' });
    const after = emu.readSheet('Uniones');
    expect(after[0][3]).toBe('DN_UNION');
    expect(after.slice(1)).toEqual(before.slice(1));
    expect(after[0].filter((v, i) => v !== before[0][i])).toEqual(['DN_UNION']);
    const last = emu.readSheet('_schema_history').slice(-1)[0];
    expect(last).toEqual(
      expect.arrayContaining(['Uniones', 'header restored', 'Uniones!D1: "DN (pulgadas)" → "DN_UNION"']),
    );
    expect(check(emu).status).toBe('ok');
  });

  it('a column inserted left of DN_UNION: still found, metrics right, nothing to do', () => {
    const { emu, metrics } = migrated();
    uniones(emu).insertColumnBefore(2);
    scramble(emu);
    expect(preview(emu).status).toBe('up-to-date');
    recompute(emu);
    expect(metricsOf(emu)).toEqual(metrics);
    expect(unionTags(emu)).toEqual(lettersOf(emu));
    expect(check(emu).sheets.find((s) => s.sheet === 'Uniones')?.findings).toEqual([]);
  });

  it('Uniones missing: Operaciones is still extended, with a warning in the preview; the check leaves it out', () => {
    const { emu } = v3Workbook({ spools: 20, withUniones: true });
    emu.spreadsheet.deleteSheet(uniones(emu));
    const plan = preview(emu);
    expect(plan.status).toBe('changes');
    expect(plan.sheets[0].errors).toEqual([]);
    expect(plan.sources?.[0].warnings.map((w) => w.code)).toEqual(['SOURCE_SHEET_MISSING']);
    expect(apply(emu, plan).status).toBe('applied');
    expect(emu.readSheet('Operaciones')[0]).toHaveLength(72);
    const checked = check(emu);
    expect(checked.sheets.map((s) => s.sheet)).toEqual(['Operaciones']);
    expect(checked.status).toBe('ok');
  });

  /** DN_UNION's column copied by values right of the last column (headers and data). */
  const copyDn = (emu: Emulator): string => {
    const sheet = uniones(emu);
    const last = sheet.getLastColumn();
    const rows = sheet.getLastRow();
    sheet.getRange(1, last + 1, rows, 1).setValues(sheet.getRange(1, 4, rows, 1).getValues());
    const copy = sheet.getRange(1, last + 1).getA1Notation();
    emu.stats.reset();
    return `Uniones!${copy}`;
  };

  it('DN_UNION copied before the first apply: not tagged or written, the finding names both cells', () => {
    const { emu } = v3Workbook({ spools: 20, withUniones: true });
    const copy = copyDn(emu);
    const before = emu.readSheet('Uniones');
    const plan = preview(emu);
    expect(plan.sheets[0].status).toBe('changes');
    const source = plan.sources?.[0];
    expect(source?.columnsToTag.map((t) => t.identity)).toEqual(['TAG_SPOOL', 'ARM_FECHA_FIN', 'SOL_FECHA_FIN']);
    const duplicated = source?.warnings.find((w) => w.code === 'DUPLICATE_IDENTITY');
    expect(duplicated?.params).toMatchObject({ first: 'Uniones!D1', second: copy });
    apply(emu, plan);
    expect(Object.values(unionTags(emu))).not.toContain('DN_UNION');
    expect(emu.readSheet('Uniones')).toEqual(before);
  });

  it('DN_UNION copied after it was tagged: preview and check name both cells, Operaciones unaffected', () => {
    const { emu } = migrated();
    const copy = copyDn(emu);
    const plan = preview(emu);
    expect(plan.status).toBe('up-to-date');
    const cells = (f: { params?: Record<string, unknown> } | undefined) => [f?.params?.first, f?.params?.second];
    expect(cells(plan.sources?.[0].warnings.find((w) => w.code === 'DUPLICATE_IDENTITY'))).toEqual([
      'Uniones!D1',
      copy,
    ]);
    const uni = check(emu).sheets.find((s) => s.sheet === 'Uniones');
    expect(uni?.status).toBe('drift');
    expect(cells(uni?.findings.find((f) => f.code === 'DUPLICATE_IDENTITY'))).toEqual(['Uniones!D1', copy]);
  });

  it('a failed apply removes the Uniones tags it added (rollback)', () => {
    const measured = v3Workbook({ spools: 20, withUniones: true }).emu;
    apply(measured, preview(measured));
    const calls = measured.stats.snapshot().spreadsheetDataCalls;
    const { emu } = v3Workbook({ spools: 20, withUniones: true });
    const plan = preview(emu);
    emu.stats.reset();
    emu.faults.failOnCall(calls - 1); // the last history-creation call: every tag has landed
    expect(() => apply(emu, plan)).toThrow('was rolled back');
    expect(unionTags(emu)).toEqual({});
    expect(emu.readSheet('Operaciones')[0]).toHaveLength(67);
  });
});

describe('cost on Uniones: constant in rows', () => {
  const costs = (spools: number) => {
    const { emu } = v3Workbook({ spools, withUniones: true });
    const count = (run: () => unknown) => {
      emu.stats.reset();
      run();
      return emu.stats.snapshot().spreadsheetDataCalls;
    };
    const plan = preview(emu);
    const first = { preview: count(() => preview(emu)), apply: count(() => apply(emu, plan)) };
    const steady = { preview: count(() => preview(emu)), check: count(() => check(emu)) };
    return { first, steady, predicted: plan.cost.spreadsheetCalls };
  };

  it('preview, apply and check make as many calls for 20 spools as for 600; the apply as predicted', () => {
    const small = costs(20);
    const large = costs(600);
    expect(large).toEqual(small);
    expect(small.first.apply).toBe(small.predicted);
  });
});
