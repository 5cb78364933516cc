import { recordAudit } from '../../db/audit/record-audit';
import { ConflictError } from '../../domain/errors';
import { minorUnits } from '../../domain/money/minor-units';
import { stockAdjustmentWorkflow } from '../../domain/stock-adjustments/stock-adjustment-definition';
import { adjustmentValueMinor, stockAdjustmentWorkflowId } from '../../domain/stock-adjustments/stock-adjustment-rules';
import {
  type AdjustStockWithApprovalInput,
  type StockAdjustmentWorkflowSettings,
} from '../../domain/stock-adjustments/stock-adjustment-workflow';
import { type Prisma } from '../../prisma/client';
import { type ActivityDeps } from '../deps';
import { withTemporalFailures } from '../failures/to-temporal-failure';

export interface OpenStockCountAdjustmentInput {
  stockCountId: string;
  lineId: string;
  /** Chosen by the run, so a retry finds the adjustment it wrote. */
  adjustmentId: string;
  /** The count's requester, when nobody signed in counted (never: a clerk completes the task). */
  fallbackRequesterUserId: string;
  /** The adjustment run's settings (its thresholds are the count's tolerance) and the queue it runs on. */
  settings: StockAdjustmentWorkflowSettings;
  taskQueue: string;
}

export interface OpenedStockCountAdjustment {
  adjustmentId: string;
  workflowId: string;
  storeCode: string;
  /** What the count's run starts the adjustment's run with (the same as the outbox row says). */
  input: AdjustStockWithApprovalInput;
}

/**
 * The adjustment's run is the count run's child, started by it; its outbox row is written here as STARTED
 * (no relay start: the parent starts it durably) so that the approval's decision, which the API queues in the
 * outbox for the run like every stock adjustment's, reaches it. No decision can be queued before the child
 * runs: the child opens the approval request.
 */
async function recordChildStart(
  tx: Prisma.TransactionClient,
  adjustmentId: string,
  storeCode: string,
  input: OpenStockCountAdjustmentInput,
) {
  const request = stockAdjustmentWorkflow.startRequest(input.taskQueue, {
    adjustment: { id: adjustmentId, storeCode },
    settings: input.settings,
  });
  await tx.workflowStart.createMany({
    data: {
      workflowId: request.workflowId,
      workflowType: request.workflowType,
      taskQueue: request.taskQueue,
      input: JSON.parse(JSON.stringify(request.input)) as Prisma.InputJsonValue,
      searchAttributes: JSON.parse(JSON.stringify(request.searchAttributes)) as Prisma.InputJsonValue,
      status: 'STARTED',
      startedAt: new Date(),
      nextAttemptAt: null,
      stockAdjustmentId: adjustmentId,
    },
    skipDuplicates: true,
  });
  return request.input;
}

/**
 * A difference beyond the tolerance becomes a stock adjustment (docs/approvals.md) in the name of who
 * counted: its own run asks a second person to approve it (four-eyes: never the counter) and only then
 * writes the ledger row. Once per line: the line keeps the adjustment's id.
 */
export function createOpenStockCountAdjustment({ prisma }: Pick<ActivityDeps, 'prisma'>) {
  return async function openStockCountAdjustment(input: OpenStockCountAdjustmentInput): Promise<OpenedStockCountAdjustment> {
    return withTemporalFailures(() =>
      prisma.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT id FROM stock_count_lines WHERE id = ${input.lineId}::uuid FOR UPDATE`;
        const line = await tx.stockCountLine.findUnique({
          where: { id: input.lineId },
          include: { product: { select: { basePriceMinor: true, currency: true } }, store: { select: { code: true } } },
        });
        if (line?.stockCountId !== input.stockCountId || line.systemOnHand === null)
          throw new ConflictError(`Count line ${input.lineId} is not a line of stock count ${input.stockCountId}`);
        const opened = async (adjustmentId: string): Promise<OpenedStockCountAdjustment> => ({
          adjustmentId,
          workflowId: stockAdjustmentWorkflowId(adjustmentId),
          storeCode: line.store.code,
          input: await recordChildStart(tx, adjustmentId, line.store.code, input),
        });
        if (line.stockAdjustmentId !== null) return opened(line.stockAdjustmentId);
        const delta = line.counted - line.systemOnHand;
        const requestedByUserId = line.countedByUserId ?? input.fallbackRequesterUserId;
        const created = await tx.stockAdjustment.create({
          data: {
            id: input.adjustmentId,
            storeId: line.storeId,
            productId: line.productId,
            delta,
            reason: `Stock count: counted ${line.counted}, system ${line.systemOnHand}`,
            valueMinor: BigInt(adjustmentValueMinor(delta, minorUnits(line.product.basePriceMinor))),
            currency: line.product.currency,
            requestedByUserId,
            workflowId: stockAdjustmentWorkflowId(input.adjustmentId),
          },
        });
        await tx.stockCountLine.update({
          where: { id: input.lineId },
          data: { stockAdjustmentId: created.id, resolution: 'AWAITING_APPROVAL' },
        });
        await recordAudit(tx, {
          actor: { systemLabel: 'workflow:inventory' },
          action: 'stock-adjustment.request',
          entityType: 'StockAdjustment',
          entityId: created.id,
          after: { stockCountId: input.stockCountId, lineId: input.lineId, delta },
          workflowId: created.workflowId ?? undefined,
        });
        return opened(created.id);
      }),
    );
  };
}
