/**
 * History's outcomes in the language of the history sheet (the language its header is in), and
 * a sheet written in either language read back as outcome codes: the planner still counts its
 * successes, the sidebar words its failures (issue 13).
 */
import { type Emulator, MSG } from '../../emulator';
import { SheetImpl } from '../../emulator/spreadsheet/sheet';
import { HISTORY_HEADERS, HISTORY_HEADERS_ES, HISTORY_SHEET } from '../../src/adapters/history';
import { outcomeCell, readOutcome } from '../../src/adapters/historyOutcome';
import type { SchemaError } from '../../src/core/errors';
import { applySchema, previewSchema } from '../../src/server/schemaService';
import { localText } from '../../src/shared/wording/localText';
import { historyLine } from '../../src/shared/wording/plan';
import { newExecution, v3Workbook } from '../support/emulated';

/** The emulated workbook's default active user (its owner). */
const OPERATOR = 'operator@example.com';

function extendedBy(locale: string): Emulator {
  const { emu } = v3Workbook({ spools: 10, emulator: { locale } });
  applySchema(newExecution(emu), previewSchema(newExecution(emu)).fingerprint);
  return emu;
}

/** An empty cell under a new column: the next apply fills it (a plan with changes on an existing history). */
function emptyOneCell(emu: Emulator): void {
  emu.spreadsheet.getSheetByName('Operaciones')?.getRange('BP2').setValue('');
}

let spy: jest.SpyInstance | null = null;
afterEach(() => spy?.mockRestore());

/** The success row's appendRow times out once: the apply rolls back and records the failure. */
function failingApply(emu: Emulator): SchemaError {
  const original = SheetImpl.prototype.appendRow;
  let calls = 0;
  spy = jest.spyOn(SheetImpl.prototype, 'appendRow').mockImplementation(function (this: SheetImpl, row) {
    calls++;
    if (calls === 1) throw new Error(MSG.spreadsheetTimeout(emu.spreadsheet.getId()));
    return original.call(this, row);
  });
  try {
    applySchema(newExecution(emu), previewSchema(newExecution(emu)).fingerprint);
  } catch (error) {
    return error as SchemaError;
  } finally {
    spy.mockRestore();
  }
  throw new Error('the apply did not fail');
}

const lastRow = (emu: Emulator) => emu.readSheet(HISTORY_SHEET).at(-1) ?? [];
const timeout = (emu: Emulator) => MSG.spreadsheetTimeout(emu.spreadsheet.getId());

describe('a history sheet keeps its language, whoever writes to it', () => {
  it('a Spanish operator on an English history sheet writes English outcomes', () => {
    const emu = extendedBy('en');
    emu.setUserLocale(OPERATOR, 'es_ES');
    emptyOneCell(emu);
    const error = failingApply(emu);
    expect(error).toMatchObject({ code: 'APPLY_FAILED', params: { sheet: '_schema_history', undone: 'yes' } });
    expect(lastRow(emu)[8]).toBe(`failed, rolled back: ${timeout(emu)}`);
    applySchema(newExecution(emu), previewSchema(newExecution(emu)).fingerprint);
    expect(lastRow(emu)[8]).toBe('applied');
    expect(emu.readSheet(HISTORY_SHEET)[0]).toEqual([...HISTORY_HEADERS]);
  });

  it('an English operator on a Spanish history sheet writes Spanish outcomes, and the planner counts them', () => {
    const emu = extendedBy('es_ES');
    expect(emu.readSheet(HISTORY_SHEET)[0]).toEqual([...HISTORY_HEADERS_ES]);
    expect(lastRow(emu)[8]).toBe('aplicada');
    emu.setUserLocale(OPERATOR, 'en_US');
    const plan = previewSchema(newExecution(emu));
    expect(plan.status).toBe('up-to-date');
    expect(plan.sheets[0].migrations[0].state).toBe('applied');
    emptyOneCell(emu);
    failingApply(emu);
    expect(lastRow(emu)[8]).toBe(`falló, deshecha: ${timeout(emu)}`);
    const [failure] = previewSchema(newExecution(emu)).history;
    expect(failure).toMatchObject({ outcome: 'rolled-back', cause: timeout(emu) });
    expect(historyLine(localText('en', 'UTC'), failure)).toMatch(/, failed, undone: Service Spreadsheets timed out/);
    expect(historyLine(localText('es', 'UTC'), failure)).toMatch(/, falló, deshecho: Service Spreadsheets timed out/);
  });
});

describe('outcome cells', () => {
  it('round-trip in both languages: code and cause', () => {
    for (const language of ['en', 'es'] as const) {
      for (const outcome of ['applied', 'rolled-back', 'incomplete']) {
        const cause = outcome === 'applied' ? undefined : 'Timed out: a, b.';
        const cell = outcomeCell({ outcome, cause }, language);
        expect(readOutcome(cell)).toEqual(cause === undefined ? { outcome } : { outcome, cause });
      }
    }
    expect(outcomeCell({ outcome: 'incomplete', cause: 'x' }, 'es')).toBe('falló, incompleta: x');
    expect(outcomeCell({ outcome: 'incomplete', cause: 'x' }, 'en')).toBe('failed, incomplete: x');
  });

  it('keeps a cell in neither language as written (a person typed it)', () => {
    expect(readOutcome('revisado a mano')).toEqual({ outcome: 'revisado a mano' });
    expect(historyLine(localText('es', 'UTC'), { ...entry(), outcome: 'revisado a mano' })).toMatch(/revisado a mano$/);
  });
});

function entry() {
  return {
    time: '2026-12-01T10:00:00.000Z',
    migrationId: '4.0-union-metrics',
    sheet: 'Operaciones',
    description: '',
    columnsAdded: 'BP',
    cellsWritten: 1,
    user: 'ana',
    durationMs: 1,
    outcome: 'applied',
  };
}
