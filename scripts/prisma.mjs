#!/usr/bin/env node
/**
 * Runs the project's own Prisma CLI (node_modules/prisma) with the environment it needs offline:
 *   node scripts/prisma.mjs generate
 *   node scripts/prisma.mjs migrate deploy
 *   node scripts/prisma.mjs migrate diff --from-migrations prisma/migrations --to-schema-datamodel prisma/schema.prisma --script
 * DATABASE_URL defaults to the dev database. Prisma asks for it even for `generate`, and without it the
 * CLI falls back to looking for (and downloading) a native engine, which must never happen here.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const DEFAULT_DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/omnichannel';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const prismaCli = createRequire(path.join(repoRoot, 'package.json')).resolve('prisma/build/index.js');

const env = {
  ...process.env,
  DATABASE_URL: process.env.DATABASE_URL || DEFAULT_DATABASE_URL,
  // No version check or telemetry call home: the hosts are unreachable here and each try costs seconds.
  CHECKPOINT_DISABLE: '1',
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
  // The WASM engine is configured in prisma.config.ts; never fetch native engines as a fallback.
  PRISMA_SKIP_POSTINSTALL_GENERATE: '1',
  PRISMA_ENGINES_CHECKSUM_IGNORE_MISSING: '1',
};

const child = spawn(process.execPath, [prismaCli, ...process.argv.slice(2)], { cwd: repoRoot, env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => {
  if (signal) process.kill(process.pid, signal);
  else process.exit(code ?? 1);
});
