import { type z } from 'zod';
import { bulkDecideDiscrepancies, decideOneDiscrepancy } from '../../../db/outages/decide-discrepancies';
import { NotFoundError } from '../../../domain/errors';
import { effectiveDelta } from '../../../domain/outages/discrepancy-decisions';
import { type DiscrepancyClass } from '../../../domain/outages/reconciliation-rules';
import { type Prisma, type PrismaClient } from '../../../prisma/client';
import { type ApiRouter } from '../../http/api-router';
import { type OrderFulfilment } from '../../intake/order-fulfilment';
import { toPrismaOrderBy } from '../../lists/list-query';
import { pageFor } from '../../lists/pagination';
import { sendPage } from '../../lists/send-page';
import { idParamsSchema } from '../../openapi/common-schemas';
import { type ResourceRouteDeps } from '../route-deps';
import {
  bulkDecisionBodySchema,
  bulkDecisionResultSchema,
  decidedDiscrepancySchema,
  discrepancyDecisionBodySchema,
  discrepancyListQuerySchema,
  discrepancySchema,
} from './discrepancies.validators';

export interface DiscrepancyRouteDeps extends ResourceRouteDeps {
  fulfilment: Pick<OrderFulfilment, 'deliverInBackground'>;
  /** RECONCILIATION_FOUR_EYES_ABOVE_MINOR. */
  fourEyesAboveMinor: number;
}

const reviewers = ['ADMIN', 'OPS_LEAD'] as const;

const include = {
  reconciliation: { select: { outageId: true } },
  store: { select: { code: true } },
  channel: { select: { code: true } },
  product: { select: { sku: true, name: true, currency: true } },
  resolvedBy: { select: { id: true, email: true } },
} satisfies Prisma.DiscrepancyInclude;

type Row = Prisma.DiscrepancyGetPayload<{ include: typeof include }>;
type View = z.infer<typeof discrepancySchema>;

/** Rows of outage reconciliations only: stock sync's own discrepancies have no class and no outage. */
const outageRows: Prisma.DiscrepancyWhereInput = { class: { not: null }, reconciliation: { outageId: { not: null } } };

async function views(prisma: PrismaClient, rows: Row[]): Promise<View[]> {
  const firstIds = [...new Set(rows.flatMap((r) => (r.firstApprovedBy === null ? [] : [r.firstApprovedBy])))];
  const firsts =
    firstIds.length === 0 ? [] : await prisma.user.findMany({ where: { id: { in: firstIds } }, select: { id: true, email: true } });
  const byId = new Map(firsts.map((u) => [u.id, u]));
  return rows.map((r) => ({
    id: r.id,
    outageId: r.reconciliation.outageId ?? '',
    reconciliationId: r.reconciliationId,
    class: (r.class ?? 'STOCK_DRIFT') as DiscrepancyClass,
    storeId: r.storeId,
    storeCode: r.store?.code ?? null,
    channelId: r.channelId,
    channelCode: r.channel?.code ?? null,
    productId: r.productId,
    sku: r.product.sku,
    productName: r.product.name,
    journalQty: r.journalQty,
    systemQty: r.systemQty,
    channelQty: r.channelQty,
    priceInSystemMinor: r.priceInSystem,
    priceOnChannelMinor: r.priceOnChannel,
    proposedDelta: r.delta,
    correctedDelta: r.correctedDelta,
    correction: effectiveDelta(r),
    valueMinor: Number(r.valueMinor ?? 0),
    currency: r.product.currency,
    status: r.resolution,
    requiresFourEyes: r.requiresFourEyes,
    decision: r.decision,
    decisionStoreId: r.decisionStoreId,
    decisionReason: r.decisionReason,
    orderId: r.orderId,
    firstApprovedBy: r.firstApprovedBy === null ? null : (byId.get(r.firstApprovedBy) ?? { id: r.firstApprovedBy, email: '' }),
    firstApprovedAt: r.firstApprovedAt,
    decidedBy: r.resolvedBy,
    decidedAt: r.resolvedAt,
    appliedAt: r.appliedAt,
    note: r.note,
    createdAt: r.createdAt,
  }));
}

async function viewOf(prisma: PrismaClient, id: string): Promise<View> {
  const row = await prisma.discrepancy.findFirst({ where: { id, ...outageRows }, include });
  if (row === null) throw new NotFoundError('Discrepancy not found');
  const [view] = await views(prisma, [row]);
  return view as View;
}

/**
 * The review of outage reconciliations (docs/outages.md, "Review"): the discrepancy table with the three
 * numbers side by side, one decision per row (approve, edit, reject; a double sale's order decision) and
 * bulk approve or reject by filter. Head office only (admins and ops leads); four-eyes above
 * RECONCILIATION_FOUR_EYES_ABOVE_MINOR. The last decision ends the review and tells the outage's run.
 */
export function registerDiscrepancyRoutes(
  api: ApiRouter,
  { prisma, pageLimits, fulfilment, fourEyesAboveMinor }: DiscrepancyRouteDeps,
): void {
  api.route({
    method: 'get',
    path: '/api/discrepancies',
    summary: "Discrepancies of outage reconciliations, largest value first (head office's review)",
    tags: ['outages'],
    access: [...reviewers],
    request: { query: discrepancyListQuerySchema },
    response: { description: 'A page of discrepancies', schema: discrepancySchema.array(), isList: true },
    handle: ({ query, res }) => {
      const { filter } = query;
      const statuses = filter.status === undefined ? undefined : Array.isArray(filter.status) ? filter.status : [filter.status];
      const where: Prisma.DiscrepancyWhereInput = {
        ...outageRows,
        ...(filter.id !== undefined && { id: { in: filter.id } }),
        ...(filter.outageId !== undefined && { reconciliation: { outageId: filter.outageId } }),
        ...(filter.class !== undefined && { class: filter.class }),
        ...(filter.storeId !== undefined && { storeId: filter.storeId }),
        ...(filter.sku !== undefined && { product: { sku: filter.sku } }),
        ...(filter.minValueMinor !== undefined && { valueMinor: { gte: filter.minValueMinor } }),
        ...(statuses !== undefined && { resolution: { in: statuses } }),
      };
      const orderBy = toPrismaOrderBy({ ...query.sort, field: query.sort.field === 'status' ? 'resolution' : query.sort.field });
      const page = pageFor(query.range, pageLimits);
      return sendPage(res, 'discrepancies', page, {
        rows: prisma.discrepancy
          .findMany({
            where,
            include,
            orderBy,
            skip: page.skip,
            take: page.take,
          })
          .then((rows) => views(prisma, rows)),
        total: prisma.discrepancy.count({ where }),
      });
    },
  });

  api.route({
    method: 'get',
    path: '/api/discrepancies/:id',
    summary: 'One discrepancy with its three numbers and who decided',
    tags: ['outages'],
    access: [...reviewers],
    request: { params: idParamsSchema },
    response: { description: 'The discrepancy', schema: discrepancySchema },
    otherResponses: [{ status: 404, description: 'No discrepancy of an outage with this id' }],
    handle: ({ params }) => viewOf(prisma, params.id),
  });

  api.route({
    method: 'post',
    path: '/api/discrepancies/bulk-decision',
    summary: 'Approve or reject every open discrepancy an outage filter matches (double sales excepted)',
    tags: ['outages'],
    access: [...reviewers],
    request: { body: bulkDecisionBodySchema },
    response: { description: 'How many were decided, and how many now wait for a second approval', schema: bulkDecisionResultSchema },
    otherResponses: [{ status: 409, description: 'The outage is not under review' }],
    handle: async ({ body, actor, requestId }) => {
      const result = await prisma.$transaction((tx) =>
        bulkDecideDiscrepancies(tx, {
          filter: body.filter,
          decision: body.decision,
          reason: body.reason,
          actor,
          fourEyesAboveMinor,
          requestId,
        }),
      );
      if (result.review.settled && result.workflowId !== null) fulfilment.deliverInBackground(result.workflowId);
      return { decided: result.decided, needSecondApproval: result.needSecondApproval, skipped: result.skipped, review: result.review };
    },
  });

  api.route({
    method: 'post',
    path: '/api/discrepancies/:id/decision',
    summary:
      'Decide one discrepancy: approve (optionally edited) or reject; a double sale: fulfil from another store or cancel and refund. ' +
      'A second approval by the person who approved first is a 403',
    tags: ['outages'],
    access: [...reviewers],
    request: { params: idParamsSchema, body: discrepancyDecisionBodySchema },
    response: { description: 'The discrepancy as decided, and what is left of the review', schema: decidedDiscrepancySchema },
    otherResponses: [
      { status: 404, description: 'No discrepancy of an outage with this id' },
      { status: 409, description: 'Decided already, or the outage is not under review' },
    ],
    handle: async ({ params, body, actor, requestId }) => {
      const decided = await prisma.$transaction((tx) =>
        decideOneDiscrepancy(tx, { discrepancyId: params.id, request: body, actor, fourEyesAboveMinor, requestId }),
      );
      if (decided.review.settled && decided.workflowId !== null) fulfilment.deliverInBackground(decided.workflowId);
      return { discrepancy: await viewOf(prisma, params.id), review: decided.review };
    },
  });
}
