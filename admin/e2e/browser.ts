import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

/**
 * Debian's chromium driven by playwright-core: Playwright's own browser download is unreachable here, and
 * the distribution's package is what the test bootstrap installs in CI.
 */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** No GPU, sandbox, sync or background traffic: a headless container has none of them to offer. */
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export const screenshotDir = join(__dirname, '..', '..', 'test-artifacts', 'e2e');
/** Where failure-capture-environment.ts puts each failing test's screenshots and console logs. */
export const failureDir = join(screenshotDir, 'failures');

export interface BrowserSession {
  page: Page;
  /** Console errors, uncaught page errors and failed API answers this page saw, oldest first. */
  readonly consoleErrors: string[];
  /** Saves a full-page screenshot under test-artifacts/e2e/<name>.png and returns its path. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * A browser with a fresh profile (its own user-data-dir), so every session starts signed out with empty
 * storage and sessions never share a token.
 */
export async function openBrowserSession(options: {
  timeoutMs: number;
  viewport?: { width: number; height: number };
}): Promise<BrowserSession> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'omni-admin-e2e-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: chromiumPath,
      headless: true,
      args: chromiumArgs,
      viewport: options.viewport ?? { width: 1440, height: 900 },
    });
  } catch (error) {
    rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }
  context.setDefaultTimeout(options.timeoutMs);
  const page = context.pages()[0] ?? (await context.newPage());
  mkdirSync(screenshotDir, { recursive: true });
  const consoleErrors = recordProblems(page);
  const session: BrowserSession = {
    page,
    consoleErrors,
    async screenshot(name) {
      const path = join(screenshotDir, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    async close() {
      openSessions.delete(session);
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
  openSessions.add(session);
  return session;
}

/** Sessions not yet closed: what a failing test was looking at (see failure-capture-environment.ts). */
const openSessions = new Set<BrowserSession>();

function recordProblems(page: Page): string[] {
  const problems: string[] = [];
  const at = () => new Date().toISOString();
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${at()} console.${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`${at()} uncaught: ${error.stack ?? error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${at()} HTTP ${response.status()} ${response.request().method()} ${response.url()}`);
  });
  return problems;
}

/**
 * Saves a screenshot, the URL and the console log of every page still open, named after the failing test.
 * Called by the jest environment the moment a test fails, before its afterEach closes the browsers.
 */
async function captureFailure(testName: string): Promise<void> {
  mkdirSync(failureDir, { recursive: true });
  const slug = testName
    .replace(/[^a-zA-Z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 120);
  let index = 0;
  for (const session of openSessions) {
    index += 1;
    const base = join(failureDir, `${slug}-${index}`);
    const shot = await session.page.screenshot({ path: `${base}.png`, fullPage: true, timeout: 10_000 }).then(
      () => `${base}.png`,
      (error: unknown) => `no screenshot (${String(error)})`,
    );
    writeFileSync(
      `${base}.log`,
      [`test: ${testName}`, `url: ${session.page.url()}`, `screenshot: ${shot}`, '', ...session.consoleErrors, ''].join('\n'),
    );
  }
}

(globalThis as { __captureE2eFailure?: (testName: string) => Promise<void> }).__captureE2eFailure = captureFailure;
