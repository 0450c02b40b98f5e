/**
 * The menu's dialogs through the built bundle, in the operator's language (issue 13): every
 * alert of "Extend schema", "Recompute union metrics", the hourly check and live metrics, in
 * Spanish (es_ES) and English, numbers in the operator's format, times in the spreadsheet's zone.
 */
import { join } from 'node:path';
import { type Emulator, runEntryPoint, scriptRun } from '../../emulator';
import type { ScheduleStatus } from '../../src/shared/payloads';
import { V4_HEADERS, v3Workbook, writeCalls } from '../support/emulated';

const DIST = join(__dirname, '..', '..', 'dist');
/**
 * "HH:MM" of an ISO time on the wall clock of `timeZone` (the bundle's clock is the real one, so
 * the expected time is read back from the status the dialog reported).
 */
const wallClock = (iso: string, timeZone: string) =>
  new Date(iso).toLocaleTimeString('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const installedAt = (emu: Emulator) => (scriptRun(emu, DIST, 'getScheduleStatus') as ScheduleStatus).installedAt ?? '';

const menu = (emu: Emulator, name: string) => runEntryPoint(emu, DIST, name, [], { kind: 'menu' });
const dialogs = (emu: Emulator) => emu.ui.alerts.map((a) => ({ title: a.title, prompt: a.prompt }));

function workbook(locale: string, options: { spools?: number; withUniones?: boolean; timeZone?: string } = {}) {
  const { spools = 2400, withUniones = false, timeZone = 'Europe/Madrid' } = options;
  return v3Workbook({ spools, withUniones, emulator: { locale, timeZone } }).emu;
}

function extended(locale: string, options: { spools?: number; timeZone?: string } = {}): Emulator {
  const emu = workbook(locale, { spools: 40, ...options });
  emu.ui.respondWith('YES');
  menu(emu, 'extendSchema');
  emu.ui.alerts.length = 0;
  return emu;
}

describe('"Extend schema" dialogs', () => {
  it('in Spanish: what happens in the sheet, 2.400 rows, the technical cost last; done; up to date', () => {
    const emu = workbook('es_ES');
    emu.ui.respondWith('YES');
    menu(emu, 'extendSchema');
    const [confirm, done] = dialogs(emu);
    expect(confirm.title).toBe('Sheet Schema: Ampliar esquema');
    expect(confirm.prompt.split('\n')).toEqual([
      'Operaciones: añadir 5 columnas BP–BT a la derecha de la columna BO y poner 0 en 2.400 filas.',
      'Nada más cambia. Todavía no se ha escrito nada.',
      '',
      '¿Ampliar el esquema con estos cambios?',
      '',
      expect.stringMatching(
        /^Coste técnico: \d+ llamadas a Spreadsheet, 68 celdas leídas, \d+ valores enviados, 12\.023 celdas que cambian\.$/,
      ),
    ]);
    expect(done).toEqual({
      title: 'Sheet Schema: hecho',
      prompt: expect.stringMatching(/^Hecho: 5 columnas añadidas \(Operaciones BP–BT\), 12\.005 celdas escritas en /),
    });
    expect(emu.readSheet('Operaciones')[0].slice(67)).toEqual(V4_HEADERS);
    menu(emu, 'extendSchema');
    expect(dialogs(emu)[2]).toEqual({
      title: 'Sheet Schema',
      prompt: 'Al día: no hay nada que añadir ni que rellenar.',
    });
  });

  it('in English: the same dialogs with 2,400 and 12,023', () => {
    const emu = workbook('en');
    emu.ui.respondWith('YES');
    menu(emu, 'extendSchema');
    const [confirm, done] = dialogs(emu);
    expect(confirm.title).toBe('Sheet Schema: Extend schema');
    expect(confirm.prompt).toMatch(
      /^Operaciones: add 5 columns BP–BT to the right of column BO and put 0 in 2,400 rows\.\nNothing else changes\. Nothing has been written yet\.\n\nExtend schema with these changes\?\n\nTechnical cost: .*12,023 cells that change\.$/,
    );
    expect(done.prompt).toMatch(/^Done: 5 columns added \(Operaciones BP–BT\), 12,005 cells written in /);
  });

  it.each([
    ['es_ES', 'Cancelado: no se ha escrito nada.'],
    ['en', 'Cancelled: nothing was written.'],
  ])('No (%s) says nothing was written and writes nothing', (locale, cancelled) => {
    const emu = workbook(locale, { spools: 20 });
    emu.ui.respondWith('NO');
    menu(emu, 'extendSchema');
    expect(dialogs(emu)[1]).toEqual({ title: 'Sheet Schema', prompt: cancelled });
    expect(writeCalls(emu)).toEqual({});
  });

  it.each([
    [
      'es_ES',
      'No se ha cambiado nada: antes hay que corregir 1 problema.\n• El encabezado de B1 repite otro encabezado de Operaciones.',
    ],
    ['en', 'Nothing was changed: 1 problem to fix first.\n• The header at B1 repeats another header of Operaciones.'],
  ])('a blocked plan (%s) names each problem once, in the operator’s words', (locale, prompt) => {
    const emu = workbook(locale, { spools: 20 });
    emu.spreadsheet.getSheetByName('Operaciones')!.getRange('B1').setValue('TAG_SPOOL');
    emu.stats.reset();
    menu(emu, 'extendSchema');
    expect(dialogs(emu)).toEqual([{ title: 'Sheet Schema', prompt }]);
    expect(writeCalls(emu)).toEqual({});
  });
});

describe('"Recompute union metrics" dialogs', () => {
  it('in Spanish: extend first, confirm with the problems found, done; numbers as 2.400', () => {
    const emu = workbook('es_ES', { withUniones: true });
    emu.ui.respondWith('YES', 'YES', 'OK', 'YES', 'OK');
    menu(emu, 'recomputeUnionMetrics');
    const shown = dialogs(emu);
    expect(shown.map((d) => d.title)).toEqual([
      'Sheet Schema',
      'Sheet Schema: Ampliar esquema',
      'Sheet Schema: hecho',
      'Sheet Schema: Recalcular métricas de uniones',
      'Sheet Schema: hecho',
    ]);
    expect(shown[0].prompt).toBe(
      'Primero amplíe el esquema: las cinco columnas de métricas aún no están en la hoja.\n\n¿Ampliar primero el esquema?',
    );
    const confirm = shown[3].prompt.split('\n');
    expect(confirm[0]).toBe('Cambiarían 2.400 de 2.400 filas de spools. Todavía no se ha escrito nada.');
    expect(confirm).toContainEqual(
      expect.stringMatching(/^• 3 uniones de Uniones nombran un spool que no está en Operaciones: /),
    );
    expect(confirm).toContain('¿Recalcular las métricas de uniones?');
    expect(confirm[confirm.length - 1]).toMatch(
      /^Operaciones: 2\.400 filas de spools · Uniones: \d{1,2}\.\d{3} uniones · /,
    );
    expect(shown[4].prompt).toMatch(/^Métricas escritas: 2\.400 filas de spools actualizadas\./);
  });

  it('in English, and a second run says the metrics are already correct', () => {
    const emu = workbook('en', { spools: 60, withUniones: true });
    emu.ui.respondWith('YES', 'YES', 'OK', 'YES', 'OK');
    menu(emu, 'recomputeUnionMetrics');
    const shown = dialogs(emu);
    expect(shown[3].title).toBe('Sheet Schema: Recompute union metrics');
    expect(shown[3].prompt).toMatch(/^60 of 60 spool rows would change\. Nothing has been written yet\.\n/);
    expect(shown[4].prompt).toMatch(/^Union metrics written: 60 spool rows updated\./);
    menu(emu, 'recomputeUnionMetrics');
    expect(dialogs(emu)[5].prompt).toMatch(/^Union metrics were already correct: nothing was written\.\n/);
  });
});

describe('hourly check dialogs', () => {
  it('in Spanish: turned on since HH:MM Madrid time, the first check, then off', () => {
    const emu = extended('es_ES');
    menu(emu, 'installScheduledCheck');
    const since = wallClock(installedAt(emu), 'Europe/Madrid');
    const next = wallClock(new Date(Date.parse(installedAt(emu)) + 3600_000).toISOString(), 'Europe/Madrid');
    menu(emu, 'removeScheduledCheck');
    menu(emu, 'removeScheduledCheck');
    const [on, off, again] = dialogs(emu);
    expect(on.title).toBe('Sheet Schema: Revisión cada hora activada');
    expect(on.prompt.split('\n')).toEqual([
      expect.stringMatching(
        new RegExp(`^La revisión cada hora está activada desde el \\d{1,2} [a-z]{3} \\d{4}, ${since}\\.$`),
      ),
      expect.stringMatching(
        new RegExp(`^Próxima revisión: después de las \\d{1,2} [a-z]{3} \\d{4}, ${next} \\(aproximado\\)\\.$`),
      ),
      'La revisión se hace más o menos una vez por hora, aunque la hoja de cálculo esté cerrada.',
      '',
      'Primera revisión:',
      'Revisión terminada: correcto.',
      'Operaciones: correcto.',
    ]);
    expect(off).toEqual({
      title: 'Sheet Schema: Revisión cada hora desactivada',
      prompt: 'Revisión cada hora desactivada.',
    });
    expect(again.prompt).toBe('No ha cambiado nada: la revisión cada hora sigue desactivada.');
  });

  it('in English, in the spreadsheet’s zone (Mexico City), never UTC', () => {
    const emu = extended('en', { timeZone: 'America/Mexico_City' });
    menu(emu, 'installScheduledCheck');
    const [on] = dialogs(emu);
    const iso = installedAt(emu);
    expect(on.title).toBe('Sheet Schema: Hourly check on');
    expect(on.prompt).toMatch(
      new RegExp(
        `^The hourly check is on since \\d{1,2} [A-Z][a-z]{2} \\d{4}, ${wallClock(iso, 'America/Mexico_City')}\\.\n`,
      ),
    );
    expect(on.prompt).not.toContain(wallClock(iso, 'UTC'));
    expect(on.prompt).not.toContain('UTC');
  });

  it.each([
    [
      'es_ES',
      'Sheet Schema: la hoja cambió',
      '• Se renombró en Operaciones el encabezado de una columna del esquema (BR1).',
    ],
    ['en', 'Sheet Schema: sheet changed', '• A column header of the schema was renamed in Operaciones (BR1).'],
  ])('"Check schema now" (%s): status in the title, each finding in plain words', (locale, title, finding) => {
    const emu = extended(locale);
    emu.spreadsheet.getSheetByName('Operaciones')!.getRange('BR1').setValue('uniones_sold_completadas');
    menu(emu, 'checkSchemaNow');
    expect(dialogs(emu)[0].title).toBe(title);
    expect(dialogs(emu)[0].prompt.split('\n')).toContain(finding);
  });

  it('a refusal by code in Spanish: every trigger in use, nothing created', () => {
    const emu = extended('es_ES');
    emu.beginExecution({ kind: 'menu', documentContext: false });
    for (let i = 0; i < 20; i++) emu.globals.ScriptApp.newTrigger('other').timeBased().everyDays(1).create();
    emu.endExecution();
    menu(emu, 'installScheduledCheck');
    expect(dialogs(emu)[0]).toEqual({
      title: 'Sheet Schema',
      prompt: expect.stringMatching(/^Su cuenta de Google ya tiene todos los activadores .* No se ha cambiado nada/),
    });
    expect(emu.triggers.list()).toHaveLength(20);
  });
});

describe('live metrics dialogs', () => {
  it.each([
    [
      'es_ES',
      'Sheet Schema: Métricas al día activadas',
      'Sheet Schema: Métricas al día desactivadas',
      /^Al día: /,
      /^Desactivado: /,
    ],
    ['en', 'Sheet Schema: Live metrics on', 'Sheet Schema: Live metrics off', /^Live: /, /^Off: /],
  ])('%s: on and off, from the status fields', (locale, onTitle, offTitle, onText, offText) => {
    const emu = extended(locale);
    menu(emu, 'keepMetricsLive');
    menu(emu, 'stopLiveMetrics');
    const [on, off] = dialogs(emu);
    expect(on.title).toBe(onTitle);
    expect(on.prompt).toMatch(onText);
    expect(off.title).toBe(offTitle);
    expect(off.prompt).toMatch(offText);
  });
});
