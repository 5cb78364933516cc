import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { testEnv } from '../support/env';

/**
 * Four-eyes in the database itself, whatever code writes the rows: the decider is never the requester,
 * never someone who edited the subject (trigger), a rejection has a reason, a decision is complete. One
 * transaction, rolled back at the end.
 */
let client: pg.Client;
let requester: string;
let other: string;
const subjectId = randomUUID();

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

async function userId(email: string): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO users (id, email, name, role, password_hash, updated_at) VALUES (gen_random_uuid(), $1, 'x', 'OPS_LEAD', 'x', now()) RETURNING id`,
    [email],
  );
  return rows[0]?.id ?? '';
}

async function pendingRequest(): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO approval_requests (id, subject_type, subject_id, subject_version, subject_snapshot, summary, requested_by_user_id,
       required_level, amount_minor, currency, sla_due_at, idempotency_key, updated_at)
     VALUES (gen_random_uuid(), 'TEST_SUBJECT', $1, 1, '{}', 'test', $2, 'OPS_LEAD', 100, 'EUR', now(), $3, now()) RETURNING id`,
    [subjectId, requester, `approval:test:${randomUUID()}`],
  );
  return rows[0]?.id ?? '';
}

const decide = (id: string, status: string, decider: string, reason: string | null = null) =>
  errorOf(
    `UPDATE approval_requests SET status = $2, decided_by_user_id = $3, decided_at = now(), decided_version = 1, reason = $4 WHERE id = $1`,
    [id, status, decider, reason],
  );

beforeAll(async () => {
  client = new pg.Client({ connectionString: testEnv.databaseUrl });
  await client.connect();
  await client.query('BEGIN');
  const tag = randomUUID().slice(0, 8);
  requester = await userId(`requester-${tag}@rules.test`);
  other = await userId(`other-${tag}@rules.test`);
});
afterAll(async () => {
  await client.query('ROLLBACK');
  await client.end();
});

describe('approval rules in the database', () => {
  it('refuses the requester as decider', async () => {
    const id = await pendingRequest();
    expect(await decide(id, 'APPROVED', requester)).toMatchObject({
      code: '23514',
      constraint: 'approval_requests_decider_is_not_requester',
    });
    expect(await decide(id, 'APPROVED', other)).toBeUndefined();
  });

  it('refuses a rejection without a reason, and a decision without its decider', async () => {
    const id = await pendingRequest();
    expect(await decide(id, 'REJECTED', other, '  ')).toMatchObject({ constraint: 'approval_requests_rejection_has_reason' });
    expect(await errorOf(`UPDATE approval_requests SET status = 'APPROVED' WHERE id = $1`, [id])).toMatchObject({
      constraint: 'approval_requests_decision_is_complete',
    });
    expect(await decide(id, 'REJECTED', other, 'wrong count')).toBeUndefined();
  });

  it('refuses a decision by anyone who edited the subject (trigger)', async () => {
    const id = await pendingRequest();
    await client.query(
      `INSERT INTO approval_subject_edits (id, subject_type, subject_id, edited_by_user_id, version, before, after)
       VALUES (gen_random_uuid(), 'TEST_SUBJECT', $1, $2, 2, '{}', '{}')`,
      [subjectId, other],
    );
    expect(await decide(id, 'APPROVED', other)).toMatchObject({
      code: '23514',
      message: expect.stringMatching(/edited the subject/) as unknown,
    });
  });

  it('lets the requester withdraw a pending request (no decider), and refuses a withdrawal that is half a decision', async () => {
    const id = await pendingRequest();
    const withdraw = (extra: string) =>
      errorOf(`UPDATE approval_requests SET status = 'WITHDRAWN', withdrawn_by_user_id = $2, reason = 'cancelled'${extra} WHERE id = $1`, [
        id,
        requester,
      ]);
    expect(await withdraw('')).toMatchObject({ constraint: 'approval_requests_decision_is_complete' });
    expect(await withdraw(', withdrawn_at = now(), decided_by_user_id = withdrawn_by_user_id, decided_at = now()')).toMatchObject({
      code: '23514',
    });
    expect(await withdraw(', withdrawn_at = now()')).toBeUndefined();
    expect(await errorOf(`UPDATE approval_requests SET withdrawn_at = now() WHERE id = $1`, [await pendingRequest()])).toMatchObject({
      constraint: 'approval_requests_decision_is_complete',
    });
  });
});
