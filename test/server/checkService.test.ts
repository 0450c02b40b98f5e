import type { Emulator } from '../../emulator';
import { HISTORY_SHEET } from '../../src/adapters/history';
import { CHANGE_HANDLER, CHECK_HANDLER } from '../../src/adapters/triggers';
import { invalidateForChange, invalidateForEdit } from '../../src/server/cacheFreshness';
import { runCheck } from '../../src/server/checkService';
import { ExecutionContext } from '../../src/server/context';
import { runScheduledCheck } from '../../src/server/scheduledCheck';
import {
  installSchedule,
  removeSchedule,
  scheduleStatus,
  setAutoRepair,
  setMetricsInCheck,
} from '../../src/server/scheduleService';
import { applySchema, previewSchema } from '../../src/server/schemaService';
import { newExecution, RULE_CHECK, servicesOf, sheetWrites, V4_HEADERS, v3Workbook } from '../support/emulated';

const operaciones = (emu: Emulator) => emu.spreadsheet.getSheetByName('Operaciones')!;
const migrate = (emu: Emulator) => applySchema(newExecution(emu), previewSchema(newExecution(emu)).fingerprint);
const v4Workbook = (spools = 30) => {
  const { emu } = v3Workbook({ spools });
  migrate(emu);
  emu.stats.reset();
  return emu;
};
const mapKeys = (emu: Emulator, scope: 'document' | 'script' = 'document') =>
  Object.keys(emu.cacheContents(scope)).filter((k) => k.startsWith('sheet-schema:colmap:'));
const clockTriggers = (emu: Emulator) => emu.triggers.list().filter((t) => t.handlerFunction === CHECK_HANDLER);
/** A time-driven execution (no UI, no document) of the recorded hourly trigger. */
const hourlyRun = (emu: Emulator) => {
  const event = emu.triggerEvent(clockTriggers(emu)[0].uniqueId);
  emu.beginExecution({ kind: 'timeTrigger', ui: false, documentContext: false });
  return runScheduledCheck(servicesOf(emu), event);
};

describe('runCheck: what a check reads and records', () => {
  it('an unchanged v4.0 sheet: ok, 3 Spreadsheet data calls (width, headers, identity tags) plus the sheet rules, nothing written', () => {
    const emu = v4Workbook(500);
    runCheck(newExecution(emu), 'manual');
    emu.stats.reset();
    const result = runCheck(newExecution(emu), 'manual');
    expect(result).toMatchObject({ status: 'ok', trigger: 'manual', spreadsheetCalls: 3 + RULE_CHECK.calls });
    expect(result.sheets[0]).toMatchObject({ sheet: 'Operaciones', findings: [], headerChanged: false });
    const stats = emu.stats.snapshot();
    expect(stats.spreadsheetDataCalls).toBe(3 + RULE_CHECK.calls);
    expect(stats.byMethod).toMatchObject({
      'Sheet.getDataRange': 1,
      'Range.getValues': 1,
      'Range.getNotes': 1,
      'Range.getDataValidations': 2, // the first data row and the last grid row of BP–BT
      'DeveloperMetadataFinder.find': 1,
    });
    // The rules reuse the check's header read: no second header read, no getLastColumn.
    expect(stats.byMethod['Sheet.getLastColumn']).toBeUndefined();
    expect(stats.cellsRead).toBe(2 * 72 + RULE_CHECK.cells); // the header row and the first data row, and the rules' reads
    expect(sheetWrites(emu)).toEqual({});
  });

  it('costs the same on 50 rows and on 5,000 (reads only the first data row)', () => {
    const cost = (spools: number) => {
      const emu = v4Workbook(spools);
      runCheck(newExecution(emu), 'manual');
      return { calls: emu.stats.snapshot().spreadsheetDataCalls, cells: emu.stats.snapshot().cellsRead };
    };
    expect(cost(5000)).toEqual(cost(50));
  });

  it('records the result as JSON in document properties, where the sidebar and menu read it', () => {
    const emu = v4Workbook();
    const result = runCheck(newExecution(emu), 'manual');
    const stored = JSON.parse(emu.propertiesContents('document')['sheet-schema:check:v1:result']);
    expect(stored).toEqual(JSON.parse(JSON.stringify(result)));
    expect(scheduleStatus(newExecution(emu)).lastCheck).toEqual(stored);
  });

  it('a v3.0 sheet reports the pending migration and, with auto-repair off, writes nothing', () => {
    const { emu } = v3Workbook({ spools: 40 });
    const before = emu.readSheet('Operaciones');
    const result = runCheck(newExecution(emu), 'manual');
    expect(result.status).toBe('pending');
    expect(result.sheets[0].findings[0]).toMatchObject({ code: 'PENDING_MIGRATION', location: 'Operaciones!BP1:BT1' });
    expect(result.autoRepair.outcome).toBe('off');
    expect(emu.readSheet('Operaciones')).toEqual(before);
    expect(sheetWrites(emu)).toEqual({});
  });
});

describe('drift scenarios after a first check', () => {
  const drifted = (change: (emu: Emulator) => void) => {
    const emu = v4Workbook();
    runCheck(newExecution(emu), 'manual');
    change(emu);
    return runCheck(newExecution(emu), 'manual');
  };
  const found = (result: ReturnType<typeof runCheck>) =>
    result.sheets[0].findings.map((f) => `${f.code} ${f.location}`);

  it('deleted column', () => {
    const result = drifted((emu) => operaciones(emu).deleteColumn(70));
    expect(result.status).toBe('drift');
    expect(found(result)).toEqual([
      'COLUMN_DELETED Operaciones!BR1',
      'COLUMN_MOVED Operaciones!BR1',
      'COLUMN_MOVED Operaciones!BS1',
    ]);
    expect(result.summary).toBe('Operaciones: drift — 1 deleted, 2 moved.');
  });

  it('renamed column', () => {
    const result = drifted((emu) => operaciones(emu).getRange('BR1').setValue('Soldadas'));
    expect(found(result)).toEqual(['COLUMN_RENAMED Operaciones!BR1']);
    expect(result.sheets[0].findings[0].message).toContain(
      'Operaciones!BR1 reads "Soldadas" but is managed column "Uniones_SOLD_Completadas" (renamed)',
    );
  });

  it('moved column', () => {
    const result = drifted((emu) => operaciones(emu).moveColumns(operaciones(emu).getRange('BT1'), 1));
    expect(found(result)).toContain('COLUMN_MOVED Operaciones!A1');
    expect(result.sheets[0].findings.find((f) => f.location === 'Operaciones!A1')?.message).toContain(
      '"Pulgadas_SOLD" moved from BT to A',
    );
  });

  it('duplicated column', () => {
    const result = drifted((emu) => {
      operaciones(emu).insertColumnsAfter(72, 1);
      operaciones(emu).getRange('BU1').setValue('Pulgadas_ARM');
    });
    expect(found(result)).toEqual(['DUPLICATE_HEADER Operaciones!BU1']);
  });

  it('a deleted managed sheet is an error naming it', () => {
    const result = drifted((emu) => emu.spreadsheet.deleteSheet(operaciones(emu)));
    expect(result.status).toBe('error');
    expect(found(result)).toEqual(['MISSING_SHEET Operaciones']);
  });
});

describe('column map freshness', () => {
  it('the check drops a cached map whose header no longer matches, and keeps a matching one', () => {
    const emu = v4Workbook();
    newExecution(emu).columnMaps().getOrBuild(operaciones(emu));
    expect(runCheck(newExecution(emu), 'manual').sheets[0].mapInvalidated).toBe(false);
    expect(mapKeys(emu)).toHaveLength(1);
    operaciones(emu).getRange('BS1').setValue('Pulgadas ARM');
    expect(runCheck(newExecution(emu), 'manual').sheets[0].mapInvalidated).toBe(true);
    expect(mapKeys(emu)).toEqual([]);
  });

  it("onChange INSERT_COLUMN drops the active managed sheet's map with no Spreadsheet data call", () => {
    const emu = v4Workbook();
    newExecution(emu).columnMaps().getOrBuild(operaciones(emu));
    emu.spreadsheet.setActiveSheet(operaciones(emu));
    const context = newExecution(emu, { kind: 'installableTrigger' });
    emu.stats.reset();
    expect(invalidateForChange(context, 'INSERT_COLUMN')).toEqual(['Operaciones']);
    expect(emu.stats.snapshot().spreadsheetDataCalls).toBe(0);
    expect(mapKeys(emu)).toEqual([]);
  });

  it('onChange ignores edits, formats and row changes', () => {
    const emu = v4Workbook();
    newExecution(emu).columnMaps().getOrBuild(operaciones(emu));
    for (const type of ['EDIT', 'FORMAT', 'INSERT_ROW', 'REMOVE_ROW', undefined])
      expect(invalidateForChange(newExecution(emu), type)).toEqual([]);
    expect(mapKeys(emu)).toHaveLength(1);
  });

  it('onChange on a sheet without a map (or a removed sheet) drops every map: managed sheets and the union source', () => {
    const emu = v4Workbook();
    emu.seedSheet('Notas', [['a']]);
    newExecution(emu).columnMaps().getOrBuild(operaciones(emu));
    emu.spreadsheet.setActiveSheet(emu.spreadsheet.getSheetByName('Notas')!);
    expect(invalidateForChange(newExecution(emu), 'REMOVE_COLUMN')).toEqual(['Operaciones', 'Uniones']);
    expect(mapKeys(emu)).toEqual([]);
  });

  it('onEdit of row 1 of a managed sheet drops its map; row 5 or another sheet does not', () => {
    const emu = v4Workbook();
    emu.seedSheet('Notas', [['a']]);
    const build = () => newExecution(emu).columnMaps().getOrBuild(operaciones(emu));
    build();
    expect(invalidateForEdit(newExecution(emu, { kind: 'simpleTrigger' }), operaciones(emu).getRange('C5'))).toBeNull();
    expect(
      invalidateForEdit(
        newExecution(emu, { kind: 'simpleTrigger' }),
        emu.spreadsheet.getSheetByName('Notas')!.getRange('A1'),
      ),
    ).toBeNull();
    expect(mapKeys(emu)).toHaveLength(1);
    emu.stats.reset();
    expect(invalidateForEdit(newExecution(emu, { kind: 'simpleTrigger' }), operaciones(emu).getRange('A1:C3'))).toBe(
      'Operaciones',
    );
    expect(emu.stats.snapshot().spreadsheetDataCalls).toBe(0);
    expect(mapKeys(emu)).toEqual([]);
  });
});

describe('auto-repair', () => {
  it('on: pending migrations are applied by the check (lock, history marked as auto-repair), and the result shows the repaired sheet', () => {
    const { emu } = v3Workbook({ spools: 25 });
    setAutoRepair(newExecution(emu), true);
    const result = runCheck(newExecution(emu), 'manual');
    expect(result.autoRepair).toMatchObject({
      outcome: 'applied',
      columnsAdded: V4_HEADERS.map((header, i) => ({
        sheet: 'Operaciones',
        letter: ['BP', 'BQ', 'BR', 'BS', 'BT'][i],
        header,
      })),
    });
    expect(result.status).toBe('ok');
    expect(result.summary).toContain('Auto-repair: Operaciones: added 5 columns');
    expect(emu.readSheet('Operaciones')[0].slice(67)).toEqual(V4_HEADERS);
    const history = emu.readSheet(HISTORY_SHEET);
    expect(history).toHaveLength(2);
    expect(history[1][6]).toBe('operator@example.com (hourly check auto-repair)');
  });

  it('on, but with drift: skipped, nothing written', () => {
    const emu = v4Workbook();
    runCheck(newExecution(emu), 'manual');
    operaciones(emu).getRange('BR1').setValue('Soldadas');
    setAutoRepair(newExecution(emu), true);
    const before = emu.readSheet('Operaciones');
    emu.stats.reset();
    const result = runCheck(newExecution(emu), 'manual');
    expect(result.autoRepair.outcome).toBe('skipped');
    expect(sheetWrites(emu)).toEqual({});
    expect(emu.readSheet('Operaciones')).toEqual(before);
  });

  it('on, when the apply is refused (another schema change holds the lock): failed, reported, nothing written', () => {
    const { emu } = v3Workbook({ spools: 10 });
    setAutoRepair(newExecution(emu), true);
    const release = emu.otherExecution.holdLock('document');
    const result = runCheck(newExecution(emu), 'manual');
    release();
    expect(result.autoRepair.outcome).toBe('failed');
    expect(result.autoRepair.message).toContain('another schema change is running');
    expect(result.status).toBe('pending');
    expect(emu.sheetNames()).not.toContain(HISTORY_SHEET);
  });

  it("is off by default and is this user's setting", () => {
    const emu = v4Workbook();
    expect(scheduleStatus(newExecution(emu)).autoRepair).toBe(false);
    expect(setAutoRepair(newExecution(emu), true).autoRepair).toBe(true);
    emu.setActiveUser('colleague@example.com');
    expect(scheduleStatus(newExecution(emu)).autoRepair).toBe(false);
  });
});

describe('union metrics in the check', () => {
  const withUniones = () => {
    const { emu } = v3Workbook({ spools: 40, withUniones: true });
    migrate(emu);
    return emu;
  };
  const totals = (emu: Emulator) =>
    emu
      .readSheet('Operaciones')
      .slice(1)
      .map((r) => r[67]);

  it('off by default: the check reads headers only and writes no metric', () => {
    const emu = withUniones();
    expect(scheduleStatus(newExecution(emu)).recomputeMetrics).toBe(false);
    emu.stats.reset();
    const result = runCheck(newExecution(emu), 'manual');
    expect(result.metrics.outcome).toBe('off');
    expect(sheetWrites(emu)).toEqual({});
    expect(totals(emu).every((v) => v === 0)).toBe(true);
  });

  it('on: the check recomputes the five columns, reports it, and a second check finds them unchanged', () => {
    const emu = withUniones();
    const status = setMetricsInCheck(newExecution(emu), true);
    expect(status).toMatchObject({ recomputeMetrics: true, autoRepair: false });
    expect(status.message).toContain('union metrics are recomputed by the check');
    const first = runCheck(newExecution(emu), 'manual');
    expect(first.metrics.outcome).toBe('applied');
    expect(first.metrics.rowsChanged).toBeGreaterThan(0);
    expect(first.summary).toMatch(/Union metrics: \d+ of 40 spool rows updated/);
    expect(totals(emu).some((v) => typeof v === 'number' && v > 0)).toBe(true);
    const again = runCheck(newExecution(emu), 'manual');
    expect(again.metrics).toMatchObject({ outcome: 'unchanged', rowsChanged: 0 });
  });

  it('on, before the schema is extended: reported as not recomputed, nothing written', () => {
    const { emu } = v3Workbook({ spools: 10, withUniones: true });
    setMetricsInCheck(newExecution(emu), true);
    emu.stats.reset();
    const result = runCheck(newExecution(emu), 'manual');
    expect(result.metrics.outcome).toBe('failed');
    expect(result.metrics.message).toContain('Run "Extend schema" first');
    expect(sheetWrites(emu)).toEqual({});
  });

  it('the two settings are independent and per user', () => {
    const emu = withUniones();
    setMetricsInCheck(newExecution(emu), true);
    expect(setAutoRepair(newExecution(emu), true)).toMatchObject({ autoRepair: true, recomputeMetrics: true });
    expect(setMetricsInCheck(newExecution(emu), false)).toMatchObject({ autoRepair: true, recomputeMetrics: false });
    emu.setActiveUser('colleague@example.com');
    expect(scheduleStatus(newExecution(emu))).toMatchObject({ autoRepair: false, recomputeMetrics: false });
  });
});

describe('the schedule', () => {
  it('install is idempotent: one hourly clock trigger and one onChange trigger, recorded in user properties; a first check runs', () => {
    const emu = v4Workbook();
    const first = installSchedule(newExecution(emu));
    const second = installSchedule(newExecution(emu));
    expect(clockTriggers(emu)).toHaveLength(1);
    expect(clockTriggers(emu)[0].schedule).toEqual({ everyHours: 1 });
    expect(
      emu.triggers
        .list()
        .filter((t) => t.handlerFunction === CHANGE_HANDLER)
        .map((t) => [t.eventType, t.triggerSourceId]),
    ).toEqual([['ON_CHANGE', 'emulated-spreadsheet-id']]);
    expect(second.status).toMatchObject({ installed: true, everyHours: 1, triggersInUse: 2, triggerLimit: 20 });
    expect(second.status.installedAt).toBe(first.status.installedAt);
    expect(first.firstCheck?.status).toBe('ok');
    const record = JSON.parse(emu.propertiesContents('user')['sheet-schema:schedule:v1:emulated-spreadsheet-id']);
    expect(record).toMatchObject({
      spreadsheetId: 'emulated-spreadsheet-id',
      clockTriggerId: clockTriggers(emu)[0].uniqueId,
    });
  });

  it('remove deletes both triggers and the record; the last result stays visible in the document', () => {
    const emu = v4Workbook();
    installSchedule(newExecution(emu));
    const { status, removed } = removeSchedule(newExecution(emu));
    expect(removed).toBe(2);
    expect(emu.triggers.list()).toEqual([]);
    expect(status).toMatchObject({ installed: false, nextCheckAfter: null });
    expect(status.lastCheck?.status).toBe('ok');
    expect(
      Object.keys(emu.propertiesContents('user')).filter(
        (k) => k.startsWith('sheet-schema:check:') || k.startsWith('sheet-schema:schedule:'),
      ),
    ).toEqual([]);
  });

  it("a trigger removed behind the add-on's back shows as off, with the reason", () => {
    const emu = v4Workbook();
    installSchedule(newExecution(emu));
    const context = newExecution(emu);
    const clock = context.services.scriptApp
      .getProjectTriggers()
      .find((t) => t.getHandlerFunction() === CHECK_HANDLER)!;
    context.services.scriptApp.deleteTrigger(clock);
    expect(scheduleStatus(newExecution(emu))).toMatchObject({
      installed: false,
      message: expect.stringContaining('its trigger is gone'),
    });
  });
});

describe('the hourly run (time-driven: no UI, no active spreadsheet)', () => {
  it('opens the recorded spreadsheet by id, checks with 2 data calls (plus sheet rules) for the sheet, records in user properties', () => {
    const emu = v4Workbook();
    installSchedule(newExecution(emu));
    emu.stats.reset();
    const result = hourlyRun(emu);
    expect(result).toMatchObject({ status: 'ok', trigger: 'schedule', spreadsheetCalls: 3 + RULE_CHECK.calls });
    expect(emu.stats.snapshot().byMethod).toMatchObject({
      'SpreadsheetApp.openById': 1,
      'Sheet.getDataRange': 1,
      'Range.getValues': 1,
      'DeveloperMetadataFinder.find': 1,
    });
    expect(emu.stats.snapshot().spreadsheetDataCalls).toBe(4 + RULE_CHECK.calls);
    const stored = JSON.parse(emu.propertiesContents('user')['sheet-schema:check:v1:emulated-spreadsheet-id:result']);
    expect(stored.trigger).toBe('schedule');
    expect(scheduleStatus(newExecution(emu)).lastCheck?.trigger).toBe('schedule');
  });

  it('without a document it can only reach the script-cache copy of a map (keyed by spreadsheet id)', () => {
    const emu = v4Workbook();
    installSchedule(newExecution(emu));
    emu.beginExecution({ documentContext: false });
    new ExecutionContext(servicesOf(emu), undefined, emu.spreadsheet).columnMaps().getOrBuild(operaciones(emu));
    operaciones(emu).getRange('BP1').setValue('Total');
    expect(hourlyRun(emu)?.sheets[0].mapInvalidated).toBe(true);
    expect(mapKeys(emu, 'script')).toEqual([]);
  });

  it('refuses to run without a trigger event', () => {
    const emu = v4Workbook();
    expect(() => runScheduledCheck(servicesOf(emu), undefined)).toThrow('checkSchema is the hourly trigger');
    expect(() => runScheduledCheck(servicesOf(emu), { authMode: 'FULL' })).toThrow('needs its event');
  });
});
