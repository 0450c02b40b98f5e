/**
 * The built bundle, loaded as Apps Script loads it (gas-local, a fresh context per execution),
 * its globals called the way menus, triggers and google.script.run call them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runEntryPoint, scriptRun, topLevelFunctionNames } from '../../emulator/bundle';
import type { ApplyResult, SchemaPlan, UnionMetricsReport } from '../../src/shared/payloads';
import { V4_HEADERS, v3Workbook, writeCalls } from '../support/emulated';

const DIST = join(__dirname, '..', '..', 'dist');
const ROOT = join(__dirname, '..', '..');
const bundleSource = () => readFileSync(join(DIST, 'Code.js'), 'utf8');

/** docs/security.md's "Public functions" table: the documented surface. */
function documentedPublicFunctions(): string[] {
  const readme = readFileSync(join(ROOT, 'docs', 'security.md'), 'utf8');
  const section = readme.split('## Public functions')[1]?.split('\n## ')[0] ?? '';
  return [...section.matchAll(/^\| `(\w+)\(/gm)].map((m) => m[1]).sort();
}

describe('the bundle exposes exactly the public entry points', () => {
  it('its top-level functions are the public functions documented in docs/security.md, nothing else', () => {
    const names = topLevelFunctionNames(bundleSource()).sort();
    expect(names).toEqual(documentedPublicFunctions());
    expect(names).toEqual(
      expect.arrayContaining([
        'onOpen',
        'onInstall',
        'extendSchema',
        'previewSchema',
        'applySchema',
        'clearColumnCache',
      ]),
    );
  });

  it('uses nothing Apps Script V8 lacks at runtime (no Node APIs, timers, fetch, modules, eval)', () => {
    const source = bundleSource();
    for (const forbidden of [
      /\brequire\(/,
      /\bprocess\./,
      /\bsetTimeout\(/,
      /\bsetInterval\(/,
      /\bfetch\(/,
      /\bimport\.meta\b/,
      /^\s*(import|export)\s/m,
      /\beval\(/,
      /new Function\(/,
      /\bTextEncoder\b/,
      /\bBuffer\./,
    ]) {
      expect(source).not.toMatch(forbidden);
    }
  });

  it('google.script.run cannot reach internal functions', () => {
    const { emu } = v3Workbook();
    expect(() => scriptRun(emu, DIST, 'readWorkbook')).toThrow('google.script.run.readWorkbook is not a function');
    expect(() => scriptRun(emu, DIST, 'buildPlan')).toThrow('is not a function');
  });

  it('ships a V8 manifest with exception logging and explicit scopes, without Drive, mail or external requests', () => {
    const manifest = JSON.parse(readFileSync(join(DIST, 'appsscript.json'), 'utf8'));
    expect(manifest).toMatchObject({ runtimeVersion: 'V8', exceptionLogging: 'STACKDRIVER' });
    expect(manifest.oauthScopes.length).toBeGreaterThan(0);
    for (const scope of manifest.oauthScopes as string[]) {
      expect(scope).not.toMatch(/\/auth\/(drive|gmail|script\.send_mail|script\.external_request)|mail\.google\.com/);
      expect(readFileSync(join(ROOT, 'docs', 'security.md'), 'utf8')).toContain(`\`${scope}\``);
    }
  });
});

describe('onOpen', () => {
  it('builds the add-on menu in AuthMode.NONE, touching nothing but the Ui', () => {
    const { emu } = v3Workbook();
    runEntryPoint(emu, DIST, 'onOpen', [{ authMode: 'NONE' }], { authMode: 'NONE', kind: 'simpleTrigger' });
    const menu = emu.ui.menus.find((m) => m.addon);
    expect(menu?.items.map((i) => i.caption)).toEqual([
      'Extend schema',
      'Preview changes…',
      'Check schema now',
      'Clear column cache',
      'Recompute union metrics',
      'Restore renamed headers…',
      'Turn on hourly check',
      'Turn off hourly check',
      'Keep metrics live',
      'Stop live metrics',
    ]);
    for (const item of menu?.items ?? []) expect(topLevelFunctionNames(bundleSource())).toContain(item.functionName);
    const stats = emu.stats.snapshot();
    expect(stats.spreadsheetDataCalls).toBe(0);
    expect(stats.calls.Cache + stats.calls.Properties + stats.calls.Lock + stats.calls.Script).toBe(0);
  });
});

describe('sidebar calls through google.script.run', () => {
  it('previewSchema → applySchema(fingerprint) → previewSchema says up to date', () => {
    const { emu } = v3Workbook({ spools: 300 });
    const plan = scriptRun(emu, DIST, 'previewSchema') as SchemaPlan;
    expect(plan.sheets[0].columnsToAdd.map((c) => c.letter)).toEqual(['BP', 'BQ', 'BR', 'BS', 'BT']);
    const result = scriptRun(emu, DIST, 'applySchema', plan.fingerprint) as ApplyResult;
    expect(result.status).toBe('applied');
    expect(emu.readSheet('Operaciones')[0].slice(67)).toEqual(V4_HEADERS);
    expect((scriptRun(emu, DIST, 'previewSchema') as SchemaPlan).status).toBe('up-to-date');
  });

  it.each([
    ['applySchema', [], 'applySchema expects the fingerprint'],
    ['applySchema', ['not-a-fingerprint'], 'got the string "not-a-fingerprint"'],
    ['applySchema', [{ fingerprint: 'x' }], 'got an object'],
    ['previewSchema', ['extra'], 'previewSchema takes no arguments'],
    ['clearColumnCache', [[1]], 'clearColumnCache takes no arguments'],
    ['recomputeUnionMetrics', [{ confirmed: 'yes' }], 'Expected no argument (menu) or { confirmed: true }'],
  ])('%s rejects bad arguments %j with a clear message and writes nothing', (name, args, message) => {
    const { emu } = v3Workbook();
    expect(() => scriptRun(emu, DIST, name, ...args)).toThrow(message);
    expect(writeCalls(emu)).toEqual({});
  });
});

describe('menu actions', () => {
  it('"Extend schema": Yes applies and reports; the second run says up to date and writes nothing', () => {
    const { emu } = v3Workbook({ spools: 120 });
    emu.ui.respondWith('YES');
    runEntryPoint(emu, DIST, 'extendSchema', [], { kind: 'menu' });
    expect(emu.ui.alerts.map((a) => a.title)).toEqual(['Sheet Schema: Extend schema', 'Sheet Schema: done']);
    expect(emu.ui.alerts[0].prompt).toContain('Operaciones: add 5 columns BP–BT');
    expect(emu.readSheet('Operaciones')[0].slice(67)).toEqual(V4_HEADERS);
    emu.stats.reset();
    runEntryPoint(emu, DIST, 'extendSchema', [], { kind: 'menu' });
    expect(emu.ui.alerts[2].prompt).toBe('Up to date: nothing to add, nothing to fill.');
    expect(writeCalls(emu)).toEqual({});
  });

  it('"Extend schema": No writes nothing', () => {
    const { emu } = v3Workbook({ spools: 20 });
    const before = emu.readSheet('Operaciones');
    emu.ui.respondWith('NO');
    runEntryPoint(emu, DIST, 'extendSchema', [], { kind: 'menu' });
    expect(emu.ui.alerts.map((a) => a.prompt)).toContain('Cancelled: nothing was written.');
    expect(emu.readSheet('Operaciones')).toEqual(before);
    expect(emu.sheetNames()).not.toContain('_schema_history');
  });

  it('"Extend schema" on a blocked sheet explains and writes nothing', () => {
    const { emu } = v3Workbook({ spools: 20 });
    emu.spreadsheet.getSheetByName('Operaciones')!.getRange('B1').setValue('TAG_SPOOL');
    emu.stats.reset();
    runEntryPoint(emu, DIST, 'extendSchema', [], { kind: 'menu' });
    expect(emu.ui.alerts[0].prompt).toBe(
      'Nothing was changed: 1 problem to fix first.\n• The header at B1 repeats another header of Operaciones.',
    );
    expect(writeCalls(emu)).toEqual({});
  });

  it('"Recompute union metrics" offers to extend the schema first, then computes', () => {
    const { emu } = v3Workbook({ spools: 60, withUniones: true });
    // Extend first? YES · extend the schema? YES · done: OK · recompute? YES · done: OK
    emu.ui.respondWith('YES', 'YES', 'OK', 'YES', 'OK');
    runEntryPoint(emu, DIST, 'recomputeUnionMetrics', [], { kind: 'menu' });
    const prompts = emu.ui.alerts.map((a) => a.prompt);
    expect(prompts[0]).toContain('First extend the schema: the five union metric columns are not in the sheet yet.');
    expect(prompts[prompts.length - 1]).toMatch(/^Union metrics written: \d+ spool rows updated\./);
    const metrics = emu
      .readSheet('Operaciones')
      .slice(1)
      .map((r) => r[67]);
    expect(metrics.some((v) => typeof v === 'number' && v > 0)).toBe(true);
  });

  it('"Recompute union metrics" from the sidebar with { confirmed: true } returns the report', () => {
    const { emu } = v3Workbook({ spools: 60, withUniones: true });
    scriptRun(emu, DIST, 'applySchema', (scriptRun(emu, DIST, 'previewSchema') as SchemaPlan).fingerprint);
    const report = scriptRun(emu, DIST, 'recomputeUnionMetrics', { confirmed: true }) as UnionMetricsReport;
    expect(report.status).toBe('applied');
    expect(report.spoolRows).toBe(60);
  });
});
