import { type Client } from '@temporalio/client';
import { pickupWorkflowId } from '../../domain/pickup/pickup-workflow';
import { type PrismaClient } from '../../prisma/client';
import { type PickupBenchConfig } from './config';
import { type OrderIntake } from './intake';
import { breakDownLatency } from './latency-breakdown';
import { offerLoad } from './open-loop';
import { type ResourceSampling } from './resource-sampler';
import { type StepPlan, type StepResult } from './step-result';
import { waitUntil } from './wait-until';

/** The activity that creates the PICK task; the latency breakdown follows each workflow up to its completion. */
const PICK_TASK_ACTIVITY = 'openTask';
const PICK_POLL_INTERVAL_MS = 250;

export interface PickupStepDeps {
  intake: OrderIntake;
  prisma: PrismaClient;
  client: Client;
  startSampling: () => ResourceSampling;
  config: PickupBenchConfig;
}

/** When each order's PICK task was created (epoch ms), for the orders that have one by the deadline. */
async function awaitPickTasks(prisma: PrismaClient, orderIds: string[], timeoutMs: number): Promise<Map<string, number>> {
  const workflowIds = orderIds.map((orderId) => pickupWorkflowId(orderId));
  const where = { type: 'PICK' as const, workflowId: { in: workflowIds } };
  await waitUntil('PICK tasks', async () => (await prisma.task.count({ where })) >= workflowIds.length, {
    timeoutMs,
    intervalMs: PICK_POLL_INTERVAL_MS,
  }).catch(() => undefined);
  const tasks = await prisma.task.findMany({ where, select: { workflowId: true, createdAt: true } });
  return new Map(tasks.map((task) => [task.workflowId, task.createdAt.getTime()]));
}

/**
 * Pickup orders at `rate` per second through the API for the step's duration; done means the order's
 * PICK task row exists, the first thing store staff see. Orders are numbered within `batch`, which
 * keeps their external ids unique across steps.
 */
export async function runPickupStep(
  { intake, prisma, client, startSampling, config }: PickupStepDeps,
  { rate, seconds, batch }: StepPlan,
): Promise<StepResult> {
  const sampling = startSampling();
  const load = await offerLoad(rate, seconds, config.BENCH_PICKUP_MAX_IN_FLIGHT, (index) => intake.place(index, batch));
  const placed = load.calls.flatMap((call) =>
    call.result === undefined ? [] : [{ orderId: call.result.orderId, sentAtMs: call.sentAtMs }],
  );
  const created = await awaitPickTasks(
    prisma,
    placed.map((order) => order.orderId),
    config.BENCH_PICKUP_DRAIN_SECONDS * 1000,
  );
  const resources = await sampling.stop();
  if (created.size < placed.length)
    await awaitPickTasks(
      prisma,
      placed.map((order) => order.orderId),
      config.BENCH_PICKUP_SETTLE_SECONDS * 1000,
    );

  const runs = placed.map((order) => ({ workflowId: pickupWorkflowId(order.orderId), sentAtMs: order.sentAtMs }));
  const completions = runs.flatMap((run) => {
    const doneAtMs = created.get(run.workflowId);
    return doneAtMs === undefined ? [] : [{ sentAtMs: run.sentAtMs, doneAtMs }];
  });
  const failures = load.calls.filter((call) => call.error !== undefined);
  return {
    workload: 'pickup',
    offeredRate: rate,
    accepted: placed.length,
    skipped: load.skipped,
    failed: failures.length,
    ...(failures[0]?.error !== undefined && { firstError: failures[0].error }),
    requestLatenciesMs: load.calls.map((call) => call.latencyMs).sort((a, b) => a - b),
    completions,
    sendLagP99Ms: load.sendLagP99Ms,
    resources,
    breakdown: await breakDownLatency(
      client,
      runs.filter((run) => created.has(run.workflowId)),
      config.BENCH_PICKUP_HISTORY_SAMPLE,
      PICK_TASK_ACTIVITY,
    ),
  };
}
