/**
 * The scheduled check through the built bundle: triggers installed from the menu and the sidebar,
 * the hourly handler run as a time-driven execution (no UI, no active spreadsheet), the change and
 * edit triggers, auto-repair.
 */
import { join } from 'node:path';
import { type Emulator, runEntryPoint, scriptRun, type TriggerRecord } from '../../emulator';
import { hashString } from '../../src/core/fingerprint';
import type { CheckResult, ScheduleStatus } from '../../src/shared/payloads';
import { RULE_CHECK, rowsNotZeroInBpOnwards, sheetWrites, V4_HEADERS, v3Workbook } from '../support/emulated';

const DIST = join(__dirname, '..', '..', 'dist');
const ME = 'operator@example.com';
const COLLEAGUE = 'colleague@example.com';
const SPREADSHEET_ID = 'emulated-spreadsheet-id';

const operaciones = (emu: Emulator) => emu.spreadsheet.getSheetByName('Operaciones')!;
const json = <T>(value: unknown): T => JSON.parse(JSON.stringify(value)) as T;
const mine = (emu: Emulator, handler: string) =>
  emu.triggers.list().filter((t) => t.user === ME && t.handlerFunction === handler);
/** Cache key of a sheet's column map (see ColumnMapCache.keyOf). */
const mapKey = (sheet: string) => `sheet-schema:colmap:v2:${hashString(`${SPREADSHEET_ID}\u0000${sheet}`)}`;
/** Which of Operaciones' and Uniones' maps the document cache holds. */
const mapKeys = (emu: Emulator) =>
  ['Operaciones', 'Uniones'].filter((sheet) => mapKey(sheet) in emu.cacheContents('document'));

function v4Workbook(spools = 40, withUniones = false): Emulator {
  const { emu } = v3Workbook({ spools, withUniones });
  const plan = scriptRun(emu, DIST, 'previewSchema') as { fingerprint: string };
  scriptRun(emu, DIST, 'applySchema', plan.fingerprint);
  emu.stats.reset();
  return emu;
}

const install = (emu: Emulator) => scriptRun(emu, DIST, 'installScheduledCheck', { sidebar: true }) as ScheduleStatus;
const status = (emu: Emulator) => scriptRun(emu, DIST, 'getScheduleStatus') as ScheduleStatus;

/** What Apps Script does every hour: runs checkSchema(e) with no UI and no document. */
function hourly(emu: Emulator, trigger: TriggerRecord = mine(emu, 'checkSchema')[0]): CheckResult | null {
  const event = emu.triggerEvent(trigger);
  return json(
    runEntryPoint(emu, DIST, 'checkSchema', [event], { kind: 'timeTrigger', ui: false, documentContext: false }),
  );
}

/** Creates installable triggers for `user` outside the add-on (another feature, another add-on install). */
function createTriggers(emu: Emulator, user: string, count: number, handler = 'somethingElse', here = false): void {
  emu.setActiveUser(user);
  // By default triggers made from other documents: the add-on rule of one per type per document allows them.
  emu.beginExecution({ kind: 'menu', documentContext: here });
  for (let i = 0; i < count; i++) emu.globals.ScriptApp.newTrigger(handler).timeBased().everyDays(1).create();
  emu.endExecution();
  emu.setActiveUser(ME);
}

describe('installScheduledCheck / removeScheduledCheck', () => {
  it('installing twice leaves exactly one hourly clock trigger and one onChange trigger for this user', () => {
    const emu = v4Workbook();
    install(emu);
    const second = install(emu);
    expect(mine(emu, 'checkSchema').map((t) => [t.eventType, t.schedule])).toEqual([['CLOCK', { everyHours: 1 }]]);
    expect(mine(emu, 'onSchemaChange').map((t) => [t.eventType, t.triggerSourceId])).toEqual([
      ['ON_CHANGE', SPREADSHEET_ID],
    ]);
    expect(second).toMatchObject({ installed: true, everyHours: 1, triggersInUse: 2, autoRepair: false });
    expect(second.lastCheck?.status).toBe('ok');
  });

  it("leaves another user's triggers alone, including their own hourly check", () => {
    const emu = v4Workbook();
    createTriggers(emu, COLLEAGUE, 1, 'checkSchema');
    createTriggers(emu, COLLEAGUE, 2);
    const before = emu.triggers.list().filter((t) => t.user === COLLEAGUE);
    install(emu);
    scriptRun(emu, DIST, 'removeScheduledCheck', { sidebar: true });
    install(emu);
    expect(emu.triggers.list().filter((t) => t.user === COLLEAGUE)).toEqual(before);
  });

  it('removes extra duplicate check triggers of this user (e.g. from an older version) and keeps one', () => {
    const emu = v4Workbook();
    // Duplicates in one document exist only outside the add-on rules (e.g. a bound-script version).
    emu.switches.triggerRules = 'script';
    createTriggers(emu, ME, 3, 'checkSchema', true);
    createTriggers(emu, ME, 1, 'somethingElse', true);
    emu.beginExecution({ kind: 'menu' });
    for (let i = 0; i < 2; i++)
      emu.globals.ScriptApp.newTrigger('onSchemaChange').forSpreadsheet(emu.spreadsheet).onChange().create();
    emu.endExecution();
    install(emu);
    expect(mine(emu, 'checkSchema')).toHaveLength(1);
    expect(mine(emu, 'checkSchema')[0].schedule).toEqual({ everyHours: 1 });
    expect(mine(emu, 'onSchemaChange')).toHaveLength(1);
    expect(mine(emu, 'somethingElse')).toHaveLength(1);
  });

  it('the 21st trigger: a clear message, nothing created — from the sidebar and from the menu', () => {
    const emu = v4Workbook();
    createTriggers(emu, ME, 19);
    expect(() => install(emu)).toThrow('already has the maximum of 20 triggers for this add-on');
    expect(emu.triggers.list()).toHaveLength(19);
    runEntryPoint(emu, DIST, 'installScheduledCheck', [], { kind: 'menu' });
    expect(emu.ui.alerts[0].prompt).toContain('turn the hourly check or live metrics off in a spreadsheet');
    expect(emu.triggers.list()).toHaveLength(19);
  });

  it('with 18 other triggers there is room: the user ends at the limit of 20', () => {
    const emu = v4Workbook();
    createTriggers(emu, ME, 18);
    expect(install(emu)).toMatchObject({ installed: true, triggersInUse: 20, triggerLimit: 20 });
  });

  it('menu "Turn on hourly check" / "Turn off hourly check" report in an alert', () => {
    const emu = v4Workbook();
    runEntryPoint(emu, DIST, 'installScheduledCheck', [], { kind: 'menu' });
    expect(emu.ui.alerts[0]).toMatchObject({
      title: 'Sheet Schema: Hourly check on',
      prompt: expect.stringContaining('The hourly check is on since'),
    });
    expect(emu.ui.alerts[0].prompt).toContain('First check:\nCheck finished: OK.\nOperaciones: OK.');
    runEntryPoint(emu, DIST, 'removeScheduledCheck', [], { kind: 'menu' });
    expect(emu.ui.alerts[1]).toMatchObject({
      title: 'Sheet Schema: Hourly check off',
      prompt: 'Hourly check turned off.',
    });
    expect(emu.triggers.list()).toEqual([]);
    expect(status(emu).installed).toBe(false);
  });

  it('refuses to install from a trigger (V8 disables triggers created by a trigger) and validates arguments', () => {
    const emu = v4Workbook();
    expect(() =>
      runEntryPoint(emu, DIST, 'installScheduledCheck', [{ authMode: 'FULL', triggerUid: '123' }], {
        kind: 'installableTrigger',
      }),
    ).toThrow('must be run from the menu or the sidebar');
    expect(() => scriptRun(emu, DIST, 'installScheduledCheck', { sidebar: 'yes' })).toThrow(
      'expects no argument (menu) or { sidebar: true }',
    );
    expect(() => scriptRun(emu, DIST, 'setAutoRepair', 'true')).toThrow('setAutoRepair expects true or false');
    expect(() => scriptRun(emu, DIST, 'getScheduleStatus', 1)).toThrow('getScheduleStatus takes no arguments');
    expect(emu.triggers.list()).toEqual([]);
  });

  it('onOpen in AuthMode.NONE lists the schedule items without reading any state', () => {
    const emu = v4Workbook();
    runEntryPoint(emu, DIST, 'onOpen', [{ authMode: 'NONE' }], { authMode: 'NONE', kind: 'simpleTrigger' });
    const captions = emu.ui.menus.find((m) => m.addon)?.items.map((i) => i.caption);
    expect(captions).toEqual(
      expect.arrayContaining(['Check schema now', 'Turn on hourly check', 'Turn off hourly check']),
    );
    expect(emu.stats.snapshot().calls.Properties + emu.stats.snapshot().calls.Script).toBe(0);
  });
});

describe('checkSchema: the hourly time-driven run', () => {
  it('opens the spreadsheet by id (no active one), records the result; ≤ 2 data calls per sheet (plus sheet rules) when unchanged', () => {
    const emu = v4Workbook(2000);
    install(emu);
    emu.stats.reset();
    const result = hourly(emu);
    expect(result).toMatchObject({ status: 'ok', trigger: 'schedule', spreadsheetCalls: 3 + RULE_CHECK.calls });
    const stats = emu.stats.snapshot();
    // openById and the identity-tag lookup (one find() for all sheets) are the run's extra calls:
    // the sheet itself costs getDataRange + the header and first data rows, plus its rules.
    expect(stats.byMethod).toMatchObject({
      'SpreadsheetApp.openById': 1,
      'DeveloperMetadataFinder.find': 1,
      'Sheet.getDataRange': 1,
      'Range.getValues': 1,
    });
    expect(stats.spreadsheetDataCalls - 2).toBeLessThanOrEqual(2 + RULE_CHECK.calls);
    expect(stats.cellsRead).toBe(2 * 72 + RULE_CHECK.cells);
    expect(stats.calls.Ui).toBe(0);
    expect(sheetWrites(emu)).toEqual({});
    expect(status(emu).lastCheck).toMatchObject({ trigger: 'schedule', status: 'ok', checkedAt: result?.checkedAt });
  });

  it('"Check schema now" runs the same check: an alert from the menu, the result as JSON from the sidebar', () => {
    const emu = v4Workbook();
    operaciones(emu).getRange('BR1').setValue('uniones_sold_completadas');
    runEntryPoint(emu, DIST, 'checkSchemaNow', [], { kind: 'menu' });
    expect(emu.ui.alerts[0].title).toBe('Sheet Schema: sheet changed');
    // A tagged column whose header changed only by case is the same column, renamed (issue 10).
    expect(emu.ui.alerts[0].prompt).toContain('• A column header of the schema was renamed in Operaciones (BR1).');
    const result = scriptRun(emu, DIST, 'checkSchemaNow', { sidebar: true }) as CheckResult;
    // A renamed tagged column is no missing column: nothing is pending at BU (issue 10).
    expect(result.sheets[0].findings.map((f) => f.location)).toEqual(['Operaciones!BR1']);
    expect(result.status).toBe('drift');
  });

  it('the spreadsheet was deleted: logs once, removes its own triggers and record, touches nothing else', () => {
    const emu = v4Workbook();
    createTriggers(emu, ME, 1);
    install(emu);
    const clock = mine(emu, 'checkSchema')[0];
    emu.deleteSpreadsheet();
    emu.logs.length = 0;
    expect(hourly(emu, clock)).toBeNull();
    expect(emu.logs).toEqual([
      expect.stringMatching(
        /^WARN: Sheet Schema: spreadsheet emulated-spreadsheet-id is gone .*turning its hourly check off/,
      ),
    ]);
    expect(emu.triggers.list().map((t) => t.handlerFunction)).toEqual(['somethingElse']);
    expect(Object.keys(emu.propertiesContents('user')).filter((k) => k.startsWith('sheet-schema:'))).toEqual([]);
  });

  it('authorization missing: logs once (not every hour), reads no spreadsheet, keeps the schedule; runs again once authorized', () => {
    const emu = v4Workbook();
    install(emu);
    emu.setAuthorizationRequired(true);
    emu.logs.length = 0;
    emu.stats.reset();
    expect(hourly(emu)).toBeNull();
    expect(hourly(emu)).toBeNull();
    expect(emu.logs).toEqual([expect.stringContaining('needs your authorization again')]);
    expect(emu.stats.snapshot().calls.Spreadsheet).toBe(0);
    expect(mine(emu, 'checkSchema')).toHaveLength(1);
    emu.setAuthorizationRequired(false);
    expect(hourly(emu)?.status).toBe('ok');
    emu.setAuthorizationRequired(true);
    hourly(emu);
    expect(emu.logs).toHaveLength(2);
  });

  it('a stray check trigger with no record (turned off elsewhere) deletes itself', () => {
    const emu = v4Workbook();
    createTriggers(emu, ME, 1, 'checkSchema');
    expect(hourly(emu)).toBeNull();
    expect(mine(emu, 'checkSchema')).toEqual([]);
    expect(emu.logs.join('\n')).toContain('belongs to no hourly check');
  });

  describe('drift between two hourly runs', () => {
    const driftAfter = (change: (emu: Emulator) => void) => {
      const emu = v4Workbook(40, true);
      install(emu);
      change(emu);
      const result = hourly(emu);
      return { emu, result: result!, found: result!.sheets[0].findings.map((f) => `${f.code} ${f.location}`) };
    };

    it('deleted', () => {
      const { result, found } = driftAfter((emu) => operaciones(emu).deleteColumn(70));
      expect(result.status).toBe('drift');
      expect(found).toContain('COLUMN_DELETED Operaciones!BR1');
      expect(result.sheets[0].findings[0].message).toContain('"Uniones_SOLD_Completadas" is gone');
    });

    it('renamed', () => {
      const { found } = driftAfter((emu) => operaciones(emu).getRange('BS1').setValue('Pulg ARM'));
      expect(found).toEqual(['COLUMN_RENAMED Operaciones!BS1']);
    });

    it('moved', () => {
      const { found } = driftAfter((emu) => operaciones(emu).moveColumns(operaciones(emu).getRange('BP1'), 1));
      expect(found).toContain('COLUMN_MOVED Operaciones!A1');
    });

    it('duplicated', () => {
      const { found } = driftAfter((emu) => {
        operaciones(emu).insertColumnsAfter(72, 1);
        operaciones(emu).getRange('BU1').setValue('Total_Uniones');
      });
      expect(found).toEqual(['DUPLICATE_HEADER Operaciones!BU1']);
    });

    it('a header change drops the cached column map the check can reach', () => {
      const { emu, result } = driftAfter((emu) => {
        scriptRun(emu, DIST, 'recomputeUnionMetrics', { confirmed: true });
        operaciones(emu).getRange('BS1').setValue('Pulg ARM');
      });
      expect(result.status).toBe('drift');
      // The sidebar built the map in the document cache; the time-driven run (no document) reaches
      // the script cache only, so the document copy is left to onEdit/onChange and the map's own checks.
      expect(mapKeys(emu)).toEqual(['Operaciones', 'Uniones']);
      const now = scriptRun(emu, DIST, 'checkSchemaNow', { sidebar: true }) as CheckResult;
      expect(now.sheets[0].mapInvalidated).toBe(true);
      expect(mapKeys(emu)).toEqual(['Uniones']);
    });
  });
});

describe('cache freshness on edits', () => {
  const withMap = () => {
    const emu = v4Workbook(40, true);
    install(emu);
    scriptRun(emu, DIST, 'recomputeUnionMetrics', { confirmed: true });
    expect(mapKeys(emu)).toEqual(['Operaciones', 'Uniones']);
    emu.stats.reset();
    return emu;
  };

  it('onSchemaChange with INSERT_COLUMN drops the map without any Spreadsheet data call', () => {
    const emu = withMap();
    emu.spreadsheet.setActiveSheet(operaciones(emu));
    operaciones(emu).insertColumnsBefore(1, 1);
    emu.stats.reset();
    const trigger = mine(emu, 'onSchemaChange')[0];
    runEntryPoint(emu, DIST, 'onSchemaChange', [emu.triggerEvent(trigger, { changeType: 'INSERT_COLUMN' })], {
      kind: 'installableTrigger',
    });
    expect(mapKeys(emu)).toEqual(['Uniones']);
    expect(emu.stats.snapshot().spreadsheetDataCalls).toBe(0);
  });

  it('onSchemaChange on the union source sheet drops its map; a removed sheet (REMOVE_GRID) drops every map', () => {
    const emu = withMap();
    const trigger = mine(emu, 'onSchemaChange')[0];
    emu.spreadsheet.setActiveSheet(emu.spreadsheet.getSheetByName('Uniones')!);
    runEntryPoint(emu, DIST, 'onSchemaChange', [emu.triggerEvent(trigger, { changeType: 'REMOVE_COLUMN' })], {
      kind: 'installableTrigger',
    });
    expect(mapKeys(emu)).toEqual(['Operaciones']);
    runEntryPoint(emu, DIST, 'onSchemaChange', [emu.triggerEvent(trigger, { changeType: 'REMOVE_GRID' })], {
      kind: 'installableTrigger',
    });
    expect(mapKeys(emu)).toEqual([]);
  });

  it('onSchemaChange ignores plain edits', () => {
    const emu = withMap();
    runEntryPoint(
      emu,
      DIST,
      'onSchemaChange',
      [emu.triggerEvent(mine(emu, 'onSchemaChange')[0], { changeType: 'EDIT' })],
      { kind: 'installableTrigger' },
    );
    expect(mapKeys(emu)).toEqual(['Operaciones', 'Uniones']);
  });

  it('onEdit of row 1 of a managed sheet drops its map; an edit in row 5 does not; neither reads the sheet', () => {
    const emu = withMap();
    const edit = (a1: string) => ({
      authMode: 'LIMITED',
      range: operaciones(emu).getRange(a1),
      source: emu.spreadsheet,
      value: 'x',
    });
    runEntryPoint(emu, DIST, 'onEdit', [edit('B5')], { kind: 'simpleTrigger' });
    expect(mapKeys(emu)).toEqual(['Operaciones', 'Uniones']);
    expect(emu.stats.snapshot().calls.Cache).toBe(0);
    runEntryPoint(emu, DIST, 'onEdit', [edit('BS1')], { kind: 'simpleTrigger' });
    expect(mapKeys(emu)).toEqual(['Uniones']);
    expect(emu.stats.snapshot().spreadsheetDataCalls).toBe(0);
  });

  it('onEdit never throws, whatever it is given', () => {
    const emu = withMap();
    for (const event of [
      undefined,
      null,
      {},
      { range: 'A1' },
      {
        range: {
          getSheet: () => {
            throw new Error('boom');
          },
        },
      },
    ]) {
      expect(() => runEntryPoint(emu, DIST, 'onEdit', [event], { kind: 'simpleTrigger' })).not.toThrow();
    }
  });
});

describe('auto-repair by the hourly run', () => {
  it('off (the default): pending migrations are reported, nothing is written', () => {
    const { emu } = v3Workbook({ spools: 30 });
    install(emu);
    const before = emu.readSheet('Operaciones');
    emu.stats.reset();
    const result = hourly(emu);
    expect(result).toMatchObject({ status: 'pending', autoRepair: { outcome: 'off' } });
    expect(sheetWrites(emu)).toEqual({});
    expect(emu.readSheet('Operaciones')).toEqual(before);
    expect(emu.sheetNames()).not.toContain('_schema_history');
  });

  it('on: the hourly run applies the pending migration under the lock, with history; the result says so', () => {
    const { emu } = v3Workbook({ spools: 30 });
    install(emu);
    expect((scriptRun(emu, DIST, 'setAutoRepair', true) as ScheduleStatus).autoRepair).toBe(true);
    const result = hourly(emu);
    expect(result).toMatchObject({ status: 'ok', autoRepair: { outcome: 'applied' } });
    expect(result?.autoRepair.columnsAdded.map((c) => c.letter)).toEqual(['BP', 'BQ', 'BR', 'BS', 'BT']);
    expect(emu.readSheet('Operaciones')[0].slice(67)).toEqual(V4_HEADERS);
    expect(rowsNotZeroInBpOnwards(emu)).toEqual([]);
    const history = emu.readSheet('_schema_history');
    expect(history.slice(1).map((row) => [row[1], row[6], row[8]])).toEqual([
      ['4.0-union-metrics', `${ME} (hourly check auto-repair)`, 'applied'],
    ]);
    expect(status(emu).lastCheck?.autoRepair.outcome).toBe('applied');
  });

  it('on, with a renamed column: never renames or re-adds it automatically', () => {
    const emu = v4Workbook();
    install(emu);
    scriptRun(emu, DIST, 'setAutoRepair', true);
    operaciones(emu).getRange('BR1').setValue('Soldadas');
    emu.stats.reset();
    const result = hourly(emu);
    expect(result?.autoRepair.outcome).toBe('skipped');
    expect(sheetWrites(emu)).toEqual({});
    expect(emu.readSheet('Operaciones')[0][69]).toBe('Soldadas');
  });
});
