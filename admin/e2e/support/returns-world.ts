import { randomInt } from 'node:crypto';
import demoUsers from '../../../prisma/seed-data/demo-users.json';
import { findStoreByCode, signInToApi } from '../api-client';
import { admin, apiUrl } from '../e2e-settings';
import { pickInFullThroughApi, readAsAdmin, waitForOrderRun } from './api-reads';
import { pickupCodeSentFor, pickupStoreClerk, pickupStoreCode, placePickupOrder } from './bopis-world';

/**
 * The returns browser test's world: a marketplace pickup order the customer has collected (picked and
 * handed over through the API, as the pickup tests do at the counter), so its lines can come back.
 */

/** The manager of the pickup store: a second person, who decides the store's return approvals. */
export const pickupStoreManager = (() => {
  const user = demoUsers.users.find(
    (candidate) => candidate.role === 'STORE_STAFF' && candidate.storeCode === pickupStoreCode && candidate.isStoreManager,
  );
  if (user === undefined) throw new Error(`The demo users have no manager at ${pickupStoreCode}`);
  return { email: user.email, password: demoUsers.password, name: user.name };
})();

export interface CollectedOrder {
  id: string;
  externalId: string;
  customerName: string;
  /** The customer's mobile in national format, as they would say it at the counter ("06 1234 5678"). */
  nationalPhone: string;
  lines: { sku: string; quantity: number }[];
}

async function waitForOrderStatus(orderId: string, status: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const order = await readAsAdmin<{ status: string }>(`/orders/${orderId}`);
    if (order.status === status) return;
    if (Date.now() > deadline) throw new Error(`Order ${orderId} is ${order.status}, not ${status}, after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

/** The clerk hands the order over with the customer's code, through the API. */
async function handOverThroughApi(workflowId: string, code: string, timeoutMs: number): Promise<void> {
  const token = await signInToApi(apiUrl, pickupStoreClerk);
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const filter = encodeURIComponent(JSON.stringify({ workflowId, type: 'HANDOVER', status: ['OPEN'] }));
    const response = await fetch(`${apiUrl}/api/tasks?filter=${filter}&range=[0,0]`, { headers });
    const [task] = (await response.json()) as { id: string }[];
    if (task !== undefined) {
      const done = await fetch(`${apiUrl}/api/tasks/${task.id}/complete`, { method: 'POST', headers, body: JSON.stringify({ code }) });
      if (!done.ok) throw new Error(`Handing over failed: HTTP ${done.status} ${await done.text()}`);
      return;
    }
    if (Date.now() > deadline) throw new Error(`No HANDOVER task for ${workflowId} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

/** A two-line marketplace order for pickup at AMS-01, collected by a customer with a phone of their own. */
export async function collectedMarketplaceOrder(timeoutMs: number): Promise<CollectedOrder> {
  const mobile = `6${String(randomInt(10_000_000, 99_999_999))}`;
  const order = await placePickupOrder([1, 1], { phone: `+31${mobile}` });
  const run = await waitForOrderRun(order.externalId, timeoutMs);
  await pickInFullThroughApi(run.workflowId, pickupStoreClerk, timeoutMs);
  const code = await pickupCodeSentFor(`+31${mobile}`, timeoutMs);
  await handOverThroughApi(run.workflowId, code, timeoutMs);
  await waitForOrderStatus(run.id, 'COLLECTED', timeoutMs);
  return {
    id: run.id,
    externalId: order.externalId,
    customerName: order.customerName,
    nationalPhone: `0${mobile.slice(0, 1)} ${mobile.slice(1, 5)} ${mobile.slice(5)}`,
    lines: order.lines,
  };
}

/**
 * A one-line web store order for pickup at AMS-01, paid at the counter when collected (no checkout
 * payment, so `pay-at-pickup`): a till sale, whose refund the customer takes in cash or store credit.
 */
export async function collectedPayAtPickupOrder(timeoutMs: number): Promise<CollectedOrder> {
  const mobile = `6${String(randomInt(10_000_000, 99_999_999))}`;
  const token = await signInToApi(apiUrl, admin);
  const store = await findStoreByCode(apiUrl, token, pickupStoreCode);
  const query = new URLSearchParams({ filter: JSON.stringify({ storeId: store.id, lowStock: false }), range: '[0,49]' });
  const levels = await readAsAdmin<{ sku: string; available: number }[]>(`/inventory?${query.toString()}`);
  // The last one in stock: the other browser tests take the first ones.
  const line = levels.filter((level) => level.available >= 1).at(-1);
  if (line === undefined) throw new Error(`No SKU in stock at ${pickupStoreCode}`);
  const externalId = `WEB-E2E-${String(randomInt(100_000_000, 999_999_999))}`;
  const customerName = `E2E Counter Payer ${mobile.slice(-4)}`;
  const placed = await fetch(`${apiUrl}/api/orders`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      externalId,
      customer: { name: customerName, phone: `+31${mobile}` },
      fulfilmentType: 'PICKUP',
      pickupStoreCode,
      lines: [{ sku: line.sku, quantity: 1 }],
    }),
  });
  if (placed.status !== 201) throw new Error(`POST /api/orders answered ${placed.status}: ${await placed.text()}`);
  const run = await waitForOrderRun(externalId, timeoutMs);
  await pickInFullThroughApi(run.workflowId, pickupStoreClerk, timeoutMs);
  const code = await pickupCodeSentFor(`+31${mobile}`, timeoutMs);
  await handOverThroughApi(run.workflowId, code, timeoutMs);
  await waitForOrderStatus(run.id, 'COLLECTED', timeoutMs);
  return {
    id: run.id,
    externalId,
    customerName,
    nationalPhone: `0${mobile.slice(0, 1)} ${mobile.slice(1, 5)} ${mobile.slice(5)}`,
    lines: [{ sku: line.sku, quantity: 1 }],
  };
}
