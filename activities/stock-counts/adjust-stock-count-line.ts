import { type InventorySettings, defaultInventorySettings } from '../../domain/inventory/settings';
import { ConflictError } from '../../domain/errors';
import { stockCountLineKey } from '../../domain/stock-counts/stock-count-rules';
import { type ActivityDeps } from '../deps';
import { withTemporalFailures } from '../failures/to-temporal-failure';
import { createAdjustStock } from '../inventory/adjust-stock';

export interface AdjustStockCountLineInput {
  stockCountId: string;
  lineId: string;
  workflowId: string;
}

export interface AdjustStockCountLineResult {
  /** The change written to on hand (the difference, or less where reservations hold units the shelf lacks). */
  deltaOnHand: number;
  movementKey: string;
}

/**
 * A difference within the tolerance, corrected at once: one ADJUST ledger row keyed by the count line
 * (`stock-count:<countId>:<lineId>`) in the counter's name, so a retried activity writes it once, and the
 * line marked ADJUSTED. The difference is relative to on hand as counted, so what sold since stays sold.
 * On hand never goes below what is reserved: a count below the reservations corrects down to them.
 */
export function createAdjustStockCountLine(
  { prisma }: Pick<ActivityDeps, 'prisma'>,
  settings: InventorySettings = defaultInventorySettings,
) {
  const adjustStock = createAdjustStock({ prisma }, settings);
  return async function adjustStockCountLine(input: AdjustStockCountLineInput): Promise<AdjustStockCountLineResult> {
    const movementKey = stockCountLineKey(input.stockCountId, input.lineId);
    const line = await withTemporalFailures(async () => {
      const found = await prisma.stockCountLine.findUnique({
        where: { id: input.lineId },
        include: { product: { select: { sku: true } }, store: { select: { code: true } }, countedBy: { select: { email: true } } },
      });
      if (found?.stockCountId !== input.stockCountId || found.systemOnHand === null)
        throw new ConflictError(`Count line ${input.lineId} is not a line of stock count ${input.stockCountId}`);
      return { ...found, systemOnHand: found.systemOnHand };
    });
    const done = await prisma.inventoryMovement.findUnique({ where: { idempotencyKey: movementKey }, select: { deltaOnHand: true } });
    let deltaOnHand = done?.deltaOnHand;
    if (deltaOnHand === undefined) {
      const level = await prisma.inventoryLevel.findFirst({ where: { storeId: line.storeId, productId: line.productId } });
      const difference = line.counted - line.systemOnHand;
      const floor = level === null ? 0 : level.reserved - level.onHand;
      deltaOnHand = Math.max(difference, floor);
      if (deltaOnHand !== 0)
        await adjustStock({
          kind: 'ADJUST',
          storeCode: line.store.code,
          businessKey: movementKey,
          actor: { userId: line.countedByUserId, label: line.countedBy?.email ?? 'workflow:inventory' },
          workflowId: input.workflowId,
          reason: `Stock count: counted ${line.counted}, system ${line.systemOnHand}`,
          lines: [{ sku: line.product.sku, delta: deltaOnHand }],
        });
    }
    await withTemporalFailures(() => prisma.stockCountLine.update({ where: { id: input.lineId }, data: { resolution: 'ADJUSTED' } }));
    return { deltaOnHand, movementKey };
  };
}
