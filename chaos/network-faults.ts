import { randomUUID } from 'node:crypto';
import { type Client } from '@temporalio/client';
import { type ChannelFaults } from '../channels/sandbox/channel-faults';
import { type PickupWorld } from '../test/pickup/support/pickup-world';
import { type ChaosRow } from './chaos-row';
import { drivePickupRun, pickupOutcomes, type RunRecord } from './pickup-run';
import { summariseRuns } from './run-summary';
import { WorkerPool } from './worker-pool';

/** One fault between us and the outside world, switched through the sandbox's control API. */
export interface NetworkFault {
  name: string;
  /** Which of the sandbox's parties misbehaves: the marketplace (refunds, status updates) or the message gateway. */
  target: 'channel' | 'gateway';
  faults: Partial<ChannelFaults>;
}

/**
 * The faults of issue #15 that reach a pickup: the marketplace unreachable, slow, in a 429 storm or failing
 * half its requests, and the message gateway down. (Lying successes, the sandbox's `acceptButDropRate`,
 * act only on listing writes, which a pickup does not make: stock sync's read-back covers them.)
 */
export const networkFaults: readonly NetworkFault[] = [
  { name: 'channel outage (refused)', target: 'channel', faults: { outage: 'refuse' } },
  { name: 'channel latency 1.5 s', target: 'channel', faults: { latencyMs: 1500 } },
  { name: 'channel 429 storm', target: 'channel', faults: { rateLimitStorm: true } },
  { name: 'channel 500s, half', target: 'channel', faults: { errorRate: 0.5 } },
  { name: 'gateway outage (503)', target: 'gateway', faults: { outage: '503' } },
];

export interface NetworkFaultOptions {
  client: Client;
  world: PickupWorld;
  databaseUrl: string;
  temporalAddress: string;
  bundlePath: string;
  runDir: string;
  /** Runs per fault, all in flight while the fault is on. */
  runs: number;
  /** How long the fault stays on, from the first run's start. */
  faultMs: number;
  /** From a run's start; the fault's time and the retries' backoff come on top of an undisturbed run. */
  runDeadlineMs: number;
  workflowTaskTimeoutMs: number;
  stickyQueueTimeoutMs: number;
  /** Which faults (default: all of networkFaults). */
  networkFaults?: readonly NetworkFault[];
}

async function switchFault(world: PickupWorld, fault: NetworkFault, on: boolean): Promise<void> {
  const url = `${world.sandboxUrl}/_control/${fault.target === 'channel' ? `channels/${world.channelCode}` : 'gateway'}/faults`;
  const response = await fetch(url, {
    method: on ? 'PUT' : 'DELETE',
    headers: { 'Content-Type': 'application/json' },
    ...(on && { body: JSON.stringify(fault.faults) }),
  });
  if (!response.ok) throw new Error(`${on ? 'PUT' : 'DELETE'} ${url} answered ${response.status}`);
}

/**
 * One row per fault: `runs` pickup runs driven to collected, cancelled or expired while the fault is on for
 * `faultMs`, then off. Every run must end as driven, with every refund and message exactly once: a
 * refused or failed call is retried by its activity, a 429 waited out, a message kept in the outbox.
 * Recovery is counted from the moment the fault is switched off.
 */
export async function runNetworkFaults(options: NetworkFaultOptions): Promise<ChaosRow[]> {
  const pool = new WorkerPool({
    runDir: options.runDir,
    taskQueue: `chaos-network-${randomUUID()}`,
    bundlePath: options.bundlePath,
    databaseUrl: options.databaseUrl,
    temporalAddress: options.temporalAddress,
    gatewayUrl: `${options.world.sandboxUrl}/gateway`,
    stickyQueueTimeoutMs: options.stickyQueueTimeoutMs,
  });
  await pool.start();
  const rows: ChaosRow[] = [];
  try {
    for (const fault of options.networkFaults ?? networkFaults) {
      const start = {
        taskQueue: pool.taskQueue,
        workflowTaskTimeoutMs: options.workflowTaskTimeoutMs,
        runDeadlineMs: options.runDeadlineMs,
      };
      await switchFault(options.world, fault, true);
      const faultEndedAt: number[] = [];
      const switchOff = new Promise<void>((resolve) =>
        setTimeout(() => {
          faultEndedAt.push(Date.now());
          void switchFault(options.world, fault, false).finally(resolve);
        }, options.faultMs),
      );
      let records: RunRecord[];
      try {
        records = await Promise.all(
          Array.from({ length: options.runs }, (_, index) =>
            drivePickupRun(options.client, options.world, pickupOutcomes[index % pickupOutcomes.length] ?? 'COLLECTED', start),
          ),
        );
      } finally {
        await switchOff;
      }
      rows.push(await summariseRuns(options.world, fault.name, records, faultEndedAt));
    }
  } finally {
    await pool.stop();
  }
  return rows;
}
