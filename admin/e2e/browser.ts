import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
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

export interface BrowserSession {
  page: Page;
  /** Saves a full-page screenshot under test-artifacts/e2e/<name>.png and returns its path. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * A browser with a fresh profile (its own user-data-dir), so every session starts signed out with empty
 * storage and sessions never share a token.
 */
export async function openBrowserSession(options: { timeoutMs: number; viewport?: { width: number; height: number } }): Promise<BrowserSession> {
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
  return {
    page,
    async screenshot(name) {
      const path = join(screenshotDir, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
