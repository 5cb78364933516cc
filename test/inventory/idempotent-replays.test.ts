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

/** Temporal may run an activity more than once; a business key must apply a stock change exactly once. */
describe('idempotent stock changes', () => {
  let kit: InventoryTestKit;

  beforeAll(() => {
    kit = createInventoryTestKit();
  });

  afterAll(async () => {
    await kit.prisma.$disconnect();
  });

  it('answers a repeated reservation with the first outcome and leaves stock alone', async () => {
    const store = await createTestStore(kit.prisma);
    const [first, second] = [await createTestProduct(kit.prisma), await createTestProduct(kit.prisma)];
    await receiveStock(kit, store, first, 5);
    await receiveStock(kit, store, second, 5);
    const request = stockRequest(
      store,
      [
        { sku: first, quantity: 2 },
        { sku: second, quantity: 1 },
      ],
      `reserve:order-${first}`,
    );

    const original = await kit.reserveStock(request);
    const replay = await kit.reserveStock(request);

    expect(original.replayed).toBe(false);
    expect(replay).toEqual({ ...original, replayed: true });
    expect(await stockLevelOf(kit.prisma, store, first)).toEqual({ onHand: 5, reserved: 2 });
    expect(await stockLevelOf(kit.prisma, store, second)).toEqual({ onHand: 5, reserved: 1 });
    expect((await ledgerTotalsOf(kit.prisma, store, first)).movements).toBe(2);
  });

  it('applies concurrent duplicates once: one applies, the others wait and replay it', async () => {
    const store = await createTestStore(kit.prisma);
    const sku = await createTestProduct(kit.prisma);
    await receiveStock(kit, store, sku, 10);
    const request = stockRequest(store, [{ sku, quantity: 3 }], `reserve:order-${sku}`);

    const outcomes = await Promise.all(Array.from({ length: 25 }, () => kit.reserveStock(request)));

    expect(outcomes.filter((outcome) => !outcome.replayed)).toHaveLength(1);
    expect(new Set(outcomes.map((outcome) => outcome.recordedAt)).size).toBe(1);
    expect(await stockLevelOf(kit.prisma, store, sku)).toEqual({ onHand: 10, reserved: 3 });
    expect(await ledgerTotalsOf(kit.prisma, store, sku)).toEqual({ onHand: 10, reserved: 3, movements: 2 });
  });

  it('applies a concurrently repeated hand-over once', async () => {
    const store = await createTestStore(kit.prisma);
    const sku = await createTestProduct(kit.prisma);
    await receiveStock(kit, store, sku, 4);
    await kit.reserveStock(stockRequest(store, [{ sku, quantity: 4 }]));
    const handOver = stockRequest(store, [{ sku, quantity: 2 }], `consume:order-${sku}`);

    await Promise.all(Array.from({ length: 10 }, () => kit.consumeStock(handOver)));

    expect(await stockLevelOf(kit.prisma, store, sku)).toEqual({ onHand: 2, reserved: 2 });
  });

  it('rejects a business key reused for a different change, and changes nothing', async () => {
    const store = await createTestStore(kit.prisma);
    const [first, second] = [await createTestProduct(kit.prisma), await createTestProduct(kit.prisma)];
    await receiveStock(kit, store, first, 5);
    await receiveStock(kit, store, second, 5);
    const businessKey = `reserve:order-${second}`;
    await kit.reserveStock(stockRequest(store, [{ sku: first, quantity: 1 }], businessKey));

    const otherQuantity = kit.reserveStock(stockRequest(store, [{ sku: first, quantity: 2 }], businessKey));
    const otherSku = kit.reserveStock(stockRequest(store, [{ sku: second, quantity: 1 }], businessKey));
    const moreLines = kit.reserveStock(
      stockRequest(
        store,
        [
          { sku: first, quantity: 1 },
          { sku: second, quantity: 1 },
        ],
        businessKey,
      ),
    );
    const otherKind = kit.releaseStock(stockRequest(store, [{ sku: first, quantity: 1 }], businessKey));

    for (const attempt of [otherQuantity, otherSku, moreLines, otherKind]) {
      await expect(attempt).rejects.toMatchObject({ type: 'CONFLICT', nonRetryable: true });
    }
    expect(await stockLevelOf(kit.prisma, store, first)).toEqual({ onHand: 5, reserved: 1 });
    expect(await stockLevelOf(kit.prisma, store, second)).toEqual({ onHand: 5, reserved: 0 });
  });
});
