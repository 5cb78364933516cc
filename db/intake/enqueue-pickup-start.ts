import { type Prisma } from '../../prisma/client';
import { enqueueWorkflowStart } from '../../workflow-starts/enqueue-workflow-start';
import { type WorkflowStartRequest } from '../../workflow-starts/workflow-start-request';
import { pickupWorkflow } from '../../domain/pickup/pickup-definition';
import { type PickupStore } from './catalogue-lookups';
import { type InsertedOrder } from './insert-order';
import { type WorkflowStartPolicy } from '../../workflow-starts/workflow-start-policy';

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export interface NewPickupOrder {
  order: InsertedOrder;
  externalId: string;
  channelCode: string;
  currency: string;
  /** A channel may deliver an order that is already cancelled: its run still refunds what was paid. */
  status: 'RECEIVED' | 'CANCELLED';
  customerName: string;
  store: PickupStore;
}

/**
 * Promises a new pickup order its run, inside the order's own transaction: the start goes into the outbox
 * with the order snapshot built from what was just written (nothing is read back). Every pickup order
 * intake accepts gets exactly one run; even one that arrives cancelled, whose run refunds it and closes.
 */
export async function enqueuePickupStart(
  tx: Prisma.TransactionClient,
  policy: WorkflowStartPolicy,
  created: NewPickupOrder,
): Promise<WorkflowStartRequest> {
  const request = pickupWorkflow.startRequest(policy.taskQueue, {
    order: {
      orderId: created.order.id,
      externalId: created.externalId,
      channelCode: created.channelCode,
      currency: created.currency,
      status: created.status,
      customerName: created.customerName,
      // In id order, as pickupOrderSnapshotSelect reads them: a run started from either sees the same lines.
      lines: [...created.order.lines].sort(byId).map((line) => ({
        lineId: line.id,
        sku: line.sku,
        productName: line.productName,
        quantity: line.quantity,
        unitPriceMinor: line.unitPriceMinor,
      })),
    },
    store: created.store,
  });
  await enqueueWorkflowStart(tx, request, policy.firstRelayAttemptAt());
  return request;
}
