import demoUsers from '../../../prisma/seed-data/demo-users.json';

/**
 * API set-up of the promotion decision browser test: a promotion created by one ops lead and approved by
 * the other (four-eyes), a free SKU for it, the sandbox's fault switch for a channel, and the wait for a
 * task the run opens (the browser then finds it the way a user does).
 */

/** Four-eyes needs two ops leads; the demo has two. */
export const [leadA, leadB] = demoUsers.users
  .filter((user) => user.role === 'OPS_LEAD')
  .map((user) => ({ email: user.email, password: demoUsers.password }));

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the e2e tests through \`npm test\``);
  return value;
}

const apiUrl = requiredEnv('API_URL').replace(/\/$/, '');
/** The channel sandbox of the test stack: its control API switches a channel's faults. */
const sandboxUrl = requiredEnv('SANDBOX_URL').replace(/\/$/, '');

export async function api<T>(token: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${apiUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text === '' ? null : JSON.parse(text)) as T };
}

/** Polls `read` until `done` holds or `timeoutMs` passed; answers the last value, so a timeout fails on what was seen. */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number, intervalMs = 1000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

const query = (params: Record<string, unknown>) =>
  new URLSearchParams(Object.fromEntries(Object.entries(params).map(([key, value]) => [key, JSON.stringify(value)]))).toString();

/**
 * A EUR SKU no running promotion holds (a re-run must not conflict with the last one) whose floor allows
 * 10 % off with the tills' .99 endings; with `stockedAt`, one that store stocks (its shelf gets a label).
 */
export async function freeSku(token: string, stockedAt?: string): Promise<string> {
  const products = await api<
    { id: string; sku: string; category: string; basePriceMinor: number; floorPriceMinor: number; currency: string }[]
  >(token, 'GET', `/api/products?${query({ filter: { active: true }, range: [0, 199], sort: ['sku', 'ASC'] })}`);
  const held = new Set<string>();
  const heldCategories = new Set<string>();
  for (const status of ['PENDING_APPROVAL', 'APPROVED', 'SCHEDULED', 'ACTIVE', 'ROLLING_BACK']) {
    const promotions = await api<{ id: string; categories: string[] }[]>(
      token,
      'GET',
      `/api/promotions?${query({ filter: { status }, range: [0, 199] })}`,
    );
    for (const promotion of promotions.body) {
      promotion.categories.forEach((category) => heldCategories.add(category));
      const skus = await api<{ skus: string[] }>(token, 'GET', `/api/promotions/${promotion.id}/skus`);
      skus.body.skus.forEach((sku) => held.add(sku));
    }
  }
  let stocked: Set<string> | null = null;
  if (stockedAt !== undefined) {
    const levels = await api<{ sku: string; onHand: number }[]>(
      token,
      'GET',
      `/api/inventory?${query({ filter: { storeId: stockedAt }, range: [0, 499], sort: ['sku', 'ASC'] })}`,
    );
    stocked = new Set(levels.body.map((level) => level.sku));
  }
  const free = products.body.find(
    (product) =>
      product.currency === 'EUR' &&
      !held.has(product.sku) &&
      !heldCategories.has(product.category) &&
      (stocked === null || stocked.has(product.sku)) &&
      // 10 % off, then .99 endings at worst a euro lower: still above the floor.
      Math.floor(product.basePriceMinor * 0.9) - 100 > product.floorPriceMinor,
  );
  if (free === undefined) throw new Error('Every fitting demo SKU is held by a promotion right now');
  return free.sku;
}

/** A UTC wall-clock time `ms` from now, as the promotion API takes it. */
const utcIn = (ms: number) => new Date(Date.now() + ms).toISOString().slice(0, 19);

/**
 * Lead A creates a 10 % promotion of `sku` on `channelCodes`, started a minute ago (it goes live once
 * approved) and ending `endsInMs` from now; lead B approves it. Answers the promotion's id.
 */
export async function createApprovedPromotion(
  tokens: { a: string; b: string },
  input: { name: string; sku: string; channelCodes: string[]; endsInMs: number },
  approvalTimeoutMs: number,
): Promise<string> {
  const created = await api<{ id: string }>(tokens.a, 'POST', '/api/promotions', {
    name: input.name,
    discount: { type: 'PERCENT', value: 10 },
    currency: 'EUR',
    timeZone: 'UTC',
    startsLocal: utcIn(-60_000),
    endsLocal: utcIn(input.endsInMs),
    skus: [input.sku],
    channelCodes: input.channelCodes,
  });
  if (created.status !== 201) throw new Error(`POST /api/promotions answered ${created.status}: ${JSON.stringify(created.body)}`);
  const promotionId = created.body.id;
  // The run asks for the approval: it appears once the worker got there.
  const pending = await eventually(
    () => api<{ id: string }[]>(tokens.a, 'GET', `/api/approvals?${query({ filter: { subjectId: promotionId, status: 'PENDING' } })}`),
    (answer) => answer.body.length > 0,
    approvalTimeoutMs,
  );
  const approval = pending.body[0];
  if (approval === undefined) throw new Error(`Promotion ${promotionId} got no pending approval`);
  const approved = await api(tokens.b, 'POST', `/api/approvals/${approval.id}/approve`, {});
  if (approved.status !== 200) throw new Error(`Approving ${approval.id} answered ${approved.status}`);
  return promotionId;
}

/** Every request to the channel answered 503 until the faults are cleared. */
export async function startChannelOutage(channelCode: string): Promise<void> {
  const response = await fetch(`${sandboxUrl}/_control/channels/${channelCode}/faults`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ outage: '503' }),
  });
  if (!response.ok) throw new Error(`The sandbox refused the outage of ${channelCode}: ${response.status}`);
}

export async function clearChannelFaults(channelCode: string): Promise<void> {
  const response = await fetch(`${sandboxUrl}/_control/channels/${channelCode}/faults`, { method: 'DELETE' });
  if (!response.ok) throw new Error(`The sandbox did not clear the faults of ${channelCode}: ${response.status}`);
}

export interface TaskRow {
  id: string;
  title: string;
  status: string;
  type: string;
}

/** Waits until an open task of `type` whose title names `text` is in `token`'s inbox; answers it. */
export async function openTaskNamed(token: string, type: string, text: string, timeoutMs: number): Promise<TaskRow> {
  const rows = await eventually(
    () => api<TaskRow[]>(token, 'GET', `/api/tasks?${query({ filter: { type, status: ['OPEN', 'CLAIMED'] }, range: [0, 99] })}`),
    (answer) => answer.status === 200 && answer.body.some((task) => task.title.includes(text)),
    timeoutMs,
  );
  const task = rows.body.find((row) => row.title.includes(text));
  if (task === undefined) throw new Error(`No open ${type} task naming "${text}" after ${timeoutMs} ms (answer ${rows.status})`);
  return task;
}
