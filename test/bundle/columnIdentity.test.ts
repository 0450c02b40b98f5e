/**
 * Issue 10's five-step scenario through the built bundle: apply v4.0, recompute the metrics, turn
 * the hourly check on, rename BR1, then check, preview, apply, recompute — and the restore.
 */
import { join } from 'node:path';
import { type Emulator, runEntryPoint, scriptRun } from '../../emulator';
import type {
  ApplyResult,
  CheckResult,
  RestoreHeaderResult,
  ScheduleStatus,
  SchemaPlan,
  UnionMetricsReport,
} from '../../src/shared/payloads';
import { v3Workbook } from '../support/emulated';

const DIST = join(__dirname, '..', '..', 'dist');
const operaciones = (emu: Emulator) => emu.spreadsheet.getSheetByName('Operaciones')!;
const json = <T>(value: unknown): T => JSON.parse(JSON.stringify(value)) as T;
const preview = (emu: Emulator) => json<SchemaPlan>(scriptRun(emu, DIST, 'previewSchema'));
const recompute = (emu: Emulator) =>
  json<UnionMetricsReport>(scriptRun(emu, DIST, 'recomputeUnionMetrics', { confirmed: true }));
const historyRows = (emu: Emulator) => emu.readSheet('_schema_history').slice(1);

/** Steps 1–2 of the issue: v4.0 applied, metrics recomputed, hourly check on, BR1 renamed by a person. */
function renamedScenario(): { emu: Emulator; sold: unknown[] } {
  const { emu } = v3Workbook({ spools: 60, withUniones: true });
  scriptRun(emu, DIST, 'applySchema', preview(emu).fingerprint);
  recompute(emu);
  json<ScheduleStatus>(scriptRun(emu, DIST, 'installScheduledCheck', { sidebar: true }));
  const sold = emu
    .readSheet('Operaciones')
    .slice(1)
    .map((row) => row[69]);
  operaciones(emu).getRange('BR1').setValue('Uniones SOLD');
  return { emu, sold };
}

describe('a person renames a managed header (issue 10 scenario)', () => {
  it('check and preview report the rename with its cell and both texts; nothing can add a second column', () => {
    const { emu } = renamedScenario();
    const check = json<CheckResult>(scriptRun(emu, DIST, 'checkSchemaNow', { sidebar: true }));
    const renamed = check.sheets[0].findings.find((f) => f.code === 'COLUMN_RENAMED');
    expect(renamed).toMatchObject({ location: 'Operaciones!BR1' });
    expect(renamed?.message).toContain('"Uniones SOLD"');
    expect(renamed?.message).toContain('"Uniones_SOLD_Completadas"');
    expect(check.sheets[0].findings.map((f) => f.code)).not.toContain('PENDING_MIGRATION');
    const plan = preview(emu);
    expect(plan.status).toBe('up-to-date');
    expect(plan.sheets[0].columnsToAdd).toEqual([]);
    expect(plan.sheets[0].warnings.map((w) => w.code)).toContain('COLUMN_RENAMED');
    const applied = json<ApplyResult>(scriptRun(emu, DIST, 'applySchema', plan.fingerprint));
    expect(applied.status).toBe('up-to-date');
    expect(emu.readSheet('Operaciones')[0]).toHaveLength(72);
  });

  it('metrics keep landing in the renamed column (by identity), never in a new one', () => {
    const { emu, sold } = renamedScenario();
    const ops = operaciones(emu);
    ops.getRange(2, 70, 59, 1).setValue(999); // scramble BR (a valid whole number, so its validation accepts it) so the recompute has to rewrite it
    const report = recompute(emu);
    expect(report.status).toBe('applied');
    const after = emu.readSheet('Operaciones');
    expect(after[0]).toHaveLength(72);
    expect(after[0][69]).toBe('Uniones SOLD');
    expect(after.slice(1).map((row) => row[69])).toEqual(sold);
  });

  it('the confirmed restore writes exactly one cell and is recorded in history; then all is clean', () => {
    const { emu } = renamedScenario();
    const before = emu.readSheet('Operaciones');
    const historyBefore = historyRows(emu).length;
    emu.stats.reset();
    const result = json<RestoreHeaderResult>(
      scriptRun(emu, DIST, 'restoreColumnHeader', {
        sheet: 'Operaciones',
        identity: 'Uniones_SOLD_Completadas',
        confirmed: true,
      }),
    );
    expect(result).toMatchObject({ status: 'restored', cell: 'Operaciones!BR1', previousHeader: 'Uniones SOLD' });
    const after = emu.readSheet('Operaciones');
    const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
    const changed = after.flatMap((row, r) => row.flatMap((v, c) => (same(v, before[r][c]) ? [] : [[r + 1, c + 1]])));
    expect(changed).toEqual([[1, 70]]);
    expect(after[0][69]).toBe('Uniones_SOLD_Completadas');
    const history = historyRows(emu);
    expect(history).toHaveLength(historyBefore + 1);
    expect(history[history.length - 1]).toEqual(
      expect.arrayContaining([
        'Operaciones',
        'header restored',
        'Operaciones!BR1: "Uniones SOLD" → "Uniones_SOLD_Completadas"',
      ]),
    );
    const check = json<CheckResult>(scriptRun(emu, DIST, 'checkSchemaNow', { sidebar: true }));
    expect(check.status).toBe('ok');
  });

  it('the restore refuses bad arguments, an unmanaged column and a header that is not renamed, writing nothing', () => {
    const { emu } = renamedScenario();
    const before = emu.readSheet('Operaciones');
    const attempt = (arg: unknown) => () => scriptRun(emu, DIST, 'restoreColumnHeader', arg);
    expect(attempt({ sheet: 'Operaciones', identity: 'Uniones_SOLD_Completadas' })).toThrow('confirmed: true');
    expect(attempt({ sheet: 'Operaciones', identity: 'COL_2', confirmed: true })).toThrow(
      '"COL_2" is not a column Sheet Schema manages in Operaciones, so nothing was written.',
    );
    expect(attempt({ sheet: 'Operaciones', identity: 'Total_Uniones', confirmed: true })).toThrow(
      'Operaciones!BP1 already reads "Total_Uniones"',
    );
    expect(attempt('BR1')).toThrow('Nothing was written');
    expect(emu.readSheet('Operaciones')).toEqual(before);
  });

  it('the menu asks per renamed cell and writes nothing when the operator says No', () => {
    const { emu } = renamedScenario();
    const before = emu.readSheet('Operaciones');
    emu.ui.respondWith('NO', 'OK');
    runEntryPoint(emu, DIST, 'restoreColumnHeader', [], { kind: 'menu' });
    expect(emu.ui.alerts[0].prompt).toContain('Write "Uniones_SOLD_Completadas" into Operaciones!BR1 now?');
    expect(emu.readSheet('Operaciones')).toEqual(before);
  });

  it('without a baseline (hourly check never on) the rename is still a rename, not "migrations pending"', () => {
    const { emu } = v3Workbook({ spools: 20, withUniones: true });
    scriptRun(emu, DIST, 'applySchema', preview(emu).fingerprint);
    operaciones(emu).getRange('BR1').setValue('Uniones SOLD');
    const check = json<CheckResult>(scriptRun(emu, DIST, 'checkSchemaNow', { sidebar: true }));
    expect(check.sheets[0].findings.map((f) => f.code)).toEqual(['COLUMN_RENAMED']);
  });
});

describe('moves, deletes and removed metadata on a migrated workbook', () => {
  function migrated(): Emulator {
    const { emu } = v3Workbook({ spools: 30, withUniones: true, maxColumns: 80 });
    scriptRun(emu, DIST, 'applySchema', preview(emu).fingerprint);
    recompute(emu);
    return emu;
  }
  const metricsAt = (emu: Emulator, first: number) =>
    emu
      .readSheet('Operaciones')
      .slice(1)
      .map((row) => row.slice(first - 1, first + 4));

  it('a column inserted left of BP: nothing to add, metrics land in the shifted columns', () => {
    const emu = migrated();
    const expected = metricsAt(emu, 68);
    operaciones(emu).insertColumnBefore(68);
    operaciones(emu).getRange(2, 69, 30, 5).setValue(999); // valid under the columns' validation, wrong as a metric
    expect(preview(emu).status).toBe('up-to-date');
    recompute(emu);
    expect(metricsAt(emu, 69)).toEqual(expected);
  });

  it('BP–BT dragged to the front: nothing to add, metrics follow them', () => {
    const emu = migrated();
    const expected = metricsAt(emu, 68);
    operaciones(emu).moveColumns(operaciones(emu).getRange('BP:BT'), 1);
    operaciones(emu).getRange(2, 1, 30, 5).setValue(999); // valid under the columns' validation, wrong as a metric
    expect(preview(emu).status).toBe('up-to-date');
    recompute(emu);
    expect(metricsAt(emu, 1)).toEqual(expected);
  });

  it('metadata removed by a person: the next apply adopts the columns again, writing no cell', () => {
    const emu = migrated();
    for (const item of emu.spreadsheet.createDeveloperMetadataFinder().find()) item.remove();
    const before = emu.readSheet('Operaciones');
    const plan = preview(emu);
    expect(plan.status).toBe('changes');
    expect(plan.sheets[0].columnsToAdd).toEqual([]);
    expect(plan.sheets[0].columnsToTag.map((t) => t.letter)).toEqual(['BP', 'BQ', 'BR', 'BS', 'BT', 'A']);
    emu.stats.reset();
    scriptRun(emu, DIST, 'applySchema', plan.fingerprint);
    expect(emu.stats.snapshot().spreadsheetDataCalls).toBe(plan.cost.spreadsheetCalls);
    expect(emu.readSheet('Operaciones')).toEqual(before);
    expect(preview(emu).status).toBe('up-to-date');
  });

  it('a deleted managed column is added again (its tag went with it)', () => {
    const emu = migrated();
    operaciones(emu).deleteColumn(70);
    const plan = preview(emu);
    expect(plan.sheets[0].columnsToAdd.map((c) => c.header)).toEqual(['Uniones_SOLD_Completadas']);
  });

  it('metadata near its 30,000-character limit blocks the first apply before any write', () => {
    const { emu } = v3Workbook({ spools: 10 });
    const sheet = operaciones(emu);
    // 29 × 1,030 = 29,870 characters used by another script: the 6 tags (~230) would pass 30,000.
    for (let c = 1; c <= 29; c++)
      sheet.getRange(1, c, sheet.getMaxRows(), 1).addDeveloperMetadata('other', 'x'.repeat(1025));
    const before = emu.readSheet('Operaciones');
    const plan = preview(emu);
    expect(plan.status).toBe('blocked');
    expect(plan.sheets[0].errors.map((e) => e.code)).toEqual(['METADATA_LIMIT']);
    expect(emu.readSheet('Operaciones')).toEqual(before);
  });
});
