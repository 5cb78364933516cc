import { randomUUID } from 'node:crypto';
import { translatePrismaError } from '../../api/http/prisma-errors';
import { ConflictError, NotFoundError } from '../../domain/errors';
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
      .create({ data: { code: 'AMS-01', name: 'Duplicate', city: 'Amsterdam', address: 'Dam 1', timeZone: 'Europe/Amsterdam', currency: 'EUR' } })
      .catch((caught: unknown) => caught);

    const translated = translatePrismaError(error);
    expect(translated).toBeInstanceOf(ConflictError);
    expect(translated?.httpStatus).toBe(409);
    expect(translated?.message).toBe('A record with the same code already exists');
  });

  it('turns "record to update not found" into a 404', async () => {
    const error = await api.prisma.store.update({ where: { id: randomUUID() }, data: { name: 'Nobody' } }).catch((caught: unknown) => caught);

    expect(translatePrismaError(error)).toBeInstanceOf(NotFoundError);
  });

  it('leaves other errors alone (they become a logged 500)', () => {
    expect(translatePrismaError(new Error('boom'))).toBeUndefined();
  });
});
