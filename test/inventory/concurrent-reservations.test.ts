import { ApplicationFailure } from '@temporalio/common';
import {
  createInventoryTestKit,
  createTestProduct,
  createTestStore,
  ledgerTotalsOf,
  receiveStock,
  stockLevelOf,
  stockRequest,
  type InventoryTestKit,
} from './inventory-test-kit';

/** The oversell test of issue 3: many buyers, few units, two stores. */
describe('200 concurrent reservations for 10 units across two stores', () => {
  let kit: InventoryTestKit;

  beforeAll(() => {
    kit = createInventoryTestKit();
  });

  afterAll(async () => {
    await kit.prisma.$disconnect();
  });

  it('sells exactly the 10 units, never goes negative, and the ledger accounts for every unit', async () => {
    const sku = await createTestProduct(kit.prisma);
    const amsterdam = await createTestStore(kit.prisma);
    const berlin = await createTestStore(kit.prisma);
    await receiveStock(kit, amsterdam, sku, 6);
    await receiveStock(kit, berlin, sku, 4);

    // Watches available stock while the buyers race; it must never be seen below zero.
    let lowestAvailableSeen = Number.POSITIVE_INFINITY;
    let racing = true;
    const watcher = (async () => {
      while (racing) {
        for (const store of [amsterdam, berlin]) {
          const level = await stockLevelOf(kit.prisma, store, sku);
          lowestAvailableSeen = Math.min(lowestAvailableSeen, level.onHand - level.reserved, level.onHand);
        }
      }
    })();

    const attempts = Array.from({ length: 200 }, (_, index) => {
      const store = index % 2 === 0 ? amsterdam : berlin;
      return kit
        .reserveStock(stockRequest(store, [{ sku, quantity: 1 }], `reserve:race-${sku}-${index}`))
        .then((outcome) => ({ store, outcome }));
    });
    const results = await Promise.allSettled(attempts);
    racing = false;
    await watcher;

    const sold = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    const rejections = results.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : []));
    expect(sold).toHaveLength(10);
    expect(sold.filter((sale) => sale.store === amsterdam)).toHaveLength(6);
    expect(sold.filter((sale) => sale.store === berlin)).toHaveLength(4);
    expect(rejections).toHaveLength(190);
    for (const rejection of rejections) {
      expect(rejection).toBeInstanceOf(ApplicationFailure);
      expect(rejection).toMatchObject({ type: 'INSUFFICIENT_STOCK', nonRetryable: true });
    }
    expect(lowestAvailableSeen).toBeGreaterThanOrEqual(0);

    for (const [store, units] of [
      [amsterdam, 6],
      [berlin, 4],
    ] as const) {
      const level = await stockLevelOf(kit.prisma, store, sku);
      expect(level).toEqual({ onHand: units, reserved: units });
      const ledger = await ledgerTotalsOf(kit.prisma, store, sku);
      expect({ onHand: ledger.onHand, reserved: ledger.reserved }).toEqual(level);
      // One delivery plus one row per unit sold: rejected attempts leave nothing behind.
      expect(ledger.movements).toBe(1 + units);
    }
  });

  it('reports the short line and what is left when a reservation comes too late', async () => {
    const sku = await createTestProduct(kit.prisma);
    const store = await createTestStore(kit.prisma);
    await receiveStock(kit, store, sku, 3);
    await kit.reserveStock(stockRequest(store, [{ sku, quantity: 2 }]));

    const late = kit.reserveStock(stockRequest(store, [{ sku, quantity: 2 }]));

    await expect(late).rejects.toMatchObject({
      type: 'INSUFFICIENT_STOCK',
      nonRetryable: true,
      details: [{ shortLines: [{ sku, requested: 2, available: 1 }] }],
    });
  });
});
