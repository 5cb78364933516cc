import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
// adapter-pg's own dependency, pinned to its version: the column-type vocabulary of its result sets.
import { ColumnTypeEnum, type SqlResultSet } from '@prisma/driver-adapter-utils';
import type { PrismaConfig } from 'prisma/config';

/**
 * The driver adapter the Prisma CLI (6.19.3) uses for its WASM schema engine, so `migrate`, `db` and
 * `generate` work without downloading the native engine. Loaded by prisma.config.ts only: the
 * application's runtime client is prisma/client.ts and needs none of this.
 *
 * It works around four upstream problems, each marked below with its issue. Remove a workaround when
 * the Prisma version that fixes it is adopted (the drift test in test/prisma/ will say if it broke).
 */

type JsEngineConfig = Extract<PrismaConfig, { engine: 'js' }>;
type MigrationAdapterFactory = Awaited<ReturnType<JsEngineConfig['adapter']>>;
type MigrationAdapter = Awaited<ReturnType<MigrationAdapterFactory['connect']>>;

// --- prisma/orm#27403: adapter-pg cannot deserialize PostgreSQL catalog types ------------------------
// The schema engine introspects pg_catalog, whose columns use internal types (`name`, `"char"`,
// `regclass`...). adapter-pg maps every result column's type OID to a Prisma column type and throws
// "Column type 'name' could not be deserialized" for these. Their text form is what the engine wants,
// so results are relabelled as text / text[] before the adapter looks at them. `"char"` is special: the
// engine reads it as a single character (pg_constraint.contype) and panics on text, so its columns are
// remembered and reported as Character once the adapter has built the result set.
const TEXT_OID = 25;
const TEXT_ARRAY_OID = 1009;
const SINGLE_CHAR_OID = 18;
const CATALOG_SCALAR_OIDS = new Set([19, 22, 24, 27, 28, 29, 30, 194, 1033, 2202, 2203, 2204, 2205, 2206, 3220, 4089, 4096, 5069]);
const CATALOG_ARRAY_OIDS = new Set([1003, 1006, 1008, 1010, 1011, 1012, 1013, 1034, 2207, 2208, 2209, 2210, 2211]);
// pg's typings only list scalar type ids, though its parser registry also holds the array ones.
const getTextParser = pg.types.getTypeParser as (oid: number, format: 'text') => (value: string) => unknown;
const parseTextArray = getTextParser(TEXT_ARRAY_OID, 'text');
/** The adapter passes node-postgres' `rows` array through unchanged, so it identifies the result. */
const singleCharColumnsOfRows = new WeakMap<unknown[], number[]>();

interface FieldLike {
  dataTypeID: number;
}
interface ResultLike {
  fields?: FieldLike[];
  rows?: unknown[];
}

function reportCatalogTypesAsText<R>(result: R): R {
  const { fields, rows } = (result ?? {}) as ResultLike;
  if (!fields || !rows) return result;
  const singleCharColumns: number[] = [];
  fields.forEach((field, column) => {
    if (field.dataTypeID === SINGLE_CHAR_OID) {
      field.dataTypeID = TEXT_OID;
      singleCharColumns.push(column);
    } else if (CATALOG_SCALAR_OIDS.has(field.dataTypeID)) {
      field.dataTypeID = TEXT_OID;
    } else if (CATALOG_ARRAY_OIDS.has(field.dataTypeID)) {
      field.dataTypeID = TEXT_ARRAY_OID;
      // node-postgres has no parser for these array types and left the literal '{a,b}' as is.
      for (const row of rows) {
        if (Array.isArray(row) && typeof row[column] === 'string') row[column] = parseTextArray(row[column]);
      }
    }
  });
  if (singleCharColumns.length > 0) singleCharColumnsOfRows.set(rows, singleCharColumns);
  return result;
}

function restoreSingleCharColumns(resultSet: SqlResultSet): SqlResultSet {
  for (const column of singleCharColumnsOfRows.get(resultSet.rows) ?? []) {
    resultSet.columnTypes[column] = ColumnTypeEnum.Character;
  }
  return resultSet;
}

// pg.Client.query has a dozen overloads; the pool calls it with a callback, transactions await it.
// Both shapes are handled here, so the loose signature is deliberate.
type LooseQuery = (...args: unknown[]) => unknown;
const LooseClient = pg.Client as unknown as new (config?: pg.ClientConfig) => { query: LooseQuery };

class CatalogTypesAsTextClient extends LooseClient {
  override query = (...args: unknown[]): unknown => {
    const callbackAt = args.findIndex((arg) => typeof arg === 'function');
    if (callbackAt >= 0) {
      const callback = args[callbackAt] as (error: Error | null, result: unknown) => void;
      args[callbackAt] = (error: Error | null, result: unknown) => callback(error, error ? result : reportCatalogTypesAsText(result));
      return super.query(...args);
    }
    const answer = super.query(...args);
    return answer instanceof Promise ? answer.then(reportCatalogTypesAsText) : answer;
  };
}

// --- prisma/orm#27509 (closed unmerged): executeScript splits scripts on every ";" ------------------
// adapter-pg runs a migration by splitting it on ";" and sending each piece, which cuts PL/pgSQL
// bodies (our append-only triggers) in half. PostgreSQL runs a multi-statement simple query as one
// implicit transaction, which is also what the native engine does, so the script is sent whole.
async function runScriptWhole(pool: pg.Pool, script: string): Promise<void> {
  await pool.query(script);
}

// --- Shadow database: node-postgres lets `connectionString` override `database` ----------------------
// (No upstream issue found; see PrismaPgAdapterFactory.connectToShadowDb in @prisma/adapter-pg 6.19.3.)
// adapter-pg creates the shadow database and then connects with `{ ...config, database: shadow }`; with a
// connection string that silently connects to the MAIN database, so `migrate diff --from-migrations`
// would replay migrations there. Connections are therefore built from discrete fields, and the shadow
// database is created here and dropped WITH (FORCE) when the engine disposes of it.
interface ConnectionFields {
  host: string;
  port: number;
  user: string;
  password: string | undefined;
  database: string;
  schema: string | undefined;
}

function connectionFieldsOf(databaseUrl: string): ConnectionFields {
  const url = new URL(databaseUrl);
  return {
    host: decodeURIComponent(url.hostname) || '127.0.0.1',
    port: url.port ? Number(url.port) : 5432,
    user: decodeURIComponent(url.username) || 'postgres',
    password: url.password ? decodeURIComponent(url.password) : undefined,
    database: decodeURIComponent(url.pathname.replace(/^\//, '')) || 'postgres',
    schema: url.searchParams.get('schema') ?? undefined,
  };
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function wrapAdapter(adapter: MigrationAdapter, pool: pg.Pool): MigrationAdapter {
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: async (query) => restoreSingleCharColumns(await adapter.queryRaw(query)),
    executeRaw: (query) => adapter.executeRaw(query),
    startTransaction: (isolationLevel) => adapter.startTransaction(isolationLevel),
    getConnectionInfo: () => adapter.getConnectionInfo?.() ?? { supportsRelationJoins: true },
    executeScript: (script) => runScriptWhole(pool, script),
    dispose: () => adapter.dispose(),
  };
}

async function connectWithFields(fields: ConnectionFields, database: string): Promise<MigrationAdapter> {
  const pool = new pg.Pool({
    host: fields.host,
    port: fields.port,
    user: fields.user,
    password: fields.password,
    database,
    max: 2,
    // The engine does not always dispose of its connections before the command ends; idle ones must not
    // keep the CLI process alive.
    allowExitOnIdle: true,
    Client: CatalogTypesAsTextClient as unknown as typeof pg.Client,
  });
  const adapter = await new PrismaPg(pool, { schema: fields.schema, disposeExternalPool: true }).connect();
  return wrapAdapter(adapter, pool);
}

export function createMigrationAdapterFactory(databaseUrl: string): MigrationAdapterFactory {
  const fields = connectionFieldsOf(databaseUrl);
  return {
    provider: 'postgres',
    adapterName: '@prisma/adapter-pg',
    connect: () => connectWithFields(fields, fields.database),
    connectToShadowDb: async () => {
      const shadowName = `${fields.database}_shadow_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
      const admin = await connectWithFields(fields, fields.database);
      await admin.executeScript(`CREATE DATABASE ${quoteIdentifier(shadowName)}`);
      const shadow = await connectWithFields(fields, shadowName);
      return {
        ...shadow,
        // Dropped first (FORCE ends the shadow's own sessions): the CLI may exit right after disposing.
        dispose: async () => {
          await admin.executeScript(`DROP DATABASE IF EXISTS ${quoteIdentifier(shadowName)} WITH (FORCE)`);
          await Promise.allSettled([shadow.dispose(), admin.dispose()]);
        },
      };
    },
  };
}

// --- WASM schema engine timers: the CLI hangs 11-61 s after finishing ---------------------------------
// (No upstream issue found for 6.19.3; the JS schema engine is documented as experimental.)
// The engine leaves 10 s and 60 s timers behind (pool idle / keep-alive housekeeping), which keep Node's
// event loop alive although the command is done. Timers this long never carry work a short CLI command
// waits for, so they are unref'd: they still fire while the process is busy, but no longer keep it alive.
const LONG_TIMER_MS = 5_000;

function unrefLongTimers(): void {
  const originalSetTimeout = globalThis.setTimeout;
  const originalSetInterval = globalThis.setInterval;
  const unrefIfLong = <T extends NodeJS.Timeout>(timer: T, delay: unknown): T =>
    typeof delay === 'number' && delay >= LONG_TIMER_MS ? timer.unref() : timer;
  globalThis.setTimeout = Object.assign(
    (...args: Parameters<typeof setTimeout>) => unrefIfLong(originalSetTimeout(...args), args[1]),
    originalSetTimeout,
  );
  globalThis.setInterval = Object.assign(
    (...args: Parameters<typeof setInterval>) => unrefIfLong(originalSetInterval(...args), args[1]),
    originalSetInterval,
  );
}

unrefLongTimers();
