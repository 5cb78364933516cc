import { lockTaskForCompletion, markTaskDone } from '../../db/tasks/complete-task';
import { InvalidDataError } from '../../domain/errors';
import { OUTAGE_CHECKLIST_STEPS, type OutageTaskOutcome } from '../../domain/outages/outage-workflow';
import { type ProcessActor } from '../../domain/workflow-kit/process-actor';
import { type Prisma } from '../../prisma/client';
import { type ActivityDeps } from '../deps';
import { withTemporalFailures } from '../failures/to-temporal-failure';
import { insertTaskOnce } from '../tasks/open-task';

export interface OpenOutageChecklistInput {
  outageId: string;
  workflowId: string;
  taskId: string;
  storeCode: string;
  storeId: string;
}

/**
 * The cut-off store's checklist (the manual procedure), once per outage (`outage-checklist:<outageId>`),
 * in the store's MANAGER queue: the store's staff see it, its manager (or an admin) acknowledges it.
 */
export function createOpenOutageChecklist({ prisma }: Pick<ActivityDeps, 'prisma'>) {
  return async function openOutageChecklist(input: OpenOutageChecklistInput): Promise<{ taskId: string }> {
    return withTemporalFailures(() =>
      insertTaskOnce(prisma, {
        taskId: input.taskId,
        idempotencyKey: `outage-checklist:${input.outageId}`,
        type: 'OUTAGE_CHECKLIST',
        queue: 'MANAGER',
        title: 'Store cut off: follow the offline procedure',
        storeCode: input.storeCode,
        workflowId: input.workflowId,
        dueAt: null,
        payload: { outageId: input.outageId, storeId: input.storeId, steps: [...OUTAGE_CHECKLIST_STEPS] },
      }),
    );
  };
}

export interface RecordOutageTaskOutcomeInput {
  taskId: string;
  outageId: string;
  actor: ProcessActor;
  outcome: OutageTaskOutcome;
  requestId?: string;
}

type Tx = Prisma.TransactionClient;

async function writeCounts(tx: Tx, input: RecordOutageTaskOutcomeInput, storeId: string, counts: { sku: string; counted: number }[]) {
  const products = await tx.product.findMany({ where: { sku: { in: counts.map((c) => c.sku) } }, select: { id: true, sku: true } });
  const bySku = new Map(products.map((p) => [p.sku, p.id]));
  const unknown = counts.filter((c) => !bySku.has(c.sku)).map((c) => c.sku);
  if (unknown.length > 0) throw new InvalidDataError(`Unknown SKUs: ${unknown.join(', ')}`, { counts: 'unknown SKU' });
  const countedAt = new Date();
  await tx.stockCountLine.createMany({
    data: counts.map((c) => ({
      taskId: input.taskId,
      storeId,
      productId: bySku.get(c.sku) as string,
      outageId: input.outageId,
      counted: c.counted,
      countedByUserId: input.actor.userId,
      countedAt,
    })),
    skipDuplicates: true,
  });
}

/**
 * A person's completion of the checklist or a stock count, once: the counts (one row per SKU, unique by
 * task and SKU) and the task DONE with its outcome and audit row, in one transaction. A repeat of a done
 * task writes nothing; a task closed another way is a CONFLICT.
 */
export function createRecordOutageTaskOutcome({ prisma }: Pick<ActivityDeps, 'prisma'>) {
  return async function recordOutageTaskOutcome(input: RecordOutageTaskOutcomeInput): Promise<{ completedAt: string }> {
    return withTemporalFailures(() =>
      prisma.$transaction(async (tx) => {
        const task = await lockTaskForCompletion(tx, input.taskId);
        if (task.status === 'DONE') return { completedAt: (task.completed_at ?? new Date()).toISOString() };
        if (input.outcome.type === 'STOCK_COUNT' && task.store_id !== null)
          await writeCounts(tx, input, task.store_id, input.outcome.counts);
        const completedAt = new Date();
        await markTaskDone(tx, task, {
          taskId: input.taskId,
          actor: input.actor,
          outcome: input.outcome,
          completedAt,
          requestId: input.requestId,
        });
        return { completedAt: completedAt.toISOString() };
      }),
    );
  };
}

/**
 * Closes the run's tasks of these types that nobody finished (CANCELLED, with why in the payload): stock
 * counts once the diff has run (a later count would not feed it), the checklist once the outage is over.
 */
export function createCloseOutageTasks({ prisma }: Pick<ActivityDeps, 'prisma'>) {
  return async function closeOutageTasks(input: {
    workflowId: string;
    types: ('STOCK_COUNT' | 'OUTAGE_CHECKLIST')[];
    why: string;
  }): Promise<{ closed: number }> {
    return withTemporalFailures(async () => {
      const closed = await prisma.$executeRaw`
        UPDATE tasks SET status = 'CANCELLED', completed_at = now(), payload = payload || jsonb_build_object('closedBecause', ${input.why}::text),
               updated_at = now()
         WHERE workflow_id = ${input.workflowId} AND type::text = ANY(${input.types}) AND status IN ('OPEN', 'CLAIMED', 'LOCKED')`;
      return { closed };
    });
  };
}
