import { type Client } from '@temporalio/client';
import { z } from 'zod';
import { recordAudit } from '../../../db/audit/record-audit';
import { checkedScope, promotionColumns, writePromotionScope } from '../../../db/promotions/write-promotion';
import { resolvePromotionScope } from '../../../db/promotions/resolve-promotion-scope';
import { scopeErrors } from '../../../db/promotions/scope-errors';
import { promotionWorkflow } from '../../../domain/promotions/promotion-definition';
import { type PromotionWorkflowSettings } from '../../../domain/promotions/promotion-workflow';
import { type Prisma } from '../../../prisma/client';
import { enqueueWorkflowStart } from '../../../workflow-starts/enqueue-workflow-start';
import { type ApiRouter } from '../../http/api-router';
import { type OrderFulfilment } from '../../intake/order-fulfilment';
import { toPrismaOrderBy } from '../../lists/list-query';
import { pageFor } from '../../lists/pagination';
import { sendPage } from '../../lists/send-page';
import { idParamsSchema } from '../../openapi/common-schemas';
import { type ResourceRouteDeps } from '../route-deps';
import { registerPromotionCancelRoute } from './cancel-promotion-route';
import { editPromotion } from './edit-promotion';
import { registerPromotionSkuCsvRoute } from './promotion-sku-csv';
import { findPromotion, promotionInclude, promotionView } from './promotion-view';
import {
  createPromotionBodySchema,
  promotionCheckSchema,
  promotionListQuerySchema,
  promotionSchema,
  updatePromotionBodySchema,
} from './promotions.validators';

export interface PromotionRouteDeps extends ResourceRouteDeps {
  fulfilment: Pick<OrderFulfilment, 'policy' | 'startInBackground' | 'deliverInBackground'>;
  settings: PromotionWorkflowSettings;
  /** Rows a SKU CSV may have (PROMOTION_CSV_MAX_ROWS). */
  csvMaxRows: number;
  /** Stops the run of a promotion cancelled before its approval (Temporal's cancel). */
  client: Client;
  temporalCallTimeoutMs: number;
}

export const PROMOTION_WRITERS = ['ADMIN', 'OPS_LEAD'] as const;

/**
 * Promotions (docs/promotions.md): written with their rollout's start (`promo:<id>`, outbox), which asks
 * a second ops lead to approve, waits for the start and pushes to every channel. Bad input, floor
 * breaches and conflicts are 400s with one field error per SKU and channel, and write nothing.
 */
export function registerPromotionRoutes(api: ApiRouter, deps: PromotionRouteDeps): void {
  const { prisma, pageLimits, fulfilment, settings } = deps;
  api.route({
    method: 'get',
    path: '/api/promotions',
    summary: 'Promotions (filter by status, search by name)',
    tags: ['promotions'],
    access: 'authenticated',
    request: { query: promotionListQuerySchema },
    response: { description: 'A page of promotions', schema: z.array(promotionSchema), isList: true },
    handle: ({ query, res }) => {
      const { filter } = query;
      const where: Prisma.PromotionWhereInput = {
        ...(filter.id !== undefined && { id: { in: filter.id } }),
        ...(filter.status !== undefined && { status: filter.status }),
        ...(filter.q !== undefined && { name: { contains: filter.q, mode: 'insensitive' } }),
      };
      const page = pageFor(query.range, pageLimits);
      return sendPage(res, 'promotions', page, {
        rows: prisma.promotion
          .findMany({ where, include: promotionInclude, orderBy: toPrismaOrderBy(query.sort), skip: page.skip, take: page.take })
          .then((rows) => rows.map(promotionView)),
        total: prisma.promotion.count({ where }),
      });
    },
  });

  api.route({
    method: 'get',
    path: '/api/promotions/:id',
    summary: 'One promotion',
    tags: ['promotions'],
    access: 'authenticated',
    request: { params: idParamsSchema },
    response: { description: 'The promotion', schema: promotionSchema },
    otherResponses: [{ status: 404, description: 'No promotion with this id' }],
    handle: async ({ params }) => promotionView(await findPromotion(prisma, params.id)),
  });

  api.route({
    method: 'post',
    path: '/api/promotions/check',
    summary: 'What saving this promotion would refuse: floor breaches, conflicts, unknown SKUs (writes nothing)',
    tags: ['promotions'],
    access: [...PROMOTION_WRITERS],
    request: { body: createPromotionBodySchema },
    response: { description: 'The scope and its errors (empty: it can be saved)', schema: promotionCheckSchema },
    handle: async ({ body }) => {
      const scope = await prisma.$transaction((tx) => resolvePromotionScope(tx, { promotionId: null, ...body }));
      return { skuCount: scope.productIds.length, channelCount: scope.channelIds.length, errors: scopeErrors(scope) };
    },
  });

  api.route({
    method: 'post',
    path: '/api/promotions',
    summary: 'Create a promotion; a second ops lead approves it before it is scheduled',
    tags: ['promotions'],
    access: [...PROMOTION_WRITERS],
    request: { body: createPromotionBodySchema },
    response: { description: 'The promotion, its rollout started', schema: promotionSchema, status: 201 },
    handle: async ({ body, actor, requestId }) => {
      const { row, start } = await prisma.$transaction(
        async (tx) => {
          const scope = await checkedScope(tx, null, body);
          const created = await tx.promotion.create({ data: { ...promotionColumns(body), requestedByUserId: actor.userId } });
          await writePromotionScope(tx, created.id, scope);
          const request = promotionWorkflow.startRequest(fulfilment.policy.taskQueue, { promotion: { id: created.id }, settings });
          await enqueueWorkflowStart(tx, request, fulfilment.policy.firstRelayAttemptAt());
          await recordAudit(tx, {
            actor,
            action: 'promotion.create',
            entityType: 'Promotion',
            entityId: created.id,
            after: {
              name: body.name,
              discount: body.discount,
              startsAt: body.startsAt,
              endsAt: body.endsAt,
              skus: scope.productIds.length,
            },
            workflowId: request.workflowId,
            requestId,
          });
          return { row: await findPromotion(tx, created.id), start: request };
        },
        { timeout: 120_000 },
      );
      fulfilment.startInBackground(start);
      return promotionView(row);
    },
  });

  api.route({
    method: 'put',
    path: '/api/promotions/:id',
    summary: 'Edit a promotion before it starts: recorded as an edit, approval asked again',
    tags: ['promotions'],
    access: [...PROMOTION_WRITERS],
    request: { params: idParamsSchema, body: updatePromotionBodySchema },
    response: { description: 'The edited promotion', schema: promotionSchema },
    otherResponses: [
      { status: 404, description: 'No promotion with this id' },
      { status: 409, description: 'Active, ended or cancelled: no more edits' },
    ],
    handle: async ({ params, body, actor, requestId }) => {
      const edited = await editPromotion(prisma, { promotionId: params.id, input: body, actor, requestId });
      if (edited.workflowId !== null) fulfilment.deliverInBackground(edited.workflowId);
      return promotionView(edited);
    },
  });

  registerPromotionSkuCsvRoute(api, deps);
  registerPromotionCancelRoute(api, deps);
}
