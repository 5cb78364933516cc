import request from 'supertest';
import {
  bodyOf,
  demoLogin,
  type ErrorBody,
  type IntakeTestApi,
  placeWebPickupOrder,
  startIntakeApi,
  startUnreachableTemporalIntakeApi,
  waitForRun,
} from './support/intake-test-kit';

/**
 * `POST /api/orders/:id/cancel` waits for the pickup workflow at most TEMPORAL_CALL_TIMEOUT_MS. These
 * runs go to a task queue no worker polls, so nobody ever takes the cancellation: the answer must be a
 * 503 once that deadline passes (the issue saw 19 s against a 5 s setting), with nothing written.
 */
let api: IntakeTestApi;
let offline: IntakeTestApi;
const callTimeoutMs = 1000;

beforeAll(async () => {
  api = await startIntakeApi({ TEMPORAL_CALL_TIMEOUT_MS: String(callTimeoutMs) });
  offline = await startUnreachableTemporalIntakeApi();
});

afterAll(async () => {
  await Promise.all([api.close(), offline.close()]);
});

describe('POST /api/orders/:id/cancel', () => {
  it('answers 503 once TEMPORAL_CALL_TIMEOUT_MS has passed without the process taking the cancellation', async () => {
    const orderId = await placeWebPickupOrder(api, 'CXL');
    await waitForRun(api.prisma, orderId);
    const auditBefore = await api.prisma.auditEvent.count({ where: { entityId: orderId } });

    const started = performance.now();
    const response = await request(api.app)
      .post(`/api/orders/${orderId}/cancel`)
      .set('Authorization', await api.bearer(demoLogin.admin))
      .send({ reason: 'Customer called the store' });
    const tookMs = performance.now() - started;

    expect(response.status).toBe(503);
    expect(response.headers['retry-after']).toBe('1');
    expect(bodyOf<ErrorBody>(response).message).toMatch(/did not take the cancellation/);
    // Bounded by the deadline, with a wide margin for a loaded machine (the unbounded call took 19 s).
    expect(tookMs).toBeGreaterThanOrEqual(callTimeoutMs - 50);
    expect(tookMs).toBeLessThan(callTimeoutMs + 4000);
    expect(await api.prisma.auditEvent.count({ where: { entityId: orderId } })).toBe(auditBefore);
    expect((await api.prisma.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe('RECEIVED');
  });

  it('answers 503 "still starting" for an order whose run is still in the outbox', async () => {
    const orderId = await placeWebPickupOrder(offline, 'CXL');

    const response = await request(api.app)
      .post(`/api/orders/${orderId}/cancel`)
      .set('Authorization', await api.bearer(demoLogin.admin))
      .send({ reason: 'Customer called the store' });

    expect(response.status).toBe(503);
    expect(bodyOf<ErrorBody>(response).message).toMatch(/still starting/);
  });
});
