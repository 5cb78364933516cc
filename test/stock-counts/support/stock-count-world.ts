import { randomUUID } from 'node:crypto';
import { signAccessToken } from '../../../api/auth/tokens';
import { createConsumeStock } from '../../../activities/inventory/consume-stock';
import { createReserveStock } from '../../../activities/inventory/reserve-stock';
import { createPrismaClient, type PrismaClient, type UserRole } from '../../../prisma/client';
import { testEnv } from '../../support/env';

export type StockCountUserKey = 'managerA' | 'managerA2' | 'clerkA' | 'clerkB' | 'opsLead';

/**
 * Two stores (A with two managers and a clerk, B with a clerk), an ops lead, five products at 25.00 with 100 on
 * hand each in store A. Codes unique per run; stores and products are deactivated at the end (the ledger is
 * append-only, so nothing with movements is deleted).
 */
export class StockCountWorld {
  readonly prefix = `sc${randomUUID().slice(0, 6)}`;
  readonly prisma: PrismaClient = createPrismaClient({ databaseUrl: testEnv.databaseUrl, poolSize: 5 });
  readonly users = {} as Record<StockCountUserKey, { id: string; email: string }>;
  readonly unitPriceMinor = 2500;
  storeA = '';
  storeB = '';
  storeCodeA = '';

  sku(index: number): string {
    return `${this.prefix.toUpperCase()}-SKU-${index}`;
  }

  async setUp(): Promise<void> {
    const store = (suffix: string) =>
      this.prisma.store.create({
        data: {
          code: `${this.prefix.toUpperCase()}-${suffix}`,
          name: `Stock count test store ${suffix}`,
          city: 'Testville',
          address: '1 Test Street',
          timeZone: 'Asia/Jakarta',
          currency: 'EUR',
        },
      });
    const [a, b] = [await store('A'), await store('B')];
    this.storeA = a.id;
    this.storeB = b.id;
    this.storeCodeA = a.code;
    for (const index of [0, 1, 2, 3, 4]) {
      const product = await this.prisma.product.create({
        data: {
          sku: this.sku(index),
          name: `Count test product ${index}`,
          description: 'for stock count tests',
          category: 'test',
          basePriceMinor: this.unitPriceMinor,
          floorPriceMinor: 1000,
          currency: 'EUR',
        },
      });
      await this.prisma.inventoryLevel.create({ data: { storeId: a.id, productId: product.id, onHand: 100 } });
    }
    const user = async (key: StockCountUserKey, role: UserRole, storeId: string | null, isStoreManager: boolean) => {
      const email = `${key.toLowerCase()}@${this.prefix}.test`;
      const created = await this.prisma.user.create({
        data: { email, name: key, role, storeId, isStoreManager, passwordHash: 'not-used-by-these-tests' },
      });
      this.users[key] = { id: created.id, email };
    };
    await user('managerA', 'STORE_STAFF', a.id, true);
    await user('managerA2', 'STORE_STAFF', a.id, true);
    await user('clerkA', 'STORE_STAFF', a.id, false);
    await user('clerkB', 'STORE_STAFF', b.id, false);
    await user('opsLead', 'OPS_LEAD', null, false);
  }

  bearer(key: StockCountUserKey, secret: string): string {
    return `Bearer ${signAccessToken(this.users[key].id, { secret, ttlSeconds: 600 })}`;
  }

  async onHandA(index: number): Promise<number> {
    const level = await this.prisma.inventoryLevel.findFirstOrThrow({ where: { storeId: this.storeA, product: { sku: this.sku(index) } } });
    return level.onHand;
  }

  /** A web order waiting at the store: `quantity` units reserved, still on hand. */
  async reserve(index: number, quantity: number): Promise<void> {
    await createReserveStock({ prisma: this.prisma })({
      storeCode: this.storeCodeA,
      lines: [{ sku: this.sku(index), quantity }],
      actor: { userId: null, label: 'workflow:pickup' },
      workflowId: null,
      reason: 'order waiting for pickup',
      businessKey: `reserve:${randomUUID()}`,
    });
  }

  /** A web order collected at the counter: reserved, then handed over (on hand down by `quantity`). */
  async sell(index: number, quantity: number): Promise<void> {
    const orderKey = randomUUID();
    const change = {
      storeCode: this.storeCodeA,
      lines: [{ sku: this.sku(index), quantity }],
      actor: { userId: null, label: 'workflow:pickup' },
      workflowId: null,
      reason: 'sale while counting',
    };
    await createReserveStock({ prisma: this.prisma })({ ...change, businessKey: `reserve:${orderKey}` });
    await createConsumeStock({ prisma: this.prisma })({ ...change, businessKey: `consume:${orderKey}` });
  }

  async tearDown(): Promise<void> {
    await this.prisma.store.updateMany({ where: { id: { in: [this.storeA, this.storeB] } }, data: { active: false } });
    await this.prisma.product.updateMany({ where: { sku: { startsWith: this.prefix.toUpperCase() } }, data: { active: false } });
    await this.prisma.user.updateMany({ where: { email: { endsWith: `@${this.prefix}.test` } }, data: { active: false } });
    await this.prisma.$disconnect();
  }
}
