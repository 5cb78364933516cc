/** Runs one statement on the connection of the transaction at hand (a pg Client or a Prisma transaction). */
export type JournalQuery = <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;

/**
 * One writer per store's journal at a time (a transaction-scoped advisory lock, released at commit):
 * both import paths take it first, so a receipt the journal does not have when an import looks is
 * still missing when it inserts, and a plain INSERT after an anti-join is exact (no speculative
 * insert per row, no ON CONFLICT needed). Imports of different stores do not wait for each other.
 */
export async function lockStoreJournal(query: JournalQuery, storeId: string): Promise<void> {
  await query(`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtextextended('offline-journal:' || $1, 0))`, [storeId]);
}

/** The foreign keys of the journal tables, each re-checked set-based by `importOfflineSalesByCopy`. */
export const JOURNAL_FOREIGN_KEYS = [
  'offline_sale_lines_offline_sale_id_fkey',
  'offline_sale_lines_product_id_fkey',
  'offline_sales_outage_id_fkey',
  'offline_sales_recorded_by_user_id_fkey',
  'offline_sales_store_id_fkey',
] as const;

/**
 * Whether this connection may write the journal's rows without PostgreSQL's per-row foreign key
 * triggers (session_replication_role = replica for the two INSERTs, as pg_restore loads data). That
 * is safe only while every trigger those INSERTs would fire is a foreign key the import checks itself,
 * set-based, under the same locks (`lockJournalParents`): no other INSERT trigger on the tables and
 * exactly the foreign keys above. Anything else (a new trigger or foreign key, a role that may not
 * set the parameter) and the import writes with the triggers on: slower, never less checked.
 */
export async function mayWriteJournalWithoutRowTriggers(query: JournalQuery): Promise<boolean> {
  const [server] = await query<{ version: number; superuser: boolean }>(`
    SELECT current_setting('server_version_num')::int AS version,
           COALESCE((SELECT r.rolsuper FROM pg_roles r WHERE r.rolname = current_user), false) AS superuser`);
  if (server === undefined) return false;
  // GRANT SET ON PARAMETER (and has_parameter_privilege) exist since PostgreSQL 15; before, only a superuser may.
  if (!server.superuser) {
    if (server.version < 150000) return false;
    const [granted] = await query<{ may_set: boolean }>(`SELECT has_parameter_privilege('session_replication_role', 'SET') AS may_set`);
    if (granted?.may_set !== true) return false;
  }
  const [tables] = await query<{ insert_triggers: number; foreign_keys: string[] | null }>(`
    SELECT (SELECT count(*)::int FROM pg_trigger t
             WHERE t.tgrelid IN ('offline_sales'::regclass, 'offline_sale_lines'::regclass) AND NOT t.tgisinternal
               AND (t.tgtype & 4) <> 0) AS insert_triggers,
           (SELECT array_agg(c.conname::text ORDER BY c.conname::text) FROM pg_constraint c
             WHERE c.conrelid IN ('offline_sales'::regclass, 'offline_sale_lines'::regclass) AND c.contype = 'f') AS foreign_keys`);
  return (
    tables !== undefined &&
    tables.insert_triggers === 0 &&
    JSON.stringify(tables.foreign_keys ?? []) === JSON.stringify([...JOURNAL_FOREIGN_KEYS])
  );
}

export interface JournalParents {
  /** The store's open outage the sales join, if any. */
  outageId: string | null;
}

/**
 * What the journal's foreign keys check per row, once per import: the store, the person recording and
 * the store's open outage exist, each locked FOR KEY SHARE as a foreign key check locks it (none can be
 * deleted or re-keyed before this transaction ends). The products are the caller's to lock the same
 * way (it knows which ones its lines name), and a line only ever references a sale of this transaction.
 */
export async function lockJournalParents(
  query: JournalQuery,
  { storeId, recordedByUserId }: { storeId: string; recordedByUserId: string },
): Promise<JournalParents> {
  const stores = await query('SELECT id FROM stores WHERE id = $1::uuid FOR KEY SHARE', [storeId]);
  if (stores.length === 0) throw new Error(`offline journal: store ${storeId} does not exist`);
  const users = await query('SELECT id FROM users WHERE id = $1::uuid FOR KEY SHARE', [recordedByUserId]);
  if (users.length === 0) throw new Error(`offline journal: user ${recordedByUserId} does not exist`);
  const [outage] = await query<{ id: string }>(`SELECT id FROM outages WHERE open_scope = 'store:' || $1 FOR KEY SHARE`, [storeId]);
  return { outageId: outage?.id ?? null };
}
