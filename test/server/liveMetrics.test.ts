import { expectedMetrics, liveWorkbook, OPS_KEY, U, writtenMetrics } from '../../emulator/harness/live';
import { columnLetter } from '../../src/core/columnLetters';
import { runCheck } from '../../src/server/checkService';
import { liveMetricsStatus, turnOffLiveMetrics, turnOnLiveMetrics } from '../../src/server/liveMetricsToggle';
import { setMetricsInCheck } from '../../src/server/scheduleService';
import { newExecution } from '../support/emulated';
import { quietly } from '../support/quietly';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const f of cleanups.splice(0)) f();
});

function workbook(spools = 60) {
  const w = liveWorkbook(spools);
  cleanups.push(w.restore);
  return w;
}

/** Sheet row (in Uniones) of the first union of `tag`. */
function unionRowOf(w: ReturnType<typeof workbook>, tag: string): number {
  return w.emu.readSheet('Uniones').findIndex((row) => row[U.key - 1] === tag) + 1;
}

function metricsOf(w: ReturnType<typeof workbook>, tag: string): unknown[] {
  const row = w.emu.readSheet('Operaciones').findIndex((r) => r[OPS_KEY - 1] === tag);
  return writtenMetrics(w.emu)[row - 1];
}

describe('live metrics', () => {
  it('a date typed into a Uniones row updates exactly its spool, in a constant number of calls', () => {
    const w = workbook();
    const tag = w.tags[5];
    const row = unionRowOf(w, tag);
    w.emu.personEdits('Uniones', `K${row}`, [['']]);
    const before = metricsOf(w, tag);
    w.emu.stats.reset();
    const runs = w.emu.personEdits('Uniones', `K${row}`, [['2026-03-14']]);
    expect(runs.map((r) => [r.handler, r.kind, r.error])).toEqual([
      ['onEdit', 'simpleTrigger', undefined],
      ['onLiveEdit', 'installableTrigger', undefined],
    ]);
    expect(metricsOf(w, tag)).not.toEqual(before);
    expect(writtenMetrics(w.emu)).toEqual(expectedMetrics(w.emu));
    const stats = w.emu.stats.snapshot();
    expect(stats.byMethod['TextFinder.findAll']).toBe(2);
    expect(stats.cellsWritten).toBeLessThanOrEqual(5);
    const calls = stats.calls.Spreadsheet;
    const large = workbook(600);
    const tag2 = large.tags[300];
    const row2 = unionRowOf(large, tag2);
    large.emu.personEdits('Uniones', `K${row2}`, [['']]);
    large.emu.stats.reset();
    large.emu.personEdits('Uniones', `K${row2}`, [['2026-03-14']]);
    expect(large.emu.stats.snapshot().calls.Spreadsheet).toBe(calls);
    expect(writtenMetrics(large.emu)).toEqual(expectedMetrics(large.emu));
  });

  it('the event carries value/oldValue only for single-cell edits, and triggerUid for the installable one', () => {
    const w = workbook();
    const [simple, installed] = w.emu.personEdits('Uniones', 'D2', [[3]]);
    expect(simple.event.triggerUid).toBeUndefined();
    expect(installed.event).toMatchObject({ authMode: 'FULL', value: '3' });
    expect(typeof installed.event.triggerUid).toBe('string');
    const paste = w.emu.personEdits('Uniones', 'D2:D3', [[1], [2]]);
    expect(paste[1].event).not.toHaveProperty('value');
    expect(paste[1].event).not.toHaveProperty('oldValue');
  });

  it('a key moved from one spool to another recomputes both (oldValue)', () => {
    const w = workbook();
    const row = unionRowOf(w, w.tags[1]);
    w.emu.personEdits('Uniones', `B${row}`, [[w.tags[2]]]);
    expect(writtenMetrics(w.emu)).toEqual(expectedMetrics(w.emu));
    w.emu.personEdits('Operaciones', `A${3}`.replace('A', columnLetter(OPS_KEY)), [['NEW-TAG']]);
    expect(writtenMetrics(w.emu)).toEqual(expectedMetrics(w.emu));
  });

  it('scripts writing cells fire no trigger: nothing loops and nothing is recomputed', () => {
    const w = workbook();
    w.emu.beginExecution();
    const sheet = w.emu.spreadsheet.getSheetByName('Uniones');
    sheet?.getRange(2, U.arm).setValue('2026-01-01');
    w.emu.endExecution();
    expect(w.emu.stats.snapshot().byMethod['TextFinder.findAll']).toBeUndefined();
  });

  it('an execution that cannot take the lock records its spools; the running one does them before it ends', () => {
    const w = workbook();
    const a = unionRowOf(w, w.tags[3]);
    const b = unionRowOf(w, w.tags[7]);
    let inner: ReturnType<typeof w.emu.personEdits> = [];
    w.emu.interleave('TextFinder.findAll', () => {
      inner = w.emu.personEdits('Uniones', `H${b}`, [['2026-02-02']]);
    });
    w.emu.personEdits('Uniones', `H${a}`, [['2026-02-01']]);
    expect(inner.map((r) => r.error)).toEqual([undefined, undefined]);
    expect(writtenMetrics(w.emu)).toEqual(expectedMetrics(w.emu));
    expect(liveMetricsStatus(newExecution(w.emu))).toMatchObject({ on: true, pendingSpools: 0, stale: false });
  });

  it('rows deleted or sorted in Uniones arrive as onChange: a full recompute', () => {
    const w = workbook();
    w.emu.personChanges('Uniones', { deleteRows: { start: 5, count: 7 } });
    expect(writtenMetrics(w.emu)).toEqual(expectedMetrics(w.emu));
    w.emu.personChanges('Uniones', { sort: { column: U.dn } });
    expect(writtenMetrics(w.emu)).toEqual(expectedMetrics(w.emu));
  });

  it('a paste over keys falls back to the full recompute', () => {
    const w = workbook();
    const keys = Array.from({ length: 30 }, (_, i) => [w.tags[i % 5]]);
    w.emu.personEdits('Uniones', `B10:B39`, keys);
    expect(writtenMetrics(w.emu)).toEqual(expectedMetrics(w.emu));
  });

  it('the toggle is idempotent, keeps one onEdit trigger per user and document, and turns off', () => {
    const w = workbook();
    const mine = () => w.emu.triggers.list().filter((t) => t.eventType === 'ON_EDIT');
    turnOnLiveMetrics(newExecution(w.emu));
    expect(mine()).toHaveLength(1);
    expect(w.emu.triggers.list().filter((t) => t.eventType === 'ON_CHANGE')).toHaveLength(1);
    const off = turnOffLiveMetrics(newExecution(w.emu));
    expect(off.on).toBe(false);
    expect(w.emu.triggers.list()).toHaveLength(0);
    const row = unionRowOf(w, w.tags[4]);
    const runs = quietly(() => w.emu.personEdits('Uniones', `H${row}`, [['2026-05-05']]));
    expect(runs.map((r) => r.handler)).toEqual(['onEdit']);
  });

  it('the check recomputes fully and reports how many spool rows the live path had wrong', () => {
    const w = workbook();
    setMetricsInCheck(newExecution(w.emu), true);
    expect(runCheck(newExecution(w.emu), 'manual').metrics).toMatchObject({ liveRowsWrong: 0 });
    // A script's write fires no trigger: the live path cannot see it, the check heals it.
    w.emu.beginExecution();
    w.emu.spreadsheet
      .getSheetByName('Operaciones')
      ?.getRange(4, 68, 2, 1)
      .setValues([[77], [78]]);
    w.emu.endExecution();
    const metrics = runCheck(newExecution(w.emu), 'manual').metrics;
    expect(metrics).toMatchObject({ outcome: 'applied', liveRowsWrong: 2 });
    expect(metrics.message).toContain('Live metrics had 2 spool row(s) wrong');
    expect(writtenMetrics(w.emu)).toEqual(expectedMetrics(w.emu));
  });
});
