import { Client } from 'pg';
import { compareSkus } from '../../domain/inventory/lock-order';
import { testEnv } from '../support/env';
import {
  createInventoryTestKit,
  createTestProduct,
  createTestStore,
  receiveStock,
  stockLevelOf,
  stockRequest,
  type InventoryTestKit,
} from './inventory-test-kit';

/**
 * Another writer that locks stock rows in the opposite order can deadlock with a reservation. PostgreSQL
 * then aborts one transaction (40P01); when it picks the reservation, the activity must run it again
 * itself rather than fail the order.
 */
describe('a reservation caught in a deadlock', () => {
  let kit: InventoryTestKit;
  let otherWriter: Client;

  beforeAll(async () => {
    kit = createInventoryTestKit();
    otherWriter = new Client({ connectionString: testEnv.databaseUrl });
    await otherWriter.connect();
  });

  afterAll(async () => {
    await otherWriter.end();
    await kit.prisma.$disconnect();
  });

  it('is retried inside the activity and applied once', async () => {
    const store = await createTestStore(kit.prisma);
    const [first, second] = [await createTestProduct(kit.prisma), await createTestProduct(kit.prisma)].sort(compareSkus) as [
      string,
      string,
    ];
    await receiveStock(kit, store, first, 5);
    await receiveStock(kit, store, second, 5);
    const lockLevel = (sku: string) =>
      otherWriter.query(
        'SELECT l.id FROM inventory_levels l JOIN stores s ON s.id = l.store_id JOIN products p ON p.id = l.product_id WHERE s.code = $1 AND p.sku = $2 FOR UPDATE OF l',
        [store, sku],
      );

    // The other writer holds the second row; the reservation locks the first and queues for the second.
    await otherWriter.query('BEGIN');
    await lockLevel(second);
    const reservation = kit.reserveStock(
      stockRequest(store, [
        { sku: first, quantity: 1 },
        { sku: second, quantity: 1 },
      ]),
    );
    const { rows: pid } = await otherWriter.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    await waitUntil(async () => {
      const { rows } = await otherWriter.query<{ blocked: number }>(
        'SELECT count(*)::int AS blocked FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))',
        [pid[0]?.pid],
      );
      return (rows[0]?.blocked ?? 0) > 0;
    });
    // Now the cycle: the other writer asks for the first row. The reservation, waiting longer, is aborted.
    await lockLevel(first);
    await otherWriter.query('COMMIT');

    const outcome = await reservation;

    expect(outcome.replayed).toBe(false);
    expect(await stockLevelOf(kit.prisma, store, first)).toEqual({ onHand: 5, reserved: 1 });
    expect(await stockLevelOf(kit.prisma, store, second)).toEqual({ onHand: 5, reserved: 1 });
  });
});

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
