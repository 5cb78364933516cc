import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { testEnv } from '../support/env';

/**
 * Rules the database itself enforces, whatever code talks to it: stock never negative or over-reserved,
 * ledgers append-only, four-eyes approvals, staff tied to a store. Everything runs in one transaction that
 * is rolled back, so the shared test database is left as it was.
 */
let client: pg.Client;
let storeId: string;
let productId: string;
let requesterId: string;

async function insertReturningId(sql: string, params: unknown[]): Promise<string> {
  const { rows } = await client.query<{ id: string }>(`${sql} RETURNING id`, params);
  const id = rows[0]?.id;
  if (!id) throw new Error(`no row returned by ${sql}`);
  return id;
}

/** The database error a statement raises, or undefined if it succeeded (rolled back to a savepoint either way). */
async function errorOf(sql: string, params: unknown[] = []): Promise<(Error & { code?: string; constraint?: string }) | undefined> {
  await client.query('SAVEPOINT attempt');
  try {
    await client.query(sql, params);
    return undefined;
  } catch (error) {
    return error as Error & { code?: string; constraint?: string };
  } finally {
    await client.query('ROLLBACK TO SAVEPOINT attempt');
  }
}

const CHECK_VIOLATION = '23514';
const RESTRICT_VIOLATION = '23001';

beforeAll(async () => {
  client = new pg.Client({ connectionString: testEnv.databaseUrl });
  await client.connect();
  await client.query('BEGIN');
  const tag = randomUUID().slice(0, 8);
  storeId = await insertReturningId(
    `INSERT INTO stores (id, code, name, city, address, time_zone, currency, updated_at) VALUES (gen_random_uuid(), $1, 'Rules test store', 'Utrecht', 'Oudegracht 1', 'Europe/Amsterdam', 'EUR', now())`,
    [`TST-${tag}`],
  );
  productId = await insertReturningId(
    `INSERT INTO products (id, sku, name, description, category, base_price_minor, floor_price_minor, currency, updated_at) VALUES (gen_random_uuid(), $1, 'Rules test product', '', 'Test', 1000, 600, 'EUR', now())`,
    [`TST-${tag}`],
  );
  requesterId = await insertReturningId(
    `INSERT INTO users (id, email, name, role, password_hash, updated_at) VALUES (gen_random_uuid(), $1, 'Rules test lead', 'OPS_LEAD', 'x', now())`,
    [`rules-${tag}@omni.example`],
  );
});

afterAll(async () => {
  await client.query('ROLLBACK');
  await client.end();
});

const insertLevel = (onHand: number, reserved: number) =>
  errorOf(
    `INSERT INTO inventory_levels (id, store_id, product_id, on_hand, reserved, updated_at) VALUES (gen_random_uuid(), $1, $2, $3, $4, now())`,
    [storeId, productId, onHand, reserved],
  );

describe('inventory levels', () => {
  it('accept stock with part of it reserved', async () => {
    expect(await insertLevel(5, 5)).toBeUndefined();
  });

  it.each([
    ['negative stock on hand', -1, 0, 'inventory_levels_on_hand_non_negative'],
    ['a negative reservation', 3, -1, 'inventory_levels_reserved_non_negative'],
    ['more reserved than on hand', 2, 3, 'inventory_levels_reserved_within_on_hand'],
  ])('reject %s', async (_case, onHand, reserved, constraint) => {
    const error = await insertLevel(onHand, reserved);

    expect(error?.code).toBe(CHECK_VIOLATION);
    expect(error?.constraint).toBe(constraint);
  });

  it('reject a reservation that would oversell existing stock', async () => {
    await client.query(
      `INSERT INTO inventory_levels (id, store_id, product_id, on_hand, reserved, updated_at) VALUES (gen_random_uuid(), $1, $2, 4, 3, now())`,
      [storeId, productId],
    );

    const error = await errorOf(`UPDATE inventory_levels SET reserved = reserved + 2 WHERE store_id = $1 AND product_id = $2`, [
      storeId,
      productId,
    ]);

    expect(error?.constraint).toBe('inventory_levels_reserved_within_on_hand');
    const { rows } = await client.query<{ reserved: number }>(
      'SELECT reserved FROM inventory_levels WHERE store_id = $1 AND product_id = $2',
      [storeId, productId],
    );
    expect(rows[0]?.reserved).toBe(3);
  });
});

describe('append-only ledgers', () => {
  let movementKey: string;

  beforeAll(async () => {
    movementKey = `rules-test:${randomUUID()}`;
    await client.query(
      `INSERT INTO inventory_movements (id, store_id, product_id, kind, delta_on_hand, delta_reserved, reason, actor_label, idempotency_key)
       VALUES (gen_random_uuid(), $1, $2, 'RECEIVE', 4, 0, 'delivery', 'system:test', $3)`,
      [storeId, productId, movementKey],
    );
    await client.query(
      `INSERT INTO audit_events (id, actor_label, action, entity_type, entity_id) VALUES (gen_random_uuid(), 'system:test', 'test', 'Store', $1)`,
      [storeId],
    );
  });

  it.each([
    ['UPDATE', `UPDATE inventory_movements SET delta_on_hand = 400 WHERE idempotency_key = $1`],
    ['DELETE', `DELETE FROM inventory_movements WHERE idempotency_key = $1`],
  ])('the stock movement ledger rejects %s', async (operation, sql) => {
    const error = await errorOf(sql, [movementKey]);

    expect(error?.code).toBe(RESTRICT_VIOLATION);
    expect(error?.message).toBe(`inventory_movements is append-only: ${operation} is not allowed`);
    const { rows } = await client.query<{ delta_on_hand: number }>(
      'SELECT delta_on_hand FROM inventory_movements WHERE idempotency_key = $1',
      [movementKey],
    );
    expect(rows).toEqual([{ delta_on_hand: 4 }]);
  });

  it('the stock movement ledger records a business key only once', async () => {
    const error = await errorOf(
      `INSERT INTO inventory_movements (id, store_id, product_id, kind, delta_on_hand, delta_reserved, reason, actor_label, idempotency_key)
       VALUES (gen_random_uuid(), $1, $2, 'RECEIVE', 4, 0, 'delivery again', 'system:test', $3)`,
      [storeId, productId, movementKey],
    );

    expect(error?.code).toBe('23505');
  });

  it.each([
    ['UPDATE', `UPDATE audit_events SET action = 'rewritten' WHERE entity_id = $1`],
    ['DELETE', `DELETE FROM audit_events WHERE entity_id = $1`],
  ])('the audit trail rejects %s', async (_operation, sql) => {
    const error = await errorOf(sql, [storeId]);

    expect(error?.code).toBe(RESTRICT_VIOLATION);
  });
});

describe('people rules', () => {
  it('a promotion cannot be approved by the person who requested it', async () => {
    const error = await errorOf(
      `INSERT INTO promotions (id, name, discount_type, discount_value, currency, starts_at, ends_at, requested_by_user_id, approved_by_user_id, updated_at)
       VALUES (gen_random_uuid(), 'Self-approved', 'PERCENT', 10, 'EUR', now(), now() + interval '1 day', $1, $1, now())`,
      [requesterId],
    );

    expect(error?.constraint).toBe('promotions_approver_is_not_requester');
  });

  it('store staff must belong to a store', async () => {
    const error = await errorOf(
      `INSERT INTO users (id, email, name, role, password_hash, updated_at) VALUES (gen_random_uuid(), $1, 'Lost clerk', 'STORE_STAFF', 'x', now())`,
      [`lost-${randomUUID().slice(0, 8)}@omni.example`],
    );

    expect(error?.constraint).toBe('users_staff_have_store');
  });

  it('customer phones are E.164 and e-mails lower-case', async () => {
    const phoneError = await errorOf(
      `INSERT INTO customers (id, name, phone, updated_at) VALUES (gen_random_uuid(), 'Local format', '06 1234 5678', now())`,
    );
    const emailError = await errorOf(
      `INSERT INTO customers (id, name, email, updated_at) VALUES (gen_random_uuid(), 'Shouting', 'SOMEONE@MAIL.EXAMPLE', now())`,
    );

    expect(phoneError?.constraint).toBe('customers_phone_e164');
    expect(emailError?.constraint).toBe('customers_email_lower_case');
  });
});
