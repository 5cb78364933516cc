import { randomUUID } from 'node:crypto';
import { type Actor } from '../../../domain/auth/roles';
import { stockCountWorkflow } from '../../../domain/stock-counts/stock-count-definition';
import { type StockCountSettings } from '../../../domain/stock-counts/stock-count-workflow';
import { type Prisma } from '../../../prisma/client';
import { enqueueWorkflowStart } from '../../../workflow-starts/enqueue-workflow-start';
import { type WorkflowStartRequest } from '../../../workflow-starts/workflow-start-request';
import { type OrderFulfilment } from '../../intake/order-fulfilment';

export interface StockCountRunRequest {
  store: { id: string; code: string };
  skus: { sku: string; name: string }[];
  actor: Actor;
  settings: StockCountSettings;
  policy: OrderFulfilment['policy'];
}

/**
 * A cycle count outside an outage (docs/stock-counts.md), inside the caller's transaction: the count, its
 * STOCK_COUNT task (so the 201 answers the task a person opens at once, due after the SLA the run waits) and
 * its run's start in the outbox. The run (`stock-count:<id>`) adopts the task and settles the differences.
 */
export async function openStockCountRun(
  tx: Prisma.TransactionClient,
  { store, skus, actor, settings, policy }: StockCountRunRequest,
): Promise<{ taskId: string; start: WorkflowStartRequest }> {
  const stockCountId = randomUUID();
  const taskId = randomUUID();
  const workflowId = stockCountWorkflow.workflowIdOf(stockCountId);
  await tx.stockCount.create({ data: { id: stockCountId, storeId: store.id, taskId, requestedByUserId: actor.userId } });
  await tx.task.create({
    data: {
      id: taskId,
      idempotencyKey: `stock-count:${stockCountId}`,
      type: 'STOCK_COUNT',
      queue: 'STORE',
      title: `Count ${skus.length} SKU${skus.length === 1 ? '' : 's'} on the shelf`,
      storeId: store.id,
      workflowId,
      dueAt: new Date(Date.now() + settings.slaMs),
      payload: { storeId: store.id, stockCountId, skus },
    },
  });
  const start = stockCountWorkflow.startRequest(policy.taskQueue, {
    stockCountId,
    taskId,
    storeId: store.id,
    storeCode: store.code,
    skus,
    requestedBy: { userId: actor.userId, label: actor.email },
    settings,
  });
  await enqueueWorkflowStart(tx, start, policy.firstRelayAttemptAt());
  return { taskId, start };
}
