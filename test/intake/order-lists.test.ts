import request from 'supertest';
import {
  bodyOf,
  channelOrderEvent,
  deliverWebhook,
  demoLogin,
  type IntakeTestApi,
  sellableSkus,
  startIntakeApi,
  uniqueId,
  webhookSecretOf,
} from './support/intake-test-kit';

let api: IntakeTestApi;
const tag = uniqueId('LIST');
const orderIds: Record<'amsterdam' | 'berlin' | 'shipped', string> = { amsterdam: '', berlin: '', shipped: '' };

interface OrderRow {
  id: string;
  externalId: string;
  pickupStoreCode: string | null;
  channelCode: string;
  customerName: string | null;
}

beforeAll(async () => {
  api = await startIntakeApi();
  const [product] = await sellableSkus(api.prisma, 1);
  if (product === undefined) throw new Error('the seed has no products');
  const secret = await webhookSecretOf(api.prisma, 'bazaar');
  const place = async (suffix: string, pickupStoreCode: string | null) => {
    const event = channelOrderEvent({
      channelCode: 'bazaar',
      externalId: `${tag}-${suffix}`,
      customer: { name: `Lister ${suffix}`, email: `${uniqueId(suffix)}@mail.example` },
      fulfilment: pickupStoreCode === null ? 'DELIVERY' : 'PICKUP',
      pickupStoreCode,
      lines: [{ sku: product.sku, quantity: 1, unitPrice: product.basePriceMinor }],
    });
    const response = await deliverWebhook(api.app, 'bazaar', event, secret);
    return (response.body as { orderId: string }).orderId;
  };
  orderIds.amsterdam = await place('ams', 'AMS-01');
  orderIds.berlin = await place('ber', 'BER-01');
  orderIds.shipped = await place('ship', null);
});

afterAll(async () => {
  await api.close();
});

const list = async (as: string, filter: Record<string, unknown>) =>
  request(api.app)
    .get('/api/orders')
    .query({ filter: JSON.stringify(filter), sort: JSON.stringify(['externalId', 'ASC']), range: JSON.stringify([0, 9]) })
    .set('Authorization', await api.bearer(as));

describe('GET /api/orders', () => {
  it('shows head office every store’s orders, in react-admin’s list format', async () => {
    const response = await list(demoLogin.opsLead, { q: tag });

    expect(response.status).toBe(200);
    expect(response.headers['content-range']).toBe('orders 0-2/3');
    expect(bodyOf<OrderRow[]>(response).map((row) => [row.externalId, row.pickupStoreCode, row.channelCode])).toEqual([
      [`${tag}-ams`, 'AMS-01', 'bazaar'],
      [`${tag}-ber`, 'BER-01', 'bazaar'],
      [`${tag}-ship`, null, 'bazaar'],
    ]);
  });

  it('shows store staff only the orders collected at their store', async () => {
    const response = await list(demoLogin.amsterdamStaff, { q: tag });

    expect(response.status).toBe(200);
    expect(bodyOf<OrderRow[]>(response).map((row) => row.id)).toEqual([orderIds.amsterdam]);
  });

  it('refuses store staff a filter on another store', async () => {
    const berlin = await api.prisma.store.findUniqueOrThrow({ where: { code: 'BER-01' } });
    const response = await list(demoLogin.amsterdamStaff, { storeId: berlin.id });
    expect(response.status).toBe(403);
  });

  it('filters by status, channel, fulfilment type and free text', async () => {
    const bazaar = await api.prisma.channel.findUniqueOrThrow({ where: { code: 'bazaar' } });
    const response = await list(demoLogin.admin, { q: `${tag}-ams`, status: ['RECEIVED'], channelId: bazaar.id, fulfilmentType: 'PICKUP' });
    expect(bodyOf<OrderRow[]>(response).map((row) => row.id)).toEqual([orderIds.amsterdam]);

    const byCustomer = await list(demoLogin.admin, { q: 'Lister ber' });
    expect(bodyOf<OrderRow[]>(byCustomer).map((row) => row.id)).toContain(orderIds.berlin);
  });
});

describe('GET /api/orders/:id', () => {
  it('returns the order with lines, customer, channel and store, never the pickup code hash', async () => {
    const response = await request(api.app)
      .get(`/api/orders/${orderIds.amsterdam}`)
      .set('Authorization', await api.bearer(demoLogin.amsterdamStaff));

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      id: orderIds.amsterdam,
      channel: { code: 'bazaar', kind: 'MARKETPLACE' },
      pickupStore: { code: 'AMS-01', timeZone: 'Europe/Amsterdam' },
      customer: { name: 'Lister ams' },
      lines: [{ quantity: 1, status: 'PENDING', sku: expect.any(String) as unknown }],
      payments: [{ status: 'CAPTURED', provider: 'bazaar' }],
    });
    expect(response.body).not.toHaveProperty('pickupCodeHash');
  });

  it('refuses store staff another store’s order, and an order not collected at a store', async () => {
    const berlin = await request(api.app)
      .get(`/api/orders/${orderIds.berlin}`)
      .set('Authorization', await api.bearer(demoLogin.amsterdamStaff));
    const shipped = await request(api.app)
      .get(`/api/orders/${orderIds.shipped}`)
      .set('Authorization', await api.bearer(demoLogin.amsterdamStaff));
    const asHeadOffice = await request(api.app)
      .get(`/api/orders/${orderIds.shipped}`)
      .set('Authorization', await api.bearer(demoLogin.opsLead));

    expect([berlin.status, shipped.status, asHeadOffice.status]).toEqual([403, 403, 200]);
  });

  it('is 404 for an order that does not exist', async () => {
    const response = await request(api.app)
      .get('/api/orders/00000000-0000-4000-8000-000000000000')
      .set('Authorization', await api.bearer(demoLogin.admin));
    expect(response.status).toBe(404);
  });
});
