/**
 * The variables every process reads (the shared contract, with the defaults `npm run dev` uses on a fresh
 * machine) and the bootstrap's own tunables. A `.env` file at the repository root is read first; real
 * environment variables win over it. A bad tunable stops the bootstrap with exit code 78, naming it,
 * exactly like the processes' own config parsing does.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fail } from './output.mjs';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const dataDir = join(repoRoot, '.data');

/** Contract defaults (see .env.example); DATABASE_URL is left to the PostgreSQL discovery. */
export const contractDefaults = Object.freeze({
  DATABASE_POOL_SIZE: '10',
  TEMPORAL_ADDRESS: '127.0.0.1:7233',
  TEMPORAL_NAMESPACE: 'default',
  TEMPORAL_TASK_QUEUE: 'omnichannel',
  TEMPORAL_UI_URL: 'http://127.0.0.1:8233',
  API_HOST: '127.0.0.1',
  API_PORT: '3000',
  API_URL: 'http://127.0.0.1:3000',
  SANDBOX_PORT: '4010',
  SANDBOX_URL: 'http://127.0.0.1:4010',
  LOG_LEVEL: 'info',
});

const EX_CONFIG = 78;

/** Reads `.env` once, before anything looks at process.env. */
export function loadDotEnvFile() {
  const file = join(repoRoot, '.env');
  if (existsSync(file)) process.loadEnvFile(file);
}

/**
 * @param {string} name
 * @param {number} fallback
 * @param {{ min: number, max: number }} range
 */
function integerVariable(name, fallback, { min, max }) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    fail(`Invalid configuration: ${name} must be an integer between ${min} and ${max} (got ${JSON.stringify(raw)})`);
    process.exit(EX_CONFIG);
  }
  return value;
}

/**
 * @template {string} T
 * @param {string} name
 * @param {readonly T[]} choices
 * @param {T} fallback
 * @returns {T}
 */
function choiceVariable(name, choices, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!choices.includes(/** @type {T} */ (raw))) {
    fail(`Invalid configuration: ${name} must be one of ${choices.join(', ')} (got ${JSON.stringify(raw)})`);
    process.exit(EX_CONFIG);
  }
  return /** @type {T} */ (raw);
}

/**
 * Splits a `host:port` variable, failing like integerVariable does.
 * @param {string} name
 * @param {string} value
 */
export function hostAndPort(name, value) {
  const match = /^(?<host>\[[^\]]+\]|[^:]+):(?<port>\d{1,5})$/.exec(value);
  const port = Number(match?.groups?.port);
  if (!match?.groups?.host || port < 1 || port > 65535) {
    fail(`Invalid configuration: ${name} must be host:port (got ${JSON.stringify(value)})`);
    process.exit(EX_CONFIG);
  }
  return { host: match.groups.host, port };
}

/** Whether the user chose a value (environment or .env) rather than leaving the default. */
export function isSetByUser(/** @type {string} */ name) {
  const value = process.env[name];
  return value !== undefined && value !== '';
}

/** The bootstrap's own knobs, read after loadDotEnvFile(). */
export function readBootstrapSettings() {
  return Object.freeze({
    /** Waiting for a Temporal server to answer (a cold dev server with a big SQLite file needs a few seconds). */
    temporalReadyTimeoutMs: integerVariable('BOOTSTRAP_TEMPORAL_TIMEOUT_SECONDS', 60, { min: 1, max: 3600 }) * 1000,
    /** Waiting for PostgreSQL after starting it (cluster or embedded) or for a DATABASE_URL server to come up. */
    postgresReadyTimeoutMs: integerVariable('BOOTSTRAP_POSTGRES_TIMEOUT_SECONDS', 30, { min: 1, max: 3600 }) * 1000,
    /** Waiting for api/sandbox to answer /healthz; tsx compiles on the fly, so the first start is slow. */
    processReadyTimeoutMs: integerVariable('BOOTSTRAP_READY_TIMEOUT_SECONDS', 120, { min: 1, max: 3600 }) * 1000,
    /** How long a stopped process gets between SIGTERM and SIGKILL. */
    stopGraceMs: integerVariable('BOOTSTRAP_STOP_GRACE_SECONDS', 15, { min: 1, max: 600 }) * 1000,
    /** Port of the embedded PostgreSQL used when no other PostgreSQL answers (dev and setup). */
    embeddedPostgresPort: integerVariable('EMBEDDED_PG_PORT', 54329, { min: 1, max: 65535 }),
    /** v1.6+ carry a `replace` directive in go.mod and refuse `go install ...@version`. */
    temporalCliVersion: process.env.TEMPORAL_CLI_VERSION || 'v1.5.1',
    /** Explicit path to a `temporal` binary; otherwise PATH, then $(go env GOPATH)/bin, then go install. */
    temporalCliPath: process.env.TEMPORAL_CLI || undefined,
    /** Where `dev` keeps its Temporal SQLite file, server log and pid records; tests point a second dev stack elsewhere. */
    devStateDir: process.env.BOOTSTRAP_DEV_DIR ? resolve(repoRoot, process.env.BOOTSTRAP_DEV_DIR) : join(dataDir, 'dev'),
    temporalDevDir: process.env.BOOTSTRAP_DEV_DIR
      ? resolve(repoRoot, process.env.BOOTSTRAP_DEV_DIR, 'temporal')
      : join(dataDir, 'temporal'),
    /** Nested runs in tests set this so they never rewrite admin/dist under the stack that serves it. */
    skipAdminUiBuild: process.env.BOOTSTRAP_SKIP_ADMIN_UI_BUILD === 'true',
    /** Brotli KB a first visit to the admin UI may download before the build stage fails (about 253 today). */
    adminFirstLoadBudgetKb: integerVariable('ADMIN_FIRST_LOAD_BUDGET_KB', 300, { min: 1, max: 100_000 }),
    /** dev = `temporal server start-dev` (SQLite, one shard); cluster = the real server on PostgreSQL, a process per service. */
    temporalMode: choiceVariable('TEMPORAL_MODE', /** @type {const} */ (['dev', 'cluster']), 'dev'),
    /** Cluster mode: the go.temporal.io/server version built and run (its schemas and sample config come with it). */
    temporalServerVersion: process.env.TEMPORAL_SERVER_VERSION || 'v1.29.1',
    /** Cluster mode: where `server` and `sql` are (built there when missing); default $(go env GOPATH)/bin/temporal-server-<version>. */
    temporalServerBinDir: process.env.TEMPORAL_SERVER_BIN_DIR ? resolve(repoRoot, process.env.TEMPORAL_SERVER_BIN_DIR) : undefined,
    /** Cluster mode: numHistoryShards of a new cluster (fixed once its database exists). */
    temporalHistoryShards: integerVariable('TEMPORAL_HISTORY_SHARDS', 16, { min: 1, max: 16384 }),
    /** Cluster mode: PostgreSQL connections of each Temporal service process (four of them share the server's max_connections). */
    temporalClusterPoolSize: integerVariable('TEMPORAL_CLUSTER_DB_POOL_SIZE', 10, { min: 1, max: 200 }),
    /** Cluster mode: retention of the namespace the bootstrap registers. */
    temporalRetentionDays: integerVariable('TEMPORAL_NAMESPACE_RETENTION_DAYS', 3, { min: 1, max: 3650 }),
    /** Cluster mode: config and state of `dev`'s cluster (its data is in PostgreSQL). */
    temporalClusterDir: process.env.BOOTSTRAP_DEV_DIR
      ? resolve(repoRoot, process.env.BOOTSTRAP_DEV_DIR, 'temporal-cluster')
      : join(dataDir, 'temporal-cluster'),
    /** Worker processes `dev` and `test` start (`npm run dev -- --workers N` sets it too). */
    workerProcesses: integerVariable('BOOTSTRAP_WORKER_PROCESSES', 1, { min: 1, max: 32 }),
    devDatabaseName: 'omnichannel',
    testDatabaseName: process.env.TEST_DATABASE_NAME || 'omnichannel_test',
  });
}

/** @typedef {ReturnType<typeof readBootstrapSettings>} BootstrapSettings */

/** Fills every contract variable the user left unset, so children and tests all see the same values. */
export function applyContractDefaults() {
  for (const [name, value] of Object.entries(contractDefaults)) if (!isSetByUser(name)) process.env[name] = value;
}
