import { withClient } from './bootstrap-process';

/** The README's pickup walk-through against a stack a bootstrap test started, over HTTP as a user does it. */

/** A shopper orders on MegaMart for pickup in Amsterdam; the sandbox sends us the signed webhook. */
export async function placeSandboxPickupOrder(sandboxUrl: string, phone: string): Promise<string> {
  const response = await fetch(`${sandboxUrl}/channels/megamart/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      customer: { name: 'Ada Lovelace', phone },
      fulfilment: 'PICKUP',
      pickupStoreCode: 'AMS-01',
      lines: [{ sku: 'APP-CHN-BLK', quantity: 1, unitPrice: 3999 }],
    }),
  });
  if (!response.ok) throw new Error(`the sandbox refused the order: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { order: { externalId: string } }).order.externalId;
}

/** A bearer token of a demo user (prisma/seed-data/demo-users.json). */
export async function loginAs(apiUrl: string, email: string): Promise<string> {
  const response = await fetch(`${apiUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'demo-password' }),
  });
  if (!response.ok) throw new Error(`login as ${email} answered ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

/** POSTs a task outcome as that user; answers the HTTP status. */
export async function completeTask(apiUrl: string, token: string, taskId: string, outcome: unknown): Promise<number> {
  const response = await fetch(`${apiUrl}/api/tasks/${taskId}/complete`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(outcome),
  });
  await response.body?.cancel();
  return response.status;
}

/** Polls a query until it returns a row. */
export async function waitForRow<Row extends Record<string, unknown>>(
  databaseUrl: string,
  sql: string,
  params: unknown[],
  timeoutMs: number,
): Promise<Row> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await withClient(databaseUrl, async (client) => (await client.query<Row>(sql, params)).rows[0]);
    if (row !== undefined) return row;
    if (Date.now() > deadline) throw new Error(`no row for ${sql} (${JSON.stringify(params)}) within ${timeoutMs} ms`);
    await new Promise((wake) => setTimeout(wake, 250));
  }
}

/** The pickup code as the customer's phone shows it (the sandbox's message gateway keeps what it delivered). */
export async function waitForPickupCode(sandboxUrl: string, phone: string, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetch(`${sandboxUrl}/_control/messages?${new URLSearchParams({ recipient: phone }).toString()}`);
    const { messages } = (await response.json()) as { messages: { text: string }[] };
    const code = messages.map((message) => /code at the counter: (\d+)/.exec(message.text)?.[1]).find((found) => found !== undefined);
    if (code !== undefined) return code;
    if (Date.now() > deadline) throw new Error(`no pickup code reached ${phone} within ${timeoutMs} ms`);
    await new Promise((wake) => setTimeout(wake, 250));
  }
}
