import { type Client } from '@temporalio/client';
import { throwIfStoreIsNotAccessible } from '../../../domain/auth/store-access';
import { type Actor } from '../../../domain/auth/roles';
import { NotFoundError } from '../../../domain/errors';
import { type PrismaClient } from '../../../prisma/client';
import { cancelPickupUpdate } from '../../../workflows/pickup/messages';
import { recordAudit } from '../../audit/record-audit';
import { type ApiRouter } from '../../http/api-router';
import { idParamsSchema } from '../../openapi/common-schemas';
import { withWorkflowRefusals } from '../../workflows/workflow-update-errors';
import { cancelledOrderSchema, cancelOrderBodySchema, orderTimelineSchema } from './order-actions.validators';
import { readOrderTimeline } from './order-timeline';

export interface OrderActionRouteDeps {
  prisma: PrismaClient;
  client: Client;
  /** TEMPORAL_CALL_TIMEOUT_MS: the timeline query's deadline. */
  temporalCallTimeoutMs: number;
}

/** The order with its pickup workflow, if the caller may act on it (store staff: their store's orders). */
async function findPickupOrder(prisma: PrismaClient, actor: Actor, orderId: string) {
  const order = await prisma.order.findUnique({
    where: { id: orderId },
    select: { id: true, status: true, pickupStoreId: true, workflowId: true },
  });
  if (order === null) throw new NotFoundError('Order not found');
  if (order.pickupStoreId !== null) throwIfStoreIsNotAccessible(actor, order.pickupStoreId);
  if (order.workflowId === null) throw new NotFoundError('This order has no pickup process');
  return { ...order, workflowId: order.workflowId };
}

/** Actions on an order that go through its pickup workflow: cancel, and the live step timeline. */
export function registerOrderActionRoutes(api: ApiRouter, { prisma, client, temporalCallTimeoutMs }: OrderActionRouteDeps): void {
  api.route({
    method: 'post',
    path: '/api/orders/:id/cancel',
    summary: 'Cancel a pickup order before hand-over',
    description: 'Answers once stock is released, money refunded and the customer told. 409 after hand-over or once the order is closed.',
    tags: ['orders'],
    access: 'authenticated',
    request: { params: idParamsSchema, body: cancelOrderBodySchema },
    response: { description: 'The cancelled order and its timeline', schema: cancelledOrderSchema },
    otherResponses: [
      { status: 404, description: 'No such order, or it has no pickup process' },
      { status: 409, description: 'Already handed over or closed' },
    ],
    handle: async ({ params, body, actor, requestId }) => {
      const order = await findPickupOrder(prisma, actor, params.id);
      const timeline = await withWorkflowRefusals(() =>
        client.workflow
          .getHandle(order.workflowId)
          .executeUpdate(cancelPickupUpdate, { args: [{ reason: body.reason, actor: { userId: actor.userId, label: actor.email } }] }),
      );
      const after = await prisma.order.findUniqueOrThrow({
        where: { id: order.id },
        select: { id: true, status: true, cancelReason: true, cancelledAt: true },
      });
      await recordAudit(prisma, {
        actor,
        action: 'order.cancel',
        entityType: 'Order',
        entityId: order.id,
        before: { status: order.status },
        after: { status: after.status, reason: body.reason },
        workflowId: order.workflowId,
        requestId,
      });
      return { ...after, timeline: { ...timeline, source: 'workflow' as const } };
    },
  });

  api.route({
    method: 'get',
    path: '/api/orders/:id/timeline',
    summary: 'Current step and timeline of the order’s pickup',
    description:
      'Live from the workflow (a worker answers the query). A closed order whose worker does not answer within TEMPORAL_CALL_TIMEOUT_MS is rebuilt from the tables (`source: records`); an open one is then a 503.',
    tags: ['orders'],
    access: 'authenticated',
    request: { params: idParamsSchema },
    response: { description: 'Steps with start, end, actor and outcome', schema: orderTimelineSchema },
    otherResponses: [
      { status: 404, description: 'No such order, or it has no pickup process' },
      { status: 409, description: 'The order is still open but its process history is no longer available' },
      { status: 503, description: 'The order is still open and the worker did not answer in time (TEMPORAL_CALL_TIMEOUT_MS); try again' },
    ],
    handle: async ({ params, actor }) => {
      const order = await findPickupOrder(prisma, actor, params.id);
      return readOrderTimeline({ prisma, client, temporalCallTimeoutMs }, order);
    },
  });
}
