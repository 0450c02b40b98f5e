/**
 * `npm run demo`: the real built bundle (dist/Code.js) on an emulated workbook with a
 * realistic 67-column Operaciones (2,400 spools) and a Uniones sheet. Prints the dry run,
 * applies it, prints the result, then a second run that is up to date and writes nothing,
 * then the union metrics — worded as the menu's dialogs word them (src/shared/wording, in
 * English). Every number printed is measured by the emulator.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEmulator, type Emulator } from '../emulator';
import { scriptRun } from '../emulator/bundle';
import { demoWorkbook } from '../emulator/fixtures/demo';
import { sheetWrites } from '../emulator/harness/execution';
import type { ApplyResult, Cost, SchemaPlan, UnionMetricsReport } from '../src/shared/payloads';
import { applyDialog, metricsDialog, planDialog } from '../src/shared/wording/dialogs';
import { localText } from '../src/shared/wording/localText';

const DIST = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'dist');

function seed(): Emulator {
  const emu = createEmulator({ spreadsheetName: 'Producción spools (demo)' });
  const book = demoWorkbook();
  emu.seedSheet('Operaciones', [book.operaciones.headers, ...book.operaciones.rows]);
  emu.seedSheet('Uniones', [book.uniones.headers, ...book.uniones.rows]);
  return emu;
}

/** Runs one google.script.run call and reports what it cost on the emulated services. */
function call<T>(emu: Emulator, name: string, ...args: unknown[]): { result: T; measured: string } {
  emu.stats.reset();
  const result = scriptRun(emu, DIST, name, ...args) as T;
  const s = emu.stats.snapshot();
  const writes = Object.values(sheetWrites(emu)).reduce((n, c) => n + c, 0);
  return {
    result,
    measured: `measured: ${s.spreadsheetDataCalls} Spreadsheet calls (${writes} writes), ${s.cellsRead.toLocaleString('en-US')} cells read, ${s.cellsWritten.toLocaleString('en-US')} values sent, ${s.cellsChanged.toLocaleString('en-US')} cells changed, ${s.calls.Cache} cache calls`,
  };
}

/** The operator's words: English, in the emulated spreadsheet's time zone. */
const en = localText('en', 'Europe/Madrid');

function predicted(cost: Cost): string {
  return en.t('details.cost', {
    calls: cost.spreadsheetCalls,
    read: cost.cellsRead,
    sent: cost.cellsWritten,
    cells: cost.cellsChanged,
  });
}

function section(title: string): void {
  console.log(`\n=== ${title} ${'='.repeat(Math.max(0, 70 - title.length))}`);
}

function main(): void {
  const emu = seed();
  const info = emu.sheetInfo('Operaciones')!;
  section('Emulated workbook');
  console.log(
    `Operaciones: ${info.lastRow - 1} spools × ${info.lastColumn} columns (last: ${String(emu.readSheet('Operaciones')[0][info.lastColumn - 1])}); Uniones: ${emu.sheetInfo('Uniones')!.lastRow - 1} unions`,
  );

  section('1. Dry run — previewSchema()');
  const preview = call<SchemaPlan>(emu, 'previewSchema');
  console.log(planDialog(en, preview.result));
  for (const c of preview.result.sheets[0].columnsToAdd)
    console.log(
      `  ${c.letter.padEnd(3)} #${c.index}  ${c.header.padEnd(26)} ${c.type.padEnd(8)} default ${JSON.stringify(c.default)}  rows ${c.rowsInitialised}`,
    );
  console.log(`fingerprint ${preview.result.fingerprint}; the dry run ${preview.measured}`);

  section('2. Apply — applySchema(fingerprint)');
  const applied = call<ApplyResult>(emu, 'applySchema', preview.result.fingerprint);
  console.log(applyDialog(en, applied.result));
  console.log(`predicted: ${predicted(preview.result.cost)}`);
  console.log(applied.measured);
  const after = emu.sheetInfo('Operaciones')!;
  console.log(
    `Operaciones is now ${after.lastColumn} columns; row 1 ends with: ${emu.readSheet('Operaciones')[0].slice(-6).join(' | ')}`,
  );
  console.log(`_schema_history: ${JSON.stringify(emu.readSheet('_schema_history')[1])}`);

  section('3. Second run — idempotent');
  const again = call<SchemaPlan>(emu, 'previewSchema');
  const reapplied = call<ApplyResult>(emu, 'applySchema', again.result.fingerprint);
  console.log(`status: ${again.result.status}; ${applyDialog(en, reapplied.result)}`);
  console.log(reapplied.measured);

  section('4. Union metrics — recomputeUnionMetrics({ confirmed: true })');
  const metrics = call<UnionMetricsReport>(emu, 'recomputeUnionMetrics', { confirmed: true });
  console.log(metricsDialog(en, metrics.result));
  console.log(metrics.measured);
  const sample = emu
    .readSheet('Operaciones')
    .slice(1, 4)
    .map((r) => `${String(r[0])}: ${r.slice(67).join(', ')}`);
  console.log(`first spools (Total, ARM, SOLD, in ARM, in SOLD):\n  ${sample.join('\n  ')}`);
}

main();
