import { randomUUID } from 'node:crypto';
import { createAdjustStock } from '../../activities/inventory/adjust-stock';
import { createConsumeStock } from '../../activities/inventory/consume-stock';
import { createReleaseStock } from '../../activities/inventory/release-stock';
import { createReserveStock } from '../../activities/inventory/reserve-stock';
import { type StockQuantityChangeRequest } from '../../domain/inventory/stock-requests';
import { createPrismaClient, type PrismaClient } from '../../prisma/client';
import { testEnv } from '../support/env';

/**
 * The inventory activities against the real test database, plus stores and SKUs of their own (unique
 * codes per test) so tests neither disturb each other nor the seeded demo data.
 */
export interface InventoryTestKit {
  prisma: PrismaClient;
  reserveStock: ReturnType<typeof createReserveStock>;
  releaseStock: ReturnType<typeof createReleaseStock>;
  consumeStock: ReturnType<typeof createConsumeStock>;
  adjustStock: ReturnType<typeof createAdjustStock>;
}

export function createInventoryTestKit(): InventoryTestKit {
  // Enough connections for the concurrency tests to contend on row locks rather than on the pool.
  const prisma = createPrismaClient({ databaseUrl: testEnv.databaseUrl, poolSize: 20 });
  const deps = { prisma };
  return {
    prisma,
    reserveStock: createReserveStock(deps),
    releaseStock: createReleaseStock(deps),
    consumeStock: createConsumeStock(deps),
    adjustStock: createAdjustStock(deps),
  };
}

export function uniqueCode(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8).toUpperCase()}`;
}

/*
 * The ledger is append-only, so test rows stay in the test database. They are created inactive (the
 * stock activities don't look at `active`) with a TST-INV prefix, so suites that list or sync active
 * stores and products never meet them.
 */
export async function createTestStore(prisma: PrismaClient): Promise<string> {
  const code = uniqueCode('TST-INV');
  await prisma.store.create({
    data: {
      code,
      name: `Test store ${code}`,
      city: 'Utrecht',
      address: 'Teststraat 1',
      timeZone: 'Europe/Amsterdam',
      currency: 'EUR',
      active: false,
    },
  });
  return code;
}

export async function createTestProduct(prisma: PrismaClient): Promise<string> {
  const sku = uniqueCode('TST-INV');
  await prisma.product.create({
    data: {
      sku,
      name: `Test product ${sku}`,
      description: 'Made by an inventory test',
      category: 'test',
      basePriceMinor: 1999,
      floorPriceMinor: 999,
      currency: 'EUR',
      active: false,
    },
  });
  return sku;
}

const testActor = { userId: null, label: 'test:inventory' };

/** A request with the context every stock change carries; tests vary only what they are about. */
export function stockRequest(
  storeCode: string,
  lines: StockQuantityChangeRequest['lines'],
  businessKey = uniqueCode('key'),
): StockQuantityChangeRequest {
  return { storeCode, lines, businessKey, actor: testActor, workflowId: null, reason: 'inventory test' };
}

/** Puts goods on the shelf the way a delivery does, so the ledger accounts for every unit from the start. */
export async function receiveStock(kit: InventoryTestKit, storeCode: string, sku: string, quantity: number): Promise<void> {
  await kit.adjustStock({ ...stockRequest(storeCode, []), kind: 'RECEIVE', lines: [{ sku, delta: quantity }], reason: 'test delivery' });
}

export async function stockLevelOf(prisma: PrismaClient, storeCode: string, sku: string): Promise<{ onHand: number; reserved: number }> {
  const level = await prisma.inventoryLevel.findFirst({
    where: { store: { code: storeCode }, product: { sku } },
    select: { onHand: true, reserved: true },
  });
  return level ?? { onHand: 0, reserved: 0 };
}

/** What the movement ledger says the level should be: the sum of every recorded delta. */
export async function ledgerTotalsOf(
  prisma: PrismaClient,
  storeCode: string,
  sku: string,
): Promise<{ onHand: number; reserved: number; movements: number }> {
  const totals = await prisma.inventoryMovement.aggregate({
    where: { store: { code: storeCode }, product: { sku } },
    _sum: { deltaOnHand: true, deltaReserved: true },
    _count: true,
  });
  return { onHand: totals._sum.deltaOnHand ?? 0, reserved: totals._sum.deltaReserved ?? 0, movements: totals._count };
}
