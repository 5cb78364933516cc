import { createAdjustStock } from '../activities/inventory/adjust-stock';
import { runSeed } from '../bench/pickup/bench-data';
import { findFreePorts } from '../bench/pickup/free-ports';
import { recreateMigratedDatabase } from '../bench/support/scratch-database';
import { createPrismaClient } from '../prisma/client';
import { readDemoUsers } from '../prisma/seed/demo-users';
import { type ChaosRow } from './chaos-row';
import { ClusterTemporal } from './cluster-temporal';
import { type LoadWorld } from './order-load';
import { PrivatePostgres } from './private-postgres';
import { runRestartFault, type RestartFault, type RestartLoadOptions } from './restart-faults';
import { RestartStack } from './restart-stack';

export const restartFaultNames = ['api', 'sandbox', 'temporal', 'postgres', 'history'] as const;
export type RestartFaultName = (typeof restartFaultNames)[number];

export interface RestartSuiteOptions {
  runDir: string;
  temporalCli: string;
  faults: readonly RestartFaultName[];
  databaseName: string;
  postgresBinDir: string | undefined;
  ordersPerSecond: number;
  loadSeconds: number;
  faultAtSeconds: number;
  downSeconds: number;
  orderDeadlineSeconds: number;
  historyShards: number;
  startupTimeoutMs: number;
}

const STORE = 'AMS-01';
const SKU = 'APP-CHN-BLK';
const UNIT_PRICE = 3999;
const CLERK = 'daan.bakker@omni.example';

async function login(apiUrl: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${apiUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`login as ${email} answered ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

const faultLabels: Record<RestartFaultName, string> = {
  api: 'API restart (SIGKILL)',
  sandbox: 'sandbox restart',
  temporal: 'Temporal dev server restart',
  postgres: 'PostgreSQL restart (crash)',
  history: 'cluster history SIGKILL',
};

/**
 * Faults 2: restarts under a steady order load, on a stack of its own: a private PostgreSQL (so it can be
 * crashed and restarted without touching the machine's shared server), the scratch database migrated and
 * seeded with the demo data, and API, worker, sandbox and Temporal as processes on fixed ports. The dev
 * server rows run on the dev server (SQLite file, so its restart keeps every run); the history row on
 * the real cluster on the private PostgreSQL, its four services as processes, history SIGKILLed.
 */
export async function runRestartSuite(options: RestartSuiteOptions): Promise<ChaosRow[]> {
  const rows: ChaosRow[] = [];
  const [pgPort, apiPort, sandboxPort, temporalPort, clusterPort] = (await findFreePorts(5)) as [number, number, number, number, number];
  console.log(`Restart faults: a private PostgreSQL on port ${pgPort}, the scratch database ${options.databaseName}, seeded...`);
  const postgres = await PrivatePostgres.start({
    binDir: PrivatePostgres.findBinDir(options.postgresBinDir),
    port: pgPort,
    timeoutMs: options.startupTimeoutMs,
  });
  console.log(`  (its data and log in ${postgres.directory})`);
  try {
    const databaseUrl = await recreateMigratedDatabase(postgres.urlFor('postgres'), options.databaseName);
    const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
    // The channels' records point at this run's sandbox.
    process.env.SANDBOX_URL = sandboxUrl;
    await seedWithRetries(databaseUrl);
    const prisma = createPrismaClient({ databaseUrl, poolSize: 2 });
    try {
      await createAdjustStock({ prisma })({
        storeCode: STORE,
        kind: 'RECEIVE',
        lines: [{ sku: SKU, delta: 100_000 }],
        businessKey: 'receive:chaos-restart-load',
        actor: { userId: null, label: 'chaos' },
        workflowId: null,
        reason: 'chaos restart load',
      });
    } finally {
      await prisma.$disconnect();
    }

    const devFaults = options.faults.filter((fault) => fault !== 'history');
    if (devFaults.length > 0) {
      const stack = new RestartStack({
        runDir: options.runDir,
        databaseUrl,
        ports: { api: apiPort, sandbox: sandboxPort, temporal: temporalPort },
        temporal: { kind: 'dev', cli: options.temporalCli },
        startupTimeoutMs: options.startupTimeoutMs,
      });
      try {
        console.log('Starting Temporal dev server (SQLite file), sandbox, API and worker as processes...');
        await stack.start();
        const world = await loadWorld(stack);
        for (const name of devFaults) {
          const fault: RestartFault = {
            name: faultLabels[name],
            apply: () =>
              name === 'postgres'
                ? postgres.crashAndRestart(options.downSeconds * 1000, options.startupTimeoutMs)
                : stack.restart(name === 'temporal' ? 'temporal' : name, options.downSeconds * 1000),
          };
          rows.push(await runOne(fault, world, databaseUrl, options, name));
        }
      } finally {
        await stack.stop();
      }
    }

    if (options.faults.includes('history')) {
      console.log(
        `Starting the Temporal cluster (${options.historyShards} shards) on the private PostgreSQL, built first if this machine has none...`,
      );
      const cluster = new ClusterTemporal({
        runDir: options.runDir,
        serverUrl: postgres.urlFor('postgres'),
        applicationDatabase: options.databaseName,
        frontendPort: clusterPort,
        historyShards: options.historyShards,
      });
      const stack = new RestartStack({
        runDir: options.runDir,
        databaseUrl,
        ports: { api: apiPort, sandbox: sandboxPort, temporal: clusterPort },
        temporal: { kind: 'cluster', cluster },
        startupTimeoutMs: options.startupTimeoutMs,
      });
      try {
        await cluster.start();
        await stack.start();
        const world = await loadWorld(stack);
        const fault: RestartFault = {
          name: faultLabels.history,
          apply: () => cluster.killAndRestart('temporal-history', options.downSeconds * 1000, options.startupTimeoutMs),
        };
        rows.push(await runOne(fault, world, databaseUrl, options, 'history'));
      } finally {
        await stack.stop();
        await cluster.stop();
      }
    }
  } finally {
    postgres.stop();
  }
  return rows;
}

/**
 * The demo seed, tried again when it fails: its transactions have a 5 s timeout that a machine under
 * heavy load can exceed, and it only inserts what is missing, so a second run finishes the first.
 */
async function seedWithRetries(databaseUrl: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await runSeed(databaseUrl);
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
      console.log(`  the seed failed (attempt ${attempt}), trying again: ${String(error).split('\n')[0]}`);
    }
  }
}

async function loadWorld(stack: RestartStack): Promise<LoadWorld> {
  const users = readDemoUsers();
  const opsLead = users.users.find((user) => user.role === 'OPS_LEAD');
  if (opsLead === undefined) throw new Error('the demo users have no OPS_LEAD');
  return {
    apiUrl: stack.apiUrl,
    sandboxUrl: stack.sandboxUrl,
    channelCode: 'megamart',
    storeCode: STORE,
    sku: SKU,
    unitPrice: UNIT_PRICE,
    clerkToken: await login(stack.apiUrl, CLERK, users.password),
    webToken: await login(stack.apiUrl, opsLead.email, users.password),
  };
}

async function runOne(
  fault: RestartFault,
  world: LoadWorld,
  databaseUrl: string,
  options: RestartSuiteOptions,
  name: RestartFaultName,
): Promise<ChaosRow> {
  const load: RestartLoadOptions = {
    world,
    databaseUrl,
    ordersPerSecond: options.ordersPerSecond,
    loadMs: options.loadSeconds * 1000,
    faultAtMs: options.faultAtSeconds * 1000,
    orderDeadlineMs: options.orderDeadlineSeconds * 1000,
    runPrefix: `CHAOS-${name.toUpperCase()}-${Date.now().toString(36).toUpperCase()}`,
  };
  console.log(
    `  ${fault.name}: ${options.ordersPerSecond} order(s)/s for ${options.loadSeconds} s, the fault ${options.faultAtSeconds} s in (${options.downSeconds} s down), each order's deadline ${options.orderDeadlineSeconds} s...`,
  );
  return runRestartFault(fault, load);
}
