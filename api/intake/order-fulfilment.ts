import { type Client } from '@temporalio/client';
import { type ProcessActor } from '../../domain/pickup/pickup-workflow';
import { NotFoundError } from '../../domain/errors';
import { type PrismaClient } from '../../prisma/client';
import { type Logger } from '../logger';
import { signalPickupCancelled, startPickupWorkflow } from '../workflows/start-pickup';

export interface OrderFulfilmentDeps {
  prisma: PrismaClient;
  client: Client;
  taskQueue: string;
  /** Longest a request waits for Temporal before it answers without it; see INTAKE_TEMPORAL_TIMEOUT_MS. */
  temporalTimeoutMs: number;
  logger: Logger;
}

export type FulfilmentStart = { started: true; workflowId: string } | { started: false; error: string };

export interface OrderFulfilment {
  /**
   * Starts (or joins) the order's pickup workflow. Call it only after the order's transaction committed:
   * a workflow must never run for an order that rolled back. A failure to start is logged and kept on the
   * order (`fulfilmentStartError`), which stays RECEIVED until an admin retries
   * (`POST /api/orders/:id/start-fulfilment`) or the channel redelivers. It throws only when the order was
   * cancelled meanwhile and the new workflow cannot be told: the caller should answer so the sender retries.
   */
  startPickup(orderId: string): Promise<FulfilmentStart>;
  /** Tells a running pickup workflow the customer cancelled; a workflow that already ended needs nothing. */
  signalCancelled(orderId: string, cancellation: { reason: string; actor: ProcessActor }): Promise<void>;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Who tells a workflow about a cancellation that intake noticed itself. */
const intakeActor: ProcessActor = { userId: null, label: 'system:order-intake' };

export function createOrderFulfilment({ prisma, client, taskQueue, temporalTimeoutMs, logger }: OrderFulfilmentDeps): OrderFulfilment {
  // A lazy connection to a Temporal that is down would otherwise keep the caller (often a channel with
  // its own webhook timeout) waiting through the SDK's retries.
  const withinDeadline = <T>(call: () => Promise<T>): Promise<T> => client.connection.withDeadline(Date.now() + temporalTimeoutMs, call);

  async function signalCancelled(orderId: string, cancellation: { reason: string; actor: ProcessActor }): Promise<void> {
    try {
      await withinDeadline(() => signalPickupCancelled({ client }, { orderId, ...cancellation }));
    } catch (error) {
      if (error instanceof NotFoundError) return;
      throw error;
    }
  }

  async function startPickup(orderId: string): Promise<FulfilmentStart> {
    let started: { workflowId: string; orderStatus: string };
    try {
      started = await withinDeadline(() => startPickupWorkflow({ client, prisma, taskQueue }, { orderId }));
    } catch (error) {
      const message = messageOf(error);
      logger.error({ err: error, orderId }, 'pickup workflow not started; the order stays RECEIVED until retried');
      await prisma.order.update({ where: { id: orderId }, data: { fulfilmentStartError: message } });
      return { started: false, error: message };
    }
    // Cancelled while the workflow was being started: that cancellation found no workflow to tell.
    if (started.orderStatus === 'CANCELLED')
      await signalCancelled(orderId, { reason: 'Cancelled while fulfilment was starting', actor: intakeActor });
    return { started: true, workflowId: started.workflowId };
  }

  return { startPickup, signalCancelled };
}
