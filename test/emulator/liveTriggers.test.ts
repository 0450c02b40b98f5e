import { createEmulator, MSG } from '../../emulator';
import { expectGasError } from './helpers';

function seeded() {
  const emu = createEmulator();
  emu.seedSheet('S', [
    ['key', 'n'],
    ['SP-1', 1],
    ['sp-1', 2],
    [' SP-1 ', 3],
    ['SP-10', 4],
    ['SP-1', 5],
  ]);
  emu.stats.reset();
  return emu;
}

describe('TextFinder', () => {
  it('matches case-insensitively and partially by default; matchCase and matchEntireCell narrow it', () => {
    const emu = seeded();
    const column = emu.spreadsheet.getSheetByName('S')?.getRange('A2:A6');
    const rows = (f: GoogleAppsScript.Spreadsheet.TextFinder) => f.findAll().map((r) => r.getRow());
    expect(rows(column!.createTextFinder('sp-1'))).toEqual([2, 3, 4, 5, 6]);
    expect(rows(column!.createTextFinder('SP-1').matchCase(true))).toEqual([2, 4, 5, 6]);
    expect(rows(column!.createTextFinder('SP-1').matchCase(true).matchEntireCell(true))).toEqual([2, 6]);
    const regex = column!
      .createTextFinder('\\s*SP-1\\s*')
      .useRegularExpression(true)
      .matchEntireCell(true)
      .matchCase(true);
    expect(rows(regex)).toEqual([2, 4, 6]);
  });

  it('searches only its range, walks with findNext, and counts every call', () => {
    const emu = seeded();
    const sheet = emu.spreadsheet.getSheetByName('S')!;
    emu.stats.reset();
    const finder = sheet.getRange('A2:A4').createTextFinder('SP-1').matchEntireCell(true);
    expect(finder.findNext()?.getA1Notation()).toBe('A2');
    expect(finder.findNext()?.getA1Notation()).toBe('A3');
    expect(finder.findNext()).toBeNull();
    expect(emu.stats.snapshot().byMethod).toMatchObject({
      'Range.createTextFinder': 1,
      'TextFinder.matchEntireCell': 1,
      'TextFinder.findNext': 3,
    });
    expect(
      sheet
        .createTextFinder('4')
        .findAll()
        .map((r) => r.getA1Notation()),
    ).toEqual(['B5']);
  });
});

describe('add-on trigger rules', () => {
  it('refuses everyMinutes and a second trigger of one type per user and document; other users have their own', () => {
    const emu = createEmulator();
    const sa = emu.globals.ScriptApp;
    expectGasError(() => sa.newTrigger('tick').timeBased().everyMinutes(5), MSG.addOnClockTooFrequent);
    sa.newTrigger('a').forSpreadsheet(emu.spreadsheet).onEdit().create();
    expectGasError(
      () => sa.newTrigger('b').forSpreadsheet(emu.spreadsheet).onEdit().create(),
      MSG.addOnTriggerPerDocument('ON_EDIT'),
    );
    sa.newTrigger('c').forSpreadsheet(emu.spreadsheet).onChange().create();
    sa.newTrigger('d').timeBased().everyHours(1).create();
    expectGasError(() => sa.newTrigger('e').timeBased().everyHours(2).create(), MSG.addOnTriggerPerDocument('CLOCK'));
    emu.setActiveUser('bob@example.com');
    sa.newTrigger('a').forSpreadsheet(emu.spreadsheet).onEdit().create();
    expect(emu.triggers.list()).toHaveLength(4);
  });

  it('a script project (switch) may have several of a type; 20 per user per script either way', () => {
    const emu = createEmulator({ switches: { triggerRules: 'script' } });
    const sa = emu.globals.ScriptApp;
    sa.newTrigger('tick').timeBased().everyMinutes(5).create();
    for (let i = 1; i < 20; i++) sa.newTrigger(`f${i}`).forSpreadsheet(emu.spreadsheet).onEdit().create();
    expectGasError(() => sa.newTrigger('x').forSpreadsheet(emu.spreadsheet).onEdit().create(), MSG.tooManyTriggers);
  });
});

describe('person edits, structure changes and concurrent executions', () => {
  it('a person edit fires the simple onEdit (LIMITED, as the editor) and installable onEdit (FULL, as its owner)', () => {
    const emu = seeded();
    const seen: Array<{ handler: string; user: string; mode: string; e: Record<string, unknown> }> = [];
    const record = (handler: string) => (e: Record<string, unknown>) => {
      seen.push({
        handler,
        user: emu.globals.Session.getActiveUser().getEmail(),
        mode: emu.currentExecution().authMode,
        e,
      });
    };
    emu.setHandlers({ onEdit: record('onEdit'), mine: record('mine') });
    emu.globals.ScriptApp.newTrigger('mine').forSpreadsheet(emu.spreadsheet).onEdit().create();
    emu.personEdits('S', 'B2', [['7']], { user: 'welder@example.com' });
    expect(seen.map((s) => [s.handler, s.user, s.mode])).toEqual([
      // A simple trigger gets no user data: its email reads ''; the event still names the editor.
      ['onEdit', '', 'LIMITED'],
      ['mine', 'operator@example.com', 'FULL'],
    ]);
    const e = seen[1].e;
    expect(e).toMatchObject({ value: '7', oldValue: '1', authMode: 'FULL' });
    expect((e.user as GoogleAppsScript.Base.User).getEmail()).toBe('welder@example.com');
    expect((e.range as GoogleAppsScript.Spreadsheet.Range).getA1Notation()).toBe('B2');
    expect(emu.readSheet('S')[1][1]).toBe(7);
    emu.personEdits('S', 'B7', [['x']]);
    expect(seen[3].e).not.toHaveProperty('oldValue');
  });

  it('script writes fire nothing; an onChange gets the change type and no range', () => {
    const emu = seeded();
    const fired: string[] = [];
    emu.setHandlers({ onEdit: () => fired.push('edit'), changed: (e) => fired.push(String(e.changeType)) });
    emu.globals.ScriptApp.newTrigger('changed').forSpreadsheet(emu.spreadsheet).onChange().create();
    emu.spreadsheet.getSheetByName('S')?.getRange('B2').setValue(9);
    expect(fired).toEqual([]);
    emu.personChanges('S', { deleteRows: { start: 2, count: 1 } });
    emu.personChanges('S', { insertRows: { before: 2, count: 1 } });
    emu.personChanges('S', { sort: { column: 2, ascending: false } });
    // A sort reports OTHER to onChange and, as a rewrite of the rows, an onEdit (switches.sortFiresEdit).
    expect(fired).toEqual(['REMOVE_ROW', 'INSERT_ROW', 'OTHER', 'edit']);
    expect(emu.readSheet('S').map((r) => r[1])).toEqual(['n', 5, 4, 3, 2]);
  });

  it('an interleaved execution cannot take a lock the running one holds', () => {
    const emu = seeded();
    const lock = () => emu.globals.LockService.getDocumentLock()!;
    const got: boolean[] = [];
    emu.setHandlers({ onEdit: () => got.push(lock().tryLock(100)) });
    emu.beginExecution();
    expect(lock().tryLock(0)).toBe(true);
    emu.interleave('Range.getValues', () => emu.personEdits('S', 'B3', [[1]]));
    emu.spreadsheet.getSheetByName('S')?.getRange('A1').getValues();
    expect(got).toEqual([false]);
    expect(lock().hasLock()).toBe(true);
    emu.endExecution();
    emu.personEdits('S', 'B3', [[2]]);
    expect(got).toEqual([false, true]);
  });
});
