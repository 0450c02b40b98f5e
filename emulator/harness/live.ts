/** Test harness for live metrics: a migrated workbook, the add-on's trigger handlers, live metrics on. */

import { turnOnLiveMetrics } from '../../src/server/liveMetricsToggle';
import { onEdit, onLiveEdit, onSchemaChange } from '../../src/server/main';
import { applySchema, previewSchema } from '../../src/server/schemaService';
import { recomputeUnionMetrics } from '../../src/server/unionMetricsService';
import { createEmulator, type Emulator, installGlobals } from '..';
import { generateOperaciones, generateUniones, OPERACIONES_V3_HEADERS, UNIONES_HEADERS } from '../fixtures/workbook';
import { newExecution } from './execution';

export const U = {
  key: UNIONES_HEADERS.indexOf('TAG_SPOOL') + 1,
  dn: UNIONES_HEADERS.indexOf('DN_UNION') + 1,
  arm: UNIONES_HEADERS.indexOf('ARM_FECHA_FIN') + 1,
  sol: UNIONES_HEADERS.indexOf('SOL_FECHA_FIN') + 1,
};
export const OPS_KEY = OPERACIONES_V3_HEADERS.indexOf('TAG_SPOOL') + 1;
/** Total_Uniones … Pulgadas_SOLD after the v4.0 migration (BP–BT). */
export const METRICS_FROM = 68;

export interface LiveWorkbook {
  emu: Emulator;
  tags: string[];
  restore: () => void;
}

/** Migrated (v4.0) workbook with metrics computed, the handlers registered, live metrics on for the operator. */
export function liveWorkbook(spools: number, seed = 3): LiveWorkbook {
  const emu = createEmulator();
  const ops = generateOperaciones({ spools, seed });
  const uniones = generateUniones({ tags: ops.tags, seed: seed + 2, orphans: 4, badDiameters: 3, blankKeys: 2 });
  emu.seedSheet('Operaciones', [[...OPERACIONES_V3_HEADERS], ...ops.rows]);
  emu.seedSheet('Uniones', [uniones.headers, ...uniones.rows], { maxRows: uniones.rows.length + 200 });
  applySchema(newExecution(emu), previewSchema(newExecution(emu)).fingerprint);
  recomputeUnionMetrics(newExecution(emu));
  turnOnLiveMetrics(newExecution(emu));
  emu.endExecution();
  const restore = installGlobals(emu);
  emu.setHandlers({ onEdit, onLiveEdit, onSchemaChange });
  emu.stats.reset();
  return { emu, tags: ops.tags, restore };
}

/**
 * Independent reference for the five columns: groups unions by trimmed key, then per spool row looks
 * its key up (written apart from src/core/unionMetrics.ts on purpose).
 */
export function expectedMetrics(emu: Emulator): number[][] {
  const ops = emu.readSheet('Operaciones').slice(1);
  const unions = emu.readSheet('Uniones').slice(1);
  const blank = (v: unknown) => v === '' || v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
  const inches = (v: unknown) => {
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(v) ? Number(v) : NaN;
    return Number.isFinite(n) && n >= 0 ? Math.round(n * 10_000) : 0;
  };
  const bySpool = new Map<string, number[]>();
  for (const u of unions) {
    const key = String(u[U.key - 1] ?? '').trim();
    if (key === '') continue;
    const t = bySpool.get(key) ?? [0, 0, 0, 0, 0];
    const dn = inches(u[U.dn - 1]);
    t[0]++;
    if (!blank(u[U.arm - 1])) {
      t[1]++;
      t[3] += dn;
    }
    if (!blank(u[U.sol - 1])) {
      t[2]++;
      t[4] += dn;
    }
    bySpool.set(key, t);
  }
  return ops.map((row) => {
    const t = bySpool.get(String(row[OPS_KEY - 1] ?? '').trim());
    return t === undefined ? [0, 0, 0, 0, 0] : [t[0], t[1], t[2], t[3] / 10_000, t[4] / 10_000];
  });
}

export function writtenMetrics(emu: Emulator): unknown[][] {
  return emu
    .readSheet('Operaciones')
    .slice(1)
    .map((row) => row.slice(METRICS_FROM - 1, METRICS_FROM + 4));
}
