/**
 * The react-admin UI is served by the API from admin/dist; it is rebuilt only when one of its sources is
 * newer than the last build, so a warm start skips it.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { measureAdminBundle } from './admin-ui-bundle-size.mjs';
import { localBin, runOrThrow } from './command.mjs';
import { say, timed, warn } from './output.mjs';
import { repoRoot } from './settings.mjs';

const adminDir = join(repoRoot, 'admin');
const builtMarker = join(adminDir, 'dist', 'index.html');
/** Not inputs of the bundle. */
const ignoredEntries = new Set(['dist', 'e2e', 'node_modules']);

/** @returns {number} newest modification time under `dir` (ms) */
function newestChange(/** @type {string} */ dir) {
  let newest = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (ignoredEntries.has(entry.name)) continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Builds admin/dist when stale, always for production: `npm run dev` and `npm test` set NODE_ENV to
 * development/test for their processes, and Vite would hand that to React (its development build is 30%
 * bigger and much slower). Prints the bundle's size either way.
 * @param {{ skipAdminUiBuild: boolean, adminFirstLoadBudgetKb: number }} settings
 * @returns {Promise<boolean>} false when the first load is over its budget
 */
export async function buildAdminUiIfStale({ skipAdminUiBuild, adminFirstLoadBudgetKb }) {
  if (skipAdminUiBuild || !existsSync(join(adminDir, 'vite.config.ts'))) return true;
  const lockChanged = statSync(join(repoRoot, 'package-lock.json')).mtimeMs;
  const fresh = existsSync(builtMarker) && statSync(builtMarker).mtimeMs >= Math.max(newestChange(adminDir), lockChanged);
  if (!fresh) {
    await timed('admin UI built', () =>
      runOrThrow('admin UI build', localBin('vite'), ['build', '--config', 'admin/vite.config.ts'], {
        output: 'capture',
        env: { ...process.env, NODE_ENV: 'production' },
      }),
    );
  }
  const bundle = measureAdminBundle(join(adminDir, 'dist'), adminFirstLoadBudgetKb * 1024);
  if (bundle.withinBudget) say(bundle.line);
  else warn(`${bundle.line}: over budget (ADMIN_FIRST_LOAD_BUDGET_KB)`);
  return bundle.withinBudget;
}
