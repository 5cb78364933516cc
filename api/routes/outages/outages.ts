import { type z } from 'zod';
import { recordAudit } from '../../../db/audit/record-audit';
import { openOrJoinOutage } from '../../../db/outages/open-outage';
import { confinedStoreId } from '../../../domain/auth/store-access';
import { ConflictError, InvalidDataError, NotFoundError } from '../../../domain/errors';
import { END_OUTAGE_SIGNAL, outageWorkflow } from '../../../domain/outages/outage-definition';
import { outageWorkflowId } from '../../../domain/outages/outage-detection';
import { type EndOutageRequest, type OutageWorkflowSettings } from '../../../domain/outages/outage-workflow';
import { type Prisma, type PrismaClient } from '../../../prisma/client';
import { enqueueWorkflowStart, queueWorkflowSignal } from '../../../workflow-starts/enqueue-workflow-start';
import { type AppConfig } from '../../app';
import { type ApiRouter } from '../../http/api-router';
import { type OrderFulfilment } from '../../intake/order-fulfilment';
import { toPrismaOrderBy } from '../../lists/list-query';
import { pageFor } from '../../lists/pagination';
import { sendPage } from '../../lists/send-page';
import { idParamsSchema } from '../../openapi/common-schemas';
import { type ResourceRouteDeps } from '../route-deps';
import { throwIfNotAllowedToRunOutage } from './outage-access';
import {
  declaredOutageSchema,
  declareOutageBodySchema,
  endOutageBodySchema,
  outageListQuerySchema,
  outageSchema,
} from './outages.validators';

export interface OutageRouteDeps extends ResourceRouteDeps {
  fulfilment: Pick<OrderFulfilment, 'policy' | 'startInBackground' | 'deliverInBackground'>;
  settings: OutageWorkflowSettings;
}

/** The run's settings from the API's config (docs/outages.md, Configuration). */
export function outageWorkflowSettingsOf(config: AppConfig): OutageWorkflowSettings {
  return {
    healthCheckIntervalMs: config.OUTAGE_HEALTH_CHECK_INTERVAL_MS,
    detection: {
      consecutiveFailures: config.OUTAGE_DETECTION_FAILURES,
      failureRate: config.OUTAGE_PUSH_FAILURE_RATE,
      healthyChecksToRecover: config.OUTAGE_RECOVERY_PROBES,
    },
    storeHoldPercent: config.OUTAGE_STORE_HOLD_PERCENT,
    tolerance: { units: config.RECONCILIATION_TOLERANCE_UNITS, valueMinor: config.RECONCILIATION_TOLERANCE_VALUE_MINOR },
    fourEyesAboveMinor: config.RECONCILIATION_FOUR_EYES_ABOVE_MINOR,
    publishReadBackDelayMs: config.OUTAGE_PUBLISH_READBACK_DELAY_MS,
    priceToleranceMinor: config.OUTAGE_PRICE_TOLERANCE_MINOR,
    pricePageSize: config.OUTAGE_PRICE_PAGE_SIZE,
    lateOrdersMarginMs: config.OUTAGE_LATE_ORDERS_MARGIN_MS,
    lateOrdersPhoneRegion: config.INTAKE_PHONE_REGION,
  };
}

type OutageRow = Prisma.OutageGetPayload<object>;
type OutageView = z.infer<typeof outageSchema>;

/** The JSON columns as the workflow writes them (activities/outages/outage-measures.ts, close-outage.ts). */
function view(row: OutageRow): OutageView {
  const measures = row.measures as OutageView['measures'];
  return {
    ...row,
    measures,
    measuresInForce: measures.filter((m) => m.liftedAt === null).map((m) => m.measure),
    report: row.report as OutageView['report'],
  };
}

/** The show record's review state and decisions, from the outage's discrepancies (GET /api/outages/:id). */
async function withReview(prisma: PrismaClient, outage: OutageView): Promise<OutageView> {
  const rows = await prisma.discrepancy.findMany({
    where: { reconciliation: { outageId: outage.id }, class: { not: null } },
    select: {
      id: true,
      class: true,
      resolution: true,
      decision: true,
      delta: true,
      correctedDelta: true,
      valueMinor: true,
      firstApprovedBy: true,
      resolvedAt: true,
      product: { select: { sku: true } },
      store: { select: { code: true } },
      resolvedBy: { select: { email: true } },
    },
    orderBy: [{ valueMinor: 'desc' }, { id: 'asc' }],
  });
  const firstIds = [...new Set(rows.flatMap((r) => (r.firstApprovedBy === null ? [] : [r.firstApprovedBy])))];
  const firsts = new Map(
    (firstIds.length === 0 ? [] : await prisma.user.findMany({ where: { id: { in: firstIds } }, select: { id: true, email: true } })).map(
      (u) => [u.id, u.email],
    ),
  );
  const open = rows.filter((r) => r.resolution === 'PENDING' || r.resolution === 'AWAITING_SECOND_APPROVAL');
  return {
    ...outage,
    review: {
      pending: open.length,
      awaitingSecondApproval: open.filter((r) => r.resolution === 'AWAITING_SECOND_APPROVAL').length,
      valueMinor: open.reduce((sum, r) => sum + Number(r.valueMinor ?? 0), 0),
    },
    approvals: rows
      .filter((r) => r.decision !== null || r.firstApprovedBy !== null)
      .map((r) => ({
        discrepancyId: r.id,
        class: r.class ?? '',
        sku: r.product.sku,
        storeCode: r.store?.code ?? null,
        status: r.resolution,
        decision: r.decision,
        correction: r.correctedDelta ?? r.delta,
        valueMinor: Number(r.valueMinor ?? 0),
        firstApprovedBy: r.firstApprovedBy === null ? null : (firsts.get(r.firstApprovedBy) ?? null),
        decidedBy: r.resolvedBy?.email ?? null,
        decidedAt: r.resolvedAt,
      })),
  };
}

/**
 * Outages (docs/outages.md): the list and one outage for everybody (store staff: their store's and every
 * channel's, for the banner), declared by hand and ended by a store's manager for their store or by ops
 * leads and admins. Declaring an open channel's or store's outage again joins it.
 */
export function registerOutageRoutes(api: ApiRouter, { prisma, pageLimits, fulfilment, settings }: OutageRouteDeps): void {
  api.route({
    method: 'get',
    path: '/api/outages',
    summary: 'Outages, newest first (store staff: their store and every channel)',
    tags: ['outages'],
    access: 'authenticated',
    request: { query: outageListQuerySchema },
    response: { description: 'A page of outages', schema: outageSchema.array(), isList: true },
    handle: ({ query, actor, res }) => {
      const { filter } = query;
      const ownStore = confinedStoreId(actor);
      const where: Prisma.OutageWhereInput = {
        ...(ownStore !== null && { OR: [{ storeId: ownStore }, { storeId: null }] }),
        ...(filter.id !== undefined && { id: { in: filter.id } }),
        ...(filter.storeId !== undefined && { storeId: { in: filter.storeId } }),
        ...(filter.channelId !== undefined && { channelId: { in: filter.channelId } }),
        ...(filter.status !== undefined && { status: filter.status }),
        ...(filter.open !== undefined && { status: filter.open ? { not: 'RESOLVED' } : 'RESOLVED' }),
      };
      const page = pageFor(query.range, pageLimits);
      return sendPage(res, 'outages', page, {
        rows: prisma.outage
          .findMany({ where, orderBy: toPrismaOrderBy(query.sort), skip: page.skip, take: page.take })
          .then((rows) => rows.map(view)),
        total: prisma.outage.count({ where }),
      });
    },
  });

  api.route({
    method: 'get',
    path: '/api/outages/:id',
    summary: 'One outage with its measures and report',
    tags: ['outages'],
    access: 'authenticated',
    request: { params: idParamsSchema },
    response: { description: 'The outage', schema: outageSchema },
    otherResponses: [{ status: 404, description: 'No outage with this id' }],
    handle: async ({ params, actor }) => {
      const row = await prisma.outage.findUnique({ where: { id: params.id } });
      const ownStore = confinedStoreId(actor);
      if (row === null || (ownStore !== null && row.storeId !== null && row.storeId !== ownStore))
        throw new NotFoundError('Outage not found');
      return withReview(prisma, view(row));
    },
  });

  api.route({
    method: 'post',
    path: '/api/outages',
    summary: 'Declare an outage of a channel or a store by hand (joins the open one if there is one)',
    tags: ['outages'],
    access: ['ADMIN', 'OPS_LEAD', 'STORE_STAFF'],
    request: { body: declareOutageBodySchema },
    response: { description: 'The outage, its run started when it is new', schema: declaredOutageSchema, status: 201 },
    handle: async ({ body, actor, requestId }) => {
      const subject =
        body.kind === 'CHANNEL'
          ? { kind: 'CHANNEL' as const, channelId: body.channelId }
          : { kind: 'STORE' as const, storeId: body.storeId };
      throwIfNotAllowedToRunOutage(actor, { storeId: subject.kind === 'STORE' ? subject.storeId : null });
      const { outage, joined, start } = await prisma.$transaction(async (tx) => {
        const [channel, store] = await Promise.all([
          subject.kind === 'CHANNEL' ? tx.channel.findUnique({ where: { id: subject.channelId }, select: { code: true } }) : null,
          subject.kind === 'STORE' ? tx.store.findUnique({ where: { id: subject.storeId }, select: { code: true, active: true } }) : null,
        ]);
        if (subject.kind === 'CHANNEL' && channel === null)
          throw new InvalidDataError('Unknown channel', { channelId: 'no channel with this id' });
        if (subject.kind === 'STORE' && (store === null || !store.active))
          throw new InvalidDataError('Unknown store', { storeId: 'no active store with this id' });
        const opened = await openOrJoinOutage(tx, { subject, cause: body.cause, source: 'DECLARED', declaredByUserId: actor.userId });
        let request = null;
        if (opened.created) {
          request = outageWorkflow.startRequest(fulfilment.policy.taskQueue, {
            outage: { id: opened.id, storeCode: store?.code ?? null, channelCode: channel?.code ?? null },
            settings,
          });
          await enqueueWorkflowStart(tx, request, fulfilment.policy.firstRelayAttemptAt());
          await tx.outage.update({ where: { id: opened.id }, data: { workflowId: request.workflowId } });
        }
        await recordAudit(tx, {
          actor,
          action: opened.created ? 'outage.declare' : 'outage.join',
          entityType: 'Outage',
          entityId: opened.id,
          after: { ...body },
          workflowId: outageWorkflowId(opened.id),
          requestId,
        });
        const row = await tx.outage.findUniqueOrThrow({ where: { id: opened.id } });
        return { outage: row, joined: !opened.created, start: request };
      });
      if (start !== null) fulfilment.startInBackground(start);
      return { outage: view(outage), joined };
    },
  });

  api.route({
    method: 'post',
    path: '/api/outages/:id/end',
    summary: 'End an outage: its run reconciles, lifts the measures and closes it with a report',
    tags: ['outages'],
    access: ['ADMIN', 'OPS_LEAD', 'STORE_STAFF'],
    request: { params: idParamsSchema, body: endOutageBodySchema },
    response: { description: 'The outage (still open until its run has closed it)', schema: outageSchema, status: 202 },
    otherResponses: [
      { status: 404, description: 'No outage with this id' },
      { status: 409, description: 'Already resolved' },
    ],
    handle: async ({ params, body, actor, requestId }) => {
      const row = await prisma.$transaction(async (tx) => {
        const outage = await tx.outage.findUnique({ where: { id: params.id } });
        if (outage === null) throw new NotFoundError('Outage not found');
        throwIfNotAllowedToRunOutage(actor, { storeId: outage.storeId });
        if (outage.status === 'RESOLVED') throw new ConflictError('This outage is already resolved');
        const message: EndOutageRequest = { actor: { userId: actor.userId, label: actor.email }, reason: body.reason };
        const queued = await queueWorkflowSignal(tx, outageWorkflowId(outage.id), { name: END_OUTAGE_SIGNAL, args: [message] });
        if (!queued) throw new ConflictError('This outage has no run to end');
        await recordAudit(tx, {
          actor,
          action: 'outage.end',
          entityType: 'Outage',
          entityId: outage.id,
          after: { reason: body.reason },
          requestId,
        });
        return outage;
      });
      fulfilment.deliverInBackground(outageWorkflowId(row.id));
      return view(row);
    },
  });
}
