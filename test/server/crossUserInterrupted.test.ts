/**
 * Defect 3 (issue 11): the operator's apply is killed after the headers landed; its marker lives
 * in document properties and the operator's user properties. The supervisor's hourly run reads
 * neither (no document context, another user) and must still see the half-finished change from
 * the sheet itself, report it pending, and with auto-repair on complete it.
 */
import type { Emulator } from '../../emulator';
import { HISTORY_SHEET } from '../../src/adapters/history';
import { CHECK_HANDLER } from '../../src/adapters/triggers';
import { SUCCESS_OUTCOME } from '../../src/core/unfinishedApply';
import { runScheduledCheck } from '../../src/server/scheduledCheck';
import { installSchedule, setAutoRepair } from '../../src/server/scheduleService';
import { applySchema, previewSchema } from '../../src/server/schemaService';
import { newExecution, servicesOf, V4_HEADERS, v3Workbook } from '../support/emulated';
import { quietly } from '../support/quietly';

const SUPERVISOR = 'supervisor@example.com';
const OPERATOR = 'operator@example.com';
const KILLED = 'Exceeded maximum execution time';

/** The supervisor's hourly check is on; then the operator's apply dies at Spreadsheet call k (no rollback). */
function killedApply(k: number, autoRepair: boolean): Emulator {
  const { emu } = v3Workbook({ spools: 30, emulator: { user: SUPERVISOR, owner: SUPERVISOR } });
  installSchedule(newExecution(emu, { kind: 'menu' }));
  setAutoRepair(newExecution(emu, { kind: 'menu' }), autoRepair);
  emu.setActiveUser(OPERATOR);
  const plan = previewSchema(newExecution(emu));
  emu.stats.reset();
  for (let i = 0; i < 500; i++) emu.faults.failOnCall(k + i, { message: KILLED });
  quietly(() => {
    try {
      applySchema(newExecution(emu), plan.fingerprint);
    } catch {
      // killed
    }
  });
  emu.faults.clear();
  emu.endExecution();
  return emu;
}

/** The first kill point that leaves the five headers in place and every data cell of BP–BT blank. */
function headersOnly(autoRepair: boolean): Emulator {
  for (let k = 1; k < 60; k++) {
    const emu = killedApply(k, autoRepair);
    const rows = emu.readSheet('Operaciones');
    const headersLanded = V4_HEADERS.every((h, i) => rows[0][67 + i] === h);
    if (headersLanded && rows.slice(1).every((row) => row.slice(67, 72).every((v) => v === '' || v === undefined)))
      return emu;
  }
  throw new Error('no kill point leaves headers without defaults');
}

function supervisorHourlyRun(emu: Emulator) {
  emu.setActiveUser(SUPERVISOR);
  const trigger = emu.triggers.list().find((t) => t.handlerFunction === CHECK_HANDLER && t.user === SUPERVISOR)!;
  const event = emu.triggerEvent(trigger.uniqueId);
  emu.beginExecution({ kind: 'timeTrigger', ui: false, documentContext: false });
  const result = quietly(() => runScheduledCheck(servicesOf(emu), event));
  emu.endExecution();
  return result!;
}

describe("another user's interrupted apply, seen by an hourly run without document context", () => {
  it('is reported pending, naming the blank cells, though no marker is readable', () => {
    const emu = headersOnly(false);
    expect(emu.propertiesContents('user', SUPERVISOR)).not.toHaveProperty(
      'sheet-schema:apply-in-progress:v1:emulated-spreadsheet-id',
    );
    const result = supervisorHourlyRun(emu);
    expect(result.status).toBe('pending');
    const found = result.sheets[0].findings.find((f) => f.code === 'BLANK_DEFAULTS');
    expect(found?.message).toContain('"Operaciones"');
    expect(found?.message).toContain('Total_Uniones');
    expect(found?.location).toBe('Operaciones!BP2:BT2');
    expect(
      emu
        .readSheet('Operaciones')[1]
        .slice(67, 72)
        .every((v) => v === ''),
    ).toBe(true);
  });

  it('with auto-repair on, is completed and recorded in history', () => {
    const emu = headersOnly(true);
    const result = supervisorHourlyRun(emu);
    expect(result.autoRepair.outcome).toBe('applied');
    expect(result.status).toBe('ok');
    const rows = emu.readSheet('Operaciones');
    expect(rows.slice(1).every((row) => row.slice(67, 72).every((v) => v === 0))).toBe(true);
    const history = emu.readSheet(HISTORY_SHEET);
    expect(history.filter((row) => row[1] === '4.0-union-metrics' && row[8] === SUCCESS_OUTCOME)).toHaveLength(1);
    // The operator's next preview has nothing left to do.
    emu.setActiveUser(OPERATOR);
    expect(previewSchema(newExecution(emu)).status).toBe('up-to-date');
  });

  it('a sheet whose defaults are all in place stays ok', () => {
    const { emu } = v3Workbook({ spools: 30, emulator: { user: SUPERVISOR, owner: SUPERVISOR } });
    applySchema(newExecution(emu), previewSchema(newExecution(emu)).fingerprint);
    installSchedule(newExecution(emu, { kind: 'menu' }));
    expect(supervisorHourlyRun(emu).status).toBe('ok');
  });
});
