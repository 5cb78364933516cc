import { randomUUID } from 'node:crypto';
import type pg from 'pg';

/**
 * Committed rows a return needs (channel, product, order with lines, captured payment), written straight
 * in SQL so the database's own rules are what is tested. Committed, not in a rolled-back transaction,
 * because the concurrency tests need a second connection to see them. Every code is unique per call.
 */
export interface OrderRows {
  orderId: string;
  channelId: string;
  paymentId: string;
  lineIds: string[];
}

export type SqlError = Error & { code?: string; constraint?: string };

export async function insertPaidOrder(
  client: pg.Client,
  lines: { quantity: number; unitPriceMinor: number }[],
  paidMinor: number,
  currency = 'EUR',
): Promise<OrderRows> {
  const tag = randomUUID().slice(0, 8);
  const one = async (sql: string, params: unknown[]) => (await client.query<{ id: string }>(sql, params)).rows[0]?.id ?? '';
  const channelId = await one(
    `INSERT INTO channels (id, code, name, kind, base_url, requests_per_second, burst, max_batch_size, webhook_secret, updated_at)
     VALUES (gen_random_uuid(), $1, 'Returns test marketplace', 'MARKETPLACE', 'http://127.0.0.1:9', 10, 10, 10, 'secret', now()) RETURNING id`,
    [`ret-${tag}`],
  );
  const productId = await one(
    `INSERT INTO products (id, sku, name, description, category, base_price_minor, floor_price_minor, currency, updated_at)
     VALUES (gen_random_uuid(), $1, 'Returns test shoe', 'x', 'footwear', 10000, 0, $2, now()) RETURNING id`,
    [`RET-${tag}`, currency],
  );
  const total = lines.reduce((sum, line) => sum + line.quantity * line.unitPriceMinor, 0);
  const orderId = await one(
    `INSERT INTO orders (id, channel_id, external_id, fulfilment_type, status, currency, total_minor, placed_at, collected_at, updated_at)
     VALUES (gen_random_uuid(), $1, $2, 'SHIP', 'COMPLETED', $3, $4, now(), now(), now()) RETURNING id`,
    [channelId, `ext-${tag}`, currency, total],
  );
  const lineIds: string[] = [];
  for (const line of lines)
    lineIds.push(
      await one(
        `INSERT INTO order_lines (id, order_id, product_id, quantity, unit_price_minor, picked_quantity, status, updated_at)
         VALUES (gen_random_uuid(), $1, $2, $3, $4, $3, 'FULFILLED', now()) RETURNING id`,
        [orderId, productId, line.quantity, line.unitPriceMinor],
      ),
    );
  const paymentId = await one(
    `INSERT INTO payments (id, order_id, channel_id, provider, external_ref, amount_minor, currency, status, updated_at)
     VALUES (gen_random_uuid(), $1, $2, 'marketplace', $3, $4, $5, 'CAPTURED', now()) RETURNING id`,
    [orderId, channelId, `pay-${tag}`, paidMinor, currency],
  );
  return { orderId, channelId, paymentId, lineIds };
}

export async function insertReturn(client: pg.Client, orderId: string, status = 'REQUESTED'): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO returns (id, order_id, status, reason, requested_by_label, updated_at)
     VALUES (gen_random_uuid(), $1, $2, 'does not fit', 'test', now()) RETURNING id`,
    [orderId, status],
  );
  return rows[0]?.id ?? '';
}

export async function insertReturnLine(
  client: pg.Client,
  returnId: string,
  orderLineId: string,
  quantity: number,
  refundMinor = 0,
): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO return_lines (id, return_id, order_line_id, quantity, refund_minor, updated_at)
     VALUES (gen_random_uuid(), $1, $2, $3, $4, now()) RETURNING id`,
    [returnId, orderLineId, quantity, refundMinor],
  );
  return rows[0]?.id ?? '';
}

export async function insertRefund(
  client: pg.Client,
  order: OrderRows,
  amountMinor: number,
  link: { returnId: string; returnLineId: string; key?: string } | null,
  { status = 'PENDING', currency = 'EUR' }: { status?: string; currency?: string } = {},
): Promise<void> {
  const key = link === null ? `refund:test:${randomUUID()}` : (link.key ?? `refund:return:${link.returnId}:${link.returnLineId}`);
  await client.query(
    `INSERT INTO refunds (id, payment_id, order_id, return_id, return_line_id, amount_minor, currency, reason, status, idempotency_key, updated_at)
     VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, 'test', $7, $8, now())`,
    [order.paymentId, order.orderId, link?.returnId ?? null, link?.returnLineId ?? null, amountMinor, currency, status, key],
  );
}

/** The error a statement fails with, or undefined; inside a transaction it rolls back only that statement. */
export async function errorOf(client: pg.Client, run: () => Promise<unknown>, inTransaction = false): Promise<SqlError | undefined> {
  if (inTransaction) await client.query('SAVEPOINT attempt');
  try {
    await run();
    if (inTransaction) await client.query('RELEASE SAVEPOINT attempt');
    return undefined;
  } catch (error) {
    if (inTransaction) await client.query('ROLLBACK TO SAVEPOINT attempt');
    return error as SqlError;
  }
}
