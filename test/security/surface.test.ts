/**
 * Security of the public surface, beyond test/bundle/publicSurface.test.ts (which holds the
 * bundle's top-level functions equal to docs/security.md's list, bans Node APIs and eval in the
 * bundle, and checks a few bad arguments):
 *   - every public function, called through google.script.run with hostile argument shapes,
 *     refuses with a clear error — or, for the simple/installable triggers, does nothing —
 *     and never writes: no cell, property or trigger changes, no dialog or sidebar;
 *   - no client or server source builds HTML from data or evaluates code;
 *   - the manifest's scopes are exactly the ones the bundle's calls need, each in docs/security.md.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Emulator } from '../../emulator';
import { scriptRun, topLevelFunctionNames } from '../../emulator/bundle';
import { v3 } from '../../scripts/reliability/workbooks';
import { writeCalls } from '../support/emulated';

const ROOT = join(__dirname, '..', '..');
const DIST = join(ROOT, 'dist');
const bundleSource = () => readFileSync(join(DIST, 'Code.js'), 'utf8');
const publicFunctions = () => topLevelFunctionNames(bundleSource()).sort();

/** Simple and installable triggers: they must never throw on what the platform sends, so garbage is a no-op. */
const TRIGGER_HANDLERS = new Set(['onOpen', 'onInstall', 'onEdit', 'onSchemaChange', 'onLiveEdit']);

/** Arguments a function legitimately takes (skipped from the hostile shapes). */
const LEGITIMATE: Readonly<Record<string, readonly unknown[][]>> = {
  setAutoRepair: [[true], [false]],
  setMetricsInCheck: [[true], [false]],
};

const HUGE = 'A'.repeat(1_000_000);
const nested = (depth: number): unknown => (depth === 0 ? { confirmed: true } : { inner: nested(depth - 1) });

/** What a crafted sidebar could send: google.script.run copies plain data with JSON semantics. */
const HOSTILE_ARGUMENTS: ReadonlyArray<readonly [string, unknown[]]> = [
  ['a string', ['Operaciones']],
  ['a number', [42]],
  ['a boolean', [true]],
  ['null', [null]],
  ['an empty array', [[]]],
  ['an array of strings', [['Total_Uniones', 'TAG_SPOOL']]],
  ['an empty object', [{}]],
  ['{ confirmed: true, extra: 1 }', [{ confirmed: true, extra: 1 }]],
  ['{ sidebar: true, extra: 1 }', [{ sidebar: true, extra: 1 }]],
  ['{ confirmed: "true" }', [{ confirmed: 'true' }]],
  ['{ sidebar: 1 }', [{ sidebar: 1 }]],
  ['a 1,000,000-character string', [HUGE]],
  ['an object nested 40 deep', [nested(40)]],
  ['an own __proto__ key', [JSON.parse('{"__proto__":{"confirmed":true,"sidebar":true}}')]],
  ['a fingerprint-shaped string that matches no preview', ['0123456789abcd']],
  ['a fingerprint-shaped string with HTML', ['<b>0123456789</b>']],
  ['a valid-looking first argument and an extra one', [{ confirmed: true }, 'extra']],
  ['two booleans', [true, true]],
];

interface Observed {
  readonly writes: Record<string, number>;
  readonly cellsChanged: number;
  readonly properties: string;
  readonly triggers: number;
  readonly dialogs: number;
}

/** Everything a call could have changed: data writes (UI calls excluded), properties, triggers, dialogs. */
function observe(emu: Emulator): Observed {
  const writes = Object.fromEntries(
    Object.entries(writeCalls(emu)).filter(([method]) => !/^(Ui|HtmlOutput|HtmlTemplate|Menu)\./.test(method)),
  );
  return {
    writes,
    cellsChanged: emu.stats.snapshot().cellsChanged,
    properties: JSON.stringify([
      emu.propertiesContents('document'),
      emu.propertiesContents('user'),
      emu.propertiesContents('script'),
    ]),
    triggers: emu.triggers.list().length,
    dialogs: emu.ui.alerts.length + emu.ui.sidebars.length + emu.ui.dialogs.length,
  };
}

function call(
  name: string,
  args: unknown[],
): { emu: Emulator; before: Observed; error: Error | null; sheet: unknown[][]; sheetBefore: unknown[][] } {
  const emu = v3({ spools: 20, withUniones: true });
  const before = observe(emu);
  const sheetBefore = emu.readSheet('Operaciones');
  let error: Error | null = null;
  try {
    scriptRun(emu, DIST, name, ...args);
  } catch (caught) {
    error = caught as Error;
  }
  return { emu, before, error, sheet: emu.readSheet('Operaciones'), sheetBefore };
}

/** An operator-facing refusal: the add-on's own error, saying what was expected and that nothing happened. */
function isClearRefusal(error: Error | null): boolean {
  return (
    error !== null &&
    error.name === 'SchemaError' &&
    /expects|Expected|takes no arguments|takes at most|needs its event|must be run from|changed since this preview/.test(
      error.message,
    ) &&
    /[Nn]othing was (done|written|changed)/.test(error.message) &&
    error.message.length < 400
  );
}

describe('every public function refuses hostile arguments, writing nothing', () => {
  const names = publicFunctions();

  it('covers the whole public surface', () => {
    expect(names.length).toBeGreaterThanOrEqual(9);
    expect(names).toEqual(
      expect.arrayContaining(['applySchema', 'previewSchema', 'recomputeUnionMetrics', 'extendSchema', 'showSidebar']),
    );
  });

  it.each(names)('%s', (name) => {
    const failures: string[] = [];
    for (const [label, args] of HOSTILE_ARGUMENTS) {
      if ((LEGITIMATE[name] ?? []).some((legit) => JSON.stringify(legit) === JSON.stringify(args))) continue;
      const { emu, before, error, sheet, sheetBefore } = call(name, args);
      const after = observe(emu);
      const trigger = TRIGGER_HANDLERS.has(name);
      if (trigger ? error !== null : !isClearRefusal(error))
        failures.push(
          `${label}: ${error === null ? 'accepted' : `unclear error ${error.name}: ${error.message.slice(0, 200)}`}`,
        );
      if (JSON.stringify(after.writes) !== '{}' || after.cellsChanged !== 0)
        failures.push(`${label}: wrote ${JSON.stringify(after.writes)}`);
      if (JSON.stringify(sheet) !== JSON.stringify(sheetBefore)) failures.push(`${label}: Operaciones changed`);
      if (after.properties !== before.properties) failures.push(`${label}: properties changed`);
      if (after.triggers !== before.triggers) failures.push(`${label}: triggers changed`);
      if (after.dialogs !== before.dialogs) failures.push(`${label}: opened a dialog or sidebar`);
    }
    expect(failures).toEqual([]);
  });
});

describe('an event-like object sent by a client is treated as a menu click, never as a confirmation', () => {
  // Menu items may receive an event (undocumented), so functions tolerate one carrying authMode:
  // it must lead to the menu's Yes/No dialog (unanswered here), not to a write.
  it.each([
    'extendSchema',
    'recomputeUnionMetrics',
    'previewSchema',
    'clearColumnCache',
    'showSidebar',
    'checkSchema',
    'onOpen',
  ])('%s({ authMode, triggerUid, … })', (name) => {
    const { emu, before, sheet, sheetBefore } = call(name, [
      { authMode: 'FULL', triggerUid: '424242', confirmed: true, sidebar: true },
    ]);
    const after = observe(emu);
    expect(after.writes).toEqual({});
    expect(after.cellsChanged).toBe(0);
    expect(sheet).toEqual(sheetBefore);
    expect(after.triggers).toBe(before.triggers);
  });
});

// ---------------------------------------------------------------------------------------------

function sourceFiles(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path, pattern);
    return pattern.test(entry) ? [path] : [];
  });
}

/** [file:line, text] of every line matching `pattern` (comments included: a banned API is not mentioned casually). */
function occurrences(files: readonly string[], pattern: RegExp): string[] {
  return files.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, i) => (pattern.test(line) ? [`${relative(ROOT, file)}:${i + 1}: ${line.trim()}`] : [])),
  );
}

describe('no HTML is built from data and no code is evaluated', () => {
  const client = sourceFiles(join(ROOT, 'src', 'client'), /\.(ts|html|js)$/);
  const server = sourceFiles(join(ROOT, 'src'), /\.ts$/).filter((file) => !file.includes(`${join('src', 'client')}`));

  it('the client sources exist (the sidebar and its playground)', () => {
    expect(client.map((f) => relative(ROOT, f))).toEqual(
      expect.arrayContaining(['src/client/sidebar.ts', 'src/client/sidebar.html', 'src/client/dom.ts']),
    );
  });

  it('the client never parses HTML strings or evaluates code', () => {
    const banned =
      /\.innerHTML\b|\.outerHTML\b|insertAdjacentHTML|document\.write|\beval\s*\(|new\s+Function\b|\bFunction\s*\(|createContextualFragment|DOMParser|\bsrcdoc\b|set(Timeout|Interval)\s*\(\s*['"`]|javascript:/;
    expect(occurrences(client, banned)).toEqual([]);
  });

  it('attributes are set only with literal, non-event names outside the one element builder', () => {
    const calls = occurrences(client, /setAttribute\(/).filter((line) => !line.startsWith('src/client/dom.ts:'));
    for (const line of calls) expect(line).toMatch(/setAttribute\(\s*(['"])(?!on)[a-z-]+\1\s*,/);
    const builder = readFileSync(join(ROOT, 'src', 'client', 'dom.ts'), 'utf8');
    expect(builder).toContain('if (/^on/i.test(name)) throw');
    expect(builder).toContain('document.createTextNode(String(child))');
  });

  it('sidebar.html is a static file: no template scriptlets, no inline handlers, no remote resources', () => {
    const html = readFileSync(join(ROOT, 'src', 'client', 'sidebar.html'), 'utf8');
    expect(html).not.toContain('<?');
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/\b(src|href)\s*=\s*["']?(https?:)?\/\//i);
  });

  it('the server builds no HTML: dialogs are plain text, the sidebar a fixed file', () => {
    expect(
      occurrences(server, /createHtmlOutput\s*\(|createTemplate|createTemplateFromFile|\beval\s*\(|new\s+Function\b/),
    ).toEqual([]);
    expect(
      occurrences(server, /createHtmlOutputFromFile\(/).every((line) =>
        /createHtmlOutputFromFile\('Sidebar'\)/.test(line),
      ),
    ).toBe(true);
  });
});

describe('scopes: exactly what the bundle calls need', () => {
  /** Scope → whether the bundle makes a call that needs it (per the methods' "Authorization" blocks). */
  const needed = (source: string): string[] => {
    const uses = (pattern: RegExp) => pattern.test(source);
    const scopes: string[] = [];
    // openById/openByUrl accept only the full scope; everything else works with currentonly.
    scopes.push(
      uses(/\.openBy(Id|Url)\(/)
        ? 'https://www.googleapis.com/auth/spreadsheets'
        : 'https://www.googleapis.com/auth/spreadsheets.currentonly',
    );
    if (uses(/\.(newTrigger|getProjectTriggers|getUserTriggers|deleteTrigger)\(/))
      scopes.push('https://www.googleapis.com/auth/script.scriptapp');
    if (uses(/\.(showSidebar|showModalDialog|showModelessDialog|alert|prompt)\(/))
      scopes.push('https://www.googleapis.com/auth/script.container.ui');
    if (uses(/\.getEmail\(/)) scopes.push('https://www.googleapis.com/auth/userinfo.email');
    return scopes.sort();
  };

  it('the manifest asks for those scopes and no other (no Drive, mail, external requests)', () => {
    const manifest = JSON.parse(readFileSync(join(DIST, 'appsscript.json'), 'utf8')) as { oauthScopes: string[] };
    expect([...manifest.oauthScopes].sort()).toEqual(needed(bundleSource()));
    expect(bundleSource()).not.toMatch(/\b(UrlFetchApp|DriveApp|GmailApp|MailApp|DocumentApp|FormApp|CalendarApp)\b/);
  });

  it('docs/security.md justifies exactly the manifest scopes', () => {
    const manifest = JSON.parse(readFileSync(join(DIST, 'appsscript.json'), 'utf8')) as { oauthScopes: string[] };
    const readme = readFileSync(join(ROOT, 'docs', 'security.md'), 'utf8');
    const section = readme.split('## Scopes')[1]?.split('\n## ')[0] ?? '';
    const rows = [...section.matchAll(/^\| `(https:\/\/[^`]+)` \| (.+) \|$/gm)];
    expect(rows.map((m) => m[1]).sort()).toEqual([...manifest.oauthScopes].sort());
    for (const [, , why] of rows) expect(why.trim().length).toBeGreaterThan(20);
  });
});
