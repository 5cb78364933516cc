import { mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { Client as SqlClient } from 'pg';
import { loadConfigOrExit } from '../domain/config';
import { createPrismaClient, type PrismaClient } from '../prisma/client';
import { workerConfigSchema } from '../worker/config';
import { runBaselineStep } from './pickup/baseline-step';
import { type BenchCatalogue, seedBenchData } from './pickup/bench-data';
import { type PickupBenchConfig, pickupBenchSchema } from './pickup/config';
import { channelWebhookIntake, type OrderIntake, webStoreIntake } from './pickup/intake';
import { printOverload, runOverloadStep } from './pickup/overload-step';
import { runPickupStep } from './pickup/pickup-step';
import { printResults, printSetup, printStepLine, type StepPair, type WorkerSlots } from './pickup/report';
import { printComparison, shapeLabel, type ShapeResult } from './pickup/shape-comparison';
import { startResourceSampling } from './pickup/resource-sampler';
import { isSustained, type StepResult } from './pickup/step-result';
import { BENCH_NAMESPACE, type BenchStack, type StackShape, startBenchStack } from './pickup/stack';
import { createScratchDatabase } from './support/scratch-database';

/**
 * Pickup throughput from intake to PICK task created, next to a no-op baseline workflow, on a private
 * stack (Temporal dev server or cluster, N workers, API as child processes, scratch database) at a ramp
 * of offered rates; prints the figures, the targets met or not, and what the machine was short
 * of, per stack shape, then the shapes side by side.
 */

/** Untimed warm-up pace: fast enough to be short, slow enough not to be a load test of its own. */
const WARMUP_RATE = 10;

async function intakeFor(config: PickupBenchConfig, prisma: PrismaClient, apiUrl: string, catalogue: BenchCatalogue): Promise<OrderIntake> {
  if (config.BENCH_PICKUP_INTAKE === 'web') return webStoreIntake(apiUrl, catalogue, config.BENCH_PICKUP_LINES_PER_ORDER);
  const channel = await prisma.channel.findUnique({
    where: { code: config.BENCH_PICKUP_WEBHOOK_CHANNEL },
    select: { code: true, webhookSecret: true },
  });
  if (channel === null) throw new Error(`No channel ${config.BENCH_PICKUP_WEBHOOK_CHANNEL} in the seed (BENCH_PICKUP_WEBHOOK_CHANNEL)`);
  return channelWebhookIntake(apiUrl, channel, catalogue, config.BENCH_PICKUP_LINES_PER_ORDER);
}

/**
 * The ramp on one stack shape (server, worker processes), from a fresh database and a fresh stack, so no
 * shape inherits another's rows, backlog or warm caches.
 */
async function runShape(config: PickupBenchConfig, shape: StackShape, workerSlots: WorkerSlots, runDir: string): Promise<ShapeResult> {
  console.log(`\n=== ${shapeLabel(shape)} ===`);
  console.log(`Re-creating scratch database ${config.BENCH_DATABASE_NAME}, migrating and seeding it...`);
  const databaseUrl = await createScratchDatabase(config.DATABASE_URL, config.BENCH_DATABASE_NAME);
  const prisma = createPrismaClient({ databaseUrl, poolSize: 2 });
  const sql = new SqlClient({ connectionString: databaseUrl, application_name: 'bench-sampler' });
  const shapeDir = path.join(runDir, `${shape.server}-${shape.workers}w`);
  mkdirSync(shapeDir, { recursive: true });
  let stack: BenchStack | undefined;
  let connection: Connection | undefined;
  const cleanUp = async () => {
    await connection?.close().catch(() => undefined);
    await stack?.stop();
    await Promise.allSettled([prisma.$disconnect(), sql.end()]);
  };
  const interrupted = (signal: NodeJS.Signals) => {
    console.error(`\n${signal}: stopping the bench stack...`);
    void cleanUp().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);

  try {
    await sql.connect();
    const catalogue = await seedBenchData(prisma, databaseUrl, config);
    console.log(
      `Starting ${shape.server === 'dev' ? 'the Temporal dev server' : 'the Temporal cluster'}, ${shape.workers} worker(s) and the API (logs in ${shapeDir})...`,
    );
    stack = await startBenchStack(config, databaseUrl, shapeDir, shape);
    const started = stack;
    connection = await Connection.connect({ address: started.temporalAddress });
    const client = new Client({ connection, namespace: BENCH_NAMESPACE });
    const intake = await intakeFor(config, prisma, started.apiUrl, catalogue);
    printSetup(config, intake.description, workerSlots, { ...shape, historyShards: started.historyShards });

    const startSampling = () =>
      startResourceSampling({
        sql,
        databaseName: config.BENCH_DATABASE_NAME,
        processes: started.processes,
        poolSize: config.DATABASE_POOL_SIZE,
        intervalMs: config.BENCH_PICKUP_SAMPLE_INTERVAL_MS,
      });
    const baselineDeps = { client, startSampling, config };
    const pickupDeps = { intake, prisma, client, startSampling, config };

    if (config.BENCH_PICKUP_WARMUP_ORDERS > 0) {
      console.log(`Warm-up (untimed): ${config.BENCH_PICKUP_WARMUP_ORDERS} baseline workflows and pickup orders at ${WARMUP_RATE}/s`);
      const warmUp = { rate: WARMUP_RATE, seconds: config.BENCH_PICKUP_WARMUP_ORDERS / WARMUP_RATE, batch: 'warmup' };
      printStepLine(await runBaselineStep(baselineDeps, warmUp));
      printStepLine(await runPickupStep(pickupDeps, warmUp));
    }
    const extraBaselines: StepResult[] = [];
    if (config.BENCH_BASELINE_EXTRA_RATES.length > 0) console.log('Baseline alone, to find its capacity:');
    for (const [index, rate] of config.BENCH_BASELINE_EXTRA_RATES.entries()) {
      const baseline = await runBaselineStep(baselineDeps, {
        rate,
        seconds: config.BENCH_PICKUP_STEP_SECONDS,
        batch: `b${index + 1}-${rate}`,
      });
      printStepLine(baseline);
      extraBaselines.push(baseline);
    }
    console.log('Ramp:');
    const pairs: StepPair[] = [];
    for (const [index, rate] of config.BENCH_PICKUP_RATES.entries()) {
      const plan = { rate, seconds: config.BENCH_PICKUP_STEP_SECONDS, batch: `s${index + 1}-${rate}` };
      const baseline = await runBaselineStep(baselineDeps, plan);
      printStepLine(baseline);
      const pickup = await runPickupStep(pickupDeps, plan);
      printStepLine(pickup);
      pairs.push({ rate, baseline, pickup });
    }
    printResults(pairs, extraBaselines, config);
    if (config.BENCH_PICKUP_OVERLOAD_FACTOR > 0) {
      const sustained = pairs.filter((pair) => isSustained(pair.pickup, config.BENCH_SUSTAINED_SHARE)).map((pair) => pair.rate);
      const base = sustained.length === 0 ? Math.min(...config.BENCH_PICKUP_RATES) : Math.max(...sustained);
      printOverload(
        await runOverloadStep(
          { intake, prisma, config },
          { rate: base * config.BENCH_PICKUP_OVERLOAD_FACTOR, seconds: config.BENCH_PICKUP_STEP_SECONDS, batch: 'overload' },
        ),
      );
    }
    return { shape: { ...shape, historyShards: started.historyShards }, pairs, extraBaselines };
  } finally {
    process.removeListener('SIGINT', interrupted);
    process.removeListener('SIGTERM', interrupted);
    await cleanUp();
  }
}

export async function runPickupBench(): Promise<void> {
  const config = loadConfigOrExit(pickupBenchSchema, 'bench:pickup');
  // The worker children parse the same environment; read their slot settings here only to print them.
  const workerConfig = loadConfigOrExit(workerConfigSchema, 'bench:pickup');
  const workerSlots = {
    activities: workerConfig.WORKER_MAX_CONCURRENT_ACTIVITIES,
    workflowTasks: workerConfig.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS,
  };
  const runDir = mkdtempSync(path.join(os.tmpdir(), 'omnichannel-pickup-bench-'));
  const shapes = config.BENCH_PICKUP_SERVERS.flatMap((server) => config.BENCH_PICKUP_WORKERS.map((workers) => ({ server, workers })));
  console.log(`Stack shapes, one after the other: ${shapes.map(shapeLabel).join('; ')}`);
  const results: ShapeResult[] = [];
  for (const shape of shapes) results.push(await runShape(config, shape, workerSlots, runDir));
  if (results.length > 1) printComparison(results, config);
  console.log(`\nProcess logs: ${runDir}; the database ${config.BENCH_DATABASE_NAME} (of the last shape) is left for inspection.`);
}

if (require.main === module) {
  runPickupBench().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
