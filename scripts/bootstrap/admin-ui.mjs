/**
 * The react-admin UI is served by the API from admin/dist; it is rebuilt only when one of its sources is
 * newer than the last build, so a warm start skips it.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { localBin, runOrThrow } from './command.mjs';
import { timed } from './output.mjs';
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

/** @param {{ skipAdminUiBuild: boolean }} settings */
export async function buildAdminUiIfStale({ skipAdminUiBuild }) {
  if (skipAdminUiBuild || !existsSync(join(adminDir, 'vite.config.ts'))) return;
  const lockChanged = statSync(join(repoRoot, 'package-lock.json')).mtimeMs;
  if (existsSync(builtMarker) && statSync(builtMarker).mtimeMs >= Math.max(newestChange(adminDir), lockChanged)) return;
  await timed('admin UI built', () =>
    runOrThrow('admin UI build', localBin('vite'), ['build', '--config', 'admin/vite.config.ts'], { output: 'capture' }),
  );
}
