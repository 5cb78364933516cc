import { randomUUID } from 'node:crypto';
import { signAccessToken } from '../../../api/auth/tokens';
import { createPrismaClient, type PrismaClient, type UserRole } from '../../../prisma/client';
import { testEnv } from '../../support/env';

export type OutagesUserKey = 'managerA' | 'clerkA' | 'clerkB' | 'opsLead' | 'admin';

/**
 * Two stores (A, B), a manager and a clerk of A, a clerk of B, an ops lead, an admin and `skuCount` products at Rp 15.000 with 20
 * on hand in store A. Codes are unique per run; at the end stores, products and users are deactivated
 * (the journal and the ledger are append-only, so nothing they name is deleted).
 */
export class OutagesWorld {
  readonly prefix = `og${randomUUID().slice(0, 6)}`;
  readonly prisma: PrismaClient = createPrismaClient({ databaseUrl: testEnv.databaseUrl, poolSize: 5 });
  readonly unitPriceMinor = 1_500_000;
  readonly users = {} as Record<OutagesUserKey, { id: string; email: string }>;
  readonly skus: string[];
  storeA = '';
  storeB = '';

  constructor(readonly skuCount = 5) {
    this.skus = Array.from({ length: skuCount }, (_, i) => `${this.prefix.toUpperCase()}-SKU-${i}`);
  }

  async setUp(): Promise<void> {
    const store = (suffix: string) =>
      this.prisma.store.create({
        data: {
          code: `${this.prefix.toUpperCase()}-${suffix}`,
          name: `Outages test store ${suffix}`,
          city: 'Jakarta',
          address: 'Jl. Uji 1',
          timeZone: 'Asia/Jakarta',
          currency: 'IDR',
        },
      });
    const [a, b] = [await store('A'), await store('B')];
    this.storeA = a.id;
    this.storeB = b.id;
    await this.prisma.product.createMany({
      data: this.skus.map((sku) => ({
        sku,
        name: `Outages test ${sku}`,
        description: 'for offline sales tests',
        category: 'test',
        basePriceMinor: this.unitPriceMinor,
        floorPriceMinor: 1000,
        currency: 'IDR',
      })),
    });
    const products = await this.prisma.product.findMany({ where: { sku: { in: this.skus } }, select: { id: true } });
    await this.prisma.inventoryLevel.createMany({ data: products.map((p) => ({ storeId: a.id, productId: p.id, onHand: 20 })) });
    const user = async (key: OutagesUserKey, role: UserRole, storeId: string | null, isStoreManager: boolean) => {
      const email = `${key.toLowerCase()}@${this.prefix}.test`;
      const created = await this.prisma.user.create({
        data: { email, name: key, role, storeId, isStoreManager, passwordHash: 'not-used-by-these-tests' },
      });
      this.users[key] = { id: created.id, email };
    };
    await user('managerA', 'STORE_STAFF', a.id, true);
    await user('clerkB', 'STORE_STAFF', b.id, false);
    await user('opsLead', 'OPS_LEAD', null, false);
    await user('admin', 'ADMIN', null, false);
    await user('clerkA', 'STORE_STAFF', a.id, false);
  }

  sku(index: number): string {
    const sku = this.skus[index];
    if (sku === undefined) throw new Error(`this world has ${this.skus.length} SKUs`);
    return sku;
  }

  bearer(key: OutagesUserKey, secret: string): string {
    return `Bearer ${signAccessToken(this.users[key].id, { secret, ttlSeconds: 600 })}`;
  }

  journalCount(storeId = this.storeA): Promise<number> {
    return this.prisma.offlineSale.count({ where: { storeId } });
  }

  async tearDown(): Promise<void> {
    await this.prisma.outage.updateMany({
      where: { storeId: { in: [this.storeA, this.storeB] }, status: { not: 'RESOLVED' } },
      data: { status: 'RESOLVED', openScope: null, resolvedAt: new Date() },
    });
    await this.prisma.store.updateMany({ where: { id: { in: [this.storeA, this.storeB] } }, data: { active: false } });
    await this.prisma.product.updateMany({ where: { sku: { in: this.skus } }, data: { active: false } });
    await this.prisma.user.updateMany({ where: { email: { endsWith: `@${this.prefix}.test` } }, data: { active: false } });
    await this.prisma.$disconnect();
  }
}
