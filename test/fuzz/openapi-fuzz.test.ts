import { randomUUID } from 'node:crypto';
import { type Express } from 'express';
import request from 'supertest';
import { createApp, whenBackgroundWorkIdle } from '../../api/app';
import { createLogger } from '../../api/logger';
import { createTemporalClient, type TemporalClientHandle } from '../../api/temporal-client';
import { signWebhookBody, webhookHeaders } from '../../channels/order-webhook';
import { createPrismaClient, type PrismaClient } from '../../prisma/client';
import { demoLogin, demoPassword, testConfig } from '../api/support/test-app';
import { testEnv } from '../support/env';
import { createFuzzDatabase } from './support/fuzz-database';
import { type FuzzCase, fuzzCases, type OpenApiDocument } from './support/request-cases';
import { changedCounts, rowCounter } from './support/row-counts';

/**
 * Issue 8's malformed-input classes, generated over every operation of the OpenAPI document (so every
 * route, also the ones added later, is covered without being listed here), against the real app on a
 * database of its own. Every request must be answered without a 5xx, and one the API refuses (4xx) or
 * one that changes nothing (an empty PUT) must leave every table's row count as it was.
 */
jest.setTimeout(240_000);

let app: Express;
let prisma: PrismaClient;
let temporal: TemporalClientHandle;
let counter: Awaited<ReturnType<typeof rowCounter>>;
let adminToken: string;
let webhookSecret: string;
/** A real record per resource path, so requests get past "not found" into the route's own checks. */
const recordIds = new Map<string, string>();

beforeAll(async () => {
  const databaseUrl = await createFuzzDatabase(testEnv.databaseUrl);
  const config = testConfig({
    DATABASE_URL: databaseUrl,
    TEMPORAL_TASK_QUEUE: `fuzz-${randomUUID()}`,
    TEMPORAL_CALL_TIMEOUT_MS: '1000',
    INTAKE_TEMPORAL_TIMEOUT_MS: '1000',
  });
  prisma = createPrismaClient({ databaseUrl, poolSize: 4 });
  temporal = createTemporalClient(config);
  app = createApp({ prisma, temporal, config, logger: createLogger(config) });
  counter = await rowCounter(databaseUrl);
  const login = await request(app).post('/api/auth/login').send({ email: demoLogin.admin, password: demoPassword });
  adminToken = (login.body as { token: string }).token;
  webhookSecret = (await prisma.channel.findUniqueOrThrow({ where: { code: 'megamart' } })).webhookSecret;
  const [store, channel, product, inventory, user] = await Promise.all([
    prisma.store.findFirstOrThrow({ select: { id: true } }),
    prisma.channel.findFirstOrThrow({ where: { code: 'megamart' }, select: { id: true } }),
    prisma.product.findFirstOrThrow({ select: { id: true } }),
    prisma.inventoryLevel.findFirstOrThrow({ select: { id: true } }),
    prisma.user.findFirstOrThrow({ select: { id: true } }),
  ]);
  for (const [prefix, id] of [
    ['/api/stores', store.id],
    ['/api/channels', channel.id],
    ['/api/products', product.id],
    ['/api/inventory', inventory.id],
    ['/api/users', user.id],
  ] as const)
    recordIds.set(prefix, id);
});

afterAll(async () => {
  // beforeAll may have failed part-way (e.g. seeding): close only what it opened, so its own error is the one shown.
  if (app !== undefined) await whenBackgroundWorkIdle(app);
  await Promise.allSettled([counter?.close(), prisma?.$disconnect(), temporal?.close()]);
});

function pathValue(openApiPath: string, parameter: string): string {
  if (parameter === 'code') return 'megamart';
  const prefix = openApiPath.slice(0, openApiPath.indexOf('/{'));
  return recordIds.get(prefix) ?? (prefix === '/api/workflows' ? `pickup:${randomUUID()}` : randomUUID());
}

function headersFor(openApiPath: string, _url: string, body: string | Buffer | undefined): Record<string, string> {
  const headers: Record<string, string> = { Authorization: `Bearer ${adminToken}` };
  // Signed as the channel signs, so the request gets past the signature into validation.
  if (openApiPath.includes('/webhooks/') && body !== undefined) headers[webhookHeaders.signature] = signWebhookBody(body, webhookSecret);
  return headers;
}

function freshen(openApiPath: string, body: unknown): unknown {
  if (typeof body !== 'object' || body === null) return body;
  const unique = randomUUID().slice(0, 8).toUpperCase();
  const record = body as Record<string, unknown>;
  if (openApiPath === '/api/orders') return { ...record, externalId: `FUZZ-${unique}` };
  if (openApiPath.includes('/webhooks/')) {
    const order = record.order as Record<string, unknown>;
    return { ...record, eventId: `evt_fuzz_${unique}`, order: { ...order, externalId: `FUZZ-${unique}` } };
  }
  return body;
}

async function send(fuzz: FuzzCase) {
  let call = request(app)[fuzz.method as 'get'](fuzz.url);
  for (const [name, value] of Object.entries(fuzz.headers)) call = call.set(name, value);
  return fuzz.body === undefined ? call : call.send(fuzz.body);
}

describe('generated malformed requests over every operation of the OpenAPI document', () => {
  it('are answered with a 4xx (or a 2xx that changes nothing), never a 5xx, and write nothing when refused', async () => {
    const document = (await request(app).get('/api/docs')).body as OpenApiDocument;
    const cases = fuzzCases(document, { pathValue, headersFor, freshen });
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );

    const problems: string[] = [];
    const statuses = new Map<number, number>();
    const accepted: string[] = [];
    let before = await counter.counts();
    for (const fuzz of cases) {
      const response = await send(fuzz);
      const after = await counter.counts();
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      if (fuzz.inputClass === 'valid body' && response.status < 300) accepted.push(fuzz.operation);
      const describe = `${fuzz.operation} [${fuzz.inputClass}: ${fuzz.detail}] -> ${response.status}`;
      if (response.status >= 500) problems.push(`${describe} ${JSON.stringify(response.body).slice(0, 200)}`);
      const refused = response.status >= 400 && response.status < 500;
      const changed = changedCounts(before, after);
      if ((refused || fuzz.mustNotWrite) && changed.length > 0) problems.push(`${describe} wrote rows: ${changed.join(', ')}`);
      before = after;
    }

    expect(problems).toEqual([]);
    // Every operation of the document was fuzzed, and every class reached the routes it applies to.
    expect(new Set(cases.map((fuzz) => fuzz.operation))).toEqual(new Set(operations));
    const classes = new Set(cases.map((fuzz) => fuzz.inputClass));
    expect([...classes].sort()).toEqual(['body field', 'encoding', 'path parameter', 'query', 'valid body', 'whole body']);
    // The documented examples of the intake routes are accepted: the broken-field cases reached the database.
    expect(accepted).toEqual(expect.arrayContaining(['POST /api/orders', 'POST /api/channels/{code}/webhooks/orders']));
    expect(cases.length).toBeGreaterThan(500);
    expect([...statuses.keys()].every((status) => status < 500)).toBe(true);
  });
});
