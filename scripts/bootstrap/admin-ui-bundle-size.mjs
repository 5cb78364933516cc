/**
 * What a first visit to the admin UI downloads: the entry chunk named by index.html plus the chunks it
 * preloads (the login form needs nothing else), as built and as brotli sends it; and the whole build.
 * Printed after every `npm test` / `npm run dev` build stage, and held to a budget so a dependency that
 * doubles the first load fails `npm test` instead of slipping in.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** @param {string} path */
function sizeOf(path) {
  return existsSync(path) ? statSync(path).size : 0;
}

/** @param {number} bytes */
function kb(bytes) {
  return `${Math.round(bytes / 1024)} KB`;
}

/**
 * @param {string} distDir
 * @param {number} budgetBytes brotli bytes of the first load above which the check fails
 * @returns {{ withinBudget: boolean, line: string }}
 */
export function measureAdminBundle(distDir, budgetBytes) {
  const indexHtml = readFileSync(join(distDir, 'index.html'), 'utf8');
  const firstLoadFiles = [...indexHtml.matchAll(/(?:src|href)="\/admin\/(assets\/[^"]+\.(?:js|css))"/g)].map((match) =>
    join(distDir, match[1] ?? ''),
  );
  const firstLoadBytes = firstLoadFiles.reduce((sum, file) => sum + sizeOf(file), 0);
  const firstLoadBrotliBytes = firstLoadFiles.reduce((sum, file) => sum + (sizeOf(`${file}.br`) || sizeOf(file)), 0);
  const assets = readdirSync(join(distDir, 'assets')).filter((name) => /\.(?:js|css)$/.test(name));
  const totalBytes = assets.reduce((sum, name) => sum + sizeOf(join(distDir, 'assets', name)), 0);
  const line =
    `admin UI bundle: first load ${kb(firstLoadBytes)} in ${firstLoadFiles.length} files (${kb(firstLoadBrotliBytes)} brotli, ` +
    `budget ${kb(budgetBytes)}); all screens ${kb(totalBytes)} in ${assets.length} files`;
  return { withinBudget: firstLoadBrotliBytes <= budgetBytes, line };
}
