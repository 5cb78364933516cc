import { createServer } from 'node:net';
import request from 'supertest';
import { anyString, startTestApi, testConfig, type TestApi } from './support/test-app';

/** A port nothing listens on: bind an ephemeral port, then release it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('health endpoints', () => {
  let api: TestApi;

  beforeAll(() => {
    api = startTestApi();
  });

  afterAll(async () => {
    await api.close();
  });

  it('GET /healthz answers while the process is up', async () => {
    const response = await request(api.app).get('/healthz');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('GET /readyz is 200 when the database and Temporal both answer', async () => {
    const response = await request(api.app).get('/readyz');

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'ready', dependencies: { database: { status: 'up' }, temporal: { status: 'up' } } });
  });
});

describe('readiness with the database unreachable', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = startTestApi({ databaseUrl: `postgresql://postgres@127.0.0.1:${await closedPort()}/omnichannel_test` });
  });

  afterAll(async () => {
    await api.close();
  });

  it('GET /readyz is 503 and names the database', async () => {
    const response = await request(api.app).get('/readyz');

    expect(response.status).toBe(503);
    expect(response.body).toMatchObject({
      status: 'not_ready',
      message: 'not ready: database unreachable',
      dependencies: { database: { status: 'down', error: anyString }, temporal: { status: 'up' } },
    });
  });

  it('still answers /healthz: the process itself is fine', async () => {
    expect((await request(api.app).get('/healthz')).status).toBe(200);
  });
});

describe('readiness with Temporal unreachable', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = startTestApi({ temporalAddress: `127.0.0.1:${await closedPort()}` });
  });

  afterAll(async () => {
    await api.close();
  });

  it('GET /readyz is 503, names Temporal, and answers within the probe timeout', async () => {
    const started = performance.now();
    const response = await request(api.app).get('/readyz');

    expect(response.status).toBe(503);
    expect(response.body).toMatchObject({
      message: 'not ready: temporal unreachable',
      dependencies: { database: { status: 'up' }, temporal: { status: 'down' } },
    });
    expect(performance.now() - started).toBeLessThan(testConfig().READINESS_TIMEOUT_MS + 1000);
  });
});
