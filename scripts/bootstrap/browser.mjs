/**
 * The admin UI's end-to-end tests drive Debian's chromium through playwright-core (Playwright's own
 * browser download cannot be fetched here), so the test bootstrap installs it when it is missing.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runOrThrow } from './command.mjs';
import { say, warn } from './output.mjs';
import { repoRoot } from './settings.mjs';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export async function ensureChromiumForE2e() {
  if (!existsSync(join(repoRoot, 'admin', 'e2e')) || existsSync(CHROMIUM_PATH)) return;
  if (process.getuid?.() !== 0) {
    warn(`${CHROMIUM_PATH} is missing and we are not root: install chromium to run the admin e2e tests`);
    return;
  }
  say(`${CHROMIUM_PATH} is missing (needed by admin/e2e): apt-get update && apt-get install -y chromium`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await runOrThrow('apt-get update', 'apt-get', ['update'], { env, output: 'capture' });
  await runOrThrow('apt-get install chromium', 'apt-get', ['install', '-y', 'chromium'], { env, output: 'capture' });
}
