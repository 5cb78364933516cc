import { openScopeOf } from '../../domain/outages/outage-detection';
import { randomUUID } from 'node:crypto';
import { type OrderStatus, type PrismaClient, type TaskQueue, type TaskStatus, type TaskType } from '../../prisma/client';

/**
 * A known set of orders, tasks, returns, discrepancies, listings and outages in March 2021, on stores,
 * channels and products of its own (channels not ACTIVE, so stock sync never touches them), for the
 * dashboard figures computed by hand in dashboard-metrics.test.ts. Nothing else in the test database is
 * dated 2021, so store-filtered figures see exactly these rows.
 */
export const period = { from: '2021-03-01T00:00:00.000Z', to: '2021-03-11T00:00:00.000Z' };
export const at = (iso: string) => new Date(iso);
const minutes = (date: Date, count: number) => new Date(date.getTime() + count * 60_000);
const seconds = (date: Date, count: number) => new Date(date.getTime() + count * 1000);

export interface MetricsWorld {
  stores: { s1: string; s2: string; s3: string };
  channels: { marketplace: string; web: string; chat: string };
  channelCodes: { marketplace: string; web: string; chat: string };
}

export async function seedMetricsWorld(prisma: PrismaClient): Promise<MetricsWorld> {
  const suffix = randomUUID().slice(0, 8).toUpperCase();
  const store = (code: string) =>
    prisma.store.create({
      data: {
        code: `TST-DASH-${code}-${suffix}`,
        name: `Dashboard ${code}`,
        city: 'Jakarta',
        address: 'Jl. Uji 1',
        timeZone: 'Asia/Jakarta',
        currency: 'EUR',
        active: false,
      },
    });
  const channel = (
    code: string,
    kind: 'MARKETPLACE' | 'WEB_STORE' | 'SOCIAL_CATALOG',
    status: 'DEGRADED' | 'OUTAGE' | 'DISABLED',
    lastHealthyAt: Date | null,
  ) =>
    prisma.channel.create({
      data: {
        code: `dash-${code}-${suffix.toLowerCase()}`,
        name: `Dashboard ${code}`,
        kind,
        status,
        lastHealthyAt,
        baseUrl: 'http://127.0.0.1:1/dashboard-test',
        requestsPerSecond: 5,
        burst: 10,
        maxBatchSize: 50,
        webhookSecret: 'dashboard-test-secret',
      },
    });
  const product = (code: string, priceMinor: number) =>
    prisma.product.create({
      data: {
        sku: `TST-DASH-${code}-${suffix}`,
        name: `Dashboard ${code}`,
        description: 'dashboard test',
        category: 'test',
        basePriceMinor: priceMinor,
        floorPriceMinor: 1,
        currency: 'EUR',
        active: false,
      },
    });

  const [s1, s2, s3] = await Promise.all([store('S1'), store('S2'), store('S3')]);
  const [marketplace, web, chat] = await Promise.all([
    channel('mkt', 'MARKETPLACE', 'DEGRADED', at('2021-03-09T10:00:00.000Z')),
    channel('web', 'WEB_STORE', 'OUTAGE', null),
    channel('chat', 'SOCIAL_CATALOG', 'DISABLED', null),
  ]);
  const [p1, p2] = await Promise.all([product('P1', 1000), product('P2', 250)]);

  let orderNumber = 0;
  const order = async (channelId: string, storeId: string, status: OrderStatus, placedAt: Date, secondsToReady: number | null) => {
    orderNumber += 1;
    const created = await prisma.order.create({
      data: {
        channelId,
        externalId: `dash-${suffix}-${orderNumber}`,
        fulfilmentType: 'PICKUP',
        pickupStoreId: storeId,
        status,
        currency: 'EUR',
        totalMinor: 1000n,
        placedAt,
        readyForPickupAt: secondsToReady === null ? null : seconds(placedAt, secondsToReady),
      },
    });
    return created.id;
  };
  const aReturn = (orderId: string, status: 'APPROVED' | 'REJECTED' | 'RECEIVED' | 'CLOSED' | 'CANCELLED') =>
    prisma.return.create({ data: { orderId, status, reason: 'Ukuran tidak cocok', requestedByLabel: 'dashboard test' } });

  // Current period: marketplace 4 at S1 (2 cancelled, 1 returned), web 2 at S2 (1 expired, 1 with a rejected return).
  const o1 = await order(marketplace.id, s1.id, 'COLLECTED', at(period.from), 1800);
  const o2 = await order(marketplace.id, s1.id, 'CANCELLED', at('2021-03-02T09:00:00.000Z'), null);
  await order(marketplace.id, s1.id, 'CANCELLED', at('2021-03-03T09:00:00.000Z'), null);
  const o4 = await order(marketplace.id, s1.id, 'COLLECTED', at('2021-03-04T09:00:00.000Z'), 5400);
  const o5 = await order(web.id, s2.id, 'COLLECTED', at('2021-03-05T09:00:00.000Z'), 600);
  await order(web.id, s2.id, 'EXPIRED', at('2021-03-06T09:00:00.000Z'), 1200);
  // The end of the period is exclusive.
  await order(marketplace.id, s1.id, 'CANCELLED', at(period.to), 60);
  // Previous period: marketplace 2 at S1 (1 cancelled), chat 1 at S2 (returned).
  await order(marketplace.id, s1.id, 'CANCELLED', at('2021-02-20T09:00:00.000Z'), null);
  await order(marketplace.id, s1.id, 'COLLECTED', at('2021-02-21T09:00:00.000Z'), 1000);
  const previousChat = await order(chat.id, s2.id, 'COLLECTED', at('2021-02-22T09:00:00.000Z'), 2000);
  // S3 has an order and never a return.
  await order(web.id, s3.id, 'COLLECTED', at('2021-03-02T09:00:00.000Z'), 300);
  // o4 comes back twice (still one returned order); o1's return was cancelled (the customer kept it: no return).
  await Promise.all([
    aReturn(o4, 'APPROVED'),
    aReturn(o4, 'CLOSED'),
    aReturn(o1, 'CANCELLED'),
    aReturn(o5, 'REJECTED'),
    aReturn(previousChat, 'RECEIVED'),
  ]);

  let taskNumber = 0;
  const task = (
    storeId: string,
    type: TaskType,
    queue: TaskQueue,
    status: TaskStatus,
    createdAt: Date,
    dueAt: Date | null,
    completedAt: Date | null,
  ) => {
    taskNumber += 1;
    return prisma.task.create({
      data: {
        type,
        queue,
        status,
        title: `Dashboard task ${taskNumber}`,
        storeId,
        workflowId: `dash-test:${suffix}`,
        idempotencyKey: `dash:${suffix}:${taskNumber}`,
        createdAt,
        dueAt,
        completedAt,
      },
    });
  };
  const due = at('2021-03-02T12:00:00.000Z');
  await Promise.all([
    task(s1.id, 'PICK', 'STORE', 'DONE', at('2021-03-02T10:00:00.000Z'), due, minutes(due, -10)), // t1 on time
    task(s1.id, 'PICK', 'STORE', 'DONE', at('2021-03-02T10:00:00.000Z'), due, minutes(due, 5)), // t2 late
    task(s1.id, 'PICK', 'STORE', 'OPEN', at('2021-03-02T10:00:00.000Z'), due, null), // t3 open past due
    task(s1.id, 'PICK', 'STORE', 'CANCELLED', at('2021-03-02T10:00:00.000Z'), due, null), // t4 left out
    task(s1.id, 'PICK', 'STORE', 'OPEN', at('2021-03-02T10:00:00.000Z'), at('2099-01-01T00:00:00.000Z'), null), // t5 still within SLA
    task(s2.id, 'PICK', 'STORE', 'DONE', at('2021-03-03T10:00:00.000Z'), due, minutes(due, -1)), // t6 on time
    task(s2.id, 'PICK', 'STORE', 'DONE', at('2021-03-03T10:00:00.000Z'), due, due), // t7 exactly at due: within
    task(s1.id, 'PICK', 'STORE', 'DONE', at('2021-02-25T10:00:00.000Z'), due, minutes(due, -30)), // t8 previous period
    task(s2.id, 'HANDOVER', 'STORE', 'LOCKED', at('2021-03-04T10:00:00.000Z'), due, null), // t9 locked past due
    task(s1.id, 'ESCALATION', 'MANAGER', 'OPEN', at('2021-03-04T10:00:00.000Z'), null, null), // t10 no due time
    task(s1.id, 'HANDOVER', 'STORE', 'DONE', at('2021-03-04T10:00:00.000Z'), due, minutes(due, 60)), // t11 done late, not a PICK
  ]);

  const reconciliation = await prisma.reconciliation.create({
    data: { status: 'AWAITING_REVIEW', startedAt: at('2021-03-02T00:00:00.000Z') },
  });
  const discrepancy = (storeId: string | null, channelId: string | null, productId: string, delta: number, createdAt: Date) =>
    prisma.discrepancy.create({ data: { reconciliationId: reconciliation.id, storeId, channelId, productId, delta, createdAt } });
  await Promise.all([
    discrepancy(s1.id, null, p1.id, -3, at('2021-03-02T08:00:00.000Z')),
    discrepancy(s1.id, null, p2.id, 4, at('2021-03-02T20:00:00.000Z')),
    discrepancy(s2.id, null, p1.id, -1, at('2021-03-04T08:00:00.000Z')),
    discrepancy(null, marketplace.id, p2.id, 2, at('2021-03-05T08:00:00.000Z')),
    discrepancy(s1.id, null, p1.id, 5, at('2021-02-25T08:00:00.000Z')),
  ]);

  const listing = (channelId: string, productId: string, publishedStock: number, verifiedStock: number | null, drifting: boolean) =>
    prisma.channelListing.create({
      data: {
        channelId,
        productId,
        currency: 'EUR',
        publishedStock,
        verifiedStock,
        driftDetectedAt: drifting ? at('2021-03-05T08:00:00.000Z') : null,
      },
    });
  await Promise.all([
    listing(marketplace.id, p1.id, 10, 7, true),
    listing(marketplace.id, p2.id, 5, 5, false),
    listing(web.id, p2.id, 0, 4, true),
    listing(chat.id, p1.id, 2, null, true),
  ]);

  await prisma.outage.createMany({
    data: [
      {
        channelId: marketplace.id,
        status: 'ACTIVE',
        cause: 'timeouts',
        detectedAt: at('2021-03-08T08:00:00.000Z'),
        openScope: openScopeOf({ kind: 'CHANNEL', channelId: marketplace.id }),
      },
      {
        channelId: marketplace.id,
        status: 'RESOLVED',
        cause: 'maintenance',
        detectedAt: at('2021-02-26T08:00:00.000Z'),
        resolvedAt: at('2021-02-26T09:00:00.000Z'),
      },
      {
        channelId: web.id,
        status: 'RECOVERING',
        cause: 'bad deploy',
        detectedAt: at('2020-12-01T08:00:00.000Z'),
        openScope: openScopeOf({ kind: 'CHANNEL', channelId: web.id }),
      },
    ],
  });

  const start = (orderId: string, status: 'FAILED' | 'PENDING' | 'STARTED', attempts: number) =>
    prisma.workflowStart.create({
      data: {
        workflowId: `dash-test:${suffix}:${orderId}`,
        workflowType: 'dashboardTestNeverStarted',
        taskQueue: 'dashboard-test',
        input: {},
        status,
        attempts,
        // Far in the future: the test stack's relay must never pick these up.
        nextAttemptAt: status === 'PENDING' ? at('2099-01-01T00:00:00.000Z') : null,
        lastError: status === 'FAILED' ? 'refused for good (test)' : null,
        startedAt: status === 'STARTED' ? at('2021-03-01T00:00:01.000Z') : null,
        orderId,
        createdAt: at('2021-03-03T00:00:00.000Z'),
      },
    });
  await Promise.all([start(o2, 'FAILED', 3), start(o5, 'PENDING', 2), start(o1, 'STARTED', 1)]);

  return {
    stores: { s1: s1.id, s2: s2.id, s3: s3.id },
    channels: { marketplace: marketplace.id, web: web.id, chat: chat.id },
    channelCodes: { marketplace: marketplace.code, web: web.code, chat: chat.code },
  };
}
