import request from 'supertest';
import { createApp } from '../../api/app';
import { createLogger } from '../../api/logger';
import { createTemporalClient } from '../../api/temporal-client';
import { pickupWorkflowId } from '../../domain/pickup/pickup-workflow';
import { testConfig } from '../api/support/test-app';
import { OutagesWorld } from './support/outages-world';

/**
 * A store cut off by an outage is not offered for pickup (the STORE_PICKUP_PAUSED measure): our own
 * checkout is refused with a 409 that names the store, writing nothing, and the same checkout goes through
 * once the measure is lifted. (The pause itself is the measure's column; store-outage.test.ts shows the run
 * setting and lifting it.)
 */
describe('web pickup orders at a store paused by an outage', () => {
  const world = new OutagesWorld(1);
  let app: ReturnType<typeof createApp>;
  let temporal: ReturnType<typeof createTemporalClient>;
  let secret: string;
  let storeCode = '';
  const taskQueue = `paused-store-intake-${world.prefix}`;
  const started: string[] = [];

  beforeAll(async () => {
    await world.setUp();
    // No worker polls this queue: an accepted order's run only has to exist, not to progress.
    const config = testConfig({ TEMPORAL_TASK_QUEUE: taskQueue, WORKFLOW_START_RELAY_DELAY_MS: '0' });
    secret = config.JWT_SECRET;
    temporal = createTemporalClient(config);
    app = createApp({ prisma: world.prisma, temporal, config, logger: createLogger(config) });
    storeCode = (await world.prisma.store.findUniqueOrThrow({ where: { id: world.storeA } })).code;
  });
  afterAll(async () => {
    for (const workflowId of started)
      await temporal.client.workflow
        .getHandle(workflowId)
        .terminate('test over')
        .catch(() => undefined);
    await temporal.close();
    await world.tearDown();
  });

  it('refuses the order with a 409 and writes nothing while paused, takes it once lifted', async () => {
    const order = {
      externalId: `${world.prefix}-WEB-1`,
      customer: { name: 'Web Shopper', email: `shopper@${world.prefix}.test` },
      fulfilmentType: 'PICKUP',
      pickupStoreCode: storeCode,
      lines: [{ sku: world.sku(0), quantity: 1 }],
    };
    const place = () => request(app).post('/api/orders').set('Authorization', world.bearer('opsLead', secret)).send(order);
    const written = () =>
      Promise.all([
        world.prisma.order.count({ where: { externalId: order.externalId } }),
        world.prisma.workflowStart.count({ where: { taskQueue } }),
      ]);

    await world.prisma.store.update({ where: { id: world.storeA }, data: { pickupPaused: true } });
    const refused = await place();
    expect(refused.status).toBe(409);
    expect((refused.body as { message: string }).message).toContain(`Pickup at ${storeCode} is paused`);
    expect(await written()).toEqual([0, 0]);

    await world.prisma.store.update({ where: { id: world.storeA }, data: { pickupPaused: false } });
    const taken = await place();
    expect(taken.status).toBe(201);
    const id = (taken.body as { id: string }).id;
    started.push(pickupWorkflowId(id));
    expect(await world.prisma.order.count({ where: { externalId: order.externalId } })).toBe(1);
  });
});
