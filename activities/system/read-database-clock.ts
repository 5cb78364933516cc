import { type ActivityDeps } from '../deps';

export interface DatabaseClock {
  /** The database server's clock, ISO 8601. */
  databaseTime: string;
  /** `server_version` of PostgreSQL. */
  serverVersion: string;
}

/** Reads the database's clock: proves a worker can reach PostgreSQL, and shows the server's view of time. */
export function createReadDatabaseClock({ prisma }: ActivityDeps) {
  return async function readDatabaseClock(): Promise<DatabaseClock> {
    const [row] = await prisma.$queryRaw<
      { now: Date; version: string }[]
    >`SELECT now() AS now, current_setting('server_version') AS version`;
    if (!row) throw new Error('SELECT now() returned no row');
    return { databaseTime: row.now.toISOString(), serverVersion: row.version };
  };
}
