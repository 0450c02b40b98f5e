/**
 * An execution killed mid-apply (Apps Script's 6-minute limit runs no rollback) leaves the
 * apply-in-progress marker behind; the next preview, apply or hourly check completes the change
 * and records it in history exactly once.
 */

import type { Emulator } from '../../emulator';
import { ApplyJournal } from '../../src/adapters/applyJournal';
import { HISTORY_HEADERS, HISTORY_SHEET } from '../../src/adapters/history';
import { runCheck } from '../../src/server/checkService';
import { setAutoRepair } from '../../src/server/scheduleService';
import { applySchema, previewSchema } from '../../src/server/schemaService';
import { newExecution, V4_HEADERS, v3Workbook, writeCalls } from '../support/emulated';

const KILLED = 'Exceeded maximum execution time';

/** The execution dies at its k-th Spreadsheet call: that call and every later one fail. */
function killAt(emu: Emulator, k: number): void {
  for (let i = 0; i < 200; i++) emu.faults.failOnCall(k + i, { message: KILLED });
}

/**
 * A v3.0 workbook whose first apply was killed at the first call after which `landed` holds
 * (the call index counts every Spreadsheet call, navigation included, so it is searched for).
 */
function killedApply(spools: number, landed: (emu: Emulator) => boolean): Emulator {
  for (let k = 1; k < 100; k++) {
    const { emu } = v3Workbook({ spools });
    const plan = previewSchema(newExecution(emu));
    killAt(emu, k);
    expect(() => applySchema(newExecution(emu), plan.fingerprint)).toThrow(KILLED);
    emu.faults.clear();
    if (landed(emu)) return emu;
  }
  throw new Error('no kill point reaches that state');
}

const headersLanded = (emu: Emulator) => emu.readSheet('Operaciones')[0].length === 72;
const historySheetInserted = (emu: Emulator) => emu.sheetNames().includes(HISTORY_SHEET);

function journal(emu: Emulator): ApplyJournal {
  return new ApplyJournal(emu.globals.PropertiesService, emu.spreadsheet.getId());
}

const successRows = (emu: Emulator) =>
  emu.sheetNames().includes(HISTORY_SHEET)
    ? emu
        .readSheet(HISTORY_SHEET)
        .slice(1)
        .filter((r) => r[8] === 'applied')
    : [];
const metricsOf = (emu: Emulator) =>
  emu
    .readSheet('Operaciones')
    .slice(1)
    .map((r) => r.slice(67));

describe('an apply killed after its headers landed', () => {
  const killedAfterHeaders = () => killedApply(30, headersLanded);

  it('leaves headers without defaults, no history, and the marker set', () => {
    const emu = killedAfterHeaders();
    expect(emu.readSheet('Operaciones')[0].slice(67)).toEqual(V4_HEADERS);
    expect(metricsOf(emu).every((row) => row.every((v) => v === ''))).toBe(true);
    expect(successRows(emu)).toEqual([]);
    expect(journal(emu).read()).toMatchObject({
      migrations: [{ sheet: 'Operaciones', migrationId: '4.0-union-metrics' }],
    });
  });

  it('the next preview shows it and the next apply completes it, recording one success row and clearing the marker', () => {
    const emu = killedAfterHeaders();
    const plan = previewSchema(newExecution(emu));
    expect(plan.status).toBe('changes');
    expect(plan.interrupted?.unrecorded).toEqual([{ sheet: 'Operaciones', migrationId: '4.0-union-metrics' }]);
    expect(plan.sheets[0].warnings[0].code).toBe('INTERRUPTED_APPLY');
    expect(plan.sheets[0].blanksToFill.map((f) => f.cells)).toEqual([30, 30, 30, 30, 30]);
    emu.stats.reset();
    const result = applySchema(newExecution(emu), plan.fingerprint);
    expect(result.summary).toContain('Completed the apply stopped at');
    expect(metricsOf(emu).every((row) => row.every((v) => v === 0))).toBe(true);
    expect(successRows(emu)).toHaveLength(1);
    expect(journal(emu).read()).toBeNull();
    expect(previewSchema(newExecution(emu)).status).toBe('up-to-date');
  });
});

describe('an apply killed after every write landed but before history', () => {
  const setup = () => {
    const { emu } = v3Workbook({ spools: 12 });
    applySchema(newExecution(emu), previewSchema(newExecution(emu)).fingerprint);
    const marker = {
      startedAt: '2026-11-21T08:00:00.000Z',
      user: 'operator@example.com',
      migrations: [{ sheet: 'Operaciones', migrationId: '4.0-union-metrics' }],
    };
    return { emu, marker };
  };

  it('is completed by recording the missing history row once (nothing else is written)', () => {
    const { emu, marker } = setup();
    emu.spreadsheet.getSheetByName(HISTORY_SHEET)!.deleteRows(2, 1);
    journal(emu).write(marker);
    const plan = previewSchema(newExecution(emu));
    expect(plan.status).toBe('changes');
    expect(plan.sheets[0].status).toBe('up-to-date');
    const before = emu.readSheet('Operaciones');
    emu.stats.reset();
    applySchema(newExecution(emu), plan.fingerprint);
    expect(emu.stats.snapshot().spreadsheetDataCalls).toBe(plan.cost.spreadsheetCalls);
    expect(emu.readSheet('Operaciones')).toEqual(before);
    expect(successRows(emu)).toHaveLength(1);
    expect(String(successRows(emu)[0][4])).toContain('completes the apply stopped at 2026-11-21T08:00:00.000Z');
    expect(journal(emu).read()).toBeNull();
  });

  it('a marker whose run did record history is stale: up to date, and the next apply just clears it', () => {
    const { emu, marker } = setup();
    journal(emu).write(marker);
    const plan = previewSchema(newExecution(emu));
    expect(plan.status).toBe('up-to-date');
    expect(plan.interrupted).toBeNull();
    emu.stats.reset();
    applySchema(newExecution(emu), plan.fingerprint);
    expect(writeCalls(emu)).toEqual({ 'Properties.deleteProperty': 2 });
    expect(journal(emu).read()).toBeNull();
    expect(successRows(emu)).toHaveLength(1);
  });
});

describe('a first apply killed while creating the history sheet', () => {
  it('leaves an empty visible _schema_history, which the next apply finishes (header, entry, hidden)', () => {
    const emu = killedApply(8, historySheetInserted);
    expect(emu.sheetInfo(HISTORY_SHEET)).toMatchObject({ hidden: false, lastRow: 0 });
    const next = previewSchema(newExecution(emu));
    expect(next.interrupted?.historyRepair).toEqual({ writeHeader: true, hide: true });
    emu.stats.reset();
    applySchema(newExecution(emu), next.fingerprint);
    expect(emu.stats.snapshot().spreadsheetDataCalls).toBe(next.cost.spreadsheetCalls);
    expect(emu.sheetInfo(HISTORY_SHEET)).toMatchObject({ hidden: true });
    expect(emu.readSheet(HISTORY_SHEET)[0]).toEqual([...HISTORY_HEADERS]);
    expect(successRows(emu)).toHaveLength(1);
    expect(previewSchema(newExecution(emu)).status).toBe('up-to-date');
  });
});

describe('the hourly check and an interrupted apply', () => {
  it('reports it pending, and auto-repair completes it', () => {
    const emu = killedApply(20, headersLanded);
    const off = runCheck(newExecution(emu), 'manual');
    expect(off.status).toBe('pending');
    expect(off.sheets[0].findings[0].code).toBe('INTERRUPTED_APPLY');
    setAutoRepair(newExecution(emu), true);
    const repaired = runCheck(newExecution(emu), 'manual');
    expect(repaired.autoRepair.outcome).toBe('applied');
    expect(repaired.status).toBe('ok');
    expect(metricsOf(emu).every((row) => row.every((v) => v === 0))).toBe(true);
    expect(successRows(emu)).toHaveLength(1);
    expect(journal(emu).read()).toBeNull();
  });
});

describe('a failure the rollback undoes completely', () => {
  it('clears the marker: nothing is left to complete', () => {
    const { emu } = v3Workbook({ spools: 10 });
    const plan = previewSchema(newExecution(emu));
    emu.faults.failOnCall(17); // in the writes (the read under the lock looks Uniones up: one call more than before)
    expect(() => applySchema(newExecution(emu), plan.fingerprint)).toThrow('was rolled back');
    expect(emu.readSheet('Operaciones')[0]).toHaveLength(67);
    expect(journal(emu).read()).toBeNull();
    expect(previewSchema(newExecution(emu)).interrupted).toBeNull();
  });
});
