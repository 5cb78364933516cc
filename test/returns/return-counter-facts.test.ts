import request from 'supertest';
import { createApp } from '../../api/app';
import { createLogger } from '../../api/logger';
import { createTemporalClient } from '../../api/temporal-client';
import { testConfig } from '../api/support/test-app';
import { ReturnsWorld } from './support/returns-world';

/**
 * What the admin's counter screens read from the returns API besides the return itself: where a sale's
 * refund goes back (the "Return items" form offers cash or store credit for till sales only) and whose
 * items a return holds (the hand-back task names the customer). Reads only: no run is started.
 */
describe('the facts the returns screens show', () => {
  const world = new ReturnsWorld();
  let temporal: ReturnType<typeof createTemporalClient>;
  let app: ReturnType<typeof createApp>;
  let secret: string;

  beforeAll(async () => {
    await world.setUp();
    const config = testConfig();
    secret = config.JWT_SECRET;
    temporal = createTemporalClient(config);
    app = createApp({ prisma: world.prisma, temporal, config, logger: createLogger(config) });
  });
  afterAll(async () => {
    await temporal.close();
    await world.tearDown();
  });

  it('says for each order the counter finds where its refund goes back', async () => {
    const marketplace = await world.collectedOrder([{ sku: world.skuOne, quantity: 1 }]);
    const web = await world.deliveredWebOrder([{ sku: world.skuOne, quantity: 1 }]);
    const till = await world.tillSale([{ sku: world.skuTwo, quantity: 1 }]);
    const found = await request(app)
      .get('/api/returns/order-lookup')
      .query({ q: world.phone })
      .set('Authorization', world.bearer('clerkB', secret));
    expect(found.status).toBe(200);
    const routeOf = (orderId: string) =>
      (found.body as { id: string; refundRoute: string }[]).find((order) => order.id === orderId)?.refundRoute;
    expect(routeOf(marketplace.orderId)).toBe('CHANNEL');
    expect(routeOf(web.orderId)).toBe('PAYMENT_PROVIDER');
    expect(routeOf(till.orderId)).toBe('TILL');
  });

  it('names the customer of a return, and answers null for an order without one', async () => {
    const order = await world.collectedOrder([{ sku: world.skuTwo, quantity: 1 }]);
    // Written as a channel-started return is: REQUESTED, no store, no run (channel-return-routes.ts).
    const created = await world.prisma.return.create({
      data: {
        orderId: order.orderId,
        reasonCode: 'OTHER',
        reason: 'Wrong colour',
        proofOfPurchase: true,
        approvalReasons: [],
        requestedByLabel: `channel:${world.channelCode}`,
        lines: { create: { orderLineId: order.lineIds[0] ?? '', quantity: 1, refundMinor: BigInt(world.unitPrice.two) } },
      },
    });
    const shown = await request(app).get(`/api/returns/${created.id}`).set('Authorization', world.bearer('clerkA', secret));
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({ customerName: 'Rita Return', refundMethod: 'ORIGINAL_PAYMENT', handedBackAt: null });

    await world.prisma.order.update({ where: { id: order.orderId }, data: { customerId: null } });
    const anonymous = await request(app).get(`/api/returns/${created.id}`).set('Authorization', world.bearer('clerkA', secret));
    expect(anonymous.status).toBe(200);
    expect((anonymous.body as { customerName: unknown }).customerName).toBeNull();
  });
});
