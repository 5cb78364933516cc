import { type Client } from '@temporalio/client';
import type { checkPipeline } from '../../workflows/system/check-pipeline';
import { type PickupBenchConfig } from './config';
import { epochMs, offerLoad } from './open-loop';
import { type ResourceSampling } from './resource-sampler';
import { BENCH_TASK_QUEUE } from './stack';
import { type StepPlan, type StepResult } from './step-result';

async function settledWithin(promise: Promise<unknown>, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([promise, new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
  clearTimeout(timer);
}

export interface BaselineStepDeps {
  client: Client;
  startSampling: () => ResourceSampling;
  config: PickupBenchConfig;
}

/**
 * The yardstick: checkPipeline, our smallest workflow (one activity reading the database clock), started
 * at the same rate on the same Temporal server and worker. Its completed/s is what the stack can do
 * with almost no business work, so pickup's rate divided by it is the price of the business work.
 */
export async function runBaselineStep(
  { client, startSampling, config }: BaselineStepDeps,
  { rate, seconds, batch }: StepPlan,
): Promise<StepResult> {
  const sampling = startSampling();
  const finished: { sentAtMs: number; doneAtMs: number }[] = [];
  const results: Promise<void>[] = [];
  const load = await offerLoad(rate, seconds, config.BENCH_PICKUP_MAX_IN_FLIGHT, async (index) => {
    const sentAtMs = epochMs();
    const handle = await client.workflow.start<typeof checkPipeline>('checkPipeline', {
      taskQueue: BENCH_TASK_QUEUE,
      workflowId: `bench-baseline:${batch}:${index}`,
      args: [{ requestedBy: 'bench:pickup' }],
    });
    results.push(handle.result().then(() => void finished.push({ sentAtMs, doneAtMs: epochMs() })));
    return handle.workflowId;
  });
  const allDone = Promise.allSettled(results);
  await settledWithin(allDone, config.BENCH_PICKUP_DRAIN_SECONDS * 1000);
  const resources = await sampling.stop();
  const completions = [...finished];
  await settledWithin(allDone, config.BENCH_PICKUP_SETTLE_SECONDS * 1000);

  const failures = load.calls.filter((call) => call.error !== undefined);
  return {
    workload: 'baseline',
    offeredRate: rate,
    accepted: load.calls.length - failures.length,
    skipped: load.skipped,
    failed: failures.length,
    ...(failures[0]?.error !== undefined && { firstError: failures[0].error }),
    requestLatenciesMs: load.calls.map((call) => call.latencyMs).sort((a, b) => a - b),
    completions,
    sendLagP99Ms: load.sendLagP99Ms,
    resources,
  };
}
