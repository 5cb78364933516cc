import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { bodyOf, demoLogin, type ErrorBody, startTestApi, type TestApi } from '../api/support/test-app';

/**
 * The brand rule of a promotion (docs/promotions.md): over a known set of products of this file's own
 * categories and brands, a brand rule selects exactly that brand's active SKUs, category AND brand
 * narrows it, and an unknown or malformed brand is a 400 on its field that writes nothing.
 */
let api: TestApi;
let authorization: string;

const tag = randomUUID().slice(0, 8).toUpperCase();
const shoes = `Shoes ${tag}`;
const coats = `Coats ${tag}`;
const fjord = `Fjord ${tag}`;
const other = `Other ${tag}`;
const sku = (n: number) => `BRR-${tag}-${n}`;
const products = [
  { sku: sku(1), category: shoes, brand: fjord, active: true },
  { sku: sku(2), category: coats, brand: fjord, active: true },
  { sku: sku(3), category: shoes, brand: other, active: true },
  { sku: sku(4), category: shoes, brand: null, active: true },
  { sku: sku(5), category: shoes, brand: fjord, active: false },
];
const created: string[] = [];

beforeAll(async () => {
  api = startTestApi();
  authorization = `Bearer ${await api.tokenFor(demoLogin.opsLead)}`;
  await api.prisma.product.createMany({
    data: products.map((product) => ({
      ...product,
      name: `Brand rule test ${product.sku}`,
      description: 'Made by promotion-brand-rule.test.ts',
      basePriceMinor: 10_000,
      floorPriceMinor: 5_000,
      currency: 'EUR',
    })),
  });
});

afterAll(async () => {
  for (const id of created)
    await request(api.app).post(`/api/promotions/${id}/cancel`).set('Authorization', authorization).send({ reason: 'test over' });
  await api.prisma.product.updateMany({ where: { sku: { startsWith: `BRR-${tag}-` } }, data: { active: false } });
  await api.close();
});

/** Windows far apart per case, so the promotions of this file never conflict with each other. */
const body = (name: string, month: number, rule: object) => ({
  name: `${tag} ${name}`,
  discount: { type: 'PERCENT', value: 10 },
  currency: 'EUR',
  timeZone: 'Europe/Amsterdam',
  startsLocal: `2031-${String(month).padStart(2, '0')}-01T00:00`,
  endsLocal: `2031-${String(month).padStart(2, '0')}-02T00:00`,
  channelCodes: ['web'],
  ...rule,
});
const post = (path: string, payload: object) => request(api.app).post(path).set('Authorization', authorization).send(payload);
const skusOf = async (id: string) =>
  bodyOf<{ skus: string[] }>(await request(api.app).get(`/api/promotions/${id}/skus`).set('Authorization', authorization)).skus;
const promotionsNamed = (name: string) => api.prisma.promotion.count({ where: { name: `${tag} ${name}` } });

describe('a promotion by brand', () => {
  it('selects exactly the active SKUs of the brand, in every category, none unbranded', async () => {
    const check = await post('/api/promotions/check', body('brand only', 1, { brands: [fjord] }));
    expect(check.status).toBe(200);
    expect(check.body).toEqual({ skuCount: 2, channelCount: 1, errors: {} });

    const response = await post('/api/promotions', body('brand only', 1, { brands: [` ${fjord} `] }));
    expect(response.status).toBe(201);
    const promotion = bodyOf<{ id: string; brands: string[]; categories: string[]; skuCount: number }>(response);
    created.push(promotion.id);
    expect(promotion).toMatchObject({ brands: [fjord], categories: [], skuCount: 2 });
    expect(await skusOf(promotion.id)).toEqual([sku(1), sku(2)]);
    const shown = await request(api.app).get(`/api/promotions/${promotion.id}`).set('Authorization', authorization);
    expect(shown.body).toMatchObject({ brands: [fjord] });
  });

  it('combines category and brand as AND, with listed SKUs on top', async () => {
    const response = await post('/api/promotions', body('shoes of fjord', 3, { categories: [shoes], brands: [fjord], skus: [sku(4)] }));
    expect(response.status).toBe(201);
    const id = bodyOf<{ id: string }>(response).id;
    created.push(id);
    expect(await skusOf(id)).toEqual([sku(1), sku(4)]);
  });

  it('refuses an unknown brand on its field and writes nothing, on create, check and edit', async () => {
    const unknown = `Nobody ${tag}`;
    const refused = await post('/api/promotions', body('unknown brand', 5, { brands: [fjord, unknown] }));
    expect(refused.status).toBe(400);
    expect(bodyOf<ErrorBody>(refused).errors).toEqual({ [`brands.${unknown}`]: 'no active product of this brand' });
    expect(await promotionsNamed('unknown brand')).toBe(0);

    const check = await post('/api/promotions/check', body('unknown brand', 5, { brands: [unknown] }));
    expect(bodyOf<{ errors: Record<string, string> }>(check).errors).toEqual({ [`brands.${unknown}`]: 'no active product of this brand' });

    const inactiveOnly = await post('/api/promotions/check', body('inactive', 5, { brands: [other], categories: [coats] }));
    expect(bodyOf<{ skuCount: number; errors: Record<string, string> }>(inactiveOnly)).toEqual({
      skuCount: 0,
      channelCount: 1,
      errors: { skus: 'the promotion covers no product' },
    });

    const first = await post('/api/promotions', body('to edit', 7, { brands: [other] }));
    expect(first.status).toBe(201);
    const id = bodyOf<{ id: string }>(first).id;
    created.push(id);
    const before = await api.prisma.promotion.findUniqueOrThrow({ where: { id }, include: { skus: true } });
    const edit = await request(api.app)
      .put(`/api/promotions/${id}`)
      .set('Authorization', authorization)
      .send(body('to edit', 7, { brands: [unknown] }));
    expect(edit.status).toBe(400);
    expect(Object.keys(bodyOf<ErrorBody>(edit).errors ?? {})).toEqual([`brands.${unknown}`]);
    const after = await api.prisma.promotion.findUniqueOrThrow({ where: { id }, include: { skus: true } });
    expect({ brands: after.brands, version: after.version, skus: after.skus.length }).toEqual({
      brands: [other],
      version: before.version,
      skus: 1,
    });
  });

  it.each([
    ['an empty brand', { brands: ['  '] }, 'brands.0'],
    ['a brand over 100 characters', { brands: ['x'.repeat(101)] }, 'brands.0'],
    ['brands that are not a list', { brands: 'Fjell' }, 'brands'],
    ['more than 100 brands', { brands: Array.from({ length: 101 }, (_, n) => `b${n}`) }, 'brands'],
  ])('is a 400 naming the field for %s, writing nothing', async (_case, rule, field) => {
    const response = await post('/api/promotions', body('malformed', 9, rule));
    expect(response.status).toBe(400);
    expect(Object.keys(bodyOf<ErrorBody>(response).errors ?? {})).toContain(field);
    expect(await promotionsNamed('malformed')).toBe(0);
  });
});
