import pg from 'pg';
import { testEnv } from '../support/env';
import { errorOf, insertPaidOrder, insertRefund, insertReturn, insertReturnLine, type OrderRows } from './support/return-rows';

/**
 * No refund gives back more than was paid, whatever code writes it: a return line refunds at most its units
 * at the line's price, a refund for a line at most what the line refunds and under the line's own key, and
 * a payment's refunds (all but FAILED ones) at most the payment, concurrent refunds included.
 */
let client: pg.Client;
let other: pg.Client;

beforeAll(async () => {
  client = new pg.Client({ connectionString: testEnv.databaseUrl });
  other = new pg.Client({ connectionString: testEnv.databaseUrl });
  await client.connect();
  await other.connect();
});
afterAll(async () => {
  await client.end();
  await other.end();
});

async function refundedOf(order: OrderRows): Promise<string> {
  const { rows } = await client.query<{ refunded_minor: string }>('SELECT refunded_minor FROM payments WHERE id = $1', [order.paymentId]);
  return rows[0]?.refunded_minor ?? '';
}

describe('refund limits in the database', () => {
  it('refuses a return line refunding more than its units cost', async () => {
    const order = await insertPaidOrder(client, [{ quantity: 2, unitPriceMinor: 5000 }], 10_000);
    const ret = await insertReturn(client, order.orderId);
    expect(await errorOf(client, () => insertReturnLine(client, ret, order.lineIds[0] ?? '', 1, 5001))).toMatchObject({
      code: '23514',
      constraint: 'return_lines_refund_within_price',
    });
    const lineId = await insertReturnLine(client, ret, order.lineIds[0] ?? '', 1, 4500);
    expect(await errorOf(client, () => client.query('UPDATE return_lines SET refund_minor = 10000 WHERE id = $1', [lineId]))).toMatchObject(
      {
        constraint: 'return_lines_refund_within_price',
      },
    );
  });

  it('refuses a refund above what its return line refunds, under another key, or for another return', async () => {
    const order = await insertPaidOrder(client, [{ quantity: 2, unitPriceMinor: 5000 }], 10_000);
    const ret = await insertReturn(client, order.orderId);
    const lineId = await insertReturnLine(client, ret, order.lineIds[0] ?? '', 1, 4500);
    const link = { returnId: ret, returnLineId: lineId };
    expect(await errorOf(client, () => insertRefund(client, order, 4501, link))).toMatchObject({
      code: '23514',
      constraint: 'refunds_within_return_line',
    });
    expect(await errorOf(client, () => insertRefund(client, order, 4500, { ...link, key: `refund:${ret}:${lineId}` }))).toMatchObject({
      constraint: 'refunds_return_line_key',
    });
    const otherReturn = await insertReturn(client, order.orderId);
    expect(await errorOf(client, () => insertRefund(client, order, 100, { returnId: otherReturn, returnLineId: lineId }))).toMatchObject({
      code: '23503',
      constraint: 'refunds_return_line_id_return_id_fkey',
    });

    await insertRefund(client, order, 4500, link);
    // The line's refund is now recorded: a second refund for it, or lowering it under the refund, is refused.
    expect(await errorOf(client, () => insertRefund(client, order, 1, link))).toMatchObject({ code: '23505' });
    expect(await errorOf(client, () => client.query('UPDATE return_lines SET refund_minor = 4000 WHERE id = $1', [lineId]))).toMatchObject({
      constraint: 'refunds_within_return_line',
    });
    expect(await refundedOf(order)).toBe('4500');
  });

  it('refuses refunds that together exceed the payment, FAILED ones not counted, concurrent ones included', async () => {
    // Paid 9000 for 10000 of goods (an order discount): refunds may reach 9000, not 10000.
    const order = await insertPaidOrder(client, [{ quantity: 2, unitPriceMinor: 5000 }], 9000);
    await insertRefund(client, order, 6000, null, { status: 'FAILED' });
    await insertRefund(client, order, 5000, null, { status: 'SUCCEEDED' });
    expect(await refundedOf(order)).toBe('5000');
    expect(await errorOf(client, () => insertRefund(client, order, 4001, null))).toMatchObject({
      code: '23514',
      constraint: 'payments_refunds_within_amount',
    });

    await client.query('BEGIN');
    await other.query('BEGIN');
    await insertRefund(client, order, 3000, null);
    const concurrent = errorOf(other, () => insertRefund(other, order, 3000, null));
    await client.query('COMMIT');
    expect(await concurrent).toMatchObject({ constraint: 'payments_refunds_within_amount' });
    await other.query('ROLLBACK');
    expect(await refundedOf(order)).toBe('8000');

    // A refund that fails frees its amount; one retried to success takes it again.
    await client.query(`UPDATE refunds SET status = 'FAILED' WHERE payment_id = $1 AND amount_minor = 3000`, [order.paymentId]);
    expect(await refundedOf(order)).toBe('5000');
    expect(
      await errorOf(client, () =>
        client.query(`UPDATE refunds SET status = 'SUCCEEDED' WHERE payment_id = $1 AND amount_minor = 6000`, [order.paymentId]),
      ),
    ).toMatchObject({ constraint: 'payments_refunds_within_amount' });
  });

  it('refuses a refund of another order or in another currency than its payment', async () => {
    const order = await insertPaidOrder(client, [{ quantity: 1, unitPriceMinor: 150_000 }], 150_000, 'IDR');
    const elsewhere = await insertPaidOrder(client, [{ quantity: 1, unitPriceMinor: 100 }], 100);
    expect(await errorOf(client, () => insertRefund(client, order, 100, null, { currency: 'EUR' }))).toMatchObject({
      constraint: 'refunds_match_payment',
    });
    expect(
      await errorOf(client, () => insertRefund(client, { ...order, orderId: elsewhere.orderId }, 100, null, { currency: 'IDR' })),
    ).toMatchObject({
      constraint: 'refunds_match_payment',
    });
    await insertRefund(client, order, 150_000, null, { currency: 'IDR' });
    expect(await refundedOf(order)).toBe('150000');
  });

  it('keeps a return workflow id to return:<id> and an override reason to one that asks for approval', async () => {
    const order = await insertPaidOrder(client, [{ quantity: 1, unitPriceMinor: 100 }], 100);
    const ret = await insertReturn(client, order.orderId);
    expect(await errorOf(client, () => client.query(`UPDATE returns SET workflow_id = 'pickup:x' WHERE id = $1`, [ret]))).toMatchObject({
      constraint: 'returns_workflow_id_is_return_key',
    });
    await client.query(`UPDATE returns SET workflow_id = 'return:' || id WHERE id = $1`, [ret]);
    expect(await errorOf(client, () => client.query(`UPDATE returns SET override_reason = 'late' WHERE id = $1`, [ret]))).toMatchObject({
      constraint: 'returns_override_needs_approval',
    });
    await client.query(`UPDATE returns SET override_reason = 'late', approval_reasons = '{OUTSIDE_WINDOW_OVERRIDE}' WHERE id = $1`, [ret]);
  });
});
