import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client, Connection } from '@temporalio/client';
import { loadConfigOrExit } from '../domain/config';
import { createPrismaClient, type PrismaClient } from '../prisma/client';
import { readDemoUsers } from '../prisma/seed/demo-users';
import { type IntakeStormConfig, intakeStormSchema } from './intake-storm/config';
import { readLoggedAnswers } from './intake-storm/api-answer-log';
import { prepareScarceProduct } from './intake-storm/storm-catalogue';
import { auditStorm } from './intake-storm/storm-audit';
import { sendStorm, type StormLoad } from './intake-storm/storm-load';
import { runSeed } from './pickup/bench-data';
import { type BenchChild, startChild } from './pickup/child-process';
import { findFreePorts } from './pickup/free-ports';
import { BENCH_NAMESPACE, type BenchStack, startBenchStack } from './pickup/stack';
import { waitUntil } from './pickup/wait-until';
import { percentile } from './support/latency';
import { createScratchDatabase } from './support/scratch-database';

/**
 * Issue 8's storm against a private stack on this machine (Temporal dev server, worker, API and channel
 * sandbox as child processes, scratch database): 440 pickup orders for one scarce SKU in 30 s, most
 * through the sandbox's channels with duplicated and reordered webhooks, some through POST /api/orders,
 * some cancelled by their customer at once. Then it waits for things to settle and prints what the issue
 * counted: orders accepted, stranded without a run, rows that disagree with Temporal, refunds of money
 * never taken, answer times and the 503 share.
 */

const repoRoot = path.resolve(__dirname, '..');

function startSandbox(runDir: string, port: number, apiUrl: string, config: IntakeStormConfig): BenchChild {
  return startChild({
    name: 'sandbox',
    command: process.execPath,
    args: ['--import', 'tsx', 'channels/sandbox/main.ts'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      SANDBOX_HOST: '127.0.0.1',
      SANDBOX_PORT: String(port),
      API_URL: apiUrl,
      SANDBOX_WEBHOOK_DUPLICATE_RATE: String(config.BENCH_STORM_DUPLICATE_RATE),
      SANDBOX_WEBHOOK_REORDER_WINDOW_MS: String(config.BENCH_STORM_REORDER_WINDOW_MS),
    },
    cwd: repoRoot,
    logFile: path.join(runDir, 'sandbox.log'),
  });
}

async function signInAsOpsLead(apiUrl: string): Promise<string> {
  const users = readDemoUsers();
  const opsLead = users.users.find((user) => user.role === 'OPS_LEAD');
  const response = await fetch(`${apiUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: opsLead?.email, password: users.password }),
  });
  return ((await response.json()) as { token: string }).token;
}

interface Deliveries {
  deliveries: { status: string; lastHttpStatus: number | null }[];
}

/** Webhooks still on their way, starts still pending, and orders whose run has not got past reserving yet. */
async function unsettled(prisma: PrismaClient, sandboxUrl: string): Promise<{ webhooks: number; starts: number; received: number }> {
  const { deliveries } = (await (await fetch(`${sandboxUrl}/_control/webhooks`)).json()) as Deliveries;
  return {
    webhooks: deliveries.filter((delivery) => delivery.status === 'pending').length,
    starts: await prisma.workflowStart.count({ where: { OR: [{ status: 'PENDING' }, { nextAttemptAt: { not: null } }] } }),
    received: await prisma.order.count({ where: { status: 'RECEIVED' } }),
  };
}

function summarise(label: string, answers: { status: number; ms: number }[]): string {
  const times = answers.map((answer) => answer.ms).sort((a, b) => a - b);
  const unavailable = answers.filter((answer) => answer.status === 503).length;
  const byStatus = new Map<number, number>();
  for (const answer of answers) byStatus.set(answer.status, (byStatus.get(answer.status) ?? 0) + 1);
  const statuses = [...byStatus]
    .sort(([a], [b]) => a - b)
    .map(([status, count]) => `${count} x ${status}`)
    .join(', ');
  return `${label}: ${answers.length} answers (${statuses}); p50 ${percentile(times, 50).toFixed(0)} ms, p99 ${percentile(times, 99).toFixed(0)} ms; 503 share ${answers.length === 0 ? 0 : ((100 * unavailable) / answers.length).toFixed(1)}%`;
}

function printLoad(config: IntakeStormConfig, load: StormLoad): void {
  console.log(
    `Sent in ${load.sendSeconds.toFixed(1)} s: ${load.channelOrders.length} channel orders (${load.channelPlacementFailures.length} refused by the sandbox), ` +
      `${load.webAccepted.length}/${config.BENCH_STORM_WEB_ORDERS} web orders accepted (${load.webRefused.length} refused after retries), ` +
      `${load.cancels.filter((cancel) => cancel.status === 200).length}/${load.cancels.length} customer cancels`,
  );
  for (const failure of load.channelPlacementFailures.slice(0, 5)) console.log(`  sandbox refused: ${failure}`);
}

export async function runIntakeStormBench(): Promise<void> {
  const config = loadConfigOrExit(intakeStormSchema, 'bench:intake-storm');
  const runDir = mkdtempSync(path.join(os.tmpdir(), 'omnichannel-intake-storm-'));
  const [sandboxPort] = (await findFreePorts(1)) as [number];
  const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
  // Channel records and the worker's message gateway point at this run's sandbox.
  process.env.SANDBOX_URL = sandboxUrl;
  console.log(
    `CPUs ${os.cpus().length}, load average ${os
      .loadavg()
      .map((load) => load.toFixed(2))
      .join(' ')} at the start`,
  );
  console.log(`Re-creating scratch database ${config.BENCH_DATABASE_NAME}, migrating and seeding it...`);
  const databaseUrl = await createScratchDatabase(config.DATABASE_URL, config.BENCH_DATABASE_NAME);
  await runSeed(databaseUrl);
  const prisma = createPrismaClient({ databaseUrl, poolSize: 2 });
  let stack: BenchStack | undefined;
  let sandbox: BenchChild | undefined;
  let connection: Connection | undefined;
  const cleanUp = async () => {
    await connection?.close().catch(() => undefined);
    await sandbox?.stop(10_000);
    await stack?.stop();
    await prisma.$disconnect();
  };
  process.once('SIGINT', () => void cleanUp().finally(() => process.exit(130)));
  try {
    const product = await prepareScarceProduct(prisma, config);
    console.log(`Starting Temporal dev server, worker, API and channel sandbox (logs in ${runDir})...`);
    stack = await startBenchStack(config, databaseUrl, runDir, { server: 'dev', workers: 1 });
    sandbox = startSandbox(runDir, sandboxPort, stack.apiUrl, config);
    const started = sandbox;
    await waitUntil('the sandbox', async () => (await fetch(`${sandboxUrl}/healthz`)).ok, {
      timeoutMs: config.BENCH_PICKUP_STARTUP_TIMEOUT_SECONDS * 1000,
      giveUpIf: () => started.exitDescription(),
    });
    connection = await Connection.connect({ address: stack.temporalAddress });
    const client = new Client({ connection, namespace: BENCH_NAMESPACE });
    console.log(
      `Storm: ${config.BENCH_STORM_CHANNEL_ORDERS} orders through ${config.BENCH_STORM_CHANNELS.join(', ')} (duplicateRate ${config.BENCH_STORM_DUPLICATE_RATE}, ` +
        `reorderWindowMs ${config.BENCH_STORM_REORDER_WINDOW_MS}), ${config.BENCH_STORM_WEB_ORDERS} through POST /api/orders, ${config.BENCH_STORM_CANCELS} customer cancels, ` +
        `in ${config.BENCH_STORM_SECONDS} s at concurrency ${config.BENCH_STORM_CONCURRENCY}; ${config.BENCH_STORM_UNITS} units of ${product.sku} at ${config.BENCH_STORM_STORE}, none elsewhere`,
    );
    const load = await sendStorm(config, { apiUrl: stack.apiUrl, sandboxUrl, webToken: await signInAsOpsLead(stack.apiUrl) }, product);
    printLoad(config, load);
    console.log(
      `Load average ${os
        .loadavg()
        .map((value) => value.toFixed(2))
        .join(' ')} at the end of sending`,
    );

    const settleStarted = performance.now();
    let last = await unsettled(prisma, sandboxUrl);
    while (performance.now() - settleStarted < config.BENCH_STORM_SETTLE_SECONDS * 1000) {
      last = await unsettled(prisma, sandboxUrl);
      if (last.webhooks === 0 && last.starts === 0 && last.received === 0) break;
      await sleep(1000);
    }
    console.log(
      `Settled after ${((performance.now() - settleStarted) / 1000).toFixed(0)} s: webhooks still pending ${last.webhooks}, ` +
        `starts pending ${last.starts}, orders still RECEIVED ${last.received}`,
    );

    const outcome = await auditStorm(prisma, client, product.sku);
    const answers = readLoggedAnswers(path.join(runDir, 'api.log'));
    const { deliveries } = (await (await fetch(`${sandboxUrl}/_control/webhooks`)).json()) as Deliveries;
    console.log('\nResults');
    console.log(
      `  orders accepted: ${outcome.ordersAccepted} (${Object.entries(outcome.byStatus)
        .map(([status, count]) => `${count} ${status}`)
        .join(', ')})`,
    );
    console.log(`  stranded RECEIVED without run: ${outcome.strandedWithoutRun}`);
    console.log(`  rows whose workflow_id / start status disagree with Temporal: ${outcome.disagreeing.length}`);
    for (const line of outcome.disagreeing.slice(0, 5)) console.log(`    ${line}`);
    console.log(`  workflow starts pending ${outcome.startsPending}, failed ${outcome.startsFailed}`);
    console.log(`  refunds of uncaptured money: ${outcome.refundsOfUncapturedMoney}`);
    console.log(`  refunds by status: ${JSON.stringify(outcome.refunds)}; payments by status: ${JSON.stringify(outcome.paymentsByStatus)}`);
    console.log(`  cancelled orders with captured money and no refund: ${outcome.cancelledCapturedNotRefunded}`);
    console.log(
      `  units reserved ${outcome.reservedUnits} of ${config.BENCH_STORM_UNITS}; ledger equals levels: ${outcome.ledgerMatchesLevels ? 'yes' : 'NO'}`,
    );
    console.log(
      `  webhook deliveries: ${deliveries.length} events, ${deliveries.filter((delivery) => delivery.status === 'delivered').length} delivered, ` +
        `${deliveries.filter((delivery) => delivery.status === 'abandoned').length} abandoned by the sandbox`,
    );
    console.log(
      `  ${summarise(
        'webhook answers (API log)',
        answers.filter((answer) => answer.url.includes('/webhooks/orders')),
      )}`,
    );
    console.log(`  ${summarise('POST /api/orders answers (web store side)', load.webAnswers)}`);
    const targetsMet = outcome.strandedWithoutRun === 0 && outcome.disagreeing.length === 0 && outcome.refundsOfUncapturedMoney === 0;
    console.log(`\nTargets (0 stranded, 0 disagreeing, 0 refunds of uncaptured money): ${targetsMet ? 'met' : 'NOT MET'}`);
    console.log(`Process logs: ${runDir}; the database ${config.BENCH_DATABASE_NAME} is left for inspection.`);
  } finally {
    await cleanUp();
  }
}

if (require.main === module) {
  runIntakeStormBench().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
