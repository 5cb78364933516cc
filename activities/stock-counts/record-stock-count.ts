import { lockTaskForCompletion, markTaskDone } from '../../db/tasks/complete-task';
import { ConflictError, InvalidDataError } from '../../domain/errors';
import { minorUnits } from '../../domain/money/minor-units';
import { adjustmentValueMinor } from '../../domain/stock-adjustments/stock-adjustment-rules';
import { type RecordedCountLine, type StockCountOutcome } from '../../domain/stock-counts/stock-count-workflow';
import { type ProcessActor } from '../../domain/workflow-kit/process-actor';
import { type Prisma } from '../../prisma/client';
import { type ActivityDeps } from '../deps';
import { withTemporalFailures } from '../failures/to-temporal-failure';

export interface RecordStockCountInput {
  stockCountId: string;
  taskId: string;
  actor: ProcessActor;
  outcome: StockCountOutcome;
  requestId?: string;
}

type Tx = Prisma.TransactionClient;

async function linesOf(tx: Tx, stockCountId: string): Promise<RecordedCountLine[]> {
  const rows = await tx.stockCountLine.findMany({
    where: { stockCountId },
    include: { product: { select: { sku: true, basePriceMinor: true, currency: true } } },
    orderBy: { product: { sku: 'asc' } },
  });
  return rows.map((row) => {
    const systemOnHand = row.systemOnHand ?? 0;
    const delta = row.counted - systemOnHand;
    return {
      lineId: row.id,
      sku: row.product.sku,
      counted: row.counted,
      systemOnHand,
      delta,
      valueMinor: adjustmentValueMinor(delta, minorUnits(row.product.basePriceMinor)),
      currency: row.product.currency,
    };
  });
}

/**
 * A person's count, once, as of the moment it is recorded: the store's level rows of the counted SKUs are
 * locked (store, then SKU: the inventory lock order) and their on hand written next to each count, in the
 * transaction that marks the task DONE. Every sale, reservation or delivery is a change of those rows, so
 * it is either in that on hand (before) or not (after): none can be taken for drift. A SKU the store never
 * stocked counts against 0. A repeat of a done task answers the lines written the first time.
 */
export function createRecordStockCount({ prisma }: Pick<ActivityDeps, 'prisma'>) {
  return async function recordStockCount(input: RecordStockCountInput): Promise<RecordedCountLine[]> {
    return withTemporalFailures(() =>
      prisma.$transaction(async (tx) => {
        const task = await lockTaskForCompletion(tx, input.taskId);
        if (task.store_id === null) throw new ConflictError(`Task ${input.taskId} has no store to count`);
        if (task.status === 'DONE') return linesOf(tx, input.stockCountId);
        const skus = input.outcome.counts.map((c) => c.sku);
        const products = await tx.product.findMany({ where: { sku: { in: skus } }, select: { id: true, sku: true } });
        const idOf = new Map(products.map((p) => [p.sku, p.id]));
        const unknown = skus.filter((sku) => !idOf.has(sku));
        if (unknown.length > 0) throw new InvalidDataError(`Unknown SKUs: ${unknown.join(', ')}`, { counts: 'unknown SKU' });
        const levels = await tx.$queryRaw<{ product_id: string; on_hand: number }[]>`
          SELECT l.product_id, l.on_hand FROM inventory_levels l JOIN products p ON p.id = l.product_id
           WHERE l.store_id = ${task.store_id}::uuid AND p.sku = ANY(${skus}) ORDER BY p.sku FOR UPDATE OF l`;
        const onHandOf = new Map(levels.map((l) => [l.product_id, l.on_hand]));
        const countedAt = new Date();
        await tx.stockCountLine.createMany({
          data: input.outcome.counts.map((c) => {
            const productId = idOf.get(c.sku) as string;
            return {
              taskId: input.taskId,
              stockCountId: input.stockCountId,
              storeId: task.store_id as string,
              productId,
              counted: c.counted,
              systemOnHand: onHandOf.get(productId) ?? 0,
              countedByUserId: input.actor.userId,
              countedAt,
            };
          }),
        });
        await tx.stockCount.update({ where: { id: input.stockCountId }, data: { status: 'ADJUSTING' } });
        await markTaskDone(tx, task, {
          taskId: input.taskId,
          actor: input.actor,
          outcome: input.outcome,
          completedAt: countedAt,
          requestId: input.requestId,
        });
        return linesOf(tx, input.stockCountId);
      }),
    );
  };
}
