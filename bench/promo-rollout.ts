import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Runtime, DefaultLogger, Worker } from '@temporalio/worker';
import pino from 'pino';
import { createChannelAdapterSource } from '../activities/channels/channel-adapter-source';
import { demoChannels, type DemoChannel } from '../channels/catalog';
import { createSandboxApp, sandboxOptionsFromConfig } from '../channels/sandbox/app';
import { sandboxConfigSchema } from '../channels/sandbox/config';
import { listenSandbox } from '../channels/sandbox/server';
import { loadConfigOrExit, parseConfig } from '../domain/config';
import { defaultPromotionRolloutSettings, type PushPromotionToChannelResult } from '../domain/promotions/channel-rollout';
import { HttpMessageGateway } from '../message-gateway/http-message-gateway';
import { messageGatewaySettingsFromEnv } from '../message-gateway/message-gateway-settings';
import { createPrismaClient, type PrismaClient } from '../prisma/client';
import { createWorker } from '../worker/create-worker';
import { findFreePorts } from './pickup/free-ports';
import { findTemporalCli, startTemporalDevServer } from './pickup/temporal-dev-server';
import { channelBound, skusWithin } from './promo-rollout/bounds';
import { promoRolloutBenchSchema, type PromoRolloutBenchConfig } from './promo-rollout/config';
import { createNaiveActivities } from './promo-rollout/naive-activities';
import { printTable } from './support/print-table';
import { createScratchDatabase } from './support/scratch-database';

const BASE_PRICE_MINOR = 10_000;
const PROMO_PRICE_MINOR = 9_000;

interface ChannelPlan {
  channel: DemoChannel;
  skus: number;
  promotionId: string;
}

/** Products, channels pointing at the bench's sandbox, and one promotion per channel over its first `skus` products. */
async function seed(prisma: PrismaClient, config: PromoRolloutBenchConfig, sandboxUrl: string): Promise<ChannelPlan[]> {
  const user = await prisma.user.create({
    data: { email: 'bench-lead@promo.bench', name: 'Bench lead', role: 'OPS_LEAD', passwordHash: 'unused' },
  });
  const plans = demoChannels.map((channel) => ({
    channel,
    skus: skusWithin(channel, config.BENCH_PROMO_SKUS, config.BENCH_PROMO_MAX_CHANNEL_S, config.BENCH_PROMO_READBACK_PAGE, 1000),
  }));
  const most = Math.max(...plans.map((plan) => plan.skus)) + config.BENCH_PROMO_NAIVE_SKUS;
  for (let offset = 0; offset < most; offset += 10_000)
    await prisma.product.createMany({
      data: Array.from({ length: Math.min(10_000, most - offset) }, (_, index) => {
        const sku = `BENCH-${String(offset + index).padStart(7, '0')}`;
        return {
          sku,
          name: sku,
          description: 'bench',
          category: 'bench',
          basePriceMinor: BASE_PRICE_MINOR,
          floorPriceMinor: 1,
          currency: 'EUR',
        };
      }),
    });
  const products = await prisma.product.findMany({ orderBy: { sku: 'asc' }, select: { id: true } });
  const result: ChannelPlan[] = [];
  for (const plan of plans) {
    const channel = await prisma.channel.create({
      data: {
        code: plan.channel.code,
        name: plan.channel.name,
        kind: plan.channel.kind,
        baseUrl: `${sandboxUrl}/channels/${plan.channel.code}`,
        requestsPerSecond: plan.channel.rateLimit.perSecond,
        burst: plan.channel.rateLimit.burst,
        perItemCost: plan.channel.rateLimit.perItem,
        maxBatchSize: plan.channel.maxBatchSize,
        asyncJobs: plan.channel.asyncJobs,
        webhookSecret: plan.channel.webhookSecret,
      },
    });
    const promotion = await prisma.promotion.create({
      data: {
        name: `bench ${plan.channel.code}`,
        discountType: 'PERCENT',
        discountValue: 10,
        currency: 'EUR',
        startsAt: new Date(),
        endsAt: new Date(Date.now() + 24 * 3600_000),
        status: 'ACTIVE',
        requestedByUserId: user.id,
        channels: { create: { channelId: channel.id } },
      },
    });
    for (let offset = 0; offset < plan.skus; offset += 10_000)
      await prisma.promotionSku.createMany({
        data: products
          .slice(offset, Math.min(plan.skus, offset + 10_000))
          .map((product) => ({ promotionId: promotion.id, productId: product.id })),
      });
    result.push({ ...plan, promotionId: promotion.id });
  }
  return result;
}

async function historyOf(client: Client, workflowId: string): Promise<number[]> {
  const counts: number[] = [];
  for await (const execution of client.workflow.list({ query: `WorkflowId = '${workflowId}'` })) {
    const history = await client.workflow.getHandle(workflowId, execution.runId).fetchHistory();
    counts.push(history.events?.length ?? 0);
  }
  return counts;
}

/**
 * `npm run bench -- promo-rollout`: a promotion's push (pushPromotionToChannel: paged activities, snapshot,
 * push, read-back) on every demo channel at once, at each channel's published limits, against a sandbox
 * over HTTP, a Temporal dev server of its own and a scratch database. Prints per channel the bound its
 * limit and batch size impose, the measured time and their ratio, the history events per SKU-channel and
 * the longest run, and the naive design (one activity per SKU per channel) on a subset, scaled.
 */
export async function runPromoRolloutBench(): Promise<void> {
  const config = loadConfigOrExit(promoRolloutBenchSchema, 'bench:promo-rollout');
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const logDir = mkdtempSync(path.join(tmpdir(), 'promo-bench-'));
  console.log(`Scratch database ${config.BENCH_DATABASE_NAME}, logs in ${logDir}`);
  const databaseUrl = await createScratchDatabase(config.DATABASE_URL, config.BENCH_DATABASE_NAME);
  const prisma = createPrismaClient({ databaseUrl, poolSize: 20 });
  const sandboxConfig = parseConfig(sandboxConfigSchema, {
    LOG_LEVEL: 'silent',
    SANDBOX_READBACK_MAX_SKUS: String(config.BENCH_PROMO_READBACK_PAGE),
    SANDBOX_ASYNC_JOB_DELAY_MS: String(config.BENCH_PROMO_JOB_DELAY_MS),
  });
  const sandbox = await listenSandbox(
    createSandboxApp({ ...sandboxOptionsFromConfig(sandboxConfig, pino({ level: 'silent' })), channels: demoChannels }),
    { host: '127.0.0.1', port: 0 },
  );
  const [temporalPort] = await findFreePorts(1);
  const temporal = await startTemporalDevServer({
    cli: findTemporalCli(config.TEMPORAL_CLI),
    port: temporalPort ?? 7299,
    logFile: path.join(logDir, 'temporal.log'),
    timeoutMs: 60_000,
  });
  const connection = await Connection.connect({ address: temporal.address });
  const client = new Client({ connection });
  const nativeConnection = await NativeConnection.connect({ address: temporal.address });
  const channels = createChannelAdapterSource({
    prisma,
    apiKeys: { keys: {}, useSandboxDevKeys: true },
    transport: { readBackPageSize: config.BENCH_PROMO_READBACK_PAGE },
  });
  const taskQueue = `promo-bench-${randomUUID()}`;
  try {
    const plans = await seed(prisma, config, sandbox.url);
    console.log(
      `SKUs per channel: ${plans.map((plan) => `${plan.channel.code} ${plan.skus}${plan.skus < config.BENCH_PROMO_SKUS ? ' (smaller: its bound at ' + config.BENCH_PROMO_SKUS + ' exceeds ' + config.BENCH_PROMO_MAX_CHANNEL_S + ' s)' : ''}`).join(', ')}`,
    );
    const worker = await createWorker(
      nativeConnection,
      {
        TEMPORAL_NAMESPACE: 'default',
        TEMPORAL_TASK_QUEUE: taskQueue,
        WORKFLOW_BUNDLE_PATH: undefined,
        WORKER_MAX_CONCURRENT_ACTIVITIES: 20,
        WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: 20,
        WORKER_SHUTDOWN_GRACE_MS: 1000,
      },
      {
        prisma,
        channels,
        messageGateway: new HttpMessageGateway(messageGatewaySettingsFromEnv({ MESSAGE_GATEWAY_URL: `${sandbox.url}/gateway` })),
      },
    );
    const settings = {
      ...defaultPromotionRolloutSettings,
      pageSize: config.BENCH_PROMO_PAGE_SIZE,
      pagesPerRun: config.BENCH_PROMO_PAGES_PER_RUN,
      readBackDelayMs: 0,
      channelCallTimeoutMs: 30 * 60_000,
    };
    const measured = await worker.runUntil(async () =>
      Promise.all(
        plans.map(async (plan) => {
          const workflowId = `bench:${plan.promotionId}:${plan.channel.code}:apply`;
          const started = performance.now();
          const result = (await client.workflow.execute('pushPromotionToChannel', {
            taskQueue,
            workflowId,
            args: [{ promotionId: plan.promotionId, channelCode: plan.channel.code, phase: 'APPLY', settings }],
          })) as PushPromotionToChannelResult;
          const seconds = (performance.now() - started) / 1000;
          console.log(`  ${plan.channel.code}: ${result.figures.verified}/${plan.skus} verified in ${seconds.toFixed(1)} s`);
          return { plan, seconds, result, workflowId };
        }),
      ),
    );

    // The naive design on a subset of SKUs the promotions do not hold, each channel at once, at the same limits.
    const naiveQueue = `promo-bench-naive-${randomUUID()}`;
    const naiveWorker = await Worker.create({
      connection: nativeConnection,
      taskQueue: naiveQueue,
      workflowsPath: require.resolve('./promo-rollout/naive-workflow'),
      activities: createNaiveActivities(channels),
      maxConcurrentActivityTaskExecutions: 20,
    });
    const spare = await prisma.product.findMany({ orderBy: { sku: 'desc' }, take: config.BENCH_PROMO_NAIVE_SKUS, select: { sku: true } });
    const naive = await naiveWorker.runUntil(async () =>
      Promise.all(
        plans.map(async (plan) => {
          const started = performance.now();
          await client.workflow.execute('naivePromoPush', {
            taskQueue: naiveQueue,
            workflowId: `bench-naive:${plan.channel.code}:${randomUUID()}`,
            args: [{ channelCode: plan.channel.code, skus: spare.map((row) => row.sku), priceMinor: PROMO_PRICE_MINOR, currency: 'EUR' }],
          });
          return { code: plan.channel.code, perSku: (performance.now() - started) / 1000 / spare.length };
        }),
      ),
    );

    const rows: Record<string, string | number>[] = [];
    let events = 0;
    let skuChannels = 0;
    let longest = 0;
    for (const { plan, seconds, result, workflowId } of measured) {
      const bound = channelBound(plan.channel, plan.skus, config.BENCH_PROMO_READBACK_PAGE);
      const runs = await historyOf(client, workflowId);
      const runEvents = runs.reduce((sum, count) => sum + count, 0);
      events += runEvents;
      skuChannels += plan.skus;
      longest = Math.max(longest, ...runs);
      const naivePerSku = naive.find((entry) => entry.code === plan.channel.code)?.perSku ?? Number.NaN;
      rows.push({
        channel: plan.channel.code,
        SKUs: plan.skus,
        'limit /s': `${plan.channel.rateLimit.perSecond}${plan.channel.rateLimit.perItem ? ' per row' : ''}`,
        batch: plan.channel.maxBatchSize,
        'bound s': bound.seconds.toFixed(1),
        'measured s': seconds.toFixed(1),
        ratio: bound.seconds > 0 ? (seconds / bound.seconds).toFixed(2) : '-',
        verified: result.figures.verified,
        failed: result.figures.failed,
        runs: runs.length,
        events: runEvents,
        'events/SKU': (runEvents / plan.skus).toFixed(4),
        'naive s (scaled)': (naivePerSku * plan.skus).toFixed(0),
        'x faster': ((naivePerSku * plan.skus) / seconds).toFixed(1),
      });
    }
    printTable(rows);
    console.log(
      `history: ${events} events for ${skuChannels} SKU-channels = ${(events / skuChannels).toFixed(4)} per SKU-channel (target <= 0.05); longest run ${longest} events (limit 4,096)`,
    );
    console.log(
      `bound: writes + one read-back of every SKU at the published limit (the adapter paces to 90% of it, rateLimitShare; our snapshot read before the push is extra)`,
    );
  } finally {
    await nativeConnection.close();
    await connection.close();
    await temporal.child.stop(5000);
    await sandbox.close();
    await prisma.$disconnect();
  }
}

if (require.main === module) {
  runPromoRolloutBench().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
