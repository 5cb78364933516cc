import { postgresErrorCode } from '../../activities/inventory/transient-database-conflict';
import {
  createInventoryTestKit,
  createTestProduct,
  createTestStore,
  receiveStock,
  stockLevelOf,
  type InventoryTestKit,
} from './inventory-test-kit';

const CHECK_VIOLATION = '23514';

/** The database itself refuses impossible stock, whatever code (or person with psql) tries to write it. */
describe('stock CHECK constraints and the append-only ledger', () => {
  let kit: InventoryTestKit;
  let store: string;
  let sku: string;

  beforeAll(async () => {
    kit = createInventoryTestKit();
    store = await createTestStore(kit.prisma);
    sku = await createTestProduct(kit.prisma);
    await receiveStock(kit, store, sku, 2);
  });

  afterAll(async () => {
    await kit.prisma.$disconnect();
  });

  async function updateLevelDirectly(onHandDelta: number, reservedDelta: number): Promise<unknown> {
    return kit.prisma.$executeRaw`
      UPDATE inventory_levels SET on_hand = on_hand + ${onHandDelta}, reserved = reserved + ${reservedDelta}
      WHERE store_id = (SELECT id FROM stores WHERE code = ${store}) AND product_id = (SELECT id FROM products WHERE sku = ${sku})`.catch(
      (error: unknown) => error,
    );
  }

  it.each([
    ['more reserved than on hand', 0, 3],
    ['negative on hand', -3, 0],
    ['negative reserved', 0, -1],
  ])('rejects %s', async (_case, onHandDelta, reservedDelta) => {
    const error = await updateLevelDirectly(onHandDelta, reservedDelta);

    expect(postgresErrorCode(error)).toBe(CHECK_VIOLATION);
    expect(await stockLevelOf(kit.prisma, store, sku)).toEqual({ onHand: 2, reserved: 0 });
  });

  it('refuses to edit or delete ledger rows', async () => {
    const movement = await kit.prisma.inventoryMovement.findFirstOrThrow({ where: { product: { sku } } });

    await expect(
      kit.prisma.$executeRaw`UPDATE inventory_movements SET delta_on_hand = 100 WHERE id = ${movement.id}::uuid`,
    ).rejects.toThrow(/append-only/);
    await expect(kit.prisma.$executeRaw`DELETE FROM inventory_movements WHERE id = ${movement.id}::uuid`).rejects.toThrow(/append-only/);
  });
});
