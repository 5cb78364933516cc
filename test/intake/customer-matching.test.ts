import request from 'supertest';
import {
  channelOrderEvent,
  deliverWebhook,
  demoLogin,
  type IntakeTestApi,
  sellableSkus,
  startIntakeApi,
  uniqueDutchMobile,
  uniqueId,
  webhookSecretOf,
} from './support/intake-test-kit';

let api: IntakeTestApi;
let sku: { sku: string; basePriceMinor: number };

beforeAll(async () => {
  api = await startIntakeApi();
  const [first] = await sellableSkus(api.prisma, 1);
  if (first === undefined) throw new Error('the seed has no products');
  sku = first;
});

afterAll(async () => {
  await api.close();
});

/** Places an order on a marketplace (signed webhook) and returns the stored order with its customer. */
async function orderOnChannel(
  channelCode: string,
  customer: { name: string; email: string | null; phone: string | null; externalId?: string },
) {
  const event = channelOrderEvent({
    channelCode,
    externalId: uniqueId(channelCode.toUpperCase()),
    customer,
    lines: [{ sku: sku.sku, quantity: 1, unitPrice: sku.basePriceMinor }],
  });
  const response = await deliverWebhook(api.app, channelCode, event, await webhookSecretOf(api.prisma, channelCode));
  expect(response.status).toBe(202);
  return api.prisma.order.findUniqueOrThrow({ where: { id: (response.body as { orderId: string }).orderId }, include: { customer: true } });
}

async function orderOnWebStore(customer: { name: string; email?: string; phone?: string }) {
  const response = await request(api.app)
    .post('/api/orders')
    .set('Authorization', await api.bearer(demoLogin.opsLead))
    .send({
      externalId: uniqueId('WEB'),
      customer,
      fulfilmentType: 'PICKUP',
      pickupStoreCode: 'AMS-01',
      lines: [{ sku: sku.sku, quantity: 1 }],
    });
  expect(response.status).toBe(201);
  return api.prisma.order.findUniqueOrThrow({ where: { id: (response.body as { id: string }).id }, include: { customer: true } });
}

describe('one customer across channels', () => {
  it('matches by phone whatever format each channel writes it in, and completes the record', async () => {
    const phone = uniqueDutchMobile();
    const email = `${uniqueId('sam')}@mail.example`;

    const onMarketplace = await orderOnChannel('megamart', { name: 'Sam de Wit', email: null, phone: phone.national });
    const onWebStore = await orderOnWebStore({ name: 'S. de Wit', phone: `+31 6 ${phone.e164.slice(4)}`, email });

    expect(onWebStore.customerId).toBe(onMarketplace.customerId);
    // The e-mail the first order lacked is added; the first name given stays.
    expect(onWebStore.customer).toMatchObject({ name: 'Sam de Wit', phone: phone.e164, email });
    expect(onWebStore.intakeNotes).toEqual([]);
  });

  it('matches by e-mail regardless of case', async () => {
    const email = `${uniqueId('kim')}@mail.example`;

    const onSocial = await orderOnChannel('chatshop', { name: 'Kim', email: email.toUpperCase(), phone: null });
    const onMarketplace = await orderOnChannel('bazaar', { name: 'Kim Jansen', email, phone: null });

    expect(onMarketplace.customerId).toBe(onSocial.customerId);
    expect(onSocial.customer?.email).toBe(email);
  });

  it('keeps the phone match when the e-mail belongs to someone else, and says so on the order', async () => {
    const anna = await orderOnWebStore({ name: 'Anna', phone: uniqueDutchMobile().e164 });
    const bert = await orderOnWebStore({ name: 'Bert', email: `${uniqueId('bert')}@mail.example` });

    const mixed = await orderOnChannel('quickbuy', {
      name: 'Anna?',
      phone: anna.customer?.phone ?? null,
      email: bert.customer?.email ?? null,
    });

    expect(mixed.customerId).toBe(anna.customerId);
    expect(mixed.intakeNotes).toEqual([expect.stringContaining(`belongs to customer ${bert.customerId ?? ''}`)]);
    // Nothing was merged or moved.
    expect(await api.prisma.customer.findUniqueOrThrow({ where: { id: anna.customerId ?? '' } })).toMatchObject({ email: null });
  });

  it('remembers a channel’s own customer id and trusts it on the next order', async () => {
    const externalId = uniqueId('buyer');
    const first = await orderOnChannel('megamart', { name: 'Noor', email: `${uniqueId('noor')}@mail.example`, phone: null, externalId });
    const second = await orderOnChannel('megamart', {
      name: 'Noor',
      email: `${uniqueId('noor.new')}@mail.example`,
      phone: null,
      externalId,
    });

    expect(second.customerId).toBe(first.customerId);
    expect(await api.prisma.customerChannelIdentity.count({ where: { externalCustomerId: externalId } })).toBe(1);
  });

  it('creates one customer when two channels deliver the same new person at the same time', async () => {
    const phone = uniqueDutchMobile().e164;

    const orders = await Promise.all(
      ['megamart', 'bazaar', 'quickbuy'].map((channel) => orderOnChannel(channel, { name: 'Rush', email: null, phone })),
    );

    expect(new Set(orders.map((order) => order.customerId)).size).toBe(1);
    expect(await api.prisma.customer.count({ where: { phone } })).toBe(1);
  });

  it('keeps an order whose phone cannot be read, without the phone, and notes why', async () => {
    const order = await orderOnChannel('chatshop', { name: 'Unreadable', email: `${uniqueId('u')}@mail.example`, phone: '+999 123' });
    expect(order.customer?.phone).toBeNull();
    expect(order.intakeNotes).toEqual([expect.stringContaining('+999 123')]);
  });
});
