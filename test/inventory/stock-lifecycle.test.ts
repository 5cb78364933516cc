import {
  createInventoryTestKit,
  createTestProduct,
  createTestStore,
  ledgerTotalsOf,
  receiveStock,
  stockLevelOf,
  stockRequest,
  uniqueCode,
  type InventoryTestKit,
} from './inventory-test-kit';

/** Reserve -> consume / release -> adjust, as a pickup order and a store's stock room go through them. */
describe('releasing, handing over and adjusting stock', () => {
  let kit: InventoryTestKit;
  let store: string;
  let sku: string;

  beforeAll(() => {
    kit = createInventoryTestKit();
  });

  beforeEach(async () => {
    store = await createTestStore(kit.prisma);
    sku = await createTestProduct(kit.prisma);
    await receiveStock(kit, store, sku, 5);
  });

  afterAll(async () => {
    await kit.prisma.$disconnect();
  });

  it('hands over part of a reservation and releases the rest, keeping the ledger equal to the level', async () => {
    await kit.reserveStock(stockRequest(store, [{ sku, quantity: 3 }]));
    const handOver = await kit.consumeStock(stockRequest(store, [{ sku, quantity: 2 }]));
    await kit.releaseStock(stockRequest(store, [{ sku, quantity: 1 }]));

    expect(handOver.lines).toEqual([{ sku, deltaOnHand: -2, deltaReserved: -2 }]);
    expect(await stockLevelOf(kit.prisma, store, sku)).toEqual({ onHand: 3, reserved: 0 });
    expect(await ledgerTotalsOf(kit.prisma, store, sku)).toEqual({ onHand: 3, reserved: 0, movements: 4 });
  });

  it('refuses to release or hand over more than is reserved, and changes nothing', async () => {
    await kit.reserveStock(stockRequest(store, [{ sku, quantity: 1 }]));

    await expect(kit.releaseStock(stockRequest(store, [{ sku, quantity: 2 }]))).rejects.toMatchObject({
      type: 'CONFLICT',
      nonRetryable: true,
      details: [{ breaches: [{ sku, onHand: 5, reserved: 1, deltaReserved: -2 }] }],
    });
    await expect(kit.consumeStock(stockRequest(store, [{ sku, quantity: 2 }]))).rejects.toMatchObject({ type: 'CONFLICT' });
    expect(await stockLevelOf(kit.prisma, store, sku)).toEqual({ onHand: 5, reserved: 1 });
  });

  it('corrects a count down, but never below what is promised to orders', async () => {
    await kit.reserveStock(stockRequest(store, [{ sku, quantity: 4 }]));
    const countCorrection = { ...stockRequest(store, []), kind: 'ADJUST' as const, reason: 'stock count' };

    await kit.adjustStock({ ...countCorrection, lines: [{ sku, delta: -1 }] });
    const tooFar = kit.adjustStock({ ...countCorrection, lines: [{ sku, delta: -1 }], businessKey: uniqueCode('count') });

    await expect(tooFar).rejects.toMatchObject({ type: 'CONFLICT', nonRetryable: true });
    expect(await stockLevelOf(kit.prisma, store, sku)).toEqual({ onHand: 4, reserved: 4 });
  });

  it('receives into a store that never stocked the SKU, recording who did it and why', async () => {
    const otherStore = await createTestStore(kit.prisma);
    const businessKey = uniqueCode('receive:delivery');

    await kit.adjustStock({
      ...stockRequest(otherStore, []),
      kind: 'RECEIVE',
      lines: [{ sku, delta: 7 }],
      businessKey,
      workflowId: 'receive:delivery-1',
      reason: 'delivery note 1',
    });

    expect(await stockLevelOf(kit.prisma, otherStore, sku)).toEqual({ onHand: 7, reserved: 0 });
    const movement = await kit.prisma.inventoryMovement.findUniqueOrThrow({ where: { idempotencyKey: businessKey } });
    expect(movement).toMatchObject({
      kind: 'RECEIVE',
      deltaOnHand: 7,
      deltaReserved: 0,
      actorLabel: 'test:inventory',
      workflowId: 'receive:delivery-1',
      reason: 'delivery note 1',
    });
  });

  it('says which store or SKU is unknown, as NOT_FOUND', async () => {
    await expect(kit.reserveStock(stockRequest('NO-SUCH-STORE', [{ sku, quantity: 1 }]))).rejects.toMatchObject({
      type: 'NOT_FOUND',
      message: expect.stringContaining('store NO-SUCH-STORE') as unknown,
    });
    await expect(kit.reserveStock(stockRequest(store, [{ sku: 'NO-SUCH-SKU', quantity: 1 }]))).rejects.toMatchObject({
      type: 'NOT_FOUND',
      message: expect.stringContaining('SKU NO-SUCH-SKU') as unknown,
    });
  });

  it('has nothing to reserve at a store that never stocked the SKU', async () => {
    const otherStore = await createTestStore(kit.prisma);

    await expect(kit.reserveStock(stockRequest(otherStore, [{ sku, quantity: 1 }]))).rejects.toMatchObject({
      type: 'INSUFFICIENT_STOCK',
      details: [{ shortLines: [{ sku, requested: 1, available: 0 }] }],
    });
  });

  it('refuses a change on behalf of a user who does not exist, as NOT_FOUND', async () => {
    const ghost = { userId: '00000000-0000-4000-8000-000000000000', label: 'ghost@example.com' };

    await expect(kit.reserveStock({ ...stockRequest(store, [{ sku, quantity: 1 }]), actor: ghost })).rejects.toMatchObject({
      type: 'NOT_FOUND',
      message: expect.stringContaining('user') as unknown,
    });
    expect(await stockLevelOf(kit.prisma, store, sku)).toEqual({ onHand: 5, reserved: 0 });
  });

  it('rejects a malformed request as INVALID_DATA with the field at fault', async () => {
    await expect(kit.reserveStock(stockRequest(store, [{ sku, quantity: 0 }]))).rejects.toMatchObject({
      type: 'INVALID_DATA',
      nonRetryable: true,
      details: [{ fieldErrors: { 'lines.0.quantity': expect.any(String) as unknown } }],
    });
    await expect(kit.adjustStock({ ...stockRequest(store, []), kind: 'RECEIVE', lines: [{ sku, delta: -3 }] })).rejects.toMatchObject({
      type: 'INVALID_DATA',
    });
    expect(await stockLevelOf(kit.prisma, store, sku)).toEqual({ onHand: 5, reserved: 0 });
  });
});
