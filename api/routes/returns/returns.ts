import { z } from 'zod';
import { recordAudit } from '../../../db/audit/record-audit';
import { type Actor } from '../../../domain/auth/roles';
import { confinedStoreId, storeFilterFor, throwIfStoreIsNotAccessible } from '../../../domain/auth/store-access';
import { InvalidDataError, NotFoundError } from '../../../domain/errors';
import { returnWorkflow } from '../../../domain/returns/return-definition';
import { type Prisma, type PrismaClient } from '../../../prisma/client';
import { enqueueWorkflowStart } from '../../../workflow-starts/enqueue-workflow-start';
import { type ApiRouter } from '../../http/api-router';
import { type OrderFulfilment } from '../../intake/order-fulfilment';
import { toPrismaOrderBy } from '../../lists/list-query';
import { pageFor } from '../../lists/pagination';
import { sendPage } from '../../lists/send-page';
import { idParamsSchema } from '../../openapi/common-schemas';
import { type ResourceRouteDeps } from '../route-deps';
import { registerChannelReturnRoutes } from './channel-return-routes';
import { registerOrderLookupRoute } from './order-lookup';
import { type ReturnCancelDeps, registerReturnCancelRoute } from './return-cancel';
import { refundMethodFor } from '../../../domain/returns/refund-route';
import { planOrderReturn, refusedReturn } from './plan-order-return';
import { type ReturnRouteSettings } from './return-settings';
import { returnInclude, returnView } from './return-views';
import { createReturnBodySchema, returnListQuerySchema, returnSchema } from './returns.validators';

export interface ReturnRouteDeps extends ResourceRouteDeps, ReturnCancelDeps {
  fulfilment: Pick<OrderFulfilment, 'policy' | 'startInBackground'>;
  settings: ReturnRouteSettings;
}

async function findReturn(prisma: PrismaClient, actor: Actor, id: string) {
  const row = await prisma.return.findUnique({ where: { id }, include: returnInclude });
  // Store staff see their store's returns only (another store's is "not found", as for orders), and the
  // channel-started ones no store has received yet: the customer may bring them to any store.
  const own = confinedStoreId(actor);
  if (row === null || (own !== null && row.receivedAtStoreId !== own && row.receivedAtStoreId !== null))
    throw new NotFoundError('Return not found');
  return row;
}

/** The store that takes the goods back: a clerk's or manager's own; ops leads and admins name one. */
function receivingStoreId(actor: Actor, requested: string | undefined): string {
  const own = confinedStoreId(actor);
  if (own !== null) {
    if (requested !== undefined) throwIfStoreIsNotAccessible(actor, requested);
    return own;
  }
  if (requested === undefined) throw new InvalidDataError('Name the receiving store', { storeId: 'required for ops leads and admins' });
  return requested;
}

/**
 * Cross-channel returns (docs/returns.md): planned by the pure rules (every refused line answered at
 * once with its reason, nothing written), then written with their workflow's start in one transaction,
 * so an accepted return has its run. The database re-checks quantities and refunds (a race is a 409).
 */
export function registerReturnRoutes(api: ApiRouter, deps: ReturnRouteDeps): void {
  const { prisma, pageLimits, fulfilment, settings } = deps;
  registerOrderLookupRoute(api, { prisma });
  registerReturnCancelRoute(api, deps);
  registerChannelReturnRoutes(api, deps);

  api.route({
    method: 'get',
    path: '/api/returns',
    summary: 'Returns (store staff: those received at their store)',
    tags: ['returns'],
    access: 'authenticated',
    request: { query: returnListQuerySchema },
    response: { description: 'A page of returns', schema: z.array(returnSchema), isList: true },
    handle: ({ query, actor, res }) => {
      const { filter } = query;
      const storeIds = storeFilterFor(actor, filter.storeId);
      const where: Prisma.ReturnWhereInput = {
        ...(storeIds !== undefined &&
          (confinedStoreId(actor) === null
            ? { receivedAtStoreId: { in: [...storeIds] } }
            : { OR: [{ receivedAtStoreId: { in: [...storeIds] } }, { receivedAtStoreId: null }] })),
        ...(filter.id !== undefined && { id: { in: filter.id } }),
        ...(filter.status !== undefined && { status: filter.status }),
        ...(filter.orderId !== undefined && { orderId: filter.orderId }),
        ...(filter.channelId !== undefined && { order: { channelId: { in: filter.channelId } } }),
      };
      const page = pageFor(query.range, pageLimits);
      return sendPage(res, 'returns', page, {
        rows: prisma.return
          .findMany({ where, include: returnInclude, orderBy: toPrismaOrderBy(query.sort), skip: page.skip, take: page.take })
          .then((rows) => rows.map(returnView)),
        total: prisma.return.count({ where }),
      });
    },
  });

  api.route({
    method: 'get',
    path: '/api/returns/:id',
    summary: 'One return, with the refund of every line',
    tags: ['returns'],
    access: 'authenticated',
    request: { params: idParamsSchema },
    response: { description: 'The return', schema: returnSchema },
    otherResponses: [{ status: 404, description: 'No return with this id (or not at your store)' }],
    handle: async ({ params, actor }) => returnView(await findReturn(prisma, actor, params.id)),
  });

  api.route({
    method: 'post',
    path: '/api/returns',
    summary: 'Take items back at a store, whatever channel sold them',
    description:
      'Every requested line is checked at once (delivered, window, final sale, what is left to return); any refusal is a 400 listing each refused line under `lines.<index>.*`, and nothing is written. A concurrent return that got the units first is a 409.',
    tags: ['returns'],
    access: ['ADMIN', 'OPS_LEAD', 'STORE_STAFF'],
    request: { body: createReturnBodySchema },
    response: { description: 'The return, its workflow started', schema: returnSchema, status: 201 },
    otherResponses: [{ status: 409, description: 'Another return took these units first, or the refund would exceed what was paid' }],
    handle: async ({ body, actor, requestId }) => {
      const storeId = receivingStoreId(actor, body.storeId);
      const { id, start } = await prisma.$transaction(async (tx) => {
        const store = await tx.store.findUnique({ where: { id: storeId }, select: { id: true, code: true, active: true } });
        if (store === null || !store.active) throw new InvalidDataError('Unknown store', { storeId: 'no active store with this id' });
        const { order, plan } = await planOrderReturn(tx, body, settings);
        if (!plan.ok) throw refusedReturn(plan);
        const refund = refundMethodFor(order.refundRoute, body.refundMethod);
        if (!refund.ok) throw new InvalidDataError('This sale cannot be refunded that way', { refundMethod: refund.message });
        const created = await tx.return.create({
          data: {
            orderId: order.id,
            reasonCode: body.reasonCode,
            reason: body.reason,
            overrideReason: body.overrideReason ?? null,
            proofOfPurchase: body.proofOfPurchase,
            approvalReasons: plan.approvalReasons,
            refundMethod: refund.method,
            receivedAtStoreId: store.id,
            requestedByUserId: actor.userId,
            requestedByLabel: actor.email,
          },
        });
        // In order-line id order, so two returns of the same lines wait on each other instead of deadlocking.
        const seen = new Map(body.lines.map((line) => [line.orderLineId, line.conditionSeen ?? null]));
        for (const line of [...plan.lines].sort((a, b) => a.lineId.localeCompare(b.lineId)))
          await tx.returnLine.create({
            data: {
              returnId: created.id,
              orderLineId: line.lineId,
              quantity: line.quantity,
              refundMinor: BigInt(line.refundMinor),
              conditionSeen: seen.get(line.lineId) ?? null,
            },
          });
        const request = returnWorkflow.startRequest(fulfilment.policy.taskQueue, {
          return: { id: created.id, storeCode: store.code, channelCode: order.channel.code },
          settings: settings.workflow,
        });
        await enqueueWorkflowStart(tx, request, fulfilment.policy.firstRelayAttemptAt());
        await recordAudit(tx, {
          actor,
          action: 'return.request',
          entityType: 'Return',
          entityId: created.id,
          after: {
            orderId: order.id,
            storeId: store.id,
            lines: plan.lines,
            approvalReasons: plan.approvalReasons,
            reason: body.reason,
            refundMethod: refund.method,
          },
          workflowId: request.workflowId,
          requestId,
        });
        return { id: created.id, start: request };
      });
      fulfilment.startInBackground(start);
      return returnView(await findReturn(prisma, actor, id));
    },
  });
}
