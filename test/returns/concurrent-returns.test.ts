import pg from 'pg';
import { testEnv } from '../support/env';
import { eventually } from '../support/eventually';
import { errorOf, insertPaidOrder, insertReturn, insertReturnLine } from './support/return-rows';

/**
 * Two counters taking back the same order line at the same moment, on two real connections: the database
 * lets only as many units back as were sold, whichever transaction commits first, under READ COMMITTED
 * (the default; the second waits for the first's lock, then its CHECK fails) and REPEATABLE READ (the
 * second fails to serialize). Cancelled and rejected returns give their units back.
 */
let first: pg.Client;
let second: pg.Client;

async function connect(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: testEnv.databaseUrl });
  await client.connect();
  return client;
}

async function returnedQuantity(lineId: string): Promise<number> {
  const { rows } = await first.query<{ returned_quantity: number }>('SELECT returned_quantity FROM order_lines WHERE id = $1', [lineId]);
  return rows[0]?.returned_quantity ?? -1;
}

/** Whether `client`'s backend is blocked on a lock right now. */
async function isWaitingOnLock(client: pg.Client): Promise<boolean> {
  const pid = (client as unknown as { processID: number }).processID;
  const { rows } = await first.query<{ wait_event_type: string | null }>('SELECT wait_event_type FROM pg_stat_activity WHERE pid = $1', [
    pid,
  ]);
  return rows[0]?.wait_event_type === 'Lock';
}

beforeAll(async () => {
  first = await connect();
  second = await connect();
});
afterAll(async () => {
  await first.end();
  await second.end();
});

describe('concurrent returns of one order line', () => {
  it.each(['READ COMMITTED', 'REPEATABLE READ'])('cannot together take back more than was sold (%s)', async (isolation) => {
    const order = await insertPaidOrder(first, [{ quantity: 2, unitPriceMinor: 5000 }], 10_000);
    const line = order.lineIds[0] ?? '';
    const returnA = await insertReturn(first, order.orderId);
    const returnB = await insertReturn(first, order.orderId);

    await first.query(`BEGIN ISOLATION LEVEL ${isolation}`);
    await second.query(`BEGIN ISOLATION LEVEL ${isolation}`);
    // Both transactions have a snapshot in which nothing is returned yet.
    await first.query('SELECT returned_quantity FROM order_lines WHERE id = $1', [line]);
    await second.query('SELECT returned_quantity FROM order_lines WHERE id = $1', [line]);
    await insertReturnLine(first, returnA, line, 2);
    const secondInsert = errorOf(second, () => insertReturnLine(second, returnB, line, 1));
    expect(
      await eventually(
        () => isWaitingOnLock(second),
        (waiting) => waiting,
      ),
    ).toBe(true);
    await first.query('COMMIT');

    const refused = await secondInsert;
    await second.query('ROLLBACK');
    expect(refused).toMatchObject(
      isolation === 'READ COMMITTED' ? { code: '23514', constraint: 'order_lines_returned_within_sold' } : { code: '40001' },
    );
    expect(await returnedQuantity(line)).toBe(2);
    const { rows } = await first.query<{ n: string }>('SELECT count(*) AS n FROM return_lines WHERE order_line_id = $1', [line]);
    expect(Number(rows[0]?.n)).toBe(1);
  });

  it('lets both pass when together they fit, and the second one in when the first rolls back', async () => {
    const order = await insertPaidOrder(first, [{ quantity: 2, unitPriceMinor: 5000 }], 10_000);
    const line = order.lineIds[0] ?? '';
    const [returnA, returnB, returnC] = [
      await insertReturn(first, order.orderId),
      await insertReturn(first, order.orderId),
      await insertReturn(first, order.orderId),
    ];

    await first.query('BEGIN');
    await second.query('BEGIN');
    await insertReturnLine(first, returnA, line, 2);
    const secondInsert = errorOf(second, () => insertReturnLine(second, returnB, line, 2));
    expect(
      await eventually(
        () => isWaitingOnLock(second),
        (waiting) => waiting,
      ),
    ).toBe(true);
    await first.query('ROLLBACK');
    expect(await secondInsert).toBeUndefined();
    await second.query('COMMIT');
    expect(await returnedQuantity(line)).toBe(2);

    // One unit each from two fresh returns after B is cancelled: both fit.
    await first.query(`UPDATE returns SET status = 'CANCELLED' WHERE id = $1`, [returnB]);
    expect(await returnedQuantity(line)).toBe(0);
    await first.query('BEGIN');
    await second.query('BEGIN');
    await insertReturnLine(first, returnA, line, 1);
    const fits = errorOf(second, () => insertReturnLine(second, returnC, line, 1));
    await first.query('COMMIT');
    expect(await fits).toBeUndefined();
    await second.query('COMMIT');
    expect(await returnedQuantity(line)).toBe(2);
  });

  it('gives units back when a return is cancelled or rejected, and refuses to count it again past what was sold', async () => {
    const order = await insertPaidOrder(first, [{ quantity: 3, unitPriceMinor: 1000 }], 3000);
    const line = order.lineIds[0] ?? '';
    const rejected = await insertReturn(first, order.orderId);
    await insertReturnLine(first, rejected, line, 2);
    expect(await returnedQuantity(line)).toBe(2);
    await first.query(`UPDATE returns SET status = 'REJECTED' WHERE id = $1`, [rejected]);
    expect(await returnedQuantity(line)).toBe(0);

    const kept = await insertReturn(first, order.orderId);
    await insertReturnLine(first, kept, line, 3);
    expect(await errorOf(first, () => first.query(`UPDATE returns SET status = 'REQUESTED' WHERE id = $1`, [rejected]))).toMatchObject({
      constraint: 'order_lines_returned_within_sold',
    });
    // Lines added to a return that no longer counts do not count either; quantity edits are counted.
    const cancelled = await insertReturn(first, order.orderId, 'CANCELLED');
    await insertReturnLine(first, cancelled, line, 3);
    expect(await returnedQuantity(line)).toBe(3);
    expect(await errorOf(first, () => first.query('UPDATE return_lines SET quantity = 4 WHERE return_id = $1', [kept]))).toMatchObject({
      constraint: 'order_lines_returned_within_sold',
    });
    await first.query('UPDATE return_lines SET quantity = 1 WHERE return_id = $1', [kept]);
    expect(await returnedQuantity(line)).toBe(1);
  });

  it('refuses the same order line twice in one return', async () => {
    const order = await insertPaidOrder(first, [{ quantity: 3, unitPriceMinor: 1000 }], 3000);
    const ret = await insertReturn(first, order.orderId);
    await insertReturnLine(first, ret, order.lineIds[0] ?? '', 1);
    expect(await errorOf(first, () => insertReturnLine(first, ret, order.lineIds[0] ?? '', 1))).toMatchObject({
      code: '23505',
      constraint: 'return_lines_return_id_order_line_id_key',
    });
  });
});
