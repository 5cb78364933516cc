import { randomUUID } from 'node:crypto';
import { signAccessToken } from '../../../api/auth/tokens';
import { createPrismaClient, type PrismaClient, type UserRole } from '../../../prisma/client';
import { testEnv } from '../../support/env';

export type ApprovalsUserKey = 'managerA' | 'managerA2' | 'clerkA' | 'managerB' | 'opsLead' | 'admin';

export interface ApprovalsUser {
  id: string;
  email: string;
}

/**
 * Two stores (A with two managers and a clerk, B with a manager), an ops lead, one product at 25.00 with
 * 100 on hand in store A: enough people for four-eyes. Codes unique per run; stores and the product are
 * deactivated at the end (the ledger is append-only, so nothing that has movements is deleted).
 */
export class ApprovalsWorld {
  readonly prefix = `ap${randomUUID().slice(0, 6)}`;
  readonly prisma: PrismaClient = createPrismaClient({ databaseUrl: testEnv.databaseUrl, poolSize: 5 });
  readonly sku = `${this.prefix.toUpperCase()}-SKU`;
  readonly unitPriceMinor = 2500;
  readonly users = {} as Record<ApprovalsUserKey, ApprovalsUser>;
  storeA = '';
  storeB = '';

  async setUp(): Promise<void> {
    const store = (suffix: string) =>
      this.prisma.store.create({
        data: {
          code: `${this.prefix.toUpperCase()}-${suffix}`,
          name: `Approvals test store ${suffix}`,
          city: 'Testville',
          address: '1 Test Street',
          timeZone: 'Europe/Amsterdam',
          currency: 'EUR',
        },
      });
    const [a, b] = [await store('A'), await store('B')];
    this.storeA = a.id;
    this.storeB = b.id;
    const product = await this.prisma.product.create({
      data: {
        sku: this.sku,
        name: 'Approvals test product',
        description: 'for four-eyes tests',
        category: 'test',
        basePriceMinor: this.unitPriceMinor,
        floorPriceMinor: 1000,
        currency: 'EUR',
      },
    });
    await this.prisma.inventoryLevel.create({ data: { storeId: a.id, productId: product.id, onHand: 100 } });
    const user = async (key: ApprovalsUserKey, role: UserRole, storeId: string | null, isStoreManager: boolean) => {
      const email = `${key.toLowerCase()}@${this.prefix}.test`;
      const created = await this.prisma.user.create({
        data: { email, name: key, role, storeId, isStoreManager, passwordHash: 'not-used-by-these-tests' },
      });
      this.users[key] = { id: created.id, email };
    };
    await user('managerA', 'STORE_STAFF', a.id, true);
    await user('managerA2', 'STORE_STAFF', a.id, true);
    await user('clerkA', 'STORE_STAFF', a.id, false);
    await user('managerB', 'STORE_STAFF', b.id, true);
    await user('opsLead', 'OPS_LEAD', null, false);
    await user('admin', 'ADMIN', null, false);
  }

  bearer(key: ApprovalsUserKey, secret: string): string {
    return `Bearer ${signAccessToken(this.users[key].id, { secret, ttlSeconds: 600 })}`;
  }

  async onHandA(): Promise<number> {
    const level = await this.prisma.inventoryLevel.findFirstOrThrow({ where: { storeId: this.storeA, product: { sku: this.sku } } });
    return level.onHand;
  }

  async tearDown(): Promise<void> {
    await this.prisma.store.updateMany({ where: { id: { in: [this.storeA, this.storeB] } }, data: { active: false } });
    await this.prisma.product.updateMany({ where: { sku: this.sku }, data: { active: false } });
    await this.prisma.user.updateMany({ where: { email: { endsWith: `@${this.prefix}.test` } }, data: { active: false } });
    await this.prisma.$disconnect();
  }
}
