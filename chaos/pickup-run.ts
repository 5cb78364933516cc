import { type Client, type WorkflowHandle } from '@temporalio/client';
import { pickupCancelledSignal } from '../domain/pickup/pickup-messages';
import { type PickupSettings } from '../domain/pickup/pickup-settings';
import { pickupWorkflowId } from '../domain/pickup/pickup-workflow';
import { searchAttributes } from '../domain/workflow-kit/search-attributes';
import { codeSentToCustomer, enterCode, pick, TaskAlreadySettledError } from '../test/pickup/support/pickup-driver';
import { type PickupWorld } from '../test/pickup/support/pickup-world';
import { ACTIVITY_TIMEOUT_CAP_MEMO } from './activity-timeout-cap-interceptor';

/** How a run is driven to its end: collected after a short pick, cancelled while picking, or left to expire. */
export type PickupOutcome = 'COLLECTED' | 'CANCELLED' | 'EXPIRED';

export const pickupOutcomes: readonly PickupOutcome[] = ['COLLECTED', 'CANCELLED', 'EXPIRED'];

/**
 * Seconds, not hours. Runs meant to expire do so 4 s after they are ready; the others get ten minutes,
 * so a run held up by a kill is not mistaken for one that was meant to expire.
 */
export function chaosPickupSettings(outcome: PickupOutcome): PickupSettings {
  return {
    pickSlaMs: 600_000,
    pickEscalationDelayMs: 600_000,
    pickupReminderOffsetsMs: [],
    pickupExpiryMs: outcome === 'EXPIRED' ? 4_000 : 600_000,
    unfulfillablePolicy: 'CANCEL_AND_REFUND',
    maxWrongCodeAttempts: 3,
  };
}

export interface RunRecord {
  orderId: string;
  externalId: string;
  outcome: PickupOutcome;
  /** The run's final step, once it closed; undefined if it was still open at the deadline. */
  finalStep?: string;
  /** When the driver saw the run move (a new CurrentStep or closed), for recovery times. */
  progressAt: number[];
  /** The step each move of progressAt went to ('(closed)' for the end), for the kill trace (chaos/kill-trace.ts). */
  progressSteps: string[];
  startedAt: number;
  endedAt?: number;
  error?: string;
}

const POLL_MS = 200;

async function describeStep(handle: WorkflowHandle): Promise<{ step: string | undefined; closed: boolean }> {
  const description = await handle.describe();
  return {
    step: description.typedSearchAttributes.get(searchAttributes.currentStep),
    closed: description.status.name !== 'RUNNING',
  };
}

const RETRY_PAUSE_MS = 250;

/**
 * Sends an action the worker must answer (an update) until one attempt is applied or the run has moved
 * past `step`: a worker killed mid-update loses it (the client sees an error or a timeout), a replacement
 * still replaying turns it away as "not the current step". An attempt that returned was applied: it is
 * not sent again (a second one would wait for a task the run will never await again), and nor is one
 * whose task is already settled (an attempt the client saw fail had been applied after all).
 */
async function actUntilPast(handle: WorkflowHandle, step: string, deadline: number, act: () => Promise<unknown>): Promise<void> {
  for (;;) {
    const now = await describeStep(handle).catch(() => undefined);
    if (now !== undefined && (now.closed || now.step !== step)) return;
    if (Date.now() > deadline) throw new Error(`still at ${step} at the deadline`);
    try {
      await act();
      return;
    } catch (error) {
      if (error instanceof TaskAlreadySettledError) return;
      await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE_MS));
    }
  }
}

/** Polls until the run is at `step` (or closed), recording each move. */
async function waitForStep(
  handle: WorkflowHandle,
  record: RunRecord,
  step: string,
  deadline: number,
  last: { step?: string },
): Promise<void> {
  for (;;) {
    const now = await describeStep(handle).catch(() => undefined);
    if (now !== undefined) {
      if (now.step !== last.step) {
        last.step = now.step;
        record.progressAt.push(Date.now());
        record.progressSteps.push(now.closed ? '(closed)' : (now.step ?? '(none)'));
      }
      if (now.closed || now.step === step) return;
    }
    if (Date.now() > deadline) throw new Error(`not at ${step} by the deadline (at ${String(last.step)})`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** How the runs are started: the timeouts that bound how long a dead worker holds one up (chaos/recovery-budget.ts). */
export interface PickupRunStart {
  taskQueue: string;
  workflowTaskTimeoutMs: number;
  /** Caps every activity timeout of the run (chaos/activity-timeout-cap-interceptor.ts); none: the profiles' own. */
  activityTimeoutCapMs?: number;
  /** From the run's start: past it, a run that has not ended as driven counts as lost. */
  runDeadlineMs: number;
}

/**
 * One pickup run from order to its end, driven the way staff and the channel would (pick, hand-over
 * with the code the customer received, a cancellation), robust to the worker dying at any point.
 */
export async function drivePickupRun(
  client: Client,
  world: PickupWorld,
  outcome: PickupOutcome,
  start: PickupRunStart,
): Promise<RunRecord> {
  const order = await world.placeOrder([
    { sku: world.skuOne, quantity: 2 },
    { sku: world.skuTwo, quantity: 1 },
  ]);
  const record: RunRecord = {
    orderId: order.orderId,
    externalId: order.externalId,
    outcome,
    progressAt: [],
    progressSteps: [],
    startedAt: Date.now(),
  };
  const [lineOne, lineTwo] = order.lineIds as [string, string];
  const deadline = record.startedAt + start.runDeadlineMs;
  const handle = await client.workflow.start('pickupOrder', {
    taskQueue: start.taskQueue,
    workflowId: pickupWorkflowId(order.orderId),
    args: [{ orderId: order.orderId, storeCode: world.storeA, settings: chaosPickupSettings(outcome) }],
    workflowTaskTimeout: start.workflowTaskTimeoutMs,
    ...(start.activityTimeoutCapMs !== undefined && { memo: { [ACTIVITY_TIMEOUT_CAP_MEMO]: start.activityTimeoutCapMs } }),
  });
  const last: { step?: string } = {};
  try {
    await waitForStep(handle, record, 'PICKING', deadline, last);
    if (outcome === 'CANCELLED') {
      // A signal is durable once the server has it: sent once, not retried.
      await handle.signal(pickupCancelledSignal, { reason: 'chaos: customer cancelled', actor: { userId: null, label: 'chaos' } });
    } else {
      const picked =
        outcome === 'COLLECTED'
          ? [
              { lineId: lineOne, pickedQuantity: 1 },
              { lineId: lineTwo, pickedQuantity: 1 },
            ]
          : [
              { lineId: lineOne, pickedQuantity: 2 },
              { lineId: lineTwo, pickedQuantity: 1 },
            ];
      await actUntilPast(handle, 'PICKING', deadline, () => pick(handle, world.prisma, order.orderId, world.users.staffA, picked));
      if (outcome === 'COLLECTED') {
        await waitForStep(handle, record, 'AWAITING_COLLECTION', deadline, last);
        const code = await codeSentToCustomer(world.prisma, order.orderId, world.sandboxUrl, Math.max(0, deadline - Date.now()));
        await actUntilPast(handle, 'AWAITING_COLLECTION', deadline, () =>
          enterCode(handle, world.prisma, order.orderId, world.users.staffA, code),
        );
      }
    }
    await waitForStep(handle, record, '(closed)', deadline, last);
    const result = (await handle.result()) as { finalStep: string };
    record.finalStep = result.finalStep;
    record.endedAt = Date.now();
    record.progressAt.push(record.endedAt);
    record.progressSteps.push('(closed)');
  } catch (error) {
    record.error = error instanceof Error ? error.message : String(error);
  }
  return record;
}
