/** Shared fixtures of the browser tests: Debian's chromium, the playground, screenshots. */
import { execSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Browser, chromium, type Frame, type Locator, type Page } from 'playwright-core';
import { type Playground, type PlaygroundOptions, seedDemo, startPlayground } from '../../scripts/playground';

export const ROOT = resolve(__dirname, '../..');
export const DIST = join(ROOT, 'dist');
export const SCREENSHOTS = join(ROOT, 'artifacts/screenshots');

/** No network here: without these flags Chromium keeps trying to reach Google. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

function chromiumPath(): string {
  try {
    return execSync('command -v chromium', { shell: '/bin/sh', encoding: 'utf8' }).trim();
  } catch {
    throw new Error(
      "chromium is not on PATH: install Debian's package (apt-get install -y chromium); .ci/run does it. Never download a browser.",
    );
  }
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}

export interface Session {
  readonly playground: Playground;
  readonly page: Page;
  /** The sidebar's iframe (the same Frame across reloads). */
  readonly sidebar: Frame;
  close(): Promise<void>;
}

/** A small demo workbook: same shape as the full one (67 columns), quicker to read. */
export const smallDemo =
  (spools = 60): PlaygroundOptions['seed'] =>
  (emulator) =>
    seedDemo(emulator, { spools });

export async function openPlayground(
  browser: Browser,
  options: Omit<PlaygroundOptions, 'port' | 'root'> = {},
): Promise<Session> {
  const playground = await startPlayground({ ...options, port: 0, root: ROOT });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(playground.url);
  const frame = await (await page.waitForSelector('iframe#sidebar')).contentFrame();
  if (frame === null) throw new Error('the sidebar iframe has no frame');
  return {
    playground,
    page,
    sidebar: frame,
    close: async () => {
      await context.close();
      await playground.close();
      if (errors.length > 0) throw new Error(`Uncaught page errors: ${errors.join('; ')}`);
    },
  };
}

/**
 * One chromium per test file and a fresh playground per test: registers the jest hooks and
 * returns `open`, which starts a playground (with its own seeded workbook) closed after the test.
 */
export function browserSessions(): (options?: Omit<PlaygroundOptions, 'port' | 'root'>) => Promise<Session> {
  let browser: Browser;
  const sessions: Session[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterEach(async () => {
    for (const session of sessions.splice(0)) await session.close();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return async (options = {}) => {
    const session = await openPlayground(browser, options);
    sessions.push(session);
    return session;
  };
}

/** Waits until the sidebar is idle (and, if given, shows a plan with that status). */
export async function waitForSidebar(sidebar: Frame, plan?: 'changes' | 'up-to-date' | 'blocked'): Promise<void> {
  const selector = plan === undefined ? '#app[data-state="ready"]' : `#app[data-state="ready"][data-plan="${plan}"]`;
  await sidebar.locator(selector).waitFor();
}

/** Clicks a button by its name and waits for the state it leads to, then for the sidebar to be idle. */
export async function clickAndSettle(sidebar: Frame, name: string, settled: string): Promise<void> {
  await sidebar.getByRole('button', { name, exact: true }).click();
  await sidebar.locator(settled).waitFor();
  await waitForSidebar(sidebar);
}

export async function screenshot(target: Page | Locator, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await target.screenshot({ path });
  return path;
}

/** The README's picture: refreshed when missing or when UPDATE_DOCS_SCREENSHOTS=1 (it shows times). */
export function publishToDocs(path: string, name: string): void {
  const target = join(ROOT, 'docs/screenshots', name);
  if (existsSync(target) && process.env.UPDATE_DOCS_SCREENSHOTS !== '1') return;
  mkdirSync(join(ROOT, 'docs/screenshots'), { recursive: true });
  copyFileSync(path, target);
}
