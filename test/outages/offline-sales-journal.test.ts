import request from 'supertest';
import { createApp } from '../../api/app';
import { createLogger } from '../../api/logger';
import { createTemporalClient } from '../../api/temporal-client';
import { testConfig } from '../api/support/test-app';
import { OutagesWorld, type OutagesUserKey } from './support/outages-world';

interface JournalAnswer {
  created: number;
  unchanged: number;
  conflicts: number;
  errors: number;
  rows: { row: number; receiptNumber: string | null; outcome: string; error?: string }[];
}

/** The offline sales journal over the real app and PostgreSQL: idempotent by receipt, conflicts kept, errors per row. */
describe('offline sales journal', () => {
  const world = new OutagesWorld(10);
  let app: ReturnType<typeof createApp>;
  let temporal: ReturnType<typeof createTemporalClient>;
  let secret: string;
  const as = (key: OutagesUserKey) => world.bearer(key, secret);

  beforeAll(async () => {
    await world.setUp();
    const config = testConfig({ OFFLINE_SALES_BATCH_MAX: '200' });
    secret = config.JWT_SECRET;
    temporal = createTemporalClient(config);
    app = createApp({ prisma: world.prisma, temporal, config, logger: createLogger(config) });
  });
  afterAll(async () => {
    await temporal.close();
    await world.tearDown();
  });

  const sale = (receiptNumber: string, quantity = 1, sku = world.sku(0)) => ({
    receiptNumber,
    soldAt: '2026-12-02T10:00:00+07:00',
    currency: 'IDR',
    lines: [{ sku, quantity, unitPriceMinor: world.unitPriceMinor }],
  });
  const post = (body: unknown, key: OutagesUserKey = 'managerA', storeId = world.storeA) =>
    request(app)
      .post(`/api/stores/${storeId}/offline-sales`)
      .set('Authorization', as(key))
      .send(body as object);
  const importCsv = (csv: string, key: OutagesUserKey = 'managerA') =>
    request(app)
      .post(`/api/stores/${world.storeA}/offline-sales/import?fileName=till.csv`)
      .set('Authorization', as(key))
      .set('content-type', 'text/csv')
      .send(csv);

  it('records one sale, and the same sale again changes nothing', async () => {
    const first = await post(sale('ONE-1', 2));
    expect(first.status).toBe(200);
    expect((first.body as JournalAnswer).created).toBe(1);
    const again = await post(sale('ONE-1', 2));
    expect(again.body).toMatchObject({ created: 0, unchanged: 1, conflicts: 0 });
    const stored = await world.prisma.offlineSale.findFirstOrThrow({
      where: { storeId: world.storeA, receiptNumber: 'ONE-1' },
      include: { lines: true },
    });
    expect(stored.totalMinor).toBe(BigInt(2 * world.unitPriceMinor));
    expect(stored.lines).toHaveLength(1);
  });

  it('keeps a differing re-import as a conflict, never an overwrite, and only once', async () => {
    const answer = await post({ sales: [sale('ONE-1', 3), sale('ONE-1', 3)] });
    expect(answer.body).toMatchObject({ created: 0, conflicts: 2 });
    const stored = await world.prisma.offlineSale.findFirstOrThrow({
      where: { storeId: world.storeA, receiptNumber: 'ONE-1' },
      include: { conflicts: true },
    });
    expect(stored.totalMinor).toBe(BigInt(2 * world.unitPriceMinor));
    expect(stored.conflicts).toHaveLength(1);
  });

  it('reports bad rows of a batch and keeps the good ones', async () => {
    const answer = await post({ sales: [sale('B-1'), { ...sale('B-2'), lines: [] }, sale('B-3', 1, 'NO-SUCH-SKU'), sale('B-4')] });
    expect(answer.status).toBe(200);
    const body = answer.body as JournalAnswer;
    expect(body).toMatchObject({ created: 2, errors: 2 });
    expect(body.rows.filter((r) => r.outcome === 'ERROR').map((r) => [r.row, r.receiptNumber])).toEqual([
      [1, 'B-2'],
      [2, 'B-3'],
    ]);
    expect(body.rows[2]?.error).toContain('unknown SKU NO-SUCH-SKU');
  });

  it('refuses a malformed body with 400, writing nothing', async () => {
    const before = await world.journalCount();
    for (const body of [{ receiptNumber: 'X' }, { sales: 'nope' }, { sales: [] }, [1, 2]]) {
      const answer = await post(body);
      expect(answer.status).toBe(400);
    }
    expect((await post({ sales: Array.from({ length: 201 }, (_, i) => sale(`MANY-${i}`)) })).status).toBe(400);
    expect(await world.journalCount()).toBe(before);
  });

  it("refuses another store's staff", async () => {
    expect((await post(sale('OTHER-1'), 'clerkB')).status).toBe(403);
  });

  it('imports 500 sales from a CSV twice without a duplicate, reporting bad rows and keeping good ones', async () => {
    const header = 'receipt_number,sold_at,currency,sku,quantity,unit_price_minor';
    const rows: string[] = [];
    for (let i = 0; i < 500; i += 1) {
      rows.push(`CSV-${i},2026-12-02T09:00:00+07:00,IDR,${world.sku(i % 10)},1,${world.unitPriceMinor}`);
      if (i % 50 === 0) rows.push(`CSV-${i},2026-12-02T09:00:00+07:00,IDR,${world.sku((i + 1) % 10)},2,${world.unitPriceMinor}`);
    }
    const bad = [
      'BAD-1,2026-12-02T09:00:00+07:00,IDR,NO-SUCH-SKU,1,100',
      'BAD-2,not-a-date,IDR,' + world.sku(0) + ',1,100',
      'BAD-3,2026-12-02T09:00:00+07:00,IDR,' + world.sku(0) + ',zero,100',
      'BAD-4,2026-12-02T09:00:00+07:00',
    ];
    const csv = [header, ...rows, ...bad].join('\n');
    const before = await world.journalCount();
    const first = await importCsv(csv);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ created: 500, unchanged: 0, conflicts: 0, errors: 4 });
    const errorLines = (first.body as JournalAnswer).rows.map((r) => r.row);
    expect(errorLines).toEqual([rows.length + 2, rows.length + 3, rows.length + 4, rows.length + 5]);
    expect(await world.journalCount()).toBe(before + 500);
    const lines = await world.prisma.offlineSaleLine.count({
      where: { offlineSale: { storeId: world.storeA, receiptNumber: { startsWith: 'CSV-' } } },
    });
    expect(lines).toBe(510);

    const second = await importCsv(csv);
    expect(second.body).toMatchObject({ created: 0, unchanged: 500, conflicts: 0, errors: 4 });
    expect(await world.journalCount()).toBe(before + 500);
  });

  it('writes receipts sent at once by two CSV imports and a JSON batch exactly once (the store journal lock)', async () => {
    const header = 'receipt_number,sold_at,currency,sku,quantity,unit_price_minor';
    const receipts = Array.from({ length: 300 }, (_, i) => `RACE-${i}`);
    const csv = [
      header,
      ...receipts.map((r, i) => `${r},2026-12-02T09:00:00+07:00,IDR,${world.sku(i % 10)},1,${world.unitPriceMinor}`),
    ].join('\n');
    // The same content as the CSV's rows (same sold at, SKU, quantity and price): unchanged, not a conflict, when it loses the race.
    const batch = {
      sales: receipts.slice(100, 250).map((r, i) => ({ ...sale(r, 1, world.sku((i + 100) % 10)), soldAt: '2026-12-02T09:00:00+07:00' })),
    };
    const before = await world.journalCount();
    const answers = await Promise.all([importCsv(csv), post(batch), importCsv(csv)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    const bodies = answers.map((a) => a.body as JournalAnswer);
    expect(bodies.reduce((sum, b) => sum + b.created, 0)).toBe(300);
    expect(bodies.map((b) => b.conflicts + b.errors)).toEqual([0, 0, 0]);
    expect(await world.journalCount()).toBe(before + 300);
    const lines = await world.prisma.offlineSaleLine.count({
      where: { offlineSale: { storeId: world.storeA, receiptNumber: { startsWith: 'RACE-' } } },
    });
    expect(lines).toBe(300);
  });

  it('keeps the journal append-only: content and a second stamp are refused, the first stamp is not', async () => {
    const { id } = await world.prisma.offlineSale.findFirstOrThrow({ where: { storeId: world.storeA, receiptNumber: 'RACE-0' } });
    await expect(world.prisma.$executeRaw`UPDATE offline_sales SET total_minor = total_minor + 1 WHERE id = ${id}::uuid`).rejects.toThrow(
      /append-only/,
    );
    await expect(world.prisma.$executeRaw`DELETE FROM offline_sales WHERE id = ${id}::uuid`).rejects.toThrow(/append-only/);
    expect(await world.prisma.$executeRaw`UPDATE offline_sales SET applied_to_stock_at = now() WHERE id = ${id}::uuid`).toBe(1);
    await expect(
      world.prisma.$executeRaw`UPDATE offline_sales SET applied_to_stock_at = now() + interval '1 day' WHERE id = ${id}::uuid`,
    ).rejects.toThrow(/append-only/);
    await expect(world.prisma.$executeRaw`DELETE FROM offline_sale_lines WHERE offline_sale_id = ${id}::uuid`).rejects.toThrow();
  });

  it('refuses an import that is not text/csv', async () => {
    const answer = await request(app)
      .post(`/api/stores/${world.storeA}/offline-sales/import`)
      .set('Authorization', as('opsLead'))
      .send({ a: 1 });
    expect(answer.status).toBe(400);
  });
});
