import { createAdjustStock } from '../../activities/inventory/adjust-stock';
import { type PrismaClient } from '../../prisma/client';
import { type IntakeStormConfig } from './config';

export interface StormProduct {
  sku: string;
  unitPriceMinor: number;
}

const stormActor = { userId: null, label: 'bench:intake-storm' };

/**
 * The storm's scarce product: the first active SKU, with exactly BENCH_STORM_UNITS at the pickup store and
 * none anywhere else, so most orders cannot be covered by any store and close as unfulfillable (released,
 * refunded or voided), the path on which the issue found refunds of money never taken.
 */
export async function prepareScarceProduct(prisma: PrismaClient, config: IntakeStormConfig): Promise<StormProduct> {
  const product = await prisma.product.findFirstOrThrow({ where: { active: true }, orderBy: { sku: 'asc' } });
  const levels = await prisma.inventoryLevel.findMany({ where: { productId: product.id }, include: { store: { select: { code: true } } } });
  const adjustStock = createAdjustStock({ prisma });
  for (const level of levels) {
    const wanted = level.store.code === config.BENCH_STORM_STORE ? config.BENCH_STORM_UNITS : 0;
    if (level.onHand === wanted) continue;
    await adjustStock({
      storeCode: level.store.code,
      kind: 'ADJUST',
      lines: [{ sku: product.sku, delta: wanted - level.onHand }],
      businessKey: `adjust:intake-storm-${level.store.code}`,
      actor: stormActor,
      workflowId: null,
      reason: 'intake storm: one scarce SKU',
    });
  }
  if (!levels.some((level) => level.store.code === config.BENCH_STORM_STORE) && config.BENCH_STORM_UNITS > 0) {
    await adjustStock({
      storeCode: config.BENCH_STORM_STORE,
      kind: 'RECEIVE',
      lines: [{ sku: product.sku, delta: config.BENCH_STORM_UNITS }],
      businessKey: `receive:intake-storm-${config.BENCH_STORM_STORE}`,
      actor: stormActor,
      workflowId: null,
      reason: 'intake storm: one scarce SKU',
    });
  }
  return { sku: product.sku, unitPriceMinor: product.basePriceMinor };
}
