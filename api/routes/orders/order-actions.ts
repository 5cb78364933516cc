import {
  type Client,
  isGrpcServiceError,
  ServiceError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
  WorkflowUpdateStage,
} from '@temporalio/client';
import { throwIfStoreIsNotAccessible } from '../../../domain/auth/store-access';
import { type Actor } from '../../../domain/auth/roles';
import { NotFoundError, ServiceUnavailableError } from '../../../domain/errors';
import { type PrismaClient } from '../../../prisma/client';
import { cancelPickupUpdate } from '../../../domain/pickup/pickup-messages';
import { type ApiRouter } from '../../http/api-router';
import { idParamsSchema } from '../../openapi/common-schemas';
import { withWorkflowRefusals } from '../../http/workflow-refusals';
import { cancelledOrderSchema, cancelOrderBodySchema } from './order-actions.validators';

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
    select: { id: true, status: true, pickupStoreId: true, workflowId: true, workflowStarts: { select: { status: true }, take: 1 } },
  });
  if (order === null) throw new NotFoundError('Order not found');
  if (order.pickupStoreId !== null) throwIfStoreIsNotAccessible(actor, order.pickupStoreId);
  if (order.workflowId === null) {
    // Accepted, its run on the way (workflow_starts): a moment from now there is something to talk to.
    if (order.workflowStarts[0]?.status === 'PENDING')
      throw new ServiceUnavailableError('The pickup process of this order is still starting; try again in a moment');
    throw new NotFoundError('This order has no pickup process');
  }
  return { id: order.id, status: order.status, pickupStoreId: order.pickupStoreId, workflowId: order.workflowId };
}

/** Temporal (or the worker behind it) did not answer before the deadline, in whichever shape that failure arrives. */
function isNoAnswer(error: unknown): boolean {
  return error instanceof WorkflowUpdateRPCTimeoutOrCancelledError || error instanceof ServiceError || isGrpcServiceError(error);
}

/**
 * Actions on an order that go through its pickup workflow: cancel. The order page reads the live timeline
 * through the workflows resource (`GET /api/workflows/pickup:<orderId>`), like every other run.
 */
export function registerOrderActionRoutes(api: ApiRouter, { prisma, client, temporalCallTimeoutMs }: OrderActionRouteDeps): void {
  api.route({
    method: 'post',
    path: '/api/orders/:id/cancel',
    summary: 'Cancel a pickup order before hand-over',
    description: [
      'Answers 200 with the timeline once stock is released, money refunded and the customer told, all within TEMPORAL_CALL_TIMEOUT_MS;',
      '202 (timeline null) when the process took the cancellation but is still carrying it out; 503 when it did not take it in time.',
      '409 after hand-over or once the order is closed.',
    ].join(' '),
    tags: ['orders'],
    access: 'authenticated',
    request: { params: idParamsSchema, body: cancelOrderBodySchema },
    response: { description: 'The cancelled order and its timeline', schema: cancelledOrderSchema },
    otherResponses: [
      {
        status: 202,
        description: 'Taken by the pickup process, which is still releasing, refunding and telling the customer',
        schema: cancelledOrderSchema,
      },
      { status: 404, description: 'No such order, or it has no pickup process' },
      { status: 409, description: 'Already handed over or closed' },
      {
        status: 503,
        description: 'The pickup process did not take the cancellation within TEMPORAL_CALL_TIMEOUT_MS (or is still starting); try again',
      },
    ],
    handle: async ({ params, body, actor, requestId, res }) => {
      const order = await findPickupOrder(prisma, actor, params.id);
      // One deadline for both waits: taking the cancellation (a worker must run the validator) and carrying it out.
      const deadline = Date.now() + temporalCallTimeoutMs;
      const within = <T>(call: () => Promise<T>) => client.connection.withDeadline(deadline, call);
      // requestId travels with it: the workflow's activity audits the cancellation in the transaction that makes it.
      const cancellation = { reason: body.reason, actor: { userId: actor.userId, label: actor.email }, requestId };
      let update;
      try {
        update = await withWorkflowRefusals(() =>
          within(() =>
            client.workflow
              .getHandle(order.workflowId)
              .startUpdate(cancelPickupUpdate, { args: [cancellation], waitForStage: WorkflowUpdateStage.ACCEPTED }),
          ),
        );
      } catch (error) {
        // withWorkflowRefusals already calls a deadline without an answer "not reachable"; here it is the cancellation's.
        if (!isNoAnswer(error) && !(error instanceof ServiceUnavailableError)) throw error;
        throw new ServiceUnavailableError(
          `The pickup process did not take the cancellation within ${temporalCallTimeoutMs} ms; try again shortly`,
        );
      }
      let timeline: Awaited<ReturnType<typeof update.result>> | null = null;
      try {
        timeline = await withWorkflowRefusals(() => within(() => update.result()));
      } catch (error) {
        if (!isNoAnswer(error)) throw error;
      }
      const after = await prisma.order.findUniqueOrThrow({
        where: { id: order.id },
        select: { id: true, status: true, cancelReason: true, cancelledAt: true },
      });
      if (timeline === null) {
        res.status(202);
        return { ...after, timeline: null };
      }
      return { ...after, timeline };
    },
  });
}
