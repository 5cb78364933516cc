import request from 'supertest';
import { bodyOf, demoLogin, type ErrorBody, startTestApi, type TestApi } from '../api/support/test-app';
import { type MetricsWorld, period, seedMetricsWorld } from './metrics-world';

let api: TestApi;
let world: MetricsWorld;
let admin: string;

const metrics = (tile: string, query: Record<string, string | string[]>, authorization = admin) =>
  request(api.app).get(`/api/metrics/${tile}`).query(query).set('Authorization', authorization);
const inOurStores = () => ({ ...period, storeId: [world.stores.s1, world.stores.s2] });

beforeAll(async () => {
  api = startTestApi();
  world = await seedMetricsWorld(api.prisma);
  admin = `Bearer ${await api.tokenFor(demoLogin.admin)}`;
});

afterAll(async () => {
  await api.close();
});

interface Figures<T> {
  current: T;
  previous: T;
}
interface OrderFigures {
  orders: number;
  cancelled: number;
  cancellationRate: number | null;
  returned: number;
  returnRate: number | null;
}

describe('GET /api/metrics/orders', () => {
  it('counts orders, cancellations and returns per source channel for both periods', async () => {
    const response = await metrics('orders', inOurStores());
    expect(response.status).toBe(200);
    const body = bodyOf<{
      previousPeriod: unknown;
      total: Figures<OrderFigures>;
      byChannel: { channelId: string; channelKind: string; figures: Figures<OrderFigures> }[];
    }>(response);
    expect(body.previousPeriod).toEqual({ from: '2021-02-19T00:00:00.000Z', to: period.from });
    expect(body.total).toEqual({
      current: { orders: 6, cancelled: 2, cancellationRate: 2 / 6, returned: 1, returnRate: 1 / 6 },
      previous: { orders: 3, cancelled: 1, cancellationRate: 1 / 3, returned: 1, returnRate: 1 / 3 },
    });
    const byChannel = new Map(body.byChannel.map((row) => [row.channelId, row]));
    expect(byChannel.get(world.channels.marketplace)).toMatchObject({
      channelKind: 'MARKETPLACE',
      figures: {
        current: { orders: 4, cancelled: 2, cancellationRate: 0.5, returned: 1, returnRate: 0.25 },
        previous: { orders: 2, cancelled: 1, cancellationRate: 0.5, returned: 0, returnRate: 0 },
      },
    });
    // A rejected return is no return.
    expect(byChannel.get(world.channels.web)?.figures.current).toEqual({
      orders: 2,
      cancelled: 0,
      cancellationRate: 0,
      returned: 0,
      returnRate: 0,
    });
    expect(byChannel.get(world.channels.chat)?.figures).toEqual({
      current: { orders: 0, cancelled: 0, cancellationRate: null, returned: 0, returnRate: null },
      previous: { orders: 1, cancelled: 0, cancellationRate: 0, returned: 1, returnRate: 1 },
    });
  });

  it('narrows to the chosen store', async () => {
    const body = bodyOf<{ total: Figures<OrderFigures> }>(await metrics('orders', { ...period, storeId: world.stores.s2 }));
    expect(body.total.current).toEqual({ orders: 2, cancelled: 0, cancellationRate: 0, returned: 0, returnRate: 0 });
  });

  it('gives a store whose orders never came back a return rate of 0, and none without orders', async () => {
    const body = bodyOf<{ total: Figures<OrderFigures> }>(await metrics('orders', { ...period, storeId: world.stores.s3 }));
    expect(body.total.current).toEqual({ orders: 1, cancelled: 0, cancellationRate: 0, returned: 0, returnRate: 0 });
    expect(body.total.previous).toEqual({ orders: 0, cancelled: 0, cancellationRate: null, returned: 0, returnRate: null });
  });
});

describe('GET /api/metrics/pickup-sla', () => {
  it('gives the share of PICK tasks within SLA, order-to-ready p50/p90 and expired pickups per store', async () => {
    const response = await metrics('pickup-sla', inOurStores());
    expect(response.status).toBe(200);
    const body = bodyOf<{ total: Figures<unknown>; byStore: { storeId: string; figures: Figures<unknown> }[] }>(response);
    expect(body.total).toEqual({
      current: {
        pickTasks: 5,
        pickedWithinSla: 3,
        withinSlaRate: 0.6,
        readyOrders: 4,
        orderToReadySecondsP50: 1500,
        orderToReadySecondsP90: 4320,
        expiredUncollected: 1,
      },
      previous: {
        pickTasks: 1,
        pickedWithinSla: 1,
        withinSlaRate: 1,
        readyOrders: 2,
        orderToReadySecondsP50: 1500,
        orderToReadySecondsP90: 1900,
        expiredUncollected: 0,
      },
    });
    const byStore = new Map(body.byStore.map((row) => [row.storeId, row.figures]));
    expect(byStore.get(world.stores.s1)).toEqual({
      current: {
        pickTasks: 3,
        pickedWithinSla: 1,
        withinSlaRate: 1 / 3,
        readyOrders: 2,
        orderToReadySecondsP50: 3600,
        orderToReadySecondsP90: 5040,
        expiredUncollected: 0,
      },
      previous: {
        pickTasks: 1,
        pickedWithinSla: 1,
        withinSlaRate: 1,
        readyOrders: 1,
        orderToReadySecondsP50: 1000,
        orderToReadySecondsP90: 1000,
        expiredUncollected: 0,
      },
    });
    expect(byStore.get(world.stores.s2)).toEqual({
      current: {
        pickTasks: 2,
        pickedWithinSla: 2,
        withinSlaRate: 1,
        readyOrders: 2,
        orderToReadySecondsP50: 900,
        orderToReadySecondsP90: 1140,
        expiredUncollected: 1,
      },
      previous: {
        pickTasks: 0,
        pickedWithinSla: 0,
        withinSlaRate: null,
        readyOrders: 1,
        orderToReadySecondsP50: 2000,
        orderToReadySecondsP90: 2000,
        expiredUncollected: 0,
      },
    });
    expect(byStore.has(world.stores.s3)).toBe(false);
  });
});

describe('GET /api/metrics/stock-drift', () => {
  it('sums the units and value of discrepancies raised per store and per day', async () => {
    const body = bodyOf<{
      raised: {
        total: Figures<unknown>;
        byStore: { storeId: string; figures: Figures<unknown> }[];
        byChannel: unknown[];
        daily: unknown[];
      };
    }>(await metrics('stock-drift', inOurStores()));
    expect(body.raised.total).toEqual({
      current: { discrepancies: 3, units: 8, value: [{ currency: 'EUR', minor: 5000 }] },
      previous: { discrepancies: 1, units: 5, value: [{ currency: 'EUR', minor: 5000 }] },
    });
    const byStore = new Map(body.raised.byStore.map((row) => [row.storeId, row.figures]));
    expect(byStore.get(world.stores.s1)?.current).toEqual({ discrepancies: 2, units: 7, value: [{ currency: 'EUR', minor: 4000 }] });
    expect(byStore.get(world.stores.s2)).toEqual({
      current: { discrepancies: 1, units: 1, value: [{ currency: 'EUR', minor: 1000 }] },
      previous: { discrepancies: 0, units: 0, value: [] },
    });
    // A channel's own drift has no store: a store filter leaves it out.
    expect(body.raised.byChannel).toEqual([]);
    expect(body.raised.daily).toEqual([
      { day: '2021-03-02', discrepancies: 2, units: 7 },
      { day: '2021-03-04', discrepancies: 1, units: 1 },
    ]);
  });

  it('shows channel drift raised without a store filter, and the listings drifting now per channel', async () => {
    const body = bodyOf<{
      listingsDriftingNow: { channelId: string; listings: number; units: number; value: unknown[] }[];
      raised: { byChannel: { channelId: string; figures: Figures<unknown> }[] };
    }>(await metrics('stock-drift', period));
    // Other runs on the same database may have rows of their own stores and channels: look at ours.
    expect(body.raised.byChannel.find((row) => row.channelId === world.channels.marketplace)?.figures).toEqual({
      current: { discrepancies: 1, units: 2, value: [{ currency: 'EUR', minor: 500 }] },
      previous: { discrepancies: 0, units: 0, value: [] },
    });
    const drifting = new Map(body.listingsDriftingNow.map((row) => [row.channelId, row]));
    expect(drifting.get(world.channels.marketplace)).toMatchObject({ listings: 1, units: 3, value: [{ currency: 'EUR', minor: 3000 }] });
    expect(drifting.get(world.channels.web)).toMatchObject({ listings: 1, units: 4, value: [{ currency: 'EUR', minor: 1000 }] });
    // No listing on the channel at all: everything we published is missing.
    expect(drifting.get(world.channels.chat)).toMatchObject({ listings: 1, units: 2, value: [{ currency: 'EUR', minor: 2000 }] });
  });
});

describe('GET /api/metrics/channel-health', () => {
  it('gives each channel’s status, last healthy probe, open outages and outages per period', async () => {
    const body = bodyOf<{ channels: { channelId: string }[] }>(await metrics('channel-health', period));
    const byId = new Map(body.channels.map((row) => [row.channelId, row]));
    expect(byId.get(world.channels.marketplace)).toMatchObject({
      status: 'DEGRADED',
      lastHealthyAt: '2021-03-09T10:00:00.000Z',
      openOutages: 1,
      outagesDetected: { current: 1, previous: 1 },
    });
    expect(byId.get(world.channels.web)).toMatchObject({
      status: 'OUTAGE',
      lastHealthyAt: null,
      openOutages: 1,
      outagesDetected: { current: 0, previous: 0 },
    });
    expect(byId.get(world.channels.chat)).toMatchObject({
      status: 'DISABLED',
      openOutages: 0,
      outagesDetected: { current: 0, previous: 0 },
    });
  });
});

describe('GET /api/metrics/attention', () => {
  it('counts open tasks by queue, past SLA and locked, and workflow starts that need a person', async () => {
    const body = bodyOf<unknown>(await metrics('attention', inOurStores()));
    expect(body).toMatchObject({
      openTasksByQueue: [
        { queue: 'STORE', open: 3, pastSla: 2, locked: 1 },
        { queue: 'MANAGER', open: 1, pastSla: 0, locked: 0 },
      ],
      tasksCreated: { current: 10, previous: 1 },
      tasksPastSlaCreated: { current: 4, previous: 0 },
      workflowStarts: { failed: 1, retrying: 1, failedCreated: { current: 1, previous: 0 } },
    });
  });
});

describe('scope and validation', () => {
  it('gives store staff their own store and refuses another', async () => {
    const staff = `Bearer ${await api.tokenFor(demoLogin.amsterdamStaff)}`;
    const amsterdam = await api.prisma.store.findUniqueOrThrow({ where: { code: 'AMS-01' } });
    const own = await metrics('attention', period, staff);
    const asAdmin = await metrics('attention', { ...period, storeId: amsterdam.id });
    expect(own.status).toBe(200);
    expect(bodyOf<{ tasksCreated: unknown }>(own).tasksCreated).toEqual(bodyOf<{ tasksCreated: unknown }>(asAdmin).tasksCreated);

    const other = await metrics('orders', { ...period, storeId: world.stores.s1 }, staff);
    expect(other.status).toBe(403);
  });

  it('is 401 without a token', async () => {
    expect((await request(api.app).get('/api/metrics/orders').query(period)).status).toBe(401);
  });

  it.each([
    ['no period', {}, 'from'],
    ['a date without a zone', { from: '2021-03-01T00:00:00', to: period.to }, 'from'],
    ['not a date', { from: 'yesterday', to: period.to }, 'from'],
    ['an end before the start', { from: period.to, to: period.from }, 'to'],
    ['a period longer than a year', { from: '2019-01-01T00:00:00Z', to: '2021-01-01T00:00:00Z' }, 'to'],
    ['a store id that is no UUID', { ...period, storeId: 'AMS-01' }, 'storeId'],
    ['an unknown parameter', { ...period, store: 'x' }, 'query'],
  ])('is 400 for %s', async (_case, query, field) => {
    for (const tile of ['orders', 'pickup-sla', 'stock-drift', 'channel-health', 'attention']) {
      const response = await metrics(tile, query);
      expect(response.status).toBe(400);
      expect(Object.keys(bodyOf<ErrorBody>(response).errors ?? {}).some((key) => key.startsWith(field))).toBe(true);
    }
  });
});
