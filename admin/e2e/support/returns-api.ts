import { pendingApprovalOf, rejectAsApi, signInToApi } from '../api-client';
import { apiUrl } from '../e2e-settings';
import { readAsAdmin } from './api-reads';
import { marketplaceCode, pickupStoreClerk, sandboxUrl } from './bopis-world';
import { type CollectedOrder, pickupStoreManager } from './returns-world';

/**
 * The steps of a return a browser test does not look at, done through the API as the people involved
 * would (the clerk takes it back and inspects, the manager rejects), or on the sandbox marketplace as the
 * customer would (a return started there). Each waits for the process behind it, bounded by `timeoutMs`.
 */

async function until<Result>(what: string, timeoutMs: number, attempt: () => Promise<Result | undefined>): Promise<Result> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await attempt();
    if (result !== undefined) return result;
    if (Date.now() > deadline) throw new Error(`${what} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

async function call<Result>(token: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: Result }> {
  const response = await fetch(`${apiUrl}/api${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Result };
}

interface ApiReturn {
  id: string;
  status: string;
  storeCode: string | null;
  lines: { id: string; sku: string }[];
}

/** The order's line of this SKU, as GET /api/orders/:id names it. */
async function orderLineIdOf(order: CollectedOrder, sku: string): Promise<string> {
  const detail = await readAsAdmin<{ lines: { id: string; sku: string }[] }>(`/orders/${order.id}`);
  const line = detail.lines.find((candidate) => candidate.sku === sku);
  if (line === undefined) throw new Error(`Order ${order.externalId} has no line of ${sku}`);
  return line.id;
}

/** The store clerk grades every line of the return as new and restocks it, once its run asks for it. */
export async function inspectThroughApi(returnId: string, timeoutMs: number): Promise<void> {
  const clerkToken = await signInToApi(apiUrl, pickupStoreClerk);
  const workflowId = `return:${returnId}`;
  const inspection = await until('No RETURN_INSPECTION task', timeoutMs, async () => {
    const filter = encodeURIComponent(JSON.stringify({ workflowId, type: 'RETURN_INSPECTION', status: ['OPEN'] }));
    const { body } = await call<{ id: string }[]>(clerkToken, 'GET', `/tasks?filter=${filter}&range=[0,0]`);
    return body[0];
  });
  const { body: taken } = await call<ApiReturn>(clerkToken, 'GET', `/returns/${returnId}`);
  const lines = taken.lines.map((line) => ({ returnLineId: line.id, grade: 'AS_NEW', disposition: 'RESTOCK' }));
  // The task row is written before the run awaits its outcome; until then a completion is a 409 to retry.
  await until('The inspection was not taken', timeoutMs, async () => {
    const done = await call<unknown>(clerkToken, 'POST', `/tasks/${inspection.id}/complete`, { lines });
    if (done.status === 409) return undefined;
    if (done.status !== 200) throw new Error(`Completing the inspection answered ${done.status}: ${JSON.stringify(done.body)}`);
    return true;
  });
}

/**
 * The store clerk takes one unit of `sku` back without proof of purchase and inspects it (as new,
 * restock), so the return waits for the store manager's approval; then the manager rejects it.
 */
export async function rejectedReturnOf(order: CollectedOrder, sku: string, timeoutMs: number): Promise<string> {
  const clerkToken = await signInToApi(apiUrl, pickupStoreClerk);
  const taken = await call<ApiReturn>(clerkToken, 'POST', '/returns', {
    orderId: order.id,
    lines: [{ orderLineId: await orderLineIdOf(order, sku), quantity: 1 }],
    reasonCode: 'CHANGED_MIND',
    reason: 'Does not want it any more',
    proofOfPurchase: false,
  });
  if (taken.status !== 201) throw new Error(`POST /api/returns answered ${taken.status}: ${JSON.stringify(taken.body)}`);
  const returnId = taken.body.id;
  await inspectThroughApi(returnId, timeoutMs);
  const managerToken = await signInToApi(apiUrl, pickupStoreManager);
  const approval = await until('The return never asked for approval', timeoutMs, () => pendingApprovalOf(apiUrl, managerToken, returnId));
  const rejected = await rejectAsApi(apiUrl, managerToken, approval.id, 'No receipt and the tags are gone');
  if (rejected !== 200) throw new Error(`Rejecting the return answered ${rejected}`);
  return returnId;
}

/**
 * The customer starts a return of one unit of the order's `lineNumber`-th line on the marketplace; the
 * sandbox sends `return.requested` to the API. Answers the return the API recorded (REQUESTED, no store).
 */
export async function channelStartedReturnOf(order: CollectedOrder, lineNumber: number, timeoutMs: number): Promise<string> {
  const path = `${sandboxUrl}/channels/${marketplaceCode}/orders/${encodeURIComponent(order.externalId)}/return-requests`;
  // The marketplace takes a return request once it shows the order collected (the pickup run tells it).
  await until('The marketplace did not take the return request', timeoutMs, async () => {
    const response = await fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ lines: [{ lineId: `${order.externalId}-${lineNumber}`, quantity: 1 }], reason: 'Wrong colour' }),
    });
    if (response.status === 422) return undefined;
    if (response.status !== 201)
      throw new Error(`The sandbox refused the return request: HTTP ${response.status} ${await response.text()}`);
    return true;
  });
  const recorded = await until('The channel-started return did not reach the API', timeoutMs, async () => {
    const filter = encodeURIComponent(JSON.stringify({ orderId: order.id, status: 'REQUESTED' }));
    const returns = await readAsAdmin<ApiReturn[]>(`/returns?filter=${filter}&range=[0,9]`);
    return returns.find((candidate) => candidate.storeCode === null);
  });
  return recorded.id;
}
