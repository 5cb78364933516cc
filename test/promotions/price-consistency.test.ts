import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { promoPriceSql } from '../../db/promotions/price-pairs-sql';
import { promoPriceMinor, type PromoDiscount } from '../../domain/promotions/promo-price';
import { Prisma } from '../../prisma/client';
import { bodyOf, demoLogin, startTestApi, type TestApi } from '../api/support/test-app';

/**
 * A known set of SKU x channel pairs, each with the read-backs a real run leaves (stock sync, a promotion
 * push's proof or failure, a "check now"), so the price-consistency share, the per-SKU view and the
 * rollout progress come out as counted by hand here.
 */
let api: TestApi;
let admin: string;
const prefix = `pc${randomUUID().slice(0, 6)}`;
const now = Date.now();
const ago = (minutes: number) => new Date(now - minutes * 60_000);
const ids = { c1: '', c2: '', p: [] as string[], promotion: '' };
const productId = (index: number): string => ids.p[index] ?? '';

beforeAll(async () => {
  api = startTestApi();
  admin = `Bearer ${await api.tokenFor(demoLogin.admin)}`;
  const { prisma } = api;
  const channel = (name: string, requestsPerSecond: number) =>
    prisma.channel.create({
      data: {
        code: `${prefix}-${name}`,
        name: `Consistency ${name}`,
        kind: 'MARKETPLACE',
        baseUrl: 'http://127.0.0.1:9/unused',
        requestsPerSecond,
        burst: requestsPerSecond,
        maxBatchSize: 50,
        webhookSecret: 'unused',
      },
    });
  const c1 = await channel('plain', 10);
  const c2 = await channel('endings', 10);
  await prisma.channelPriceRounding.create({ data: { channelId: c2.id, stepMinor: 100, endingMinor: 99 } });
  ids.c1 = c1.id;
  ids.c2 = c2.id;
  for (let index = 1; index <= 4; index += 1) {
    const product = await prisma.product.create({
      data: {
        sku: `${prefix}-SKU-${index}`,
        name: `Consistency product ${index}`,
        description: 'test',
        category: `${prefix}-cat`,
        basePriceMinor: 10_000,
        floorPriceMinor: 5000,
        currency: 'EUR',
      },
    });
    ids.p.push(product.id);
    for (const channelId of [c1.id, c2.id])
      await prisma.channelListing.create({ data: { channelId, productId: product.id, currency: 'EUR' } });
  }
  const lead = await prisma.user.findUniqueOrThrow({ where: { email: demoLogin.opsLead } });
  const promotion = await prisma.promotion.create({
    data: {
      name: `${prefix} 15% off`,
      discountType: 'PERCENT',
      discountValue: 15,
      currency: 'EUR',
      startsAt: ago(60),
      endsAt: ago(-60),
      status: 'ACTIVE',
      requestedByUserId: lead.id,
      skus: { create: [{ productId: productId(0) }, { productId: productId(1) }] },
      channels: { create: [{ channelId: c1.id }, { channelId: c2.id }] },
    },
  });
  ids.promotion = promotion.id;
  const [p1, p2, p3, p4] = [productId(0), productId(1), productId(2), productId(3)];
  const change = (
    channelId: string,
    code: string,
    productId: string,
    index: number,
    status: 'APPLIED' | 'FAILED',
    newPriceMinor: number,
    at: Date,
  ) =>
    prisma.priceChange.create({
      data: {
        promotionId: promotion.id,
        channelId,
        productId,
        oldPriceMinor: 10_000,
        newPriceMinor,
        currency: 'EUR',
        status,
        appliedAt: status === 'APPLIED' ? at : null,
        idempotencyKey: `price:${promotion.id}:${code}:${prefix}-SKU-${index}`,
        createdAt: at,
        updatedAt: at,
      },
    });
  const verified = (channelId: string, productId: string, price: number, at: Date) =>
    prisma.channelListing.update({
      where: { channelId_productId: { channelId, productId } },
      data: { verifiedPriceMinor: price, lastVerifiedAt: at },
    });
  const checked = (channelId: string, productId: string, price: number | null, at: Date) =>
    prisma.priceReadback.create({
      data: { channelId, productId, listed: price !== null, priceMinor: price, currency: 'EUR', checkedAt: at },
    });

  // plain (no rounding): promo 8500 for SKU 1-2, base 10000 for SKU 3-4.
  await verified(c1.id, p1, 10_000, ago(120)); // before the promotion: superseded by the push's proof
  await change(c1.id, c1.code, p1, 1, 'APPLIED', 8500, ago(30)); // consistent
  await change(c1.id, c1.code, p2, 2, 'FAILED', 8500, ago(20)); // differs
  await verified(c1.id, p3, 10_000, ago(10)); // consistent
  // p4 on plain: never read back
  // endings (.99): promo 8499 for SKU 1-2.
  await change(c2.id, c2.code, p1, 1, 'APPLIED', 8499, ago(30));
  await checked(c2.id, p1, 9000, ago(1)); // a newer check now differs
  await verified(c2.id, p2, 8499, ago(5)); // consistent
  await verified(c2.id, p3, 9999, ago(180)); // differs
  await checked(c2.id, p4, null, ago(2)); // not listed: differs

  await prisma.promotionPriceSnapshot.createMany({
    data: [p1, p2].map((productId) => ({
      promotionId: promotion.id,
      channelId: c1.id,
      productId,
      priceMinor: 10_000,
      currency: 'EUR',
      takenAt: ago(32),
    })),
  });
  await prisma.priceChangeBatch.createMany({
    data: [
      {
        idempotencyKey: `price:${promotion.id}:${c1.code}:1`,
        promotionId: promotion.id,
        channelId: c1.id,
        batch: 1,
        rows: 2,
        succeeded: 2,
        failed: 0,
        createdAt: ago(31),
      },
      {
        idempotencyKey: `price:${promotion.id}:${c2.code}:1`,
        promotionId: promotion.id,
        channelId: c2.id,
        batch: 1,
        rows: 2,
        succeeded: 2,
        failed: 0,
        createdAt: ago(31),
      },
    ],
  });
});

afterAll(async () => {
  await api.close();
});

const tile = (query: Record<string, string | string[]>) =>
  request(api.app).get('/api/metrics/price-consistency').query(query).set('Authorization', admin);

describe('GET /api/metrics/price-consistency', () => {
  it('gives the exact share of SKU x channel at the expected price by their latest read-back', async () => {
    const response = await tile({ from: ago(15).toISOString(), to: ago(-1).toISOString(), channelId: [ids.c1, ids.c2] });
    expect(response.status).toBe(200);
    const body = bodyOf<{
      total: Record<string, number | null>;
      byChannel: { channelId: string; figures: Record<string, number | null> }[];
      differing: { sku: string; channelCode: string; expectedPriceMinor: number; shownPriceMinor: number | null; checkSource: string }[];
    }>(response);
    expect(body.total).toEqual({
      pairs: 8,
      checked: 7,
      consistent: 3,
      differing: 4,
      unchecked: 1,
      consistentShare: 3 / 7,
      checkedInPeriod: 4,
    });
    const byChannel = new Map(body.byChannel.map((row) => [row.channelId, row.figures]));
    expect(byChannel.get(ids.c1)).toEqual({
      pairs: 4,
      checked: 3,
      consistent: 2,
      differing: 1,
      unchecked: 1,
      consistentShare: 2 / 3,
      checkedInPeriod: 1,
    });
    expect(byChannel.get(ids.c2)).toEqual({
      pairs: 4,
      checked: 4,
      consistent: 1,
      differing: 3,
      unchecked: 0,
      consistentShare: 1 / 4,
      checkedInPeriod: 3,
    });
    expect(
      body.differing.map(
        (row) => `${row.channelCode.slice(prefix.length + 1)} ${row.sku.slice(-1)} ${row.expectedPriceMinor} ${row.shownPriceMinor}`,
      ),
    ).toEqual(['endings 1 8499 9000', 'endings 4 10000 null', 'plain 2 8500 null', 'endings 3 10000 9999']);
    expect(body.differing[0]?.checkSource).toBe('CHECK_NOW');
  });

  it('refuses a period that ends before it starts and unknown parameters, naming the field', async () => {
    const backwards = await tile({ from: ago(0).toISOString(), to: ago(10).toISOString() });
    expect(backwards.status).toBe(400);
    expect(bodyOf<{ errors: Record<string, string> }>(backwards).errors).toHaveProperty('to');
    const unknown = await tile({ from: ago(10).toISOString(), to: ago(0).toISOString(), channel: 'web' });
    expect(unknown.status).toBe(400);
  });
});

describe('GET /api/price-consistency/:id', () => {
  it('lists every channel of a SKU with the expected price, what its latest read-back showed, when and from where', async () => {
    const response = await request(api.app)
      .get(`/api/price-consistency/${productId(0)}`)
      .set('Authorization', admin);
    expect(response.status).toBe(200);
    const body = bodyOf<{ sku: string; channels: Record<string, unknown>[] }>(response);
    expect(body.sku).toBe(`${prefix}-SKU-1`);
    expect(body.channels).toEqual([
      expect.objectContaining({
        channelCode: `${prefix}-endings`,
        expectedPriceMinor: 8499,
        expectedSource: 'PROMOTION',
        promotionId: ids.promotion,
        shownPriceMinor: 9000,
        checkSource: 'CHECK_NOW',
        checkedAt: ago(1).toISOString(),
        consistent: false,
      }),
      expect.objectContaining({
        channelCode: `${prefix}-plain`,
        expectedPriceMinor: 8500,
        shownPriceMinor: 8500,
        checkSource: 'PROMOTION_PUSH',
        checkedAt: ago(30).toISOString(),
        consistent: true,
      }),
    ]);
    const list = await request(api.app)
      .get('/api/price-consistency')
      .query({ filter: JSON.stringify({ q: `${prefix}-SKU` }), sort: JSON.stringify(['sku', 'ASC']), range: '[0,9]' })
      .set('Authorization', admin);
    expect(list.status).toBe(200);
    expect(list.headers['content-range']).toBe('price-consistency 0-3/4');
    expect(
      bodyOf<Record<string, unknown>[]>(list).map(({ channelCount, checked, consistent, differing }) => [
        channelCount,
        checked,
        consistent,
        differing,
      ]),
    ).toEqual([
      [2, 2, 1, 1],
      [2, 2, 1, 1],
      [2, 2, 1, 1],
      [2, 1, 0, 1],
    ]);
  });

  it('is a 404 for an unknown product', async () => {
    const response = await request(api.app).get(`/api/price-consistency/${randomUUID()}`).set('Authorization', admin);
    expect(response.status).toBe(404);
  });
});

describe('GET /api/promotions/:id/progress', () => {
  it('counts pushed, verified and failed per channel and estimates the finish from the pace and the rate limit', async () => {
    const response = await request(api.app).get(`/api/promotions/${ids.promotion}/progress`).set('Authorization', admin);
    expect(response.status).toBe(200);
    const body = bodyOf<{
      phase: string;
      checkedAt: string;
      channels: { channelId: string; total: number; apply: Record<string, unknown> }[];
    }>(response);
    expect(body.phase).toBe('APPLY');
    const [endings, plain] = body.channels;
    expect(plain).toMatchObject({ channelId: ids.c1, total: 2 });
    expect(plain?.apply).toEqual({
      pushed: 2,
      verified: 1,
      failed: 1,
      startedAt: ago(32).toISOString(),
      lastOutcomeAt: ago(20).toISOString(),
      ratePerSecond: 2 / (12 * 60),
      limitBoundSeconds: 0,
      estimatedFinishAt: null,
    });
    expect(endings?.apply).toMatchObject({ pushed: 2, verified: 1, failed: 0, ratePerSecond: 1 / 60 });
    // One SKU left at one a minute; the rate limit alone (1 write + 2 read-backs at 10/s) would allow 0.3 s.
    expect(endings?.apply.limitBoundSeconds).toBeCloseTo(0.3, 10);
    expect(new Date(endings?.apply.estimatedFinishAt as string).getTime() - new Date(body.checkedAt).getTime()).toBe(60_000);
  });

  it('is a 404 for an unknown promotion', async () => {
    const response = await request(api.app).get(`/api/promotions/${randomUUID()}/progress`).set('Authorization', admin);
    expect(response.status).toBe(404);
  });
});

describe('promo prices in SQL', () => {
  it('equal the domain rule for percent, amount off and fixed price with every kind of ending', async () => {
    const cases: { base: number; discount: PromoDiscount; step: number; ending: number }[] = [];
    for (const base of [1, 99, 100, 1999, 10_000, 123_457, 15_000_000])
      for (const discount of [
        { type: 'PERCENT', value: 1 },
        { type: 'PERCENT', value: 33 },
        { type: 'PERCENT', value: 99 },
        { type: 'FIXED', value: 150 },
        { type: 'FIXED_PRICE', value: 4321 },
      ] as PromoDiscount[])
        for (const [step, ending] of [
          [1, 0],
          [100, 0],
          [100, 99],
          [1000, 500],
        ] as const)
          cases.push({ base, discount, step, ending });
    const rows = await api.prisma.$queryRaw<{ price: bigint }[]>`
      SELECT ${promoPriceSql(Prisma.sql`v.base`, Prisma.sql`v.type`, Prisma.sql`v.value`, Prisma.sql`v.step`, Prisma.sql`v.ending`)} AS price
      FROM unnest(${cases.map((c) => c.base)}::int[], ${cases.map((c) => c.discount.type)}::text[], ${cases.map((c) => c.discount.value)}::int[],
                  ${cases.map((c) => c.step)}::int[], ${cases.map((c) => c.ending)}::int[]) WITH ORDINALITY AS v(base, type, value, step, ending, n)
      ORDER BY v.n`;
    expect(rows.map((row) => Number(row.price))).toEqual(
      cases.map((c) => promoPriceMinor(c.base, c.discount, { stepMinor: c.step, endingMinor: c.ending })),
    );
  });
});
