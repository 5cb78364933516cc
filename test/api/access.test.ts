import request from 'supertest';
import { bodyOf, demoLogin, startTestApi, type TestApi } from './support/test-app';

let api: TestApi;
let storeIds: Record<string, string>;

const bearer = async (email: string) => `Bearer ${await api.tokenFor(email)}`;

beforeAll(async () => {
  api = startTestApi();
  const stores = await api.prisma.store.findMany({ select: { id: true, code: true } });
  storeIds = Object.fromEntries(stores.map((store) => [store.code, store.id]));
});

afterAll(async () => {
  await api.close();
});

describe('roles', () => {
  it('is 403 when store staff try to change a channel', async () => {
    const channel = await api.prisma.channel.findUniqueOrThrow({ where: { code: 'megamart' } });
    const response = await request(api.app)
      .put(`/api/channels/${channel.id}`)
      .set('Authorization', await bearer(demoLogin.amsterdamStaff))
      .send({ safetyBuffer: 7 });

    expect(response.status).toBe(403);
    expect(response.body).toEqual({ message: expect.stringContaining('ADMIN') as unknown });
    const unchanged = await api.prisma.channel.findUniqueOrThrow({ where: { id: channel.id } });
    expect(unchanged.safetyBuffer).toBe(channel.safetyBuffer);
  });

  it('is 403 when an ops lead lists users (admin only)', async () => {
    const response = await request(api.app)
      .get('/api/users')
      .set('Authorization', await bearer(demoLogin.opsLead));
    expect(response.status).toBe(403);
  });

  it('lets the admin list users, without password hashes', async () => {
    const response = await request(api.app)
      .get('/api/users')
      .set('Authorization', await bearer(demoLogin.admin));

    expect(response.status).toBe(200);
    const users = bodyOf<Record<string, unknown>[]>(response);
    expect(users.length).toBeGreaterThan(0);
    for (const user of users) expect(user).not.toHaveProperty('passwordHash');
  });
});

describe('store scoping of store staff', () => {
  it('is 403 when staff ask for another store’s inventory', async () => {
    const response = await request(api.app)
      .get('/api/inventory')
      .query({ filter: JSON.stringify({ storeId: storeIds['BER-01'] }) })
      .set('Authorization', await bearer(demoLogin.amsterdamStaff));

    expect(response.status).toBe(403);
  });

  it('is 403 when staff open a stock level or a store record of another store', async () => {
    const berlinLevel = await api.prisma.inventoryLevel.findFirstOrThrow({ where: { storeId: storeIds['BER-01'] } });
    const authorization = await bearer(demoLogin.amsterdamStaff);

    expect((await request(api.app).get(`/api/inventory/${berlinLevel.id}`).set('Authorization', authorization)).status).toBe(403);
    expect((await request(api.app).get(`/api/stores/${storeIds['BER-01']}`).set('Authorization', authorization)).status).toBe(403);
    expect((await request(api.app).get(`/api/stores/${storeIds['AMS-01']}`).set('Authorization', authorization)).status).toBe(200);
  });

  it('keeps staff to their own store in the stock ledger too', async () => {
    const authorization = await bearer(demoLogin.berlinStaff);
    const other = await request(api.app)
      .get('/api/inventory-movements')
      .query({ filter: JSON.stringify({ storeId: storeIds['AMS-01'] }) })
      .set('Authorization', authorization);
    const own = await request(api.app).get('/api/inventory-movements').query({ range: '[0,49]' }).set('Authorization', authorization);

    expect(other.status).toBe(403);
    expect(own.status).toBe(200);
    const rows = bodyOf<{ storeId: string }[]>(own);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((row) => row.storeId))).toEqual(new Set([storeIds['BER-01']]));
  });

  it('silently narrows staff lists to their own store', async () => {
    const authorization = await bearer(demoLogin.amsterdamStaff);
    const inventory = await request(api.app).get('/api/inventory').query({ range: '[0,99]' }).set('Authorization', authorization);
    const stores = await request(api.app).get('/api/stores').set('Authorization', authorization);

    expect(inventory.status).toBe(200);
    const rows = bodyOf<{ storeCode: string }[]>(inventory);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((row) => row.storeCode))).toEqual(new Set(['AMS-01']));
    expect((stores.body as { code: string }[]).map((store) => store.code)).toEqual(['AMS-01']);
  });

  it('shows head office every store', async () => {
    const stores = await request(api.app)
      .get('/api/stores')
      .set('Authorization', await bearer(demoLogin.opsLead));
    expect((stores.body as { code: string }[]).map((store) => store.code)).toEqual(expect.arrayContaining(['AMS-01', 'BER-01', 'LIS-01']));
  });
});
