import { randomUUID } from 'node:crypto';
import { returnWorkflowId } from '../domain/returns/return-keys';
import { messagesTo } from '../test/pickup/support/pickup-driver';
import { driveKilledRefund, type KilledRefundRun } from '../test/returns/support/refund-kill-driver';
import { ReturnsWorld } from '../test/returns/support/returns-world';
import { type ChaosRow, addRunEffects, emptyChaosRow } from './chaos-row';
import { startInProcessApi } from './in-process-api';
import { withDeadline } from './with-deadline';
import { WorkerPool } from './worker-pool';

export interface ReturnRefundKillOptions {
  databaseUrl: string;
  temporalAddress: string;
  bundlePath: string;
  runDir: string;
  runs: number;
  /** From a return's creation: past it, a return not closed is lost (chaos/recovery-budget.ts, one kill). */
  runDeadlineMs: number;
  stickyQueueTimeoutMs: number;
}

/**
 * "return refund SIGKILL": `runs` web-store returns, one after another (the payment provider's held answer
 * is a world-wide setting), each with the worker SIGKILLed after the provider paid the refund and before
 * the refund was recorded (test/returns/support/refund-kill-driver.ts). Counted where the outside world
 * sees it: the provider's refund log (exactly one per return), our stock ledger (one RETURN_RESTOCK row
 * per line), the customer's phone (each message key at most once).
 */
export async function runReturnRefundKill(options: ReturnRefundKillOptions): Promise<ChaosRow> {
  const world = new ReturnsWorld();
  await world.setUp();
  // The worker processes refund through this world's sandbox provider (read by isolated-worker-process.ts).
  const previousProviderUrl = process.env.PAYMENT_PROVIDER_URL;
  process.env.PAYMENT_PROVIDER_URL = `${world.sandboxUrl}/payments`;
  const pool = new WorkerPool({
    runDir: options.runDir,
    taskQueue: `chaos-return-refund-kill-${randomUUID()}`,
    bundlePath: options.bundlePath,
    databaseUrl: options.databaseUrl,
    temporalAddress: options.temporalAddress,
    gatewayUrl: `${world.sandboxUrl}/gateway`,
    stickyQueueTimeoutMs: options.stickyQueueTimeoutMs,
  });
  const { app, config, temporal } = startInProcessApi({
    prisma: world.prisma,
    databaseUrl: options.databaseUrl,
    temporalAddress: options.temporalAddress,
    taskQueue: pool.taskQueue,
    // Above the return's value: no approval step, the run goes straight to inspection and refund.
    settings: { RETURN_APPROVAL_THRESHOLD_MINOR: '5000' },
  });
  const row = emptyChaosRow('return refund SIGKILL', options.runs);
  let between = 0;
  let notBetween = 0;
  try {
    await pool.start();
    for (let index = 0; index < options.runs; index += 1) {
      let run: KilledRefundRun;
      try {
        run = await withDeadline(
          driveKilledRefund({ app, client: temporal.client, world, bearer: (key) => world.bearer(key, config.JWT_SECRET), worker: pool }),
          options.runDeadlineMs,
          `return ${index + 1} not closed within ${options.runDeadlineMs / 1000} s`,
        );
      } catch (error) {
        row.lost += 1;
        row.problems.push(error instanceof Error ? error.message : String(error));
        continue;
      }
      if (run.killedBeforeRecording) between += 1;
      else notBetween += 1;
      if (run.status === 'CLOSED') row.completed += 1;
      else {
        row.lost += 1;
        row.problems.push(`return ${run.returnId}: ended ${run.status}`);
      }
      if (run.refundRecordedAt !== undefined) row.maxRecoveryMs = Math.max(row.maxRecoveryMs, run.refundRecordedAt - run.killedAt);
      const effects = await returnEffects(world, run);
      addRunEffects(row, `return ${run.returnId}`, effects);
    }
  } finally {
    await pool.stop();
    await temporal.close().catch(() => undefined);
    await world.tearDown().catch(() => undefined);
    if (previousProviderUrl === undefined) delete process.env.PAYMENT_PROVIDER_URL;
    else process.env.PAYMENT_PROVIDER_URL = previousProviderUrl;
  }
  row.notes = [
    `${between} of ${options.runs} kills landed between the provider's refund and its recording` +
      (notBetween > 0 ? ` (${notBetween} outside it: the refund was recorded before the kill)` : ''),
    'max recovery: from the kill until the replacement had recorded the refund',
  ];
  return row;
}

/** Effects one killed return left where they show: the provider's refunds, our ledger's restock rows, the customer's messages. */
async function returnEffects(world: ReturnsWorld, run: KilledRefundRun): Promise<{ duplicated: string[]; missing: string[] }> {
  const duplicated: string[] = [];
  const missing: string[] = [];
  if (run.providerRefunds > 1) duplicated.push(`${run.providerRefunds} refunds at the payment provider`);
  if (run.providerRefunds === 0) missing.push('no refund at the payment provider');
  const restocks = await world.prisma.inventoryMovement.count({
    where: { workflowId: returnWorkflowId(run.returnId), kind: 'RETURN_RESTOCK' },
  });
  if (restocks > run.returnLineIds.length) duplicated.push(`${restocks} RETURN_RESTOCK rows for ${run.returnLineIds.length} line(s)`);
  if (restocks < run.returnLineIds.length) missing.push(`${restocks} RETURN_RESTOCK rows for ${run.returnLineIds.length} line(s)`);
  const messages = (await messagesTo(world.sandboxUrl, world.phone)).filter((message) => message.idempotencyKey.includes(run.returnId));
  const perKey = new Map<string, number>();
  for (const message of messages) perKey.set(message.idempotencyKey, (perKey.get(message.idempotencyKey) ?? 0) + 1);
  for (const [key, count] of perKey) if (count > 1) duplicated.push(`${count} messages ${key}`);
  return { duplicated, missing };
}
