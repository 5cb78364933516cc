import request from 'supertest';
import { createAdjustStock } from '../../activities/inventory/adjust-stock';
import { createTestProduct, createTestStore, stockRequest } from '../inventory/inventory-test-kit';
import { bodyOf, demoLogin, type ErrorBody, startTestApi, testConfig, type TestApi } from './support/test-app';

let api: TestApi;
let authorization: string;

const list = (resource: string, query: Record<string, string>) =>
  request(api.app).get(`/api/${resource}`).query(query).set('Authorization', authorization);

beforeAll(async () => {
  api = startTestApi();
  authorization = `Bearer ${await api.tokenFor(demoLogin.admin)}`;
});

afterAll(async () => {
  await api.close();
});

describe('react-admin list protocol', () => {
  it('returns the requested range, sorted, with Content-Range giving the total', async () => {
    // One seeded category: other suites add and delete products of their own while this one runs.
    const category = 'Apparel';
    const total = await api.prisma.product.count({ where: { category } });
    const response = await list('products', { filter: JSON.stringify({ category }), sort: '["sku","DESC"]', range: '[5,9]' });

    expect(response.status).toBe(200);
    expect(response.headers['content-range']).toBe(`products 5-9/${total}`);
    expect(response.headers['access-control-expose-headers']).toContain('Content-Range');
    const expected = await api.prisma.product.findMany({
      where: { category },
      orderBy: { sku: 'desc' },
      skip: 5,
      take: 5,
      select: { sku: true },
    });
    expect((response.body as { sku: string }[]).map((product) => product.sku)).toEqual(expected.map((product) => product.sku));
  });

  it('filters, and counts only what matches', async () => {
    // Other suites create channels of their own while this one runs: bound the set by id so the count is exact.
    const seeded = await api.prisma.channel.findMany({ where: { code: { in: ['bazaar', 'megamart', 'quickbuy', 'web', 'chatshop'] } } });
    expect(seeded.some((channel) => channel.kind !== 'MARKETPLACE')).toBe(true);
    const filter = JSON.stringify({ kind: 'MARKETPLACE', id: seeded.map((channel) => channel.id) });
    const response = await list('channels', { filter, sort: '["code","ASC"]', range: '[0,1]' });

    expect(response.status).toBe(200);
    const rows = bodyOf<{ code: string; kind: string }[]>(response);
    expect(rows.map((channel) => channel.code)).toEqual(['bazaar', 'megamart']);
    expect(response.headers['content-range']).toBe('channels 0-1/3');
    expect(rows[0]).not.toHaveProperty('webhookSecret');
  });

  it('fetches several records by id, as react-admin’s getMany does', async () => {
    const stores = await api.prisma.store.findMany({ where: { code: { in: ['AMS-01', 'LIS-01'] } } });
    const response = await list('stores', { filter: JSON.stringify({ id: stores.map((store) => store.id) }) });

    expect((response.body as { code: string }[]).map((store) => store.code)).toEqual(['AMS-01', 'LIS-01']);
  });

  it('says "*" in Content-Range when nothing matches', async () => {
    const response = await list('products', { filter: '{"q":"no-such-product-anywhere"}', range: '[0,9]' });

    expect(response.body).toEqual([]);
    expect(response.headers['content-range']).toBe('products */0');
  });

  it('caps a page at LIST_MAX_PAGE_SIZE', async () => {
    const response = await list('products', { range: '[0,100000]' });
    expect(bodyOf<unknown[]>(response).length).toBeLessThanOrEqual(testConfig().LIST_MAX_PAGE_SIZE);
  });

  it.each([
    ['an unknown sort field', { sort: '["passwordHash","ASC"]' }, 'sort.0'],
    ['a bad sort order', { sort: '["sku","UP"]' }, 'sort.1'],
    ['sort that is not JSON', { sort: 'sku,ASC' }, 'sort'],
    ['a reversed range', { range: '[10,2]' }, 'range'],
    ['an unknown filter', { filter: '{"colour":"red"}' }, 'filter'],
  ])('is 400 for %s', async (_case, query, field) => {
    const response = await list('products', query);

    expect(response.status).toBe(400);
    expect(Object.keys(bodyOf<ErrorBody>(response).errors ?? {})).toEqual([field]);
  });
});

describe('GET /api/inventory', () => {
  it('shows store and SKU on each row and available = onHand - reserved, sortable by it', async () => {
    const response = await list('inventory', { sort: '["available","DESC"]', range: '[0,49]' });

    expect(response.status).toBe(200);
    const rows = response.body as { onHand: number; reserved: number; available: number; sku: string; storeCode: string }[];
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.available).toBe(row.onHand - row.reserved);
      expect(row.sku).toEqual(expect.any(String));
      expect(row.storeCode).toEqual(expect.any(String));
    }
    const available = rows.map((row) => row.available);
    expect(available).toEqual([...available].sort((a, b) => b - a));
  });

  it('filters low stock at the configured threshold, and by SKU', async () => {
    // A store and SKUs of this test's own: other suites reserve and release demo stock while it runs.
    const threshold = testConfig().LOW_STOCK_THRESHOLD;
    const storeCode = await createTestStore(api.prisma);
    const store = await api.prisma.store.findUniqueOrThrow({ where: { code: storeCode } });
    const kit = { adjustStock: createAdjustStock({ prisma: api.prisma }) };
    const onHandBySku = new Map<string, number>();
    for (const onHand of [threshold - 1, threshold, threshold + 1].filter((units) => units > 0)) {
      const sku = await createTestProduct(api.prisma);
      await kit.adjustStock({
        ...stockRequest(storeCode, []),
        kind: 'RECEIVE',
        lines: [{ sku, delta: onHand }],
        reason: 'list test delivery',
      });
      onHandBySku.set(sku, onHand);
    }
    const expectedLow = [...onHandBySku]
      .filter(([, onHand]) => onHand <= threshold)
      .map(([sku]) => sku)
      .sort();

    const low = await list('inventory', {
      filter: JSON.stringify({ lowStock: true, storeId: store.id }),
      sort: '["sku","ASC"]',
      range: '[0,99]',
    });
    expect(low.status).toBe(200);
    expect(low.headers['content-range']).toMatch(new RegExp(`/${expectedLow.length}$`));
    expect((low.body as { sku: string }[]).map((row) => row.sku)).toEqual(expectedLow);

    const [someSku] = [...onHandBySku.keys()];
    const bySku = await list('inventory', { filter: JSON.stringify({ sku: someSku }) });
    expect((bySku.body as { sku: string; storeCode: string }[]).map((row) => [row.sku, row.storeCode])).toEqual([[someSku, storeCode]]);
  });

  it('treats % and _ in a search as literal characters', async () => {
    const response = await list('inventory', { filter: '{"q":"%"}' });
    expect(response.status).toBe(200);
    expect(response.headers['content-range']).toBe('inventory */0');
  });
});
