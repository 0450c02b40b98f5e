/**
 * Menu "Restore renamed headers…" through the built bundle, in the operator's language (issue 13):
 * the question per renamed cell, the result, "nothing to restore" and a failure, in Spanish and
 * English, every dialog titled from the catalogue.
 */
import { join } from 'node:path';
import { type Emulator, runEntryPoint, scriptRun } from '../../emulator';
import type { UiState } from '../../emulator/ui-state';
import type { SchemaPlan } from '../../src/shared/payloads';
import { v3Workbook } from '../support/emulated';

const DIST = join(__dirname, '..', '..', 'dist');
const dialogs = (emu: Emulator) => emu.ui.alerts.map((a) => ({ title: a.title, prompt: a.prompt }));
const restoreMenu = (emu: Emulator) => runEntryPoint(emu, DIST, 'restoreColumnHeader', [], { kind: 'menu' });

/** v4.0 applied (and tagged), then a person renames BR1, in the operator's locale. */
function renamed(locale: string): Emulator {
  const { emu } = v3Workbook({ spools: 20, emulator: { locale, timeZone: 'Europe/Madrid' } });
  const plan = JSON.parse(JSON.stringify(scriptRun(emu, DIST, 'previewSchema'))) as SchemaPlan;
  scriptRun(emu, DIST, 'applySchema', plan.fingerprint);
  emu.spreadsheet.getSheetByName('Operaciones')?.getRange('BR1').setValue('Uniones SOLD');
  emu.ui.alerts.length = 0;
  return emu;
}

describe('"Restore renamed headers…" dialogs', () => {
  it('in Spanish: asks for the renamed cell, restores only it and says so', () => {
    const emu = renamed('es_ES');
    emu.ui.respondWith('YES', 'OK');
    restoreMenu(emu);
    expect(dialogs(emu)).toEqual([
      {
        title: 'Sheet Schema: ¿restaurar el encabezado?',
        prompt:
          'Operaciones!BR1 dice «Uniones SOLD» pero es la columna Uniones_SOLD_Completadas del esquema (renombrada). ¿Escribir «Uniones_SOLD_Completadas» en Operaciones!BR1 ahora? Solo se escribe esa celda.',
      },
      {
        title: 'Sheet Schema',
        prompt: 'Encabezado restaurado: Operaciones!BR1 vuelve a decir «Uniones_SOLD_Completadas».',
      },
    ]);
    expect(emu.readSheet('Operaciones')[0][69]).toBe('Uniones_SOLD_Completadas');
  });

  it('in Spanish: No writes nothing, and a second run finds nothing to restore', () => {
    const emu = renamed('es_ES');
    const before = emu.readSheet('Operaciones');
    emu.ui.respondWith('NO', 'OK');
    restoreMenu(emu);
    expect(dialogs(emu)[1]).toEqual({ title: 'Sheet Schema', prompt: 'Cancelado: no se ha escrito nada.' });
    expect(emu.readSheet('Operaciones')).toEqual(before);
    emu.spreadsheet.getSheetByName('Operaciones')?.getRange('BR1').setValue('Uniones_SOLD_Completadas');
    emu.ui.alerts.length = 0;
    restoreMenu(emu);
    expect(dialogs(emu)).toEqual([
      {
        title: 'Sheet Schema',
        prompt: 'Ninguna columna del esquema está renombrada: no hay encabezado que restaurar.',
      },
    ]);
  });

  it('in Spanish: a header changed between the question and the answer is refused in Spanish, nothing written', () => {
    const emu = renamed('es_ES');
    // While the question is open a colleague types the header back: the operator's Yes then finds nothing to restore.
    const ui = emu.ui as unknown as UiState;
    const answer = ui.nextAnswer.bind(ui);
    emu.ui.respondWith('YES', 'OK');
    const spy = jest.spyOn(ui, 'nextAnswer').mockImplementationOnce(() => {
      emu.spreadsheet.getSheetByName('Operaciones')?.getRange('BR1').setValue('Uniones_SOLD_Completadas');
      return answer();
    });
    restoreMenu(emu);
    expect(dialogs(emu)[1].prompt).toMatch(
      /^Operaciones!BR1 ya dice «Uniones_SOLD_Completadas»: no hay nada que restaurar y no se escribió nada\.$/,
    );
    expect(dialogs(emu)[1].prompt).not.toMatch(/Nothing was written|already reads/);
    spy.mockRestore();
  });

  it("in Spanish: the sidebar's confirmed restore is refused in Spanish too (its message is all the sidebar gets)", () => {
    const emu = renamed('es_ES');
    emu.spreadsheet.getSheetByName('Operaciones')?.getRange('BR1').setValue('Uniones_SOLD_Completadas');
    const attempt = () =>
      scriptRun(emu, DIST, 'restoreColumnHeader', {
        sheet: 'Operaciones',
        identity: 'Uniones_SOLD_Completadas',
        confirmed: true,
      });
    expect(attempt).toThrow('Operaciones!BR1 ya dice «Uniones_SOLD_Completadas»: no hay nada que restaurar');
  });

  it('in English: the same question and result', () => {
    const emu = renamed('en_US');
    emu.ui.respondWith('YES', 'OK');
    restoreMenu(emu);
    expect(dialogs(emu).map((d) => d.title)).toEqual(['Sheet Schema: restore header?', 'Sheet Schema']);
    expect(dialogs(emu)[0].prompt).toContain('Write "Uniones_SOLD_Completadas" into Operaciones!BR1 now?');
    expect(dialogs(emu)[1].prompt).toBe('Header restored: Operaciones!BR1 reads "Uniones_SOLD_Completadas" again.');
  });
});
