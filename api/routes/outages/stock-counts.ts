import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { recordAudit } from '../../../db/audit/record-audit';
import { throwIfStoreIsNotAccessible } from '../../../domain/auth/store-access';
import { ConflictError, InvalidDataError, NotFoundError } from '../../../domain/errors';
import { STOCK_COUNT_REQUESTED_SIGNAL } from '../../../domain/outages/outage-definition';
import { type StockCountRequested } from '../../../domain/outages/outage-workflow';
import { type StockCountSettings } from '../../../domain/stock-counts/stock-count-workflow';
import { queueWorkflowSignal } from '../../../workflow-starts/enqueue-workflow-start';
import { type ApiRouter } from '../../http/api-router';
import { type OrderFulfilment } from '../../intake/order-fulfilment';
import { idParamsSchema } from '../../openapi/common-schemas';
import { type ResourceRouteDeps } from '../route-deps';
import { taskSchema } from '../tasks/tasks.validators';
import { openStockCountRun } from './open-stock-count-run';

export const stockCountRequestBodySchema = z
  .strictObject({
    skus: z
      .array(z.string().trim().min(1).max(64))
      .min(1)
      .max(500)
      .refine((skus) => new Set(skus).size === skus.length, 'each SKU once'),
  })
  .meta({ id: 'StockCountRequest' });

export interface StockCountRouteDeps extends ResourceRouteDeps {
  fulfilment: Pick<OrderFulfilment, 'deliverInBackground' | 'startInBackground' | 'policy'>;
  settings: StockCountSettings;
}

/**
 * A STOCK_COUNT task for a store. During an outage (docs/outages.md, "Stock counts") the counts feed the open
 * outage's diff: the task row and the signal that tells the outage's run are written in one transaction
 * (outbox), so the run always accepts the completion of a task people see. Outside one (docs/stock-counts.md)
 * the count starts its own run, written with the task in one transaction too, which corrects the differences.
 */
export function registerStockCountRoutes(api: ApiRouter, { prisma, fulfilment, settings }: StockCountRouteDeps): void {
  api.route({
    method: 'post',
    path: '/api/stores/:id/stock-counts',
    summary: "Ask a store to count SKUs: the counts feed its open outage's reconciliation, or correct its stock outside one",
    tags: ['outages'],
    access: ['ADMIN', 'OPS_LEAD', 'STORE_STAFF'],
    request: { params: idParamsSchema, body: stockCountRequestBodySchema },
    response: { description: 'The STOCK_COUNT task', schema: taskSchema, status: 201 },
    otherResponses: [
      { status: 404, description: 'No store with this id' },
      { status: 409, description: "The store's outage is being reconciled, or its run has not started yet" },
    ],
    handle: async ({ params, body, actor, requestId }) => {
      throwIfStoreIsNotAccessible(actor, params.id);
      const counted = await prisma.$transaction(async (tx) => {
        const store = await tx.store.findUnique({ where: { id: params.id }, select: { id: true, code: true, active: true } });
        if (store === null || !store.active) throw new NotFoundError('Store not found');
        const products = await tx.product.findMany({ where: { sku: { in: body.skus }, active: true }, select: { sku: true, name: true } });
        const known = new Set(products.map((p) => p.sku));
        const unknown = body.skus.filter((sku) => !known.has(sku));
        if (unknown.length > 0)
          throw new InvalidDataError(`Unknown SKUs: ${unknown.join(', ')}`, { skus: `unknown: ${unknown.join(', ')}` });
        const skus = body.skus.map((sku) => ({ sku, name: products.find((p) => p.sku === sku)?.name ?? sku }));
        const outage = await tx.outage.findFirst({
          where: { storeId: store.id, status: { not: 'RESOLVED' } },
          select: { id: true, workflowId: true, status: true },
        });
        if (outage === null) {
          const { taskId, start } = await openStockCountRun(tx, { store, skus, actor, settings, policy: fulfilment.policy });
          await recordAudit(tx, {
            actor,
            action: 'stock-count.request',
            entityType: 'Task',
            entityId: taskId,
            after: { storeId: store.id, skus: body.skus },
            workflowId: start.workflowId,
            requestId,
          });
          return { task: await tx.task.findUniqueOrThrow({ where: { id: taskId } }), start, signalled: null };
        }
        if (outage.workflowId === null || (outage.status !== 'ACTIVE' && outage.status !== 'RECOVERING'))
          throw new ConflictError(
            outage.workflowId === null
              ? "This store's outage has not started its run yet; try again in a moment"
              : "This store's outage is being reconciled: ask for the count once it is resolved",
          );
        const taskId = randomUUID();
        const created = await tx.task.create({
          data: {
            id: taskId,
            idempotencyKey: `stock-count:${taskId}`,
            type: 'STOCK_COUNT',
            queue: 'STORE',
            title: `Count ${skus.length} SKU${skus.length === 1 ? '' : 's'} on the shelf`,
            storeId: store.id,
            workflowId: outage.workflowId,
            payload: { storeId: store.id, outageId: outage.id, skus },
          },
        });
        const signal: StockCountRequested = { taskId, skus: body.skus };
        if (!(await queueWorkflowSignal(tx, outage.workflowId, { name: STOCK_COUNT_REQUESTED_SIGNAL, args: [signal] })))
          throw new ConflictError("This outage's run has not been started yet; try again in a moment");
        await recordAudit(tx, {
          actor,
          action: 'stock-count.request',
          entityType: 'Task',
          entityId: taskId,
          after: { storeId: store.id, outageId: outage.id, skus: body.skus },
          workflowId: outage.workflowId,
          requestId,
        });
        return { task: created, start: null, signalled: outage.workflowId };
      });
      if (counted.start !== null) fulfilment.startInBackground(counted.start);
      if (counted.signalled !== null) fulfilment.deliverInBackground(counted.signalled);
      return counted.task;
    },
  });
}
