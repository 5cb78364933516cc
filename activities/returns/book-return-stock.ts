import { randomUUID } from 'node:crypto';
import { NotFoundError } from '../../domain/errors';
import { minorUnits } from '../../domain/money/minor-units';
import { RETURN_ACTOR } from '../../domain/returns/return-workflow';
import { type InventorySettings } from '../../domain/inventory/settings';
import { type ActivityDeps } from '../deps';
import { withTemporalFailures } from '../failures/to-temporal-failure';
import { createAdjustStock } from '../inventory/adjust-stock';

export interface BookReturnStockInput {
  returnId: string;
  returnLineId: string;
  workflowId: string;
}

/**
 * Books an inspected line at the *receiving* store, once (`return-stock:<returnId>:<lineId>`): RESTOCK adds
 * its units to on hand as a RETURN_RESTOCK ledger row (the next stock sync publishes them); WRITE_OFF
 * writes the units in (RETURN_RESTOCK) and out again (WRITE_OFF, with their value: what was refunded for
 * them) in one statement, so on hand never shows them.
 */
export function createBookReturnStock(deps: Pick<ActivityDeps, 'prisma'>, settings?: InventorySettings) {
  const adjustStock = createAdjustStock(deps, settings);
  const { prisma } = deps;
  return async function bookReturnStock(input: BookReturnStockInput): Promise<{ kind: 'RETURN_RESTOCK' | 'WRITE_OFF'; units: number }> {
    return withTemporalFailures(async () => {
      const line = await prisma.returnLine.findFirst({
        where: { id: input.returnLineId, returnId: input.returnId },
        include: {
          return: { select: { receivedAtStore: { select: { id: true, code: true } }, order: { select: { currency: true } } } },
          orderLine: { select: { productId: true, product: { select: { sku: true } } } },
        },
      });
      const store = line?.return.receivedAtStore;
      if (line === null || store === null || store === undefined) throw new NotFoundError(`Return line ${input.returnLineId} not found`);
      const businessKey = `return-stock:${input.returnId}:${input.returnLineId}`;
      if (line.disposition === 'RESTOCK') {
        await adjustStock({
          kind: 'RETURN_RESTOCK',
          storeCode: store.code,
          businessKey,
          actor: RETURN_ACTOR,
          workflowId: input.workflowId,
          reason: `Return ${input.returnId}: ${line.quantity} x ${line.orderLine.product.sku} back on the shelf (${line.condition ?? 'not graded'})`,
          lines: [{ sku: line.orderLine.product.sku, delta: line.quantity }],
        });
        return { kind: 'RETURN_RESTOCK', units: line.quantity };
      }
      // The ledger keeps no row that changes nothing: the units come in and go out again, in one
      // transaction, so on hand never shows them and the write-off row carries their value.
      const value = minorUnits(line.refundMinor);
      const row = (kind: 'RETURN_RESTOCK' | 'WRITE_OFF', key: string, deltaOnHand: number, reason: string) => ({
        id: randomUUID(),
        storeId: store.id,
        productId: line.orderLine.productId,
        kind,
        deltaOnHand,
        deltaReserved: 0,
        reason,
        actorLabel: RETURN_ACTOR.label,
        workflowId: input.workflowId,
        idempotencyKey: key,
      });
      const what = `${line.quantity} x ${line.orderLine.product.sku}`;
      await prisma.inventoryMovement.createMany({
        data: [
          row('RETURN_RESTOCK', `${businessKey}#in`, line.quantity, `Return ${input.returnId}: ${what} received for write-off`),
          row(
            'WRITE_OFF',
            businessKey,
            -line.quantity,
            `Return ${input.returnId}: ${what} written off (${line.condition ?? 'not graded'}), value ${value} ${line.return.order.currency}`,
          ),
        ],
        skipDuplicates: true,
      });
      return { kind: 'WRITE_OFF', units: line.quantity };
    });
  };
}
