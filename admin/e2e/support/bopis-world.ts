import { randomUUID } from 'node:crypto';
import demoUsers from '../../../prisma/seed-data/demo-users.json';
import { findStoreByCode, signInToApi } from '../api-client';
import { admin, apiUrl } from '../e2e-settings';

/**
 * The outside world of the BOPIS browser test: a shopper placing a pickup order on a marketplace in the
 * channel sandbox, and the customer's mailbox, in the sandbox's message gateway, that receives the pickup code.
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
  const user = demoUsers.users.find(
    (candidate) => candidate.role === 'STORE_STAFF' && candidate.storeCode === pickupStoreCode && !candidate.isStoreManager,
  );
  if (user === undefined) throw new Error(`The demo users have no clerk at ${pickupStoreCode}`);
  return { email: user.email, password: demoUsers.password, name: user.name };
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
  if (candidates.length < quantities.length)
    throw new Error(`${pickupStoreCode} has fewer than ${quantities.length} SKUs with ${most} units available`);
  return quantities.map((quantity, index) => ({ sku: candidates[index]?.sku ?? '', quantity }));
}

/** Places a pickup order as a shopper on the marketplace; the sandbox sends its webhook to the API. */
export async function placePickupOrder(
  quantities: readonly number[],
  customer: { phone?: string } = {},
): Promise<{ externalId: string; lines: OrderedLine[]; customerEmail: string; customerName: string }> {
  const lines = await stockedSkus(quantities);
  const shopper = randomUUID().slice(0, 8);
  // Unique per order, so the shopper's mailbox in the gateway holds this order's messages only.
  const customerEmail = `shopper-${shopper}@example.com`;
  const response = await fetch(`${sandboxUrl}/channels/${marketplaceCode}/orders`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      customer: { name: `E2E Shopper ${shopper}`, email: customerEmail, phone: customer.phone ?? null },
      fulfilment: 'PICKUP',
      pickupStoreCode,
      // Priced by the shopper: the SKUs need not be listed on the marketplace for this test.
      lines: lines.map((line) => ({ ...line, unitPrice: 1999 })),
    }),
  });
  if (response.status !== 201) throw new Error(`The sandbox refused the order: HTTP ${response.status} ${await response.text()}`);
  const { order } = (await response.json()) as { order: { externalId: string } };
  return { externalId: order.externalId, lines, customerEmail, customerName: `E2E Shopper ${shopper}` };
}

/** How the pickup-ready message (domain/notifications/message-templates.ts) shows the code. */
const pickupCodeInText = /code at the counter: (\d+)/;

/**
 * The code as the customer receives it: the message the sandbox's message gateway delivered to the
 * shopper's address, read through the sandbox's control API as their phone or mailbox would show it
 * (once sent, the outbox no longer holds the code). Polls: the message goes out as the order turns ready.
 */
export async function pickupCodeSentFor(recipient: string, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetch(`${sandboxUrl}/_control/messages?${new URLSearchParams({ recipient }).toString()}`);
    if (!response.ok) throw new Error(`GET /_control/messages failed: HTTP ${response.status}`);
    const { messages } = (await response.json()) as { messages: { text: string }[] };
    const code = messages.map((message) => pickupCodeInText.exec(message.text)?.[1]).find((found) => found !== undefined);
    if (code !== undefined) return code;
    if (Date.now() > deadline) throw new Error(`No pickup code reached ${recipient} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** A code that is certainly not the customer's (same length, every digit changed). */
export function wrongCodeFor(code: string): string {
  return [...code].map((digit) => String((Number(digit) + 1) % 10)).join('');
}
