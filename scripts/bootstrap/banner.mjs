/** What a person needs once `npm run dev` is up: where everything is and how to log in. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { paint, say, seconds } from './output.mjs';
import { reachableHost } from './ports.mjs';
import { repoRoot } from './settings.mjs';

/** The database URL without its password, fit to print. */
export function withoutPassword(/** @type {string} */ databaseUrl) {
  const url = new URL(databaseUrl);
  if (url.password) url.password = '***';
  return url.toString();
}

function demoLoginLines() {
  // The logins of the demo retailer SEED_PROFILE seeded (prisma/seed/seed-profiles.ts).
  const profileDir = process.env.SEED_PROFILE === 'indonesia' ? ['indonesia'] : [];
  const file = join(repoRoot, 'prisma', 'seed-data', ...profileDir, 'demo-users.json');
  if (!existsSync(file)) return [];
  /** @type {{ password: string, users: { email: string, name: string, role: string, storeCode: string | null, isStoreManager: boolean }[] }} */
  const demo = JSON.parse(readFileSync(file, 'utf8'));
  const width = Math.max(...demo.users.map(({ email }) => email.length));
  return [
    `Demo logins (password for all: ${paint('bold', demo.password)})`,
    ...demo.users.map(({ email, name, role, storeCode, isStoreManager }) => {
      const where = storeCode ? `, ${storeCode}${isStoreManager ? ' manager' : ''}` : '';
      return `  ${email.padEnd(width)}  ${role}${where} (${name})`;
    }),
  ];
}

/**
 * @param {{ started: string[], temporal: { managed: boolean, mode: 'dev' | 'cluster' }, readyInMs: number }} state
 */
export function printReadyBanner({ started, temporal, readyInMs }) {
  const env = process.env;
  const api = `http://${reachableHost(env.API_HOST ?? '')}:${env.API_PORT}`;
  /** @type {[string, string][]} */
  const links = [];
  if (started.includes('api')) links.push(['API', `${api}/api`], ['API docs', `${api}/api/docs`], ['Admin UI', `${api}/admin`]);
  if (temporal.mode === 'cluster')
    links.push([
      'Temporal UI',
      `none in cluster mode (the Web UI comes with the dev server): temporal workflow list --address ${env.TEMPORAL_ADDRESS}`,
    ]);
  else links.push(['Temporal UI', `${env.TEMPORAL_UI_URL}${temporal.managed ? '' : ' (server not started by us)'}`]);
  if (started.includes('sandbox')) links.push(['Sandbox', `${env.SANDBOX_URL}`]);
  links.push(
    ['PostgreSQL', withoutPassword(env.DATABASE_URL ?? '')],
    [
      'Temporal',
      `${temporal.mode === 'cluster' ? 'cluster' : 'dev server'} ${env.TEMPORAL_ADDRESS} namespace ${env.TEMPORAL_NAMESPACE}, task queue ${env.TEMPORAL_TASK_QUEUE}`,
    ],
  );
  const lines = [
    '',
    paint('green', `Omnichannel Ops is ready (${seconds(readyInMs)}): ${started.join(', ') || 'no processes yet'}`),
    ...links.map(([label, url]) => `  ${label.padEnd(12)} ${url}`),
    ...demoLoginLines(),
    'Ctrl-C stops everything this command started.',
    '',
  ];
  for (const line of lines) say(line);
}
