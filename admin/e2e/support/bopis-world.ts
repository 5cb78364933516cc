import { randomUUID } from 'node:crypto';
import demoUsers from '../../../prisma/seed-data/demo-users.json';
import { createPrismaClient } from '../../../prisma/client';
import { findStoreByCode, signInToApi } from '../api-client';
import { admin, apiUrl } from '../e2e-settings';

/**
 * The outside world of the BOPIS browser test: a shopper placing a pickup order on a marketplace in the
 * channel sandbox, and the customer's phone that receives the pickup code.
 */

export const pickupStoreCode = 'AMS-01';
/** A marketplace (signed webhooks into the API), not the web store (which posts to the API itself). */
export const marketplaceCode = 'megamart';

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the e2e tests through \`npm test\`, or point ${name} at the running stack`);
  return value;
}

export const sandboxUrl = requiredEnv('SANDBOX_URL').replace(/\/$/, '');

/** A non-manager clerk of the pickup store, from the demo users the seed creates. */
export const pickupStoreClerk = (() => {
  const user = demoUsers.users.find((candidate) => candidate.role === 'STORE_STAFF' && candidate.storeCode === pickupStoreCode && !candidate.isStoreManager);
  if (user === undefined) throw new Error(`The demo users have no clerk at ${pickupStoreCode}`);
  return { email: user.email, password: demoUsers.password };
})();

export interface OrderedLine {
  sku: string;
  quantity: number;
}

interface StockLevel {
  sku: string;
  available: number;
}

/** Two SKUs the pickup store has enough of, read from the API as head office sees it. */
async function stockedSkus(quantities: readonly number[]): Promise<OrderedLine[]> {
  const token = await signInToApi(apiUrl, admin);
  const store = await findStoreByCode(apiUrl, token, pickupStoreCode);
  const query = new URLSearchParams({ filter: JSON.stringify({ storeId: store.id, lowStock: false }), range: '[0,49]' });
  const response = await fetch(`${apiUrl}/api/inventory?${query.toString()}`, { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`GET /api/inventory failed: HTTP ${response.status}`);
  const levels = (await response.json()) as StockLevel[];
  const most = Math.max(...quantities);
  const candidates = levels.filter((level) => level.available >= most);
  if (candidates.length < quantities.length) throw new Error(`${pickupStoreCode} has fewer than ${quantities.length} SKUs with ${most} units available`);
  return quantities.map((quantity, index) => ({ sku: candidates[index]?.sku ?? '', quantity }));
}

/** Places a pickup order as a shopper on the marketplace; the sandbox sends its webhook to the API. */
export async function placePickupOrder(quantities: readonly number[]): Promise<{ externalId: string; lines: OrderedLine[] }> {
  const lines = await stockedSkus(quantities);
  const shopper = randomUUID().slice(0, 8);
  const response = await fetch(`${sandboxUrl}/channels/${marketplaceCode}/orders`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      customer: { name: `E2E Shopper ${shopper}`, email: `shopper-${shopper}@example.com`, phone: null },
      fulfilment: 'PICKUP',
      pickupStoreCode,
      // Priced by the shopper: the SKUs need not be listed on the marketplace for this test.
      lines: lines.map((line) => ({ ...line, unitPrice: 1999 })),
    }),
  });
  if (response.status !== 201) throw new Error(`The sandbox refused the order: HTTP ${response.status} ${await response.text()}`);
  const { order } = (await response.json()) as { order: { externalId: string } };
  return { externalId: order.externalId, lines };
}

/**
 * The code as the customer receives it. It exists in clear only in the notifications outbox message
 * (`notify:pickup-ready:<orderId>`), and no API hands outbox messages out yet, so this reads that one row
 * the way the customer's message gateway would. Polls: the message is written as the order turns ready.
 */
export async function pickupCodeSentFor(externalId: string, timeoutMs: number): Promise<string> {
  const prisma = createPrismaClient({ databaseUrl: requiredEnv('DATABASE_URL'), poolSize: 1 });
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const order = await prisma.order.findFirst({ where: { externalId, channel: { code: marketplaceCode } }, select: { id: true } });
      const message = order === null ? null : await prisma.notification.findUnique({ where: { idempotencyKey: `notify:pickup-ready:${order.id}` }, select: { payload: true } });
      const code = (message?.payload as { code?: unknown } | undefined)?.code;
      if (typeof code === 'string') return code;
      if (Date.now() > deadline) throw new Error(`No pickup code was sent for order ${externalId} within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } finally {
    await prisma.$disconnect();
  }
}

/** A code that is certainly not the customer's (same length, every digit changed). */
export function wrongCodeFor(code: string): string {
  return [...code].map((digit) => String((Number(digit) + 1) % 10)).join('');
}
