import { randomUUID } from 'node:crypto';
import { translatePrismaError } from '../../api/http/prisma-errors';
import { ConflictError, NotFoundError, ServiceUnavailableError } from '../../domain/errors';
import { createPrismaClient } from '../../prisma/client';
import { testEnv } from '../support/env';
import { startTestApi, type TestApi } from './support/test-app';

let api: TestApi;

beforeAll(() => {
  api = startTestApi();
});

afterAll(async () => {
  await api.close();
});

describe('Prisma errors as the error handler sees them (real errors through the pg driver adapter)', () => {
  it('turns a unique violation into a 409 naming the field', async () => {
    const error = await api.prisma.store
      .create({
        data: { code: 'AMS-01', name: 'Duplicate', city: 'Amsterdam', address: 'Dam 1', timeZone: 'Europe/Amsterdam', currency: 'EUR' },
      })
      .catch((caught: unknown) => caught);

    const translated = translatePrismaError(error);
    expect(translated).toBeInstanceOf(ConflictError);
    expect(translated?.httpStatus).toBe(409);
    expect(translated?.message).toBe('A record with the same code already exists');
  });

  it('turns "record to update not found" into a 404', async () => {
    const error = await api.prisma.store
      .update({ where: { id: randomUUID() }, data: { name: 'Nobody' } })
      .catch((caught: unknown) => caught);

    expect(translatePrismaError(error)).toBeInstanceOf(NotFoundError);
  });

  it('turns "no connection free to start a transaction" (pool exhausted under overload) into a 503', async () => {
    const onePool = createPrismaClient({ databaseUrl: testEnv.databaseUrl, poolSize: 1 });
    try {
      // The only connection is held by a transaction that outlives the second one's wait for a connection.
      const holder = onePool
        .$transaction(() => new Promise((resolve) => setTimeout(resolve, 1_500)), { timeout: 1_000 })
        .catch(() => undefined);
      const error = await onePool.$transaction(() => Promise.resolve(), { maxWait: 100 }).catch((caught: unknown) => caught);
      await holder;

      expect(error).toMatchObject({ code: 'P2028' });
      const translated = translatePrismaError(error);
      expect(translated).toBeInstanceOf(ServiceUnavailableError);
      expect(translated?.httpStatus).toBe(503);
    } finally {
      await onePool.$disconnect();
    }
  });

  it('turns a database that cannot be reached (restarting, down) into a 503, not a 500', async () => {
    const url = new URL(testEnv.databaseUrl);
    // A port nothing listens on: the first query fails to connect, as every request does while PostgreSQL restarts.
    url.port = '1';
    const unreachable = createPrismaClient({ databaseUrl: url.toString(), poolSize: 1 });
    try {
      const error = await unreachable.store.findFirst().catch((caught: unknown) => caught);

      expect(error).toBeDefined();
      const translated = translatePrismaError(error);
      expect(translated).toBeInstanceOf(ServiceUnavailableError);
      expect(translated?.httpStatus).toBe(503);
    } finally {
      await unreachable.$disconnect();
    }
  });

  it('turns a connection the server closed under a query (a crash or shutdown of PostgreSQL) into a 503', async () => {
    const onePool = createPrismaClient({ databaseUrl: testEnv.databaseUrl, poolSize: 1 });
    try {
      // The server ends this very backend, as an immediate shutdown does to every connection.
      const error = await onePool.$queryRaw`SELECT pg_terminate_backend(pg_backend_pid())`.catch((caught: unknown) => caught);

      expect(error).toBeInstanceOf(Error);
      expect(translatePrismaError(error)).toBeInstanceOf(ServiceUnavailableError);
    } finally {
      await onePool.$disconnect();
    }
  });

  it('leaves other errors alone (they become a logged 500)', () => {
    expect(translatePrismaError(new Error('boom'))).toBeUndefined();
  });
});
