#!/usr/bin/env node
/**
 * The two commands a user needs (see README):
 *   npm run dev   -> node scripts/run.mjs dev     everything up on this machine until Ctrl-C
 *                    [--cluster] [--workers N]    a real Temporal cluster on PostgreSQL / N worker processes
 *   npm test      -> node scripts/run.mjs test    isolated stack, then lint, type check and every test suite
 *                    [--cluster] [jest args]      the same on a Temporal cluster
 *   node scripts/run.mjs setup [--cluster]        dependencies + database (+ Temporal check / cluster build), then exit
 *   node scripts/run.mjs temporal [--cluster]     only the Temporal server dev would start, until Ctrl-C
 * Plain Node with no dependencies: it runs before `npm install`, which it performs when needed.
 */
import { fail } from './bootstrap/output.mjs';
import { loadDotEnvFile } from './bootstrap/settings.mjs';
import { abort } from './bootstrap/shutdown.mjs';

const commands = {
  dev: async (/** @type {string[]} */ args) => (await import('./bootstrap/commands/dev.mjs')).runDev(args),
  test: async (/** @type {string[]} */ args) => (await import('./bootstrap/commands/test.mjs')).runTest(args),
  temporal: async (/** @type {string[]} */ args) => (await import('./bootstrap/commands/temporal.mjs')).runTemporal(args),
  setup: async (/** @type {string[]} */ args) => (await import('./bootstrap/commands/setup.mjs')).runSetup(args),
};

const [name, ...args] = process.argv.slice(2);
const command = name && Object.hasOwn(commands, name) ? commands[/** @type {keyof typeof commands} */ (name)] : undefined;
if (!command) {
  fail(`usage: node scripts/run.mjs <${Object.keys(commands).join('|')}> [--cluster] [--workers N] [jest args for test]`);
  process.exit(64);
}
loadDotEnvFile();
process.on('unhandledRejection', (reason) => void abort(reason));
command(args).catch((error) => abort(error));
