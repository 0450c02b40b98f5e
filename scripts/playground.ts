/**
 * Local playground (`npm start`): the real built sidebar (dist/Sidebar.html) beside a read-only
 * grid of an emulated workbook, with google.script.run answered by the real server bundle
 * (dist/Code.js) running on the emulator — the same one the tests use. Binds 127.0.0.1 only.
 *
 * Every public function of the bundle is a google.script.run target here, the hourly check's
 * included (install/remove, status, auto-repair, Check now). The emulator records installable
 * triggers but never fires them: the hourly run does not happen in the playground.
 *
 * Browser tests reuse it: startPlayground({ port: 0, seed }) with their own workbook.
 */

import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { bundleTriggerHandlers, createEmulator, type Emulator, topLevelFunctionNames } from '../emulator';
import { demoWorkbook } from '../emulator/fixtures/demo';
import type { GridSheet, WorkbookView } from '../src/client/playground/protocol';
import { languageOf } from '../src/shared/messages';
import { localizeSidebarHtml, type SidebarLocale } from '../src/shared/sidebarPage';
import { HOST, listen, parseEdit, parseRpc, type Route, readBody, runRpc, send, sendJson } from './playgroundHttp';

export type Seed = (emulator: Emulator) => void;

export interface PlaygroundOptions {
  /** 0 picks a free port. Default: PORT env or 8080. */
  readonly port?: number;
  /** Fills a fresh emulator (on start and on every reset). Default: the demo workbook. */
  readonly seed?: Seed;
  /** Repository root (dist/, scripts/playground/, src/client/playground/). Default: the working directory. */
  readonly root?: string;
  readonly spreadsheetName?: string;
  /** Holds every /rpc answer back this long, so tests can see the sidebar's in-progress state. */
  readonly rpcDelayMs?: number;
  /** The emulated Session.getActiveUserLocale() (default 'en'): the sidebar's and the menu's language. */
  readonly locale?: string;
  /** The emulated spreadsheet time zone (default Europe/Madrid). */
  readonly timeZone?: string;
}

export interface Playground {
  readonly url: string;
  /** The emulator currently answering (a reset replaces it). */
  readonly emulator: Emulator;
  reset(): void;
  close(): Promise<void>;
}

const GRID_DATA_ROWS = 20;

/** The demo workbook: Operaciones (67 columns, ~2,400 spools) and Uniones, as in the emulator fixtures. */
export function seedDemo(emulator: Emulator, options: { spools?: number; seed?: number } = {}): void {
  const book = demoWorkbook(options);
  emulator.seedSheet('Operaciones', [book.operaciones.headers, ...book.operaciones.rows], { frozenRows: 1 });
  emulator.seedSheet('Uniones', [book.uniones.headers, ...book.uniones.rows], { frozenRows: 1 });
}

type EmulatorSettings = Pick<PlaygroundOptions, 'locale' | 'timeZone'> & { readonly spreadsheetName: string };

function freshEmulator(seed: Seed, settings: EmulatorSettings): { emulator: Emulator; seeded: Map<string, number> } {
  const emulator = createEmulator(settings);
  seed(emulator);
  const spreadsheet = emulator.spreadsheet;
  const placeholder = spreadsheet.getSheetByName('Sheet1');
  if (placeholder !== null && spreadsheet.getNumSheets() > 1) spreadsheet.deleteSheet(placeholder);
  emulator.stats.reset();
  const seeded = new Map(emulator.sheetNames().map((name) => [name, emulator.sheetInfo(name)?.lastColumn ?? 0]));
  return { emulator, seeded };
}

// ------------------------------------------------------------------------------------------
// Views of the emulated workbook

const isDate = (value: unknown): value is Date => Object.prototype.toString.call(value) === '[object Date]';

export function displayValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (isDate(value)) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 16).replace('T', ' ');
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

function gridSheet(emulator: Emulator, name: string, seededColumns: number): GridSheet {
  const info = emulator.sheetInfo(name);
  const rows = emulator.readSheet(name).slice(0, GRID_DATA_ROWS + 1);
  return {
    name,
    lastRow: info?.lastRow ?? 0,
    lastColumn: info?.lastColumn ?? 0,
    maxRows: info?.maxRows ?? 0,
    maxColumns: info?.maxColumns ?? 0,
    hidden: info?.hidden ?? false,
    seededColumns,
    rows: rows.map((row) => row.map(displayValue)),
  };
}

function workbookView(emulator: Emulator, seeded: ReadonlyMap<string, number>): WorkbookView {
  return {
    spreadsheetName: emulator.spreadsheet.getName(),
    sheets: emulator.sheetNames().map((name) => gridSheet(emulator, name, seeded.get(name) ?? 0)),
    spreadsheetCalls: emulator.stats.snapshot().calls.Spreadsheet,
  };
}

// ------------------------------------------------------------------------------------------
// Assets

interface Assets {
  readonly shim: string;
  readonly page: string;
  readonly index: string;
  readonly css: string;
}

async function bundle(entry: string, globalName?: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    ...(globalName === undefined ? {} : { globalName }),
    platform: 'browser',
    target: 'es2020',
    write: false,
    charset: 'utf8',
    logLevel: 'warning',
  });
  return result.outputFiles[0].text;
}

async function loadAssets(root: string): Promise<Assets> {
  const [shim, page] = await Promise.all([
    bundle(join(root, 'src/client/playground/shim.ts'), 'PlaygroundShim'),
    bundle(join(root, 'src/client/playground/page.ts')),
  ]);
  return {
    shim,
    page,
    index: readFileSync(join(root, 'scripts/playground-assets/index.html'), 'utf8'),
    css: readFileSync(join(root, 'scripts/playground-assets/playground.css'), 'utf8'),
  };
}

/** dist/Sidebar.html as showSidebar serves it (language, time zone), with the google.script.run shim in front. */
function sidebarPage(distDir: string, shim: string, locale: SidebarLocale): string {
  const html = localizeSidebarHtml(readFileSync(join(distDir, 'Sidebar.html'), 'utf8'), locale);
  const functions = topLevelFunctionNames(readFileSync(join(distDir, 'Code.js'), 'utf8')).filter(
    (name) => !name.endsWith('_'),
  );
  const script = `<script>${shim}\nPlaygroundShim.install(${JSON.stringify(functions)});</script>`;
  if (!/<head>/i.test(html)) throw new Error('dist/Sidebar.html has no <head>');
  return html.replace(/<head>/i, (head) => `${head}\n${script}`);
}

/** The trigger functions a person's edit may run (simple onEdit, live metrics, the shared onChange). */
const TRIGGER_FUNCTIONS = ['onEdit', 'onLiveEdit', 'onSchemaChange'];

type Fresh = { emulator: Emulator; seeded: Map<string, number> };

interface RouteContext {
  readonly distDir: string;
  readonly assets: Assets;
  readonly locale: SidebarLocale;
  readonly rpcDelayMs: number | undefined;
  /** The emulator answering now, replaced by a reset. */
  current(): Fresh;
  reset(): void;
}

function playgroundRoutes(c: RouteContext): Record<string, Route> {
  const { assets, distDir } = c;
  return {
    'GET /': (_req, res) => send(res, 200, 'text/html', assets.index),
    'GET /favicon.ico': (_req, res) => {
      res.writeHead(204).end();
    },
    'GET /playground.css': (_req, res) => send(res, 200, 'text/css', assets.css),
    'GET /playground.js': (_req, res) => send(res, 200, 'text/javascript', assets.page),
    'GET /sidebar': (_req, res) => send(res, 200, 'text/html', sidebarPage(distDir, assets.shim, c.locale)),
    'GET /api/workbook': (_req, res) => sendJson(res, 200, workbookView(c.current().emulator, c.current().seeded)),
    'POST /api/reset': (_req, res) => {
      c.reset();
      sendJson(res, 200, { ok: true });
    },
    'POST /api/edit': async (req, res) => {
      const edit = parseEdit(await readBody(req));
      const { emulator } = c.current();
      if (emulator.sheetInfo(edit.sheet) === null) return sendJson(res, 400, { error: `no sheet ${edit.sheet}` });
      const runs = emulator.personEdits(edit.sheet, edit.a1, [[edit.value]]);
      sendJson(res, 200, { triggers: runs.map((r) => ({ handler: r.handler, error: r.error ?? null })) });
    },
    'POST /rpc': async (req, res) => {
      const answer = runRpc(c.current().emulator, distDir, parseRpc(await readBody(req)));
      if (c.rpcDelayMs !== undefined) await new Promise((later) => setTimeout(later, c.rpcDelayMs));
      sendJson(res, 200, answer);
    },
  };
}

export async function startPlayground(options: PlaygroundOptions = {}): Promise<Playground> {
  const root = resolve(options.root ?? process.cwd());
  const distDir = join(root, 'dist');
  for (const file of ['Code.js', 'Sidebar.html']) {
    if (!existsSync(join(distDir, file))) throw new Error(`dist/${file} is missing: run "npm run build" first.`);
  }
  const seed = options.seed ?? ((emulator: Emulator) => seedDemo(emulator));
  const settings: EmulatorSettings = {
    spreadsheetName: options.spreadsheetName ?? 'Spool tracking (demo)',
    locale: options.locale,
    timeZone: options.timeZone,
  };
  const locale: SidebarLocale = { language: languageOf(options.locale), timeZone: options.timeZone ?? 'Europe/Madrid' };
  const assets = await loadAssets(root);
  const fresh = () => {
    const made = freshEmulator(seed, settings);
    made.emulator.setHandlers(bundleTriggerHandlers(made.emulator, distDir, TRIGGER_FUNCTIONS));
    return made;
  };
  let current = fresh();
  const routes = playgroundRoutes({
    distDir,
    assets,
    locale,
    rpcDelayMs: options.rpcDelayMs,
    current: () => current,
    reset: () => {
      current = fresh();
    },
  });
  const { server, port } = await listen(routes, options.port ?? Number(process.env.PORT ?? 8080));

  return {
    url: `http://${HOST}:${port}`,
    get emulator() {
      return current.emulator;
    },
    reset: () => {
      current = freshEmulator(seed, settings);
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

async function main(): Promise<void> {
  const playground = await startPlayground();
  console.log(`Sheet Schema playground: ${playground.url}  (Ctrl+C to stop)`);
  const stop = (): void => void playground.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (/scripts[\\/]playground\.ts$/.test(process.argv[1] ?? '')) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
