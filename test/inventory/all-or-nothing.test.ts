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

describe('multi-line reservations', () => {
  let kit: InventoryTestKit;

  beforeAll(() => {
    kit = createInventoryTestKit();
  });

  afterAll(async () => {
    await kit.prisma.$disconnect();
  });

  it('reserves nothing when one line is short, and names only the short line', async () => {
    const store = await createTestStore(kit.prisma);
    const [plenty, scarce] = [await createTestProduct(kit.prisma), await createTestProduct(kit.prisma)];
    await receiveStock(kit, store, plenty, 10);
    await receiveStock(kit, store, scarce, 3);
    const businessKey = `reserve:order-${plenty}`;

    const attempt = kit.reserveStock(
      stockRequest(
        store,
        [
          { sku: plenty, quantity: 2 },
          { sku: scarce, quantity: 5 },
        ],
        businessKey,
      ),
    );

    await expect(attempt).rejects.toMatchObject({
      type: 'INSUFFICIENT_STOCK',
      details: [{ shortLines: [{ sku: scarce, requested: 5, available: 3 }] }],
    });
    expect(await stockLevelOf(kit.prisma, store, plenty)).toEqual({ onHand: 10, reserved: 0 });
    expect(await stockLevelOf(kit.prisma, store, scarce)).toEqual({ onHand: 3, reserved: 0 });
    expect(await kit.prisma.inventoryMovement.count({ where: { idempotencyKey: { startsWith: businessKey } } })).toBe(0);

    // The same key may be tried again once stock is there: a rejection recorded nothing to replay.
    await receiveStock(kit, store, scarce, 2);
    const retried = await kit.reserveStock(
      stockRequest(
        store,
        [
          { sku: plenty, quantity: 2 },
          { sku: scarce, quantity: 5 },
        ],
        businessKey,
      ),
    );
    expect(retried.replayed).toBe(false);
    expect(await stockLevelOf(kit.prisma, store, scarce)).toEqual({ onHand: 5, reserved: 5 });
  });

  it('adds up lines naming the same SKU before checking stock', async () => {
    const store = await createTestStore(kit.prisma);
    const sku = await createTestProduct(kit.prisma);
    await receiveStock(kit, store, sku, 3);

    const attempt = kit.reserveStock(
      stockRequest(store, [
        { sku, quantity: 2 },
        { sku, quantity: 2 },
      ]),
    );

    await expect(attempt).rejects.toMatchObject({
      type: 'INSUFFICIENT_STOCK',
      details: [{ shortLines: [{ sku, requested: 4, available: 3 }] }],
    });
  });

  it('lets orders that list the same SKUs in opposite orders run concurrently without deadlocking', async () => {
    const store = await createTestStore(kit.prisma);
    const skus = [await createTestProduct(kit.prisma), await createTestProduct(kit.prisma), await createTestProduct(kit.prisma)];
    for (const sku of skus) await receiveStock(kit, store, sku, 1000);

    const orders = Array.from({ length: 60 }, (_, index) => {
      const lines = skus.map((sku) => ({ sku, quantity: 1 }));
      return kit.reserveStock(stockRequest(store, index % 2 === 0 ? lines : lines.reverse()));
    });
    const results = await Promise.allSettled(orders);

    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    for (const sku of skus) {
      expect(await stockLevelOf(kit.prisma, store, sku)).toEqual({ onHand: 1000, reserved: 60 });
      expect((await ledgerTotalsOf(kit.prisma, store, sku)).reserved).toBe(60);
    }
  });
});
