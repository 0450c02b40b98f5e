/**
 * An apply killed (Apps Script's 6-minute limit: no rollback) after it tagged the columns the
 * union metrics read on Uniones but before history was written: the tags are there, so the next
 * plan has nothing to tag; the apply-in-progress marker names the Uniones row, so the next apply
 * (or the hourly check's auto-repair) still records it, exactly once.
 */
import type { Emulator } from '../../emulator';
import { FAULT_SCENARIOS, UNIONES_APPLY } from '../../scripts/reliability/faultScenarios';
import { cleanRun, interruptedAttempt, TIME_LIMIT_MESSAGE } from '../../scripts/reliability/faultSweep';
import { ApplyJournal } from '../../src/adapters/applyJournal';
import { HISTORY_SHEET } from '../../src/adapters/history';
import { readIdentityTags } from '../../src/adapters/identityTags';
import { CallMeter } from '../../src/adapters/meter';
import { SUCCESS_OUTCOME } from '../../src/core/unfinishedApply';
import { runCheck } from '../../src/server/checkService';
import { setAutoRepair } from '../../src/server/scheduleService';
import { applySchema, previewSchema } from '../../src/server/schemaService';
import { newExecution, sheetWrites, v3Workbook } from '../support/emulated';
import { quietly } from '../support/quietly';

const MIGRATION = '4.0-union-metrics';
const scenario = FAULT_SCENARIOS.find((s) => s.name === UNIONES_APPLY)!;

/** Identities tagged on Uniones (backdoor: stats reset after). */
function unionTags(emu: Emulator): string[] {
  const tags = readIdentityTags(emu.spreadsheet, new CallMeter()).get('Uniones')?.tags ?? [];
  emu.stats.reset();
  return tags.map((t) => t.identity).sort();
}

/** "Uniones" for each success row, in sheet order. */
function recordedSheets(emu: Emulator): string[] {
  return emu
    .readSheet(HISTORY_SHEET)
    .slice(1)
    .filter((row) => row[8] === SUCCESS_OUTCOME)
    .map((row) => String(row[2]));
}

const unionesRows = (emu: Emulator) =>
  emu
    .readSheet(HISTORY_SHEET)
    .slice(1)
    .filter((row) => row[8] === SUCCESS_OUTCOME && row[2] === 'Uniones');

const journal = (emu: Emulator) => new ApplyJournal(emu.globals.PropertiesService, emu.spreadsheet.getId());

const killed = (k: number) => interruptedAttempt(scenario, { k, j: null, kind: 'kill', service: 'Spreadsheet' }).emu;

/** Every kill point of the preview-then-apply attempt, each on a fresh workbook. */
function everyKill(): Array<{ k: number; emu: Emulator }> {
  const { calls } = cleanRun(scenario);
  return Array.from({ length: calls }, (_, i) => ({ k: i + 1, emu: killed(i + 1) }));
}

let tagsWithoutHistory: number | undefined;

/** A workbook killed at the first call after which all 4 Uniones tags stand and no history row was written. */
function killedAfterTags(): Emulator {
  tagsWithoutHistory ??= everyKill().find(
    ({ emu }) => unionTags(emu).length === 4 && recordedSheets(emu).length === 0,
  )?.k;
  if (tagsWithoutHistory === undefined) throw new Error('no kill point leaves the tags without history');
  return killed(tagsWithoutHistory);
}

describe('an apply killed after the Uniones tags landed and before history', () => {
  it('leaves the tags and a marker that names the Uniones row', () => {
    const emu = killedAfterTags();
    expect(unionTags(emu)).toEqual(['ARM_FECHA_FIN', 'DN_UNION', 'SOL_FECHA_FIN', 'TAG_SPOOL']);
    expect(journal(emu).read()?.migrations).toEqual([
      { sheet: 'Operaciones', migrationId: MIGRATION },
      { sheet: 'Uniones', migrationId: MIGRATION },
    ]);
  });

  it('the next apply records the Uniones row once, at the predicted cost; a third run writes nothing', () => {
    const emu = killedAfterTags();
    const plan = previewSchema(newExecution(emu));
    expect(plan.status).toBe('changes');
    expect(plan.sources?.[0].columnsToTag).toEqual([]);
    expect(plan.sources?.[0].warnings[0].code).toBe('INTERRUPTED_APPLY');
    expect(plan.interrupted?.unrecorded).toContainEqual({ sheet: 'Uniones', migrationId: MIGRATION });
    emu.stats.reset();
    applySchema(newExecution(emu), plan.fingerprint);
    expect(emu.stats.snapshot().spreadsheetDataCalls).toBe(plan.cost.spreadsheetCalls);
    expect(recordedSheets(emu).sort()).toEqual(['Operaciones', 'Uniones']);
    expect(unionesRows(emu)).toHaveLength(1);
    expect(String(unionesRows(emu)[0][4])).toBe(`completes the apply stopped at ${plan.interrupted?.startedAt}`);
    expect(unionesRows(emu)[0][5]).toBe(0);
    expect(journal(emu).read()).toBeNull();

    const third = previewSchema(newExecution(emu));
    expect(third.status).toBe('up-to-date');
    emu.stats.reset();
    expect(applySchema(newExecution(emu), third.fingerprint).status).toBe('up-to-date');
    expect(sheetWrites(emu)).toEqual({});
    expect(recordedSheets(emu)).toHaveLength(2);
  });

  it('at every kill point the re-run leaves exactly one success row per sheet (tags half written included)', () => {
    for (const { k, emu } of everyKill()) {
      const plan = previewSchema(newExecution(emu));
      if (plan.status === 'changes') applySchema(newExecution(emu), plan.fingerprint);
      expect({ k, rows: recordedSheets(emu).sort(), tags: unionTags(emu).length }).toEqual({
        k,
        rows: ['Operaciones', 'Uniones'],
        tags: 4,
      });
      expect(previewSchema(newExecution(emu)).status).toBe('up-to-date');
    }
  });
});

describe('an apply that only tagged Uniones, killed before history', () => {
  /** Operaciones is at v4.0 and tagged; Uniones' tags were removed by hand, so the apply only re-adopts them. */
  function killedUnionesOnly(): Emulator {
    for (let k = 1; k < 300; k++) {
      const { emu } = v3Workbook({ spools: 20, withUniones: true });
      applySchema(newExecution(emu), previewSchema(newExecution(emu)).fingerprint);
      for (const item of emu.spreadsheet.getSheetByName('Uniones')!.createDeveloperMetadataFinder().find())
        item.remove();
      emu.clock.advance(60_000); // a minute later: this apply's marker is newer than the first one's rows
      const plan = previewSchema(newExecution(emu));
      for (let i = 0; i < 300; i++) emu.faults.failOnCall(k + i, { message: TIME_LIMIT_MESSAGE });
      quietly(() => {
        try {
          applySchema(newExecution(emu), plan.fingerprint);
        } catch {
          // killed
        }
      });
      emu.faults.clear();
      if (unionTags(emu).length === 4 && unionesRows(emu).length === 1) return emu;
    }
    throw new Error('no kill point leaves the tags without history');
  }

  it('is reported pending by the hourly check, and auto-repair records the one missing row', () => {
    const emu = killedUnionesOnly();
    expect(journal(emu).read()?.migrations).toEqual([{ sheet: 'Uniones', migrationId: MIGRATION }]);
    const off = runCheck(newExecution(emu), 'manual');
    const uniones = off.sheets.find((s) => s.sheet === 'Uniones');
    expect(uniones?.status).toBe('pending');
    expect(uniones?.findings[0].code).toBe('INTERRUPTED_APPLY');
    expect(off.autoRepair.outcome).toBe('off');
    setAutoRepair(newExecution(emu), true);
    const repaired = runCheck(newExecution(emu), 'manual');
    expect(repaired.autoRepair.outcome).toBe('applied');
    expect(repaired.status).toBe('ok');
    // The first apply's two rows, then the completed one.
    expect(recordedSheets(emu)).toEqual(['Uniones', 'Operaciones', 'Uniones']);
    expect(String(unionesRows(emu)[1][4])).toMatch(/^completes the apply stopped at /);
    expect(journal(emu).read()).toBeNull();
    expect(previewSchema(newExecution(emu)).status).toBe('up-to-date');
  });
});
