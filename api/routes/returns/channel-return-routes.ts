import { z } from 'zod';
import { returnWebhookEventSchema } from '../../../channels/return-webhook';
import { webhookHeaders } from '../../../channels/order-webhook';
import { recordAudit } from '../../../db/audit/record-audit';
import { type Actor } from '../../../domain/auth/roles';
import { confinedStoreId, throwIfStoreIsNotAccessible } from '../../../domain/auth/store-access';
import { ConflictError, InvalidDataError, NotFoundError } from '../../../domain/errors';
import { returnWorkflow } from '../../../domain/returns/return-definition';
import { type PrismaClient } from '../../../prisma/client';
import { enqueueWorkflowStart } from '../../../workflow-starts/enqueue-workflow-start';
import { type ApiRouter } from '../../http/api-router';
import { type OrderFulfilment } from '../../intake/order-fulfilment';
import { verifiedWebhookChannel, verifyWebhookSender } from '../../intake/verify-webhook-sender';
import { idParamsSchema, idSchema } from '../../openapi/common-schemas';
import { webhookParamsSchema } from '../channel-webhooks.validators';
import { planOrderReturn, refusedReturn } from './plan-order-return';
import { type ReturnRouteSettings } from './return-settings';
import { returnInclude, returnView } from './return-views';
import { returnSchema } from './returns.validators';

export interface ChannelReturnRouteDeps {
  prisma: PrismaClient;
  fulfilment: Pick<OrderFulfilment, 'policy' | 'startInBackground'>;
  settings: ReturnRouteSettings;
}

const returnWebhookPath = '/api/channels/:code/webhooks/returns';

export const returnWebhookBodySchema = returnWebhookEventSchema.meta({
  id: 'ChannelReturnEvent',
  example: {
    eventId: 'evt_7d1c2a9e-5d7b-4c1e-9a55-8f1f3c7a2d10',
    type: 'return.requested',
    channelCode: 'megamart',
    occurredAt: '2026-12-03T10:15:00.000Z',
    return: {
      returnRef: 'RR-4F2A91C0',
      externalOrderId: 'MEGAMART-4F2A91C0',
      lines: [{ lineId: 'MEGAMART-4F2A91C0-1', sku: 'APP-TSH-BLK', quantity: 1 }],
      reason: 'Too small',
    },
  },
});

export const returnWebhookReceiptSchema = z
  .object({
    status: z
      .enum(['applied', 'duplicate'])
      .meta({ description: 'applied: the return was recorded; duplicate: this returnRef was recorded before' }),
    returnId: idSchema,
  })
  .meta({ id: 'ChannelReturnReceipt' });

export const receiveReturnBodySchema = z
  .strictObject({ storeId: idSchema.optional().meta({ description: 'The receiving store: a clerk’s own; ops leads and admins name it' }) })
  .meta({ id: 'ReceiveReturn' });

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
 * Returns the customer starts on a channel (docs/returns.md, "Channel-started returns"): the signed
 * `return.requested` webhook writes a REQUESTED return with no receiving store and no run, checked by the
 * same rules as one taken at a counter; the clerk of whichever store the customer walks into receives it
 * (`POST /api/returns/:id/receive`), which writes the store and starts the return's workflow.
 */
export function registerChannelReturnRoutes(api: ApiRouter, { prisma, fulfilment, settings }: ChannelReturnRouteDeps): void {
  const verifySender = verifyWebhookSender(prisma);
  api.router.use(returnWebhookPath, (req, res, next) =>
    req.method === 'POST' && req.path === '/' ? verifySender(req, res, next) : next(),
  );

  api.route({
    method: 'post',
    path: returnWebhookPath,
    summary: 'Receive a return the customer started on a channel (signed webhook)',
    description: [
      `Authenticated by \`${webhookHeaders.signature}\` like order webhooks; nothing is written for an unsigned request.`,
      'Idempotent per (order, returnRef). The lines are checked like a return at the counter: any refused line is a 400 naming it, nothing written.',
      'The return waits as REQUESTED, with no store, until the customer brings the items to a store.',
    ].join(' '),
    tags: ['returns', 'channels'],
    access: 'public',
    request: { params: webhookParamsSchema, body: returnWebhookBodySchema },
    response: { status: 202, description: 'The return was recorded', schema: returnWebhookReceiptSchema },
    otherResponses: [
      { status: 401, description: 'Missing or wrong signature; nothing was written' },
      { status: 404, description: 'No channel with this code, or the order is not known (yet): redeliver later' },
      { status: 409, description: 'The units are already in another return' },
    ],
    handle: async ({ body, res }) => {
      const channel = verifiedWebhookChannel(res);
      if (body.channelCode !== channel.code)
        throw new InvalidDataError('The event is for another channel', { channelCode: `must be ${channel.code}, the channel in the URL` });
      const order = await prisma.order.findUnique({
        where: { channelId_externalId: { channelId: channel.id, externalId: body.return.externalOrderId } },
        select: { id: true, lines: { orderBy: { id: 'asc' }, select: { id: true, product: { select: { sku: true } } } } },
      });
      if (order === null) throw new NotFoundError(`No order ${body.return.externalOrderId} from ${channel.code}`);
      const earlier = await prisma.return.findUnique({
        where: { orderId_channelReturnRef: { orderId: order.id, channelReturnRef: body.return.returnRef } },
        select: { id: true },
      });
      if (earlier !== null) return { status: 'duplicate' as const, returnId: earlier.id };
      const lines = body.return.lines.map((line, index) => {
        const ours = order.lines.find((candidate) => candidate.product.sku === line.sku);
        if (ours === undefined)
          throw new InvalidDataError('A line is not on the order', { [`return.lines.${index}.sku`]: `order has no line for ${line.sku}` });
        return { orderLineId: ours.id, quantity: line.quantity };
      });
      const id = await prisma.$transaction(async (tx) => {
        const { plan } = await planOrderReturn(tx, { orderId: order.id, lines, proofOfPurchase: true }, settings);
        if (!plan.ok) throw refusedReturn(plan);
        const created = await tx.return.create({
          data: {
            orderId: order.id,
            reasonCode: 'OTHER',
            reason: body.return.reason,
            proofOfPurchase: true,
            approvalReasons: plan.approvalReasons,
            requestedByLabel: `channel:${channel.code}`,
            channelReturnRef: body.return.returnRef,
          },
        });
        for (const line of [...plan.lines].sort((a, b) => a.lineId.localeCompare(b.lineId)))
          await tx.returnLine.create({
            data: { returnId: created.id, orderLineId: line.lineId, quantity: line.quantity, refundMinor: BigInt(line.refundMinor) },
          });
        await recordAudit(tx, {
          actor: { systemLabel: `channel:${channel.code}` },
          action: 'return.request',
          entityType: 'Return',
          entityId: created.id,
          after: {
            orderId: order.id,
            returnRef: body.return.returnRef,
            lines: plan.lines,
            eventId: body.eventId,
            reason: body.return.reason,
          },
        });
        return created.id;
      });
      return { status: 'applied' as const, returnId: id };
    },
  });

  api.route({
    method: 'post',
    path: '/api/returns/:id/receive',
    summary: 'Receive at this store a return the customer started on a channel',
    description:
      'The items are now in the receiving store’s returns area; the return’s workflow starts (inspection next). Only a REQUESTED return without a store can be received; another is a 409.',
    tags: ['returns'],
    access: ['ADMIN', 'OPS_LEAD', 'STORE_STAFF'],
    request: { params: idParamsSchema, body: receiveReturnBodySchema },
    response: { description: 'The return, its workflow started', schema: returnSchema },
    otherResponses: [
      { status: 404, description: 'No return with this id' },
      { status: 409, description: 'Already received (or no longer open)' },
    ],
    handle: async ({ params, body, actor, requestId }) => {
      const storeId = receivingStoreId(actor, body.storeId);
      const start = await prisma.$transaction(async (tx) => {
        const [row] = await tx.$queryRaw<{ status: string; received_at_store_id: string | null }[]>`
          SELECT status::text AS status, received_at_store_id FROM returns WHERE id = ${params.id}::uuid FOR UPDATE`;
        if (row === undefined) throw new NotFoundError('Return not found');
        if (row.status !== 'REQUESTED' || row.received_at_store_id !== null)
          throw new ConflictError(`The return is ${row.status}${row.received_at_store_id === null ? '' : ', already received at a store'}`);
        const store = await tx.store.findUnique({ where: { id: storeId }, select: { id: true, code: true, active: true } });
        if (store === null || !store.active) throw new InvalidDataError('Unknown store', { storeId: 'no active store with this id' });
        const updated = await tx.return.update({
          where: { id: params.id },
          data: { receivedAtStoreId: store.id, receivedAt: new Date() },
          select: { id: true, order: { select: { channel: { select: { code: true } } } } },
        });
        const request = returnWorkflow.startRequest(fulfilment.policy.taskQueue, {
          return: { id: updated.id, storeCode: store.code, channelCode: updated.order.channel.code },
          settings: settings.workflow,
        });
        await enqueueWorkflowStart(tx, request, fulfilment.policy.firstRelayAttemptAt());
        await recordAudit(tx, {
          actor,
          action: 'return.receive',
          entityType: 'Return',
          entityId: updated.id,
          before: { receivedAtStoreId: null },
          after: { receivedAtStoreId: store.id },
          workflowId: request.workflowId,
          requestId,
        });
        return request;
      });
      fulfilment.startInBackground(start);
      return returnView(await prisma.return.findUniqueOrThrow({ where: { id: params.id }, include: returnInclude }));
    },
  });
}
