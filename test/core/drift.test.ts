import { describeSheetCheck, fitBaseline, fitCheckResult } from '../../src/core/checkResult';
import { detectDrift, missingSheetDrift, type SheetBaseline, type SheetDrift } from '../../src/core/drift';
import { statusOfFindings, worstStatus } from '../../src/core/driftCodes';
import type { ManagedSheet } from '../../src/core/schema';
import { SCHEMA } from '../../src/schema/managedSheets';
import type { CheckResult, Finding } from '../../src/shared/payloads';
import { V4_COLUMNS, v3Headers } from '../support/snapshots';

const OPERACIONES: ManagedSheet = SCHEMA.managedSheets[0];
const V4 = V4_COLUMNS;
const v4Headers = (): unknown[] => [...v3Headers(), ...V4];

/** Runs a check on `headers` with the baseline of a check on `before`. */
function driftAfter(before: unknown[], headers: unknown[]): SheetDrift {
  const baseline = detectDrift(OPERACIONES, before, before.length, null).baseline;
  return detectDrift(OPERACIONES, headers, headers.length, baseline);
}

const codes = (drift: SheetDrift) => drift.findings.map((f) => f.code);
const byCode = (drift: SheetDrift, code: string): Finding[] => drift.findings.filter((f) => f.code === code);

describe('detectDrift: the declared schema', () => {
  it('a v4.0 sheet seen for the first time is ok, with a baseline of every managed position', () => {
    const drift = detectDrift(OPERACIONES, v4Headers(), 72, null);
    expect(drift).toMatchObject({ status: 'ok', findings: [], headerChanged: null });
    expect(drift.baseline?.managed).toEqual({
      Total_Uniones: 68,
      Uniones_ARM_Completadas: 69,
      Uniones_SOLD_Completadas: 70,
      Pulgadas_ARM: 71,
      Pulgadas_SOLD: 72,
    });
    expect(drift.baseline?.headers).toHaveLength(72);
  });

  it('a v3.0 sheet has the v4.0 migration pending, naming the columns and where they go (BP–BT)', () => {
    const drift = detectDrift(OPERACIONES, v3Headers(), 67, null);
    expect(drift.status).toBe('pending');
    expect(drift.findings).toEqual([
      {
        code: 'PENDING_MIGRATION',
        message: expect.stringContaining(
          'Migration 4.0-union-metrics is pending on "Operaciones": 5 columns to add (Total_Uniones, Uniones_ARM_Completadas, Uniones_SOLD_Completadas, Pulgadas_ARM, Pulgadas_SOLD) at BP–BT',
        ),
        location: 'Operaciones!BP1:BT1',
        params: {
          sheet: 'Operaciones',
          migration: '4.0-union-metrics',
          n: 5,
          columns: 'Total_Uniones, Uniones_ARM_Completadas, Uniones_SOLD_Completadas, Pulgadas_ARM, Pulgadas_SOLD',
          span: 'BP–BT',
        },
      },
    ]);
    expect(drift.baseline?.managed).toEqual({});
  });

  it('a partially migrated sheet has only the missing columns pending, placed as the planner places them', () => {
    const drift = detectDrift(OPERACIONES, [...v3Headers(), 'Total_Uniones', 'Uniones_ARM_Completadas'], 69, null);
    expect(drift.status).toBe('pending');
    expect(drift.findings[0]).toMatchObject({
      location: 'Operaciones!BR1:BT1',
      message: expect.stringContaining('3 columns to add (Uniones_SOLD_Completadas, Pulgadas_ARM, Pulgadas_SOLD)'),
    });
  });

  it('an empty sheet or a blank header row is an error, and keeps the previous baseline', () => {
    const baseline = detectDrift(OPERACIONES, v4Headers(), 72, null).baseline;
    const empty = detectDrift(OPERACIONES, [], 0, baseline);
    expect(empty).toMatchObject({ status: 'error', baseline });
    expect(codes(empty)).toEqual(['EMPTY_SHEET']);
    expect(codes(detectDrift(OPERACIONES, ['', '', ''], 3, baseline))).toEqual(['NO_HEADER_ROW']);
  });

  it('a missing sheet is an error naming it', () => {
    const drift = missingSheetDrift(OPERACIONES, null);
    expect(drift.status).toBe('error');
    expect(drift.findings[0]).toMatchObject({ code: 'MISSING_SHEET', location: 'Operaciones' });
  });
});

describe('detectDrift: compared with the last check', () => {
  it('unchanged headers: ok, headerChanged false, same fingerprint', () => {
    const drift = driftAfter(v4Headers(), v4Headers());
    expect(drift).toMatchObject({ status: 'ok', findings: [], headerChanged: false });
  });

  it('a deleted managed column: COLUMN_DELETED at its old cell; the columns that slid left are reported moved', () => {
    const headers = v4Headers();
    headers.splice(69, 1); // BR Uniones_SOLD_Completadas
    const drift = driftAfter(v4Headers(), headers);
    expect(drift.status).toBe('drift');
    expect(byCode(drift, 'COLUMN_DELETED')).toEqual([
      {
        code: 'COLUMN_DELETED',
        message: expect.stringContaining(
          'Managed column "Uniones_SOLD_Completadas" is gone from "Operaciones": it was in BR',
        ),
        location: 'Operaciones!BR1',
        params: { sheet: 'Operaciones', identity: 'Uniones_SOLD_Completadas', column: 'BR' },
      },
    ]);
    expect(byCode(drift, 'COLUMN_MOVED').map((f) => f.location)).toEqual(['Operaciones!BR1', 'Operaciones!BS1']);
    expect(codes(drift)).not.toContain('PENDING_MIGRATION');
  });

  it('a deleted column stays reported at later checks (its last position is remembered)', () => {
    const headers = v4Headers();
    headers.splice(69, 1);
    const first = driftAfter(v4Headers(), headers);
    const second = detectDrift(OPERACIONES, headers, headers.length, first.baseline);
    expect(codes(second)).toEqual(['COLUMN_DELETED']);
    expect(second.headerChanged).toBe(false);
  });

  it('a renamed managed column: COLUMN_RENAMED naming the cell and both names, still reported at the next check', () => {
    const headers = v4Headers();
    headers[69] = 'Soldadas';
    const drift = driftAfter(v4Headers(), headers);
    expect(drift.findings).toEqual([
      {
        code: 'COLUMN_RENAMED',
        message: expect.stringContaining(
          'Operaciones!BR1 reads "Soldadas" where managed column "Uniones_SOLD_Completadas" was',
        ),
        location: 'Operaciones!BR1',
        params: {
          sheet: 'Operaciones',
          cell: 'Operaciones!BR1',
          identity: 'Uniones_SOLD_Completadas',
          header: 'Soldadas',
          basis: 'lastCheck',
        },
      },
    ]);
    expect(codes(detectDrift(OPERACIONES, headers, headers.length, drift.baseline))).toEqual(['COLUMN_RENAMED']);
  });

  it('a rename to a look-alike (trailing no-break space) is a rename, not also a near-duplicate', () => {
    const headers = v4Headers();
    headers[71] = 'Pulgadas_SOLD\u00A0';
    const drift = driftAfter(v4Headers(), headers);
    expect(codes(drift)).toEqual(['COLUMN_RENAMED']);
    expect(drift.findings[0].message).toContain('Pulgadas_SOLD⍽');
  });

  it('a managed column moved: COLUMN_MOVED from → to, the others shifted by the move too; reported once', () => {
    const headers = v4Headers();
    const [moved] = headers.splice(71, 1);
    headers.unshift(moved);
    const drift = driftAfter(v4Headers(), headers);
    expect(drift.status).toBe('drift');
    expect(byCode(drift, 'COLUMN_MOVED').find((f) => f.location === 'Operaciones!A1')).toEqual({
      code: 'COLUMN_MOVED',
      message: expect.stringContaining('"Pulgadas_SOLD" moved from BT to A (Operaciones!A1)'),
      location: 'Operaciones!A1',
      params: { sheet: 'Operaciones', cell: 'Operaciones!A1', identity: 'Pulgadas_SOLD', from: 'BT', to: 'A' },
    });
    expect(byCode(drift, 'COLUMN_MOVED')).toHaveLength(5);
    expect(detectDrift(OPERACIONES, headers, headers.length, drift.baseline).status).toBe('ok');
  });

  it('a duplicated managed column: DUPLICATE_HEADER naming both cells', () => {
    const headers = [...v4Headers(), 'Total_Uniones'];
    const drift = driftAfter(v4Headers(), headers);
    expect(drift.status).toBe('drift');
    expect(drift.findings).toEqual([
      {
        code: 'DUPLICATE_HEADER',
        message: expect.stringContaining('Header "Total_Uniones" appears 2 times in "Operaciones" (BP1, BU1)'),
        location: 'Operaciones!BU1',
        params: { sheet: 'Operaciones', header: 'Total_Uniones', count: 2, cells: 'BP1, BU1' },
      },
    ]);
  });

  it('a look-alike of a managed column next to the real one: NEAR_DUPLICATE_HEADER', () => {
    const drift = driftAfter(v4Headers(), [...v4Headers(), 'total_uniones']);
    expect(codes(drift)).toEqual(['NEAR_DUPLICATE_HEADER']);
    expect(drift.findings[0].location).toBe('Operaciones!BU1');
  });

  it('new columns outside the schema are informational: status stays ok, each named with its cell', () => {
    const drift = driftAfter(v4Headers(), [...v4Headers(), 'Notas', 'Prioridad']);
    expect(drift.status).toBe('ok');
    expect(drift.findings.map((f) => [f.code, f.location])).toEqual([
      ['UNKNOWN_COLUMNS', 'Operaciones!BU1'],
      ['UNKNOWN_COLUMNS', 'Operaciones!BV1'],
    ]);
    expect(drift.findings[0].message).toContain('"Notas" is new since the last check');
  });

  it('many new columns: ten named, the rest summed up in one finding', () => {
    const extra = Array.from({ length: 25 }, (_, i) => `Extra ${i + 1}`);
    const drift = driftAfter(v4Headers(), [...v4Headers(), ...extra]);
    expect(byCode(drift, 'UNKNOWN_COLUMNS')).toHaveLength(11);
    expect(drift.findings[10].message).toContain('15 more new columns');
  });

  it('a new v4.1 migration declared after the last check is pending, not drift', () => {
    const v41: ManagedSheet = {
      ...OPERACIONES,
      migrations: [
        ...OPERACIONES.migrations,
        { id: '4.1-notes', description: 'notes', addColumns: [{ name: 'Notas_QA', type: 'text', default: null }] },
      ],
    };
    const baseline = detectDrift(OPERACIONES, v4Headers(), 72, null).baseline;
    const drift = detectDrift(v41, v4Headers(), 72, baseline);
    expect(drift.status).toBe('pending');
    expect(drift.findings[0]).toMatchObject({ code: 'PENDING_MIGRATION', location: 'Operaciones!BU1' });
  });

  it('a deletion where an unmanaged header slides into the gap is a deletion, not a rename', () => {
    const sheet: ManagedSheet = {
      ...OPERACIONES,
      migrations: [{ id: 'm', description: 'd', addColumns: [{ name: 'B', type: 'text', default: null }] }],
    };
    const base = detectDrift(sheet, ['A', 'B', 'C'], 3, null).baseline;
    const drift = detectDrift(sheet, ['A', 'C'], 2, base);
    expect(codes(drift)).toEqual(['COLUMN_DELETED']);
    expect(codes(detectDrift(sheet, ['A', 'C'], 2, drift.baseline))).toEqual(['COLUMN_DELETED']);
  });

  it('orders findings by importance: drift before pending before informational', () => {
    const sheet: ManagedSheet = {
      ...OPERACIONES,
      migrations: [
        ...OPERACIONES.migrations,
        { id: '4.1', description: 'd', addColumns: [{ name: 'Nueva', type: 'text', default: null }] },
      ],
    };
    const before = v4Headers();
    const headers = [...v4Headers(), 'Notas'];
    headers[67] = 'Total';
    const base = detectDrift(sheet, before, before.length, null).baseline;
    expect(codes(detectDrift(sheet, headers, headers.length, base))).toEqual([
      'COLUMN_RENAMED',
      'PENDING_MIGRATION',
      'UNKNOWN_COLUMNS',
    ]);
  });
});

describe('statuses', () => {
  it('the worst finding decides; informational findings never change the status', () => {
    expect(statusOfFindings([])).toBe('ok');
    expect(statusOfFindings([{ code: 'UNKNOWN_COLUMNS', message: '', location: null }])).toBe('ok');
    expect(statusOfFindings([{ code: 'INTERRUPTED_APPLY', message: '', location: null }])).toBe('pending');
    expect(
      statusOfFindings([
        { code: 'PENDING_MIGRATION', message: '', location: null },
        { code: 'COLUMN_MOVED', message: '', location: null },
      ]),
    ).toBe('drift');
    expect(worstStatus(['ok', 'pending', 'error', 'drift'])).toBe('error');
    expect(worstStatus([])).toBe('ok');
  });
});

describe('stored results stay under the 9 KB property limit', () => {
  const result = (findings: Finding[]): CheckResult => ({
    checkedAt: '2026-11-21T09:00:00.000Z',
    trigger: 'schedule',
    status: 'drift',
    summary: 'Operaciones: drift.',
    sheets: [{ sheet: 'Operaciones', status: 'drift', findings, headerChanged: true, mapInvalidated: false }],
    findingsOmitted: 0,
    metrics: { outcome: 'off', message: '', rowsChanged: 0 },
    autoRepair: { outcome: 'off', message: 'Auto-repair is off.', columnsAdded: [] },
    spreadsheetCalls: 2,
    durationMs: 5,
  });

  it('drops the least important findings first and counts them', () => {
    const findings = [
      { code: 'COLUMN_DELETED', message: 'deleted '.repeat(40), location: 'Operaciones!BR1' },
      ...Array.from({ length: 200 }, (_, i) => ({
        code: 'UNKNOWN_COLUMNS',
        message: `unknown ${i} `.repeat(10),
        location: `Operaciones!A${i}`,
      })),
    ];
    const fitted = fitCheckResult(result(findings), 8 * 1024);
    expect(Buffer.byteLength(JSON.stringify(fitted))).toBeLessThanOrEqual(8 * 1024);
    expect(fitted.sheets[0].findings[0].code).toBe('COLUMN_DELETED');
    expect(fitted.findingsOmitted).toBe(201 - fitted.sheets[0].findings.length);
    expect(fitted.findingsOmitted).toBeGreaterThan(100);
  });

  it('caps very long messages', () => {
    const fitted = fitCheckResult(result([{ code: 'COLUMN_RENAMED', message: 'x'.repeat(5000), location: null }]));
    expect(fitted.sheets[0].findings[0].message.length).toBeLessThanOrEqual(400);
  });

  it('a baseline of a very wide sheet forgets header texts but keeps managed positions', () => {
    const wide = Array.from({ length: 2000 }, (_, i) => `Column number ${i}`);
    const baseline = detectDrift(OPERACIONES, [...wide, ...V4], 2005, null).baseline as SheetBaseline;
    const fitted = fitBaseline(baseline);
    expect(fitted.headers).toBeNull();
    expect(fitted.managed.Pulgadas_SOLD).toBe(2005);
  });

  it('the stored summary: one line per sheet with its finding counts', () => {
    const r = result([{ code: 'COLUMN_DELETED', message: 'Managed column "X" is gone.', location: 'Operaciones!BR1' }]);
    expect(describeSheetCheck(r.sheets[0])).toBe('Operaciones: drift — 1 deleted.');
  });
});
