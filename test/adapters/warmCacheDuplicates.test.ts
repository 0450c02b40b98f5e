/**
 * Issue 11, defect 1: a cached column map must not hide a duplicate or look-alike header that an
 * import or another script added (they fire no onEdit, so nothing invalidated the cache). Warm
 * and cold caches refuse the same way, at no more than one extra header read.
 */
import type { Emulator } from '../../emulator';
import { applySchema, previewSchema } from '../../src/server/schemaService';
import { recomputeUnionMetrics } from '../../src/server/unionMetricsService';
import { newExecution, v3Workbook } from '../support/emulated';

function migrated(): Emulator {
  const { emu } = v3Workbook({ spools: 30, withUniones: true });
  applySchema(newExecution(emu), previewSchema(newExecution(emu)).fingerprint);
  recomputeUnionMetrics(newExecution(emu)); // caches both maps
  return emu;
}

/** Another script or an import: a header written with no edit trigger, so no cache invalidation. */
function writeHeaderBehindTheCache(emu: Emulator, sheet: string, text: string): void {
  const target = emu.spreadsheet.getSheetByName(sheet);
  if (target === null) throw new Error(sheet);
  if (target.getLastColumn() === target.getMaxColumns()) target.insertColumnAfter(target.getMaxColumns());
  target.getRange(1, target.getLastColumn() + 1).setValue(text);
}

function refusal(emu: Emulator, warm: boolean): string {
  if (!warm) newExecution(emu).columnMaps().invalidateAll();
  try {
    recomputeUnionMetrics(newExecution(emu));
    return 'wrote';
  } catch (error) {
    return (error as Error).message;
  }
}

describe.each([
  ['Uniones', 'TAG_SPOOL'],
  ['Operaciones', 'Total_Uniones'],
  ['Operaciones', 'Total_Uniones\u200B'],
  ['Uniones', 'tag_spool'],
])('a second %s header %j added behind a warm cache', (sheet, text) => {
  it('is refused exactly as with a cold cache, and nothing is written', () => {
    const emu = migrated();
    writeHeaderBehindTheCache(emu, sheet, text);
    const before = emu.readSheet('Operaciones');
    const warm = refusal(emu, true);
    expect(warm).not.toBe('wrote');
    expect(emu.readSheet('Operaciones')).toEqual(before);
    expect(refusal(emu, false)).toBe(warm);
    expect(warm).toContain(`"${sheet}"`);
  });
});

describe('the warm cache', () => {
  it('costs at most one header read per sheet more than trusting it blindly', () => {
    const emu = migrated();
    const execution = newExecution(emu);
    emu.stats.reset();
    const maps = execution.columnMaps();
    const operaciones = emu.spreadsheet.getSheetByName('Operaciones');
    if (operaciones === null) throw new Error('Operaciones');
    maps.getOrBuild(operaciones);
    maps.getOrBuild(operaciones);
    const stats = emu.stats.snapshot();
    expect(stats.spreadsheetDataCalls).toBe(1);
    expect(stats.byMethod['Range.getValues']).toBe(1);
  });
});
