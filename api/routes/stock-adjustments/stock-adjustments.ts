import { z } from 'zod';
import { recordSubjectEdit } from '../../../db/approvals/record-subject-edit';
import { recordAudit } from '../../../db/audit/record-audit';
import { approverLevelOf } from '../../../domain/approvals/approval-rules';
import { type Actor } from '../../../domain/auth/roles';
import { storeFilterFor, throwIfStoreIsNotAccessible } from '../../../domain/auth/store-access';
import { ConflictError, ForbiddenError, InvalidDataError, NotFoundError } from '../../../domain/errors';
import { minorUnits } from '../../../domain/money/minor-units';
import { stockAdjustmentWorkflow } from '../../../domain/stock-adjustments/stock-adjustment-definition';
import { adjustmentValueMinor, STOCK_ADJUSTMENT_SUBJECT } from '../../../domain/stock-adjustments/stock-adjustment-rules';
import { type StockAdjustmentWorkflowSettings } from '../../../domain/stock-adjustments/stock-adjustment-workflow';
import { type Prisma, type PrismaClient } from '../../../prisma/client';
import { enqueueWorkflowStart } from '../../../workflow-starts/enqueue-workflow-start';
import { type ApiRouter } from '../../http/api-router';
import { type OrderFulfilment } from '../../intake/order-fulfilment';
import { toPrismaOrderBy } from '../../lists/list-query';
import { pageFor } from '../../lists/pagination';
import { sendPage } from '../../lists/send-page';
import { idParamsSchema } from '../../openapi/common-schemas';
import { type ResourceRouteDeps } from '../route-deps';
import {
  createStockAdjustmentBodySchema,
  stockAdjustmentListQuerySchema,
  stockAdjustmentSchema,
  updateStockAdjustmentBodySchema,
} from './stock-adjustments.validators';

export interface StockAdjustmentRouteDeps extends ResourceRouteDeps {
  fulfilment: Pick<OrderFulfilment, 'policy' | 'startInBackground' | 'deliverInBackground'>;
  settings: StockAdjustmentWorkflowSettings;
}

const include = { product: { select: { sku: true } } } as const;
type AdjustmentRow = Prisma.StockAdjustmentGetPayload<{ include: typeof include }>;

function view(row: AdjustmentRow) {
  const { product, ...rest } = row;
  return { ...rest, sku: product.sku, valueMinor: minorUnits(row.valueMinor) };
}

/** Store managers (their store), ops leads and admins; a clerk's counts go through their manager. */
function throwIfNotAllowedToAdjust(actor: Actor, storeId: string): void {
  throwIfStoreIsNotAccessible(actor, storeId);
  if (approverLevelOf(actor) === null) throw new ForbiddenError('Stock adjustments are for store managers, ops leads and admins');
}

async function findAdjustment(prisma: PrismaClient | Prisma.TransactionClient, actor: Actor, id: string): Promise<AdjustmentRow> {
  const row = await prisma.stockAdjustment.findUnique({ where: { id }, include });
  if (row === null) throw new NotFoundError('Stock adjustment not found');
  throwIfStoreIsNotAccessible(actor, row.storeId);
  return row;
}

/**
 * Stock adjustments with a reason (docs/approvals.md): written with their workflow's start (outbox), which
 * applies them to the ledger at once below the approval thresholds and after a second person's approval
 * above them. Edits are allowed until the workflow takes the adjustment; each is recorded for four-eyes.
 */
export function registerStockAdjustmentRoutes(
  api: ApiRouter,
  { prisma, pageLimits, fulfilment, settings }: StockAdjustmentRouteDeps,
): void {
  api.route({
    method: 'get',
    path: '/api/stock-adjustments',
    summary: 'Stock adjustments (store staff: their store only)',
    tags: ['inventory'],
    access: 'authenticated',
    request: { query: stockAdjustmentListQuerySchema },
    response: { description: 'A page of stock adjustments', schema: z.array(stockAdjustmentSchema), isList: true },
    handle: ({ query, actor, res }) => {
      const { filter } = query;
      const storeIds = storeFilterFor(actor, filter.storeId);
      const where: Prisma.StockAdjustmentWhereInput = {
        ...(storeIds !== undefined && { storeId: { in: [...storeIds] } }),
        ...(filter.id !== undefined && { id: { in: filter.id } }),
        ...(filter.status !== undefined && { status: filter.status }),
      };
      const page = pageFor(query.range, pageLimits);
      return sendPage(res, 'stock-adjustments', page, {
        rows: prisma.stockAdjustment
          .findMany({ where, include, orderBy: toPrismaOrderBy(query.sort), skip: page.skip, take: page.take })
          .then((rows) => rows.map(view)),
        total: prisma.stockAdjustment.count({ where }),
      });
    },
  });

  api.route({
    method: 'get',
    path: '/api/stock-adjustments/:id',
    summary: 'One stock adjustment',
    tags: ['inventory'],
    access: 'authenticated',
    request: { params: idParamsSchema },
    response: { description: 'The adjustment', schema: stockAdjustmentSchema },
    otherResponses: [{ status: 404, description: 'No stock adjustment with this id' }],
    handle: async ({ params, actor }) => view(await findAdjustment(prisma, actor, params.id)),
  });

  api.route({
    method: 'post',
    path: '/api/stock-adjustments',
    summary: 'Correct on hand at a store, with a reason; above the thresholds a second person approves it first',
    tags: ['inventory'],
    access: ['ADMIN', 'OPS_LEAD', 'STORE_STAFF'],
    request: { body: createStockAdjustmentBodySchema },
    response: { description: 'The adjustment, its workflow started', schema: stockAdjustmentSchema, status: 201 },
    handle: async ({ body, actor, requestId }) => {
      throwIfNotAllowedToAdjust(actor, body.storeId);
      const { row, start } = await prisma.$transaction(async (tx) => {
        const [store, product] = await Promise.all([
          tx.store.findUnique({ where: { id: body.storeId }, select: { id: true, code: true, active: true } }),
          tx.product.findUnique({ where: { sku: body.sku }, select: { id: true, basePriceMinor: true, currency: true } }),
        ]);
        if (store === null || !store.active) throw new InvalidDataError('Unknown store', { storeId: 'no active store with this id' });
        if (product === null) throw new InvalidDataError('Unknown product', { sku: 'no product with this SKU' });
        const created = await tx.stockAdjustment.create({
          data: {
            storeId: store.id,
            productId: product.id,
            delta: body.delta,
            reason: body.reason,
            valueMinor: BigInt(adjustmentValueMinor(body.delta, product.basePriceMinor)),
            currency: product.currency,
            requestedByUserId: actor.userId,
          },
          include,
        });
        const request = stockAdjustmentWorkflow.startRequest(fulfilment.policy.taskQueue, {
          adjustment: { id: created.id, storeCode: store.code },
          settings,
        });
        await enqueueWorkflowStart(tx, request, fulfilment.policy.firstRelayAttemptAt());
        await recordAudit(tx, {
          actor,
          action: 'stock-adjustment.request',
          entityType: 'StockAdjustment',
          entityId: created.id,
          after: { sku: body.sku, delta: body.delta, reason: body.reason, storeId: store.id },
          workflowId: request.workflowId,
          requestId,
        });
        return { row: created, start: request };
      });
      fulfilment.startInBackground(start);
      return view(row);
    },
  });

  api.route({
    method: 'put',
    path: '/api/stock-adjustments/:id',
    summary: 'Edit an adjustment its workflow has not taken yet',
    description:
      'Recorded as an edit: the editor may never approve it, and an approval already given is SUPERSEDED (a new one is asked for). 409 once applied, rejected or taken for applying.',
    tags: ['inventory'],
    access: ['ADMIN', 'OPS_LEAD', 'STORE_STAFF'],
    request: { params: idParamsSchema, body: updateStockAdjustmentBodySchema },
    response: { description: 'The edited adjustment', schema: stockAdjustmentSchema },
    otherResponses: [
      { status: 404, description: 'No stock adjustment with this id' },
      { status: 409, description: 'Applied, rejected or being applied: no more edits' },
    ],
    handle: async ({ params, body, actor, requestId }) => {
      const edited = await prisma.$transaction(async (tx) => {
        const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM stock_adjustments WHERE id = ${params.id}::uuid FOR UPDATE`;
        if (locked.length === 0) throw new NotFoundError('Stock adjustment not found');
        const before = await findAdjustment(tx, actor, params.id);
        throwIfNotAllowedToAdjust(actor, before.storeId);
        if (before.status !== 'REQUESTED' && before.status !== 'AWAITING_APPROVAL')
          throw new ConflictError(`This adjustment is ${before.status.toLowerCase().replace('_', ' ')}: it can no longer be edited`);
        const delta = body.delta ?? before.delta;
        const reason = body.reason ?? before.reason;
        if (delta === before.delta && reason === before.reason) return view(before);
        const unitPrice = before.delta === 0 ? 0 : minorUnits(before.valueMinor) / Math.abs(before.delta);
        const after = await tx.stockAdjustment.update({
          where: { id: params.id },
          data: { delta, reason, valueMinor: BigInt(adjustmentValueMinor(delta, unitPrice)), version: { increment: 1 } },
          include,
        });
        const changes = { before: { delta: before.delta, reason: before.reason }, after: { delta, reason } };
        await recordSubjectEdit(tx, {
          subjectType: STOCK_ADJUSTMENT_SUBJECT,
          subjectId: params.id,
          editedByUserId: actor.userId,
          version: after.version,
          ...changes,
        });
        await recordAudit(tx, {
          actor,
          action: 'stock-adjustment.update',
          entityType: 'StockAdjustment',
          entityId: params.id,
          ...changes,
          workflowId: after.workflowId ?? undefined,
          requestId,
        });
        return view(after);
      });
      // The waiting workflow learns who edited (queued with the edit); deliver it now rather than at the relay's pace.
      if (edited.workflowId !== null) fulfilment.deliverInBackground(edited.workflowId);
      return edited;
    },
  });
}
