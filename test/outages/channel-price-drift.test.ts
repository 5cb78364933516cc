import { MockActivityEnvironment } from '@temporalio/testing';
import request from 'supertest';
import { createApplyOutagePriceCorrections } from '../../activities/outages/apply-outage-price-corrections';
import { createDiffOutagePrices, type OutagePricePage } from '../../activities/outages/diff-outage-prices';
import { outageTimelineQuery } from '../../domain/outages/outage-messages';
import { eventually } from '../support/eventually';
import { saveHistoryIfRecording } from '../support/histories';
import { StockSyncWorld } from '../stock-sync/support/stock-sync-world';
import { type OutageApp, startOutageApp } from './support/outage-app';

interface OutageBody {
  id: string;
  status: string;
  workflowId: string | null;
  report: Record<string, { count: number; valueMinor: number }> | null;
}

interface Row {
  id: string;
  reconciliationId: string;
  class: string;
  channelCode: string | null;
  sku: string;
  status: string;
  priceInSystemMinor: number | null;
  priceOnChannelMinor: number | null;
  valueMinor: number;
  currency: string;
}

const BASE = 1000;
const TOLERANCE = 50;

/**
 * A marketplace's prices changed by hand while it was down (sandbox over HTTP, a direct write through the
 * channel's own API once it answers again), found by the outage run's price read-back: a small change is
 * re-pushed and read back by itself, a large one waits for review (approved: pushed and verified; rejected:
 * left as the channel shows it), a SKU at its price makes no row. Paged two SKUs at a time. Then a retried
 * activity (its first attempt pushed and died before recording it) pushes nothing again.
 */
describe('price drift after a channel outage', () => {
  const world = new StockSyncWorld();
  const products = ['small', 'approve', 'reject', 'right'];
  const runIds: string[] = [];
  let outage: OutageApp | undefined;
  let worker: OutageApp['worker'];
  let app: OutageApp['app'];
  let bearer = '';
  const code = () => world.channelCode('pd');
  const pushByHand = async (prices: Record<string, number>, key: string) => {
    const adapter = await world.channels.adapterFor(code());
    const rows = Object.entries(prices).map(([name, price]) => ({ sku: world.sku(name), price, currency: 'EUR' }));
    const result = await adapter.pushPrices({ rows, idempotencyKey: key });
    expect(result.failed).toBe(0);
  };
  const shown = async (name: string) => (await world.channelListings('pd')).get(world.sku(name))?.price;
  const rowsOf = async (outageId: string) => {
    const res = await request(app)
      .get('/api/discrepancies')
      .query({ filter: JSON.stringify({ outageId, class: 'PRICE_DRIFT' }), range: '[0,49]' })
      .set('Authorization', bearer);
    expect(res.status).toBe(200);
    return res.body as Row[];
  };
  const outageWrites = async (outageId: string) =>
    (await world.sandboxLog('pd', 'idempotent_write')).filter((e) => String(e.detail.key).startsWith(`price:outage:${outageId}:`));

  beforeAll(async () => {
    await world.setUp(
      [{ name: 'pd', maxBatchSize: 50, safetyBuffer: 0, closeListingAtOrBelow: 0 }],
      products.map((name) => ({ name, stock: { first: [5, 0] } })),
      { faultSeed: 7 },
    );
    outage = await startOutageApp(world, {
      OUTAGE_HEALTH_CHECK_INTERVAL_MS: '1000',
      OUTAGE_RECOVERY_PROBES: '2',
      OUTAGE_PUBLISH_READBACK_DELAY_MS: '0',
      OUTAGE_PRICE_TOLERANCE_MINOR: String(TOLERANCE),
      OUTAGE_PRICE_PAGE_SIZE: '2',
      RECONCILIATION_FOUR_EYES_ABOVE_MINOR: '100000',
    });
    ({ worker, app, bearer } = outage);
  });
  afterAll(async () => {
    await outage?.stop();
    await world.tearDown(runIds);
  });

  it('re-pushes a small drift, reviews a large one, and pushes only what was approved', async () => {
    await pushByHand(Object.fromEntries(products.map((name) => [name, BASE])), `test-seed-${world.prefix}`);
    const channel = await world.prisma.channel.findUniqueOrThrow({ where: { code: code() } });
    await world.setFaults('pd', { outage: '503' });
    const declared = await request(app)
      .post('/api/outages')
      .set('Authorization', bearer)
      .send({ kind: 'CHANNEL', channelId: channel.id, cause: 'marketplace answers 503' });
    expect(declared.status).toBe(201);
    const outage = (declared.body as { outage: OutageBody }).outage;
    runIds.push(`outage-publish:${outage.id}`);
    await eventually(
      () => world.prisma.channel.findUniqueOrThrow({ where: { code: code() } }),
      (c) => c.status === 'OUTAGE',
    );

    // The seller edits prices in the marketplace's own back office as soon as it is up, before our run
    // has seen two healthy probes (a second apart).
    await world.setFaults('pd', { outage: null });
    await pushByHand({ small: BASE + 30, approve: BASE - 300, reject: BASE + 500 }, `test-by-hand-${world.prefix}`);

    const review = await eventually(
      () => rowsOf(outage.id),
      (rows) => rows.filter((r) => r.status === 'PENDING').length === 2 && rows.some((r) => r.status === 'AUTO_FIXED'),
      30_000,
    );
    const bySku = new Map(review.map((r) => [r.sku, r]));
    expect(review).toHaveLength(3);
    expect(bySku.has(world.sku('right'))).toBe(false);
    expect(bySku.get(world.sku('small'))).toMatchObject({
      status: 'AUTO_FIXED',
      channelCode: code(),
      priceInSystemMinor: BASE,
      priceOnChannelMinor: BASE + 30,
      valueMinor: 30,
      currency: 'EUR',
    });
    expect(bySku.get(world.sku('approve'))).toMatchObject({
      status: 'PENDING',
      priceInSystemMinor: BASE,
      priceOnChannelMinor: 700,
      valueMinor: 300,
    });
    expect(bySku.get(world.sku('reject'))).toMatchObject({
      status: 'PENDING',
      priceInSystemMinor: BASE,
      priceOnChannelMinor: 1500,
      valueMinor: 500,
    });
    expect(await shown('small')).toBe(BASE);
    expect(await shown('approve')).toBe(700);

    const approveRow = bySku.get(world.sku('approve'));
    const rejectRow = bySku.get(world.sku('reject'));
    if (approveRow === undefined || rejectRow === undefined) throw new Error('rows missing');
    // A price drift is approved as it is: an edited correction is refused and nothing is written.
    const edited = await request(app)
      .post(`/api/discrepancies/${approveRow.id}/decision`)
      .set('Authorization', bearer)
      .send({ decision: 'APPROVE', correctedDelta: 1 });
    expect(edited.status).toBe(400);
    const malformed = await request(app)
      .post(`/api/discrepancies/${approveRow.id}/decision`)
      .set('Authorization', bearer)
      .send({ decision: 'APPROVE_PRICE' });
    expect(malformed.status).toBe(400);
    expect((await world.prisma.discrepancy.findUniqueOrThrow({ where: { id: approveRow.id } })).resolution).toBe('PENDING');

    const approved = await request(app)
      .post(`/api/discrepancies/${approveRow.id}/decision`)
      .set('Authorization', bearer)
      .send({ decision: 'APPROVE' });
    expect(approved.status).toBe(200);
    const rejected = await request(app)
      .post(`/api/discrepancies/${rejectRow.id}/decision`)
      .set('Authorization', bearer)
      .send({ decision: 'REJECT', reason: 'the seller raised it on purpose' });
    expect(rejected.status).toBe(200);

    const closed = await eventually(
      async () => (await request(app).get(`/api/outages/${outage.id}`).set('Authorization', bearer)).body as OutageBody,
      (o) => o.status === 'RESOLVED',
      30_000,
    );
    expect(closed.status).toBe('RESOLVED');
    expect(closed.report?.PRICE_DRIFT).toEqual({ count: 3, valueMinor: 30 + 300 + 500 });
    const statuses = new Map((await rowsOf(outage.id)).map((r) => [r.sku, r.status]));
    expect(Object.fromEntries(statuses)).toEqual({
      [world.sku('small')]: 'AUTO_FIXED',
      [world.sku('approve')]: 'APPLIED',
      [world.sku('reject')]: 'REJECTED',
    });
    expect(await shown('small')).toBe(BASE);
    expect(await shown('approve')).toBe(BASE);
    expect(await shown('reject')).toBe(BASE + 500);
    expect(await shown('right')).toBe(BASE);

    // One write per key: the small drift's page and the approved correction, one row each.
    const writes = await outageWrites(outage.id);
    expect(writes.map((e) => e.detail.rows)).toEqual([1, 1]);
    expect(new Set(writes.map((e) => e.detail.key)).size).toBe(2);
    expect(String(writes[1]?.detail.key)).toBe(`price:outage:${outage.id}:${code()}:approved-1`);

    const handle = worker.client.workflow.getHandle(outage.workflowId ?? '');
    const timeline = await handle.query(outageTimelineQuery);
    expect(timeline.entries.find((e) => e.step === 'PRICE_DRIFT')?.outcome).toBe(
      `4 prices read back on ${code()}: 3 differ, 1 re-pushed and verified, 2 to review (0 four-eyes)`,
    );
    expect(timeline.entries.filter((e) => e.step === 'PRICE_DRIFT').map((e) => e.outcome)).toContain(
      '1 approved prices pushed and read back',
    );
    const result = (await handle.result()) as {
      corrections?: { priceDrifts?: number; pricesAutoFixed?: number; priceCorrections?: number };
    };
    expect(result.corrections).toMatchObject({ priceDrifts: 3, pricesAutoFixed: 1, priceCorrections: 1 });
    await saveHistoryIfRecording(handle, 'outage-channel-price-drift');

    // Retried attempts whose first attempt pushed and died before recording it: read back, nothing sent again.
    await world.prisma.discrepancy.update({ where: { id: approveRow.id }, data: { resolution: 'APPROVED', appliedAt: null } });
    const smallId = review.find((r) => r.sku === world.sku('small'))?.id ?? '';
    await world.prisma.discrepancy.update({ where: { id: smallId }, data: { resolution: 'PENDING' } });
    const retry = new MockActivityEnvironment({ attempt: 2 });
    const deps = { prisma: world.prisma, channels: world.channels };
    const base = {
      outageId: outage.id,
      reconciliationId: approveRow.reconciliationId,
      workflowId: outage.workflowId ?? '',
      readBackDelayMs: 0,
    };
    const reapplied = await retry.run(createApplyOutagePriceCorrections(deps), {
      ...base,
      pageNumber: 1,
      afterDiscrepancyId: null,
      pageSize: 2,
    });
    expect(reapplied).toMatchObject({ applied: 1, unverified: 0 });
    let after: string | null = null;
    let drifts = 0;
    for (let pageNumber = 1; ; pageNumber += 1) {
      const page: OutagePricePage = await retry.run(createDiffOutagePrices(deps), {
        ...base,
        pageNumber,
        afterProductId: after,
        pageSize: 2,
        toleranceMinor: TOLERANCE,
        fourEyesAboveMinor: 100000,
      });
      drifts += page.drifts;
      if (!page.hasMore) break;
      after = page.lastProductId;
    }
    expect(drifts).toBe(3);
    expect(await world.prisma.discrepancy.count({ where: { reconciliationId: approveRow.reconciliationId, class: 'PRICE_DRIFT' } })).toBe(
      3,
    );
    expect((await world.prisma.discrepancy.findUniqueOrThrow({ where: { id: approveRow.id } })).resolution).toBe('APPLIED');
    expect((await world.prisma.discrepancy.findUniqueOrThrow({ where: { id: smallId } })).resolution).toBe('AUTO_FIXED');
    expect(await outageWrites(outage.id)).toHaveLength(2);
  });
});
