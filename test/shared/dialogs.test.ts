/** The menu dialogs' texts (src/shared/wording/dialogs.ts) on payloads the bundle tests rarely reach. */
import { SchemaError } from '../../src/core/errors';
import type { CheckResult, LiveMetricsStatus } from '../../src/shared/payloads';
import { checkDialog, errorDialog, liveStatusSentences } from '../../src/shared/wording/dialogs';
import { localText } from '../../src/shared/wording/localText';

const es = localText('es', 'Europe/Madrid');
const en = localText('en', 'Europe/Madrid');

function check(findings: number, overrides: Partial<CheckResult> = {}): CheckResult {
  return {
    checkedAt: '2026-12-01T19:44:00.000Z',
    trigger: 'manual',
    status: 'drift',
    summary: 'Operaciones: drift.',
    sheets: [
      {
        sheet: 'Operaciones',
        status: 'drift',
        findings: Array.from({ length: findings }, (_, i) => ({
          code: 'COLUMN_MOVED',
          message: `Managed column ${i} moved.`,
          location: `Operaciones!B${i + 1}`,
        })),
        headerChanged: true,
        mapInvalidated: false,
      },
    ],
    findingsOmitted: 0,
    autoRepair: { outcome: 'off', message: '', columnsAdded: [] },
    metrics: { outcome: 'off', message: '', rowsChanged: 0 },
    spreadsheetCalls: 3,
    durationMs: 40,
    ...overrides,
  };
}

describe('checkDialog', () => {
  it('lists 8 findings and counts the rest, in Spanish with 2.400 grouped', () => {
    const lines = checkDialog(es, check(2408)).split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'Revisión terminada: la hoja cambió.',
      'Operaciones: la hoja cambió.',
      '• Una columna del esquema se movió en Operaciones (ahora en B1).',
    ]);
    expect(lines.filter((l) => l.startsWith('• '))).toHaveLength(8);
    expect(lines[lines.length - 1]).toBe('…y 2.400 hallazgos más (la barra lateral los muestra todos).');
  });

  it('lists findings that matter as bullets, never informational ones', () => {
    const [sheet] = check(0).sheets;
    const findings = [
      { code: 'COLUMN_DELETED', message: 'gone', location: 'Operaciones!BR1' },
      { code: 'UNKNOWN_COLUMNS', message: 'new', location: 'Operaciones!BU1' },
    ];
    const lines = checkDialog(en, check(0, { sheets: [{ ...sheet, findings }] })).split('\n');
    const bullets = lines.filter((l) => l.startsWith('• '));
    expect(bullets).toHaveLength(1);
    expect(bullets[0]).toContain('BR1');
  });

  it('says first what auto-repair wrote, and a skipped repair last', () => {
    const columnsAdded = [{ sheet: 'Operaciones', letter: 'BP', header: 'Total_Uniones' }];
    const wrote = check(0, { status: 'ok', autoRepair: { outcome: 'applied', message: '', columnsAdded } });
    expect(checkDialog(en, wrote).split('\n')[0]).toBe(
      'The check extended the schema (auto-repair): 1 column added (Operaciones BP). Check finished: OK.',
    );
    const skipped = check(1, { autoRepair: { outcome: 'skipped', message: '', columnsAdded: [] } });
    expect(checkDialog(en, skipped).split('\n').pop()).toBe(
      'Auto-repair: not done, the sheet has other changes to look at first.',
    );
  });
});

describe('errorDialog', () => {
  it('words a refusal from its code, not from the server’s English sentence', () => {
    const busy = new SchemaError('BUSY', 'Sheet Schema: another schema change is running');
    expect(errorDialog(es, busy)).toBe(
      'Otra persona está cambiando el esquema ahora mismo. No se ha escrito nada: inténtelo en un minuto.',
    );
    expect(errorDialog(en, new SchemaError('STALE_PLAN', 'x'))).toMatch(/^The sheet changed since this preview/);
  });

  it('anything else: a plain headline, the server’s text after it', () => {
    expect(errorDialog(es, new Error('Service Spreadsheets timed out'))).toBe(
      'Algo salió mal.\n\nMensaje del servidor: Service Spreadsheets timed out',
    );
  });
});

describe('liveStatusSentences', () => {
  it('adds the spools waiting (1.315 in Spanish) and a full recompute to come', () => {
    const status: LiveMetricsStatus = {
      on: true,
      changeTrigger: true,
      pendingSpools: 1315,
      stale: true,
      triggersInUse: 2,
      triggerLimit: 20,
      message: 'Live metrics are on.',
    };
    expect(liveStatusSentences(es, status)).toEqual([
      'Al día: una fecha escrita en Uniones actualiza su spool en segundos, para cualquier editor.',
      '1.315 spools esperan ser actualizados.',
      'Se añadieron, borraron u ordenaron filas: la próxima actualización recalcula todos los spools.',
    ]);
  });
});
