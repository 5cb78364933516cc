import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { bodyOf, demoLogin, type ErrorBody, startTestApi, type TestApi } from './support/test-app';

let api: TestApi;
let authorization: string;

/** A known set under names no other suite uses: other suites add products of their own while this one runs. */
const tag = randomUUID().slice(0, 8).toUpperCase();
const category = `Facets ${tag}`;
const otherCategory = `Facets ${tag} bis`;
const brandA = `Alpha ${tag}`;
const brandB = `Beta ${tag}`;
const products = [
  { sku: `FCT-${tag}-1`, category, brand: brandA, active: true },
  { sku: `FCT-${tag}-2`, category, brand: brandA, active: true },
  { sku: `FCT-${tag}-3`, category: otherCategory, brand: brandA, active: true },
  { sku: `FCT-${tag}-4`, category, brand: brandB, active: true },
  { sku: `FCT-${tag}-5`, category, brand: null, active: true },
  { sku: `FCT-${tag}-6`, category, brand: brandA, active: false },
  { sku: `FCT-${tag}-7`, category: otherCategory, brand: brandB, active: false },
];

interface Facets {
  categories: { name: string; count: number }[];
  brands: { name: string; count: number }[];
  withoutBrand: number;
}

beforeAll(async () => {
  api = startTestApi();
  authorization = `Bearer ${await api.tokenFor(demoLogin.amsterdamStaff)}`;
  await api.prisma.product.createMany({
    data: products.map((product) => ({
      ...product,
      name: `Facet test ${product.sku}`,
      description: 'Made by product-facets.test.ts',
      basePriceMinor: 1999,
      floorPriceMinor: 999,
      currency: 'EUR',
    })),
  });
});

afterAll(async () => {
  await api.prisma.product.deleteMany({ where: { sku: { startsWith: `FCT-${tag}-` } } });
  await api.close();
});

const facets = () => request(api.app).get('/api/products/facets').set('Authorization', authorization);
const list = (filter: object) =>
  request(api.app)
    .get('/api/products')
    .query({ filter: JSON.stringify(filter), sort: '["sku","ASC"]', range: '[0,24]' })
    .set('Authorization', authorization);

describe('GET /api/products/facets', () => {
  it('counts the active products of every category and brand, grouped by the database, sorted by name', async () => {
    const response = await facets();

    expect(response.status).toBe(200);
    const body = bodyOf<Facets>(response);
    expect(body.categories.filter((facet) => facet.name.startsWith(`Facets ${tag}`))).toEqual([
      { name: category, count: 4 },
      { name: otherCategory, count: 1 },
    ]);
    expect(body.brands.filter((facet) => facet.name.endsWith(tag))).toEqual([
      { name: brandA, count: 3 },
      { name: brandB, count: 1 },
    ]);
    expect(body.brands.every((facet) => facet.name !== '')).toBe(true);
    expect(body.withoutBrand).toBeGreaterThanOrEqual(1);
    const names = body.brands.map((facet) => facet.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('gives the seeded catalogue its categories and brands, not a page of products', async () => {
    const body = bodyOf<Facets>(await facets());
    const apparel = await api.prisma.product.count({ where: { category: 'Apparel', active: true } });
    const fjell = await api.prisma.product.count({ where: { brand: 'Fjell', active: true } });

    expect(body.categories).toContainEqual({ name: 'Apparel', count: apparel });
    expect(body.brands).toContainEqual({ name: 'Fjell', count: fjell });
    // Fjell makes apparel, footwear and sports gear (prisma/seed-data/products.ts).
    expect(fjell).toBe(6 * 6);
  });

  it('needs a signed-in user', async () => {
    expect((await request(api.app).get('/api/products/facets')).status).toBe(401);
  });
});

describe('products by brand', () => {
  it('filters by brand as by category, and shows the brand (null when there is none)', async () => {
    const byBrand = await list({ brand: brandA });
    expect(byBrand.status).toBe(200);
    expect(byBrand.headers['content-range']).toBe('products 0-3/4');
    expect(bodyOf<{ sku: string; brand: string }[]>(byBrand).map((product) => [product.sku, product.brand])).toEqual([
      [`FCT-${tag}-1`, brandA],
      [`FCT-${tag}-2`, brandA],
      [`FCT-${tag}-3`, brandA],
      [`FCT-${tag}-6`, brandA],
    ]);

    const both = await list({ brand: brandA, category, active: true });
    expect(bodyOf<{ sku: string }[]>(both).map((product) => product.sku)).toEqual([`FCT-${tag}-1`, `FCT-${tag}-2`]);

    const unbranded = await list({ sku: `FCT-${tag}-5` });
    expect(bodyOf<{ brand: string | null }[]>(unbranded)).toEqual([expect.objectContaining({ brand: null })]);
    const one = await request(api.app)
      .get(`/api/products/${(await api.prisma.product.findUniqueOrThrow({ where: { sku: `FCT-${tag}-4` } })).id}`)
      .set('Authorization', authorization);
    expect(one.body).toMatchObject({ brand: brandB, category });
  });

  it('sorts by brand', async () => {
    const response = await request(api.app)
      .get('/api/products')
      .query({ filter: JSON.stringify({ category }), sort: '["brand","DESC"]', range: '[0,24]' })
      .set('Authorization', authorization);
    expect(response.status).toBe(200);
    expect(bodyOf<{ brand: string | null }[]>(response).map((product) => product.brand)).toEqual([null, brandB, brandA, brandA, brandA]);
  });

  it.each([
    ['an empty brand', { brand: '   ' }],
    ['a brand over 100 characters', { brand: 'x'.repeat(101) }],
    ['a brand that is not text', { brand: 7 }],
  ])('is a 400 on filter for %s', async (_case, filter) => {
    const response = await list(filter);
    expect(response.status).toBe(400);
    expect(Object.keys(bodyOf<ErrorBody>(response).errors ?? {}).some((field) => field.startsWith('filter'))).toBe(true);
  });
});
