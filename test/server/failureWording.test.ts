/**
 * Failures reach the operator as codes and params, worded in their language (issue 13): a failed
 * apply, a plan blocked under the lock (a race), a failed union-metrics write, a failed
 * auto-repair. The platform's cause is shown as Google gives it, marked as such.
 */
import { type Emulator, MSG } from '../../emulator';
import { RangeImpl } from '../../emulator/spreadsheet/range';
import { SchemaError } from '../../src/core/errors';
import { failedApply } from '../../src/server/applyFailure';
import { runCheck } from '../../src/server/checkService';
import { answeringRefusals } from '../../src/server/locale';
import { setAutoRepair } from '../../src/server/scheduleService';
import { applySchema, previewSchema } from '../../src/server/schemaService';
import { recomputeUnionMetrics } from '../../src/server/unionMetricsService';
import type { Refusal } from '../../src/shared/payloads';
import { errorDialog } from '../../src/shared/wording/dialogs';
import { failureDetail, refusalLines } from '../../src/shared/wording/failure';
import { localText } from '../../src/shared/wording/localText';
import { newExecution, V4_HEADERS, v3Workbook } from '../support/emulated';

const es = localText('es', 'Europe/Madrid');
const en = localText('en', 'Europe/Madrid');
const logged: string[] = [];
const logger = { warn: (m: string) => logged.push(m), info: () => undefined };

let spy: jest.SpyInstance | null = null;
afterEach(() => {
  spy?.mockRestore();
  spy = null;
  logged.length = 0;
});

/** The n-th Range.setValues (and, with `also`, the next one) throws the platform's timeout. */
function failSetValues(emu: Emulator, n: number, also = false): void {
  const original = RangeImpl.prototype.setValues;
  let seen = 0;
  spy = jest.spyOn(RangeImpl.prototype, 'setValues').mockImplementation(function (this: RangeImpl, values) {
    seen++;
    if (seen === n || (also && seen === n + 1)) throw new Error(MSG.spreadsheetTimeout(emu.spreadsheet.getId()));
    return original.call(this, values);
  });
}

function failedApplyAnswer(): { answer: Refusal; cause: string } {
  const { emu } = v3Workbook({ spools: 10 });
  const plan = previewSchema(newExecution(emu));
  failSetValues(emu, 1);
  const answer = answeringRefusals(() => applySchema(newExecution(emu), plan.fingerprint), logger);
  if (!('status' in answer) || answer.status !== 'refused') throw new Error('not refused');
  return { answer, cause: MSG.spreadsheetTimeout(emu.spreadsheet.getId()) };
}

describe('a failed apply', () => {
  it('is answered to the sidebar as APPLY_FAILED with its params, and logged', () => {
    const { answer, cause } = failedApplyAnswer();
    expect(answer).toMatchObject({
      status: 'refused',
      code: 'APPLY_FAILED',
      params: { sheet: 'Operaciones', cause, undone: 'yes', rollbackCause: '' },
    });
    expect(logged).toEqual([expect.stringContaining('the apply failed while writing "Operaciones"')]);
  });

  it('reads in Spanish and in English, the cause as Google gave it', () => {
    const { answer, cause } = failedApplyAnswer();
    expect(refusalLines(es, answer)).toEqual([
      'Ampliar el esquema falló al escribir en Operaciones y se deshizo: la hoja está como estaba. Vuelva a intentarlo en un minuto.',
      `Causa, tal como la da Google: ${cause}`,
    ]);
    expect(refusalLines(en, answer)[0]).toBe(
      'Extending the schema failed while writing Operaciones and was undone: the sheet is as it was. Try again in a minute.',
    );
    expect(refusalLines(es, { ...answer, params: { ...answer.params, undone: 'no', rollbackCause: 'x' } })[0]).toMatch(
      /^Ampliar el esquema falló al escribir en Operaciones y no se pudo deshacer del todo \(x\)\. Pulse «Ampliar esquema»/,
    );
  });

  it('reaches the menu as a SchemaError the dialog words in Spanish', () => {
    const { emu } = v3Workbook({ spools: 10 });
    const plan = previewSchema(newExecution(emu));
    failSetValues(emu, 1);
    let caught: unknown = null;
    try {
      applySchema(newExecution(emu), plan.fingerprint);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SchemaError);
    const error = caught as SchemaError;
    expect(error.message).toMatch(/^Sheet Schema: the apply failed while writing "Operaciones" and was rolled back/);
    const dialog = errorDialog(es, error);
    expect(dialog).toMatch(/^Ampliar el esquema falló al escribir en Operaciones y se deshizo/);
    expect(dialog).not.toContain('the apply failed');
  });
});

describe("the add-on's own reason for a failed apply", () => {
  it('is worded by its code, not shown as the platform cause', () => {
    const gone = new SchemaError('SHEET_NOT_FOUND', 'Sheet "Uniones" disappeared during the apply.', {
      sheet: 'Uniones',
    });
    const { error, outcome } = failedApply(gone, { complete: true, error: null }, 'Uniones');
    expect(outcome).toEqual({ outcome: 'rolled-back', cause: 'Sheet "Uniones" disappeared during the apply.' });
    expect(errorDialog(es, error).split('\n\n')).toEqual([
      'Ampliar el esquema falló al escribir en Uniones y se deshizo: la hoja está como estaba. Vuelva a intentarlo en un minuto.',
      'No se encontró la hoja Uniones: no se escribió nada. Vuelva a ponerle su nombre o restáurela y vuelva a intentarlo.',
    ]);
  });
});

describe('a plan blocked under the lock (the sheet changed after the preview)', () => {
  it('is a BLOCKED error with its count, worded for the menu', () => {
    const { emu } = v3Workbook({ spools: 10, maxColumns: 80 });
    const plan = previewSchema(newExecution(emu));
    emu.spreadsheet.getSheetByName('Operaciones')?.getRange('BP2').setValue('nota');
    let caught: unknown = null;
    try {
      applySchema(newExecution(emu), plan.fingerprint);
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: 'BLOCKED', params: { n: 1 } });
    expect(errorDialog(es, caught as SchemaError)).toBe(
      'No se cambió nada: la hoja cambió desde la vista previa y ahora tiene 1 problema que resolver antes. Abra «Vista previa de los cambios…» para verlo.',
    );
    expect(emu.readSheet('Operaciones')[0].slice(67)).toEqual(['']);
  });
});

describe('a failed union-metrics write', () => {
  function splitMetricColumns() {
    const headers = [...V4_HEADERS.slice(0, 3), 'Notas', ...V4_HEADERS.slice(3)];
    const { emu } = v3Workbook({ spools: 30, withUniones: true, extraHeaders: headers });
    emu.spreadsheet
      .getSheetByName('Operaciones')
      ?.getRange(2, 68, 30, 6)
      .setValues(Array.from({ length: 30 }, (_, i) => [9, 9, 9, `nota ${i}`, 9, 9]));
    return emu;
  }

  it('is answered as METRICS_WRITE_FAILED and worded in Spanish: put back, or not all', () => {
    const emu = splitMetricColumns();
    failSetValues(emu, 2);
    const answer = answeringRefusals(() => recomputeUnionMetrics(newExecution(emu)), logger) as Refusal;
    expect(answer).toMatchObject({ code: 'METRICS_WRITE_FAILED', params: { sheet: 'Operaciones', putBack: 'yes' } });
    expect(refusalLines(es, answer)[0]).toBe(
      `Falló la escritura de las métricas de uniones en Operaciones; las columnas ${V4_HEADERS.join(', ')} se dejaron como estaban, así que no cambió nada. Vuelva a intentarlo en un minuto.`,
    );
    spy?.mockRestore();
    failSetValues(emu, 2, true);
    const worse = answeringRefusals(() => recomputeUnionMetrics(newExecution(emu)), logger) as Refusal;
    expect(worse.params).toMatchObject({ putBack: 'no', putBackCause: expect.stringContaining('timed out') });
    expect(refusalLines(es, worse)[0]).toMatch(/no se pudieron dejar todas como estaban \(Service Spreadsheets timed/);
  });
});

describe('a failed auto-repair', () => {
  it('carries the code of its failure: Details say it in Spanish', () => {
    const { emu } = v3Workbook({ spools: 10 });
    setAutoRepair(newExecution(emu), true);
    const release = emu.otherExecution.holdLock('document');
    const result = runCheck(newExecution(emu), 'manual');
    release();
    expect(result.autoRepair).toMatchObject({ outcome: 'failed', code: 'BUSY' });
    expect(failureDetail(es, result.autoRepair)).toEqual([
      'Otra persona está cambiando el esquema ahora mismo. No se ha escrito nada: inténtelo en un minuto.',
    ]);
  });

  it('a platform failure without a code shows only its cause, marked as Google’s', () => {
    expect(failureDetail(es, { params: { cause: 'Exception: Service error' } })).toEqual([
      'Causa, tal como la da Google: Exception: Service error',
    ]);
    expect(failureDetail(es, {})).toEqual([]);
  });
});
