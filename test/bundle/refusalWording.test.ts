/**
 * Refusals an operator meets only in unusual cases — a stale sidebar's wrong argument, a column
 * no longer managed, a column missing or doubled on Uniones — reach them in their language
 * through the built bundle, the developer's detail kept where it says what was wrong (issue 13).
 */
import { join } from 'node:path';
import { type Emulator, scriptRun } from '../../emulator';
import { messages } from '../../src/shared/messages';
import type { SchemaPlan } from '../../src/shared/payloads';
import { type CodedFailure, failureLines } from '../../src/shared/wording/failure';
import { v3Workbook } from '../support/emulated';

const DIST = join(__dirname, '..', '..', 'dist');
const EN = messages('en');
const ES = messages('es');

function extended(locale: string): Emulator {
  const { emu } = v3Workbook({ spools: 10, withUniones: true, emulator: { locale } });
  const plan = JSON.parse(JSON.stringify(scriptRun(emu, DIST, 'previewSchema'))) as SchemaPlan;
  scriptRun(emu, DIST, 'applySchema', plan.fingerprint);
  return emu;
}

describe('unusual refusals in the operator’s language', () => {
  it('a stale sidebar’s wrong argument: the sentence in Spanish, the developer’s detail after it', () => {
    const emu = extended('es_ES');
    const before = emu.readSheet('Operaciones');
    expect(() => scriptRun(emu, DIST, 'applySchema', 'not-a-fingerprint', { sidebar: true })).toThrow(
      /^El complemento no ha podido leer esta petición .* \(Para el desarrollador: applySchema expects the fingerprint/,
    );
    expect(() => scriptRun(emu, DIST, 'setAutoRepair', 'yes')).toThrow(/^El complemento no ha podido leer/);
    expect(emu.readSheet('Operaciones')).toEqual(before);
  });

  it('restoring a column that is not managed (a stale sidebar) is refused in Spanish and English', () => {
    for (const [locale, text] of [
      ['es_ES', '«COL_2» no es una columna que Sheet Schema gestione en Operaciones'],
      ['en_US', '"COL_2" is not a column Sheet Schema manages in Operaciones'],
    ]) {
      const emu = extended(locale);
      const request = { sheet: 'Operaciones', identity: 'COL_2', confirmed: true };
      expect(() => scriptRun(emu, DIST, 'restoreColumnHeader', request)).toThrow(text);
    }
  });

  it('a doubled key column on Uniones stops the sidebar’s recompute in Spanish, naming sheet, column and row', () => {
    const emu = extended('es_ES');
    const uniones = emu.spreadsheet.getSheetByName('Uniones');
    uniones?.getRange(1, (uniones?.getLastColumn() ?? 0) + 1).setValue('TAG_SPOOL');
    const before = emu.readSheet('Operaciones');
    expect(() => scriptRun(emu, DIST, 'recomputeUnionMetrics', { confirmed: true })).toThrow(
      'La columna TAG_SPOOL aparece más de una vez en la fila 1 de Uniones',
    );
    expect(emu.readSheet('Operaciones')).toEqual(before);
  });
});

describe('failureLines of the unusual codes', () => {
  it('words each code and variant in both languages, never leaving a placeholder', () => {
    const cases: CodedFailure[] = [
      { code: 'NO_SPREADSHEET', params: {} },
      { code: 'BAD_ARGUMENT', params: { detail: 'f takes no arguments' } },
      { code: 'NOT_MANAGED', params: { sheet: 'Operaciones', identity: 'X' } },
      { code: 'COLUMN_NOT_FOUND', params: { sheet: 'Uniones', column: 'DN_UNION', row: 1 } },
      { code: 'COLUMN_NOT_FOUND', params: { sheet: 'Uniones', column: 'DN_UNION', row: 1, reason: 'duplicate' } },
      { code: 'COLUMN_NOT_FOUND', params: { sheet: 'Uniones', reason: 'moved' } },
    ];
    for (const x of [EN, ES]) {
      const worded = cases.map((failure) => failureLines(x, failure)?.join(' ') ?? '');
      for (const line of worded) expect(line).toMatch(/\S/);
      for (const line of worded) expect(line).not.toMatch(/\{\w+\}/);
      expect(new Set(worded).size).toBe(cases.length);
    }
    expect(failureLines(ES, cases[3])).toEqual([
      'No se encontró la columna DN_UNION en la fila 1 de Uniones, así que no se ha escrito nada. Vuelva a poner la columna (o devuélvale su nombre) e inténtelo de nuevo.',
    ]);
    expect(failureLines(EN, cases[5])?.[0]).toBe(
      'The headers of Uniones changed while they were being read, so nothing was written. Try again.',
    );
  });
});
