/**
 * The cluster's config, derived from the module's own `config/development-postgres12.yaml` (so upstream
 * defaults we do not care about stay upstream's): our databases and login, numHistoryShards, and every
 * port moved to the ones the caller chose. Each service runs as its own process with its own config
 * directory, because the sample's global metrics listener would otherwise be bound by all four.
 */
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { requireFromProject } from './deps.mjs';

export const CLUSTER_SERVICES = /** @type {const} */ (['history', 'matching', 'frontend', 'worker']);
/** @typedef {typeof CLUSTER_SERVICES[number]} ClusterService */

/**
 * @typedef {object} ServicePorts
 * @property {number} grpc
 * @property {number} membership
 * @property {number} metrics Prometheus endpoint of this service's process
 * @property {number} [http] frontend only: the HTTP API
 */

/**
 * @typedef {object} ClusterConfigSpec
 * @property {string} moduleDir
 * @property {string} root directory the config is written under
 * @property {string} serverUrl PostgreSQL server (host, port, login)
 * @property {import('./temporal-cluster-schema.mjs').ClusterDatabaseNames} databases
 * @property {number} historyShards
 * @property {number} poolSize persistence connections per service process
 * @property {Record<ClusterService, ServicePorts>} ports
 */

/** Writes every service's config; returns the directory of each, relative to `root`. */
export function writeClusterConfig(/** @type {ClusterConfigSpec} */ spec) {
  const YAML = requireFromProject('yaml');
  const sample = YAML.parse(readFileSync(join(spec.moduleDir, 'config', 'development-postgres12.yaml'), 'utf8'));
  const dynamicSample = YAML.parse(readFileSync(join(spec.moduleDir, 'config', 'dynamicconfig', 'development-sql.yaml'), 'utf8')) ?? {};
  const dynamicConfigFile = join(spec.root, 'dynamicconfig.yaml');
  mkdirSync(spec.root, { recursive: true });
  // The sample's dynamic config as it is: upstream's production defaults otherwise (4 task-queue partitions, caches).
  const nexusCallback = 'component.nexusoperations.callback.endpoint.template';
  if (Array.isArray(dynamicSample[nexusCallback])) {
    dynamicSample[nexusCallback] = dynamicSample[nexusCallback].map((/** @type {{ value: string }} */ entry) => ({
      ...entry,
      value: String(entry.value).replace(/\/\/[^/]+\//, `//127.0.0.1:${spec.ports.frontend.http}/`),
    }));
  }
  writeFileSync(dynamicConfigFile, YAML.stringify(dynamicSample));

  const url = new URL(spec.serverUrl);
  const login = {
    connectAddr: `${url.hostname}:${url.port || '5432'}`,
    user: decodeURIComponent(url.username || 'postgres'),
    password: decodeURIComponent(url.password),
  };
  const config = structuredClone(sample);
  // Servers log at info a line per shard and poll; warnings and errors are what a person reads.
  config.log = { ...config.log, stdout: true, level: 'warn' };
  config.persistence.numHistoryShards = spec.historyShards;
  const stores = config.persistence.datastores;
  expectKeys(stores, ['postgres-default', 'postgres-visibility'], 'persistence.datastores');
  Object.assign(stores['postgres-default'].sql, login, {
    databaseName: spec.databases.persistence,
    maxConns: spec.poolSize,
    maxIdleConns: spec.poolSize,
  });
  Object.assign(stores['postgres-visibility'].sql, login, { databaseName: spec.databases.visibility });
  // pprof off: its single port would be bound by every service process.
  config.global.pprof = { port: 0 };
  expectKeys(config.services, CLUSTER_SERVICES, 'services');
  for (const service of CLUSTER_SERVICES) {
    const { grpc, membership, http } = spec.ports[service];
    Object.assign(config.services[service].rpc, { grpcPort: grpc, membershipPort: membership, bindOnLocalHost: true });
    if (http !== undefined) config.services[service].rpc.httpPort = http;
  }
  const frontend = `127.0.0.1:${spec.ports.frontend.grpc}`;
  const active = config.clusterMetadata.clusterInformation[config.clusterMetadata.currentClusterName];
  if (!active) throw new Error('development-postgres12.yaml: clusterMetadata has no entry for currentClusterName');
  active.rpcAddress = frontend;
  // Archival writes to /tmp in the sample; nothing of ours archives, so it stays off.
  config.archival = { history: { state: 'disabled' }, visibility: { state: 'disabled' } };
  config.namespaceDefaults = { archival: { history: { state: 'disabled' }, visibility: { state: 'disabled' } } };
  config.dynamicConfigClient = { filepath: dynamicConfigFile, pollInterval: '10s' };

  /** @type {Record<string, string>} */
  const dirs = {};
  for (const service of CLUSTER_SERVICES) {
    const perService = structuredClone(config);
    perService.global.metrics.prometheus.listenAddress = `127.0.0.1:${spec.ports[service].metrics}`;
    const dir = join('config', service);
    mkdirSync(join(spec.root, dir), { recursive: true });
    const file = join(spec.root, dir, 'development.yaml');
    writeFileSync(
      file,
      `# Written by scripts/bootstrap (from go.temporal.io/server's config/development-postgres12.yaml); rewritten on every start.\n${YAML.stringify(perService)}`,
    );
    // It holds the database password.
    chmodSync(file, 0o600);
    dirs[service] = dir;
  }
  return { dirs: /** @type {Record<ClusterService, string>} */ (dirs), frontend };
}

/**
 * Fails loudly when the sample no longer has the shape we derive from (a future server version).
 * @param {Record<string, unknown>} object
 * @param {readonly string[]} keys
 * @param {string} where
 */
function expectKeys(object, keys, where) {
  const missing = keys.filter((key) => !object || typeof object[key] !== 'object');
  if (missing.length > 0)
    throw new Error(
      `development-postgres12.yaml: ${where} has no ${missing.join(', ')}; update scripts/bootstrap/temporal-cluster-config.mjs`,
    );
}
