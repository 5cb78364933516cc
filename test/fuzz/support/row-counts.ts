import { Client } from 'pg';

/**
 * Tables a refused request writes by design, left out of the comparison: a failed login is counted
 * against its account and address (api/auth/login-throttle.ts), which is what makes the limit work.
 */
const writtenByRefusals = ['login_attempt_counters'];

/**
 * Row counts of every table of the schema in one round trip: the fuzzer compares them around each
 * rejected request, so "nothing was written" is checked on every table, including ones added later.
 */
export async function rowCounter(databaseUrl: string): Promise<{ counts(): Promise<Record<string, number>>; close(): Promise<void> }> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ tablename: string }>(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`,
  );
  const tables = rows.map((row) => row.tablename).filter((table) => !writtenByRefusals.includes(table));
  const query = `SELECT ${tables.map((table) => `(SELECT count(*) FROM "${table}")::int AS "${table}"`).join(', ')}`;
  return {
    async counts() {
      const result = await client.query<Record<string, number>>(query);
      return result.rows[0] ?? {};
    },
    close: () => client.end(),
  };
}

/** Tables whose count differs, as `table: before -> after`. */
export function changedCounts(before: Record<string, number>, after: Record<string, number>): string[] {
  return Object.keys({ ...before, ...after }).flatMap((table) =>
    before[table] === after[table] ? [] : [`${table}: ${before[table] ?? 0} -> ${after[table] ?? 0}`],
  );
}
