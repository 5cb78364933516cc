import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { anyString, bodyOf, demoLogin, type ErrorBody, startTestApi, type TestApi } from './support/test-app';

let api: TestApi;
const suffix = randomUUID().slice(0, 8);
let channelId: string;
let storeId: string;

const bearer = async (email: string) => `Bearer ${await api.tokenFor(email)}`;
const auditRowsFor = (entityId: string) => api.prisma.auditEvent.findMany({ where: { entityId }, orderBy: { createdAt: 'asc' } });

beforeAll(async () => {
  api = startTestApi();
  // Rows of our own, so these edits never disturb the demo channels and stores other suites rely on.
  const channel = await api.prisma.channel.create({
    data: {
      code: `test-${suffix}`,
      name: 'Test channel',
      kind: 'MARKETPLACE',
      baseUrl: 'http://127.0.0.1:1/test',
      requestsPerSecond: 5,
      burst: 10,
      maxBatchSize: 50,
      safetyBuffer: 1,
      webhookSecret: 'test-secret',
    },
  });
  const store = await api.prisma.store.create({
    data: {
      code: `TST-${suffix}`,
      name: 'Test store',
      city: 'Utrecht',
      address: 'Teststraat 1',
      timeZone: 'Europe/Amsterdam',
      currency: 'EUR',
    },
  });
  channelId = channel.id;
  storeId = store.id;
});

afterAll(async () => {
  await api.prisma.channel.delete({ where: { id: channelId } });
  await api.prisma.store.delete({ where: { id: storeId } });
  await api.close();
});

describe('PUT /api/channels/:id', () => {
  it('rejects a bad body with field errors and writes nothing', async () => {
    const rowBefore = await api.prisma.channel.findUniqueOrThrow({ where: { id: channelId } });
    const auditBefore = await auditRowsFor(channelId);

    const response = await request(api.app)
      .put(`/api/channels/${channelId}`)
      .set('Authorization', await bearer(demoLogin.admin))
      .send({ safetyBuffer: -1, requestsPerSecond: 'fast', status: 'SOMETIMES', burst: 20 });

    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      message: anyString,
      errors: { safetyBuffer: anyString, requestsPerSecond: anyString, status: anyString },
    });
    // The valid `burst` in the same body must not have been applied either.
    expect(await api.prisma.channel.findUniqueOrThrow({ where: { id: channelId } })).toEqual(rowBefore);
    expect(await auditRowsFor(channelId)).toEqual(auditBefore);
  });

  it('applies a valid change and audits exactly what changed, never the webhook secret', async () => {
    const requestId = `put-channel-${suffix}`;
    const response = await request(api.app)
      .put(`/api/channels/${channelId}`)
      .set('Authorization', await bearer(demoLogin.admin))
      .set('X-Request-Id', requestId)
      // react-admin sends the whole record back: unknown and read-only fields are ignored.
      .send({ id: channelId, code: 'renamed', safetyBuffer: 4, closeListingAtOrBelow: 2, status: 'DEGRADED', burst: 10 });

    expect(response.status).toBe(200);
    expect(response.headers['x-request-id']).toBe(requestId);
    expect(response.body).toMatchObject({
      id: channelId,
      code: `test-${suffix}`,
      safetyBuffer: 4,
      closeListingAtOrBelow: 2,
      status: 'DEGRADED',
      burst: 10,
    });
    expect(response.body).not.toHaveProperty('webhookSecret');

    const [event, ...others] = await api.prisma.auditEvent.findMany({ where: { requestId } });
    expect(others).toEqual([]);
    expect(event).toMatchObject({
      action: 'channel.update',
      entityType: 'Channel',
      entityId: channelId,
      actorLabel: demoLogin.admin,
      before: { safetyBuffer: 1, closeListingAtOrBelow: 0, status: 'ACTIVE' },
      after: { safetyBuffer: 4, closeListingAtOrBelow: 2, status: 'DEGRADED' },
    });
  });

  it('writes nothing, not even an audit event, for a change that changes nothing', async () => {
    const before = await api.prisma.channel.findUniqueOrThrow({ where: { id: channelId } });
    const auditBefore = await auditRowsFor(channelId);
    const put = async (raw: string) =>
      request(api.app)
        .put(`/api/channels/${channelId}`)
        .set('Authorization', await bearer(demoLogin.admin))
        .set('Content-Type', 'application/json')
        .send(raw);

    const answers = await Promise.all(
      ['{}', '{"__proto__":{"safetyBuffer":99}}', '{"unknown":1,"unknown":2}', `{"safetyBuffer":${before.safetyBuffer}}`].map(put),
    );

    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
    expect(bodyOf<{ safetyBuffer: number }>(answers[0] ?? { body: {} }).safetyBuffer).toBe(before.safetyBuffer);
    expect(await auditRowsFor(channelId)).toEqual(auditBefore);
    expect((await api.prisma.channel.findUniqueOrThrow({ where: { id: channelId } })).updatedAt).toEqual(before.updatedAt);
  });

  it('is 404 for an unknown channel and 400 for an id that is not a UUID', async () => {
    const authorization = await bearer(demoLogin.admin);
    const unknown = await request(api.app)
      .put(`/api/channels/${randomUUID()}`)
      .set('Authorization', authorization)
      .send({ safetyBuffer: 1 });
    const malformed = await request(api.app).put('/api/channels/42').set('Authorization', authorization).send({ safetyBuffer: 1 });

    expect(unknown.status).toBe(404);
    expect(malformed.status).toBe(400);
    expect(bodyOf<ErrorBody>(malformed).errors).toEqual({ id: anyString });
  });

  it('answers malformed JSON with 400', async () => {
    const response = await request(api.app)
      .put(`/api/channels/${channelId}`)
      .set('Authorization', await bearer(demoLogin.admin))
      .set('Content-Type', 'application/json')
      .send('{"safetyBuffer": 3');

    expect(response.status).toBe(400);
    expect(response.body).toEqual({ message: 'The request body is not valid JSON' });
  });

  it('refuses a body that is not JSON instead of treating it as "no changes"', async () => {
    const response = await request(api.app)
      .put(`/api/channels/${channelId}`)
      .set('Authorization', await bearer(demoLogin.admin))
      .set('Content-Type', 'text/plain')
      .send('safetyBuffer=3');

    expect(response.status).toBe(400);
    expect(bodyOf<ErrorBody>(response).errors).toEqual({ body: 'must be JSON' });
  });
});

describe('PUT /api/stores/:id', () => {
  it('lets an ops lead change pickup settings, audited', async () => {
    const response = await request(api.app)
      .put(`/api/stores/${storeId}`)
      .set('Authorization', await bearer(demoLogin.opsLead))
      .send({ pickSlaMinutes: 90, pickupReminderMinutes: [600, 1200], pickupExpiryHours: 48 });

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ pickSlaMinutes: 90, pickupReminderMinutes: [600, 1200], pickupExpiryHours: 48 });
    const events = await auditRowsFor(storeId);
    expect(events.at(-1)).toMatchObject({
      action: 'store.update',
      actorLabel: demoLogin.opsLead,
      before: { pickSlaMinutes: 120, pickupReminderMinutes: [1440, 2880], pickupExpiryHours: 72 },
      after: { pickSlaMinutes: 90, pickupReminderMinutes: [600, 1200], pickupExpiryHours: 48 },
    });
  });

  it('changes the address and opening hours the customer messages name, audited; an empty address or overlong hours is 400 and writes nothing', async () => {
    const opsLead = await bearer(demoLogin.opsLead);
    const refused = await request(api.app)
      .put(`/api/stores/${storeId}`)
      .set('Authorization', opsLead)
      .send({ address: '   ', openingHours: 'x'.repeat(201) });
    expect(refused.status).toBe(400);
    expect(bodyOf<ErrorBody>(refused).errors).toEqual({ address: anyString, openingHours: anyString });

    const changed = await request(api.app)
      .put(`/api/stores/${storeId}`)
      .set('Authorization', opsLead)
      .send({ address: ' Kalverstraat 92 ', openingHours: 'Mon-Sat 10:00-19:00' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ address: 'Kalverstraat 92', openingHours: 'Mon-Sat 10:00-19:00' });
    expect((await auditRowsFor(storeId)).at(-1)).toMatchObject({ action: 'store.update', after: { openingHours: 'Mon-Sat 10:00-19:00' } });
  });

  it('refuses reminders that would fire after the pickup expired, and writes nothing', async () => {
    const rowBefore = await api.prisma.store.findUniqueOrThrow({ where: { id: storeId } });
    const auditBefore = await auditRowsFor(storeId);

    const response = await request(api.app)
      .put(`/api/stores/${storeId}`)
      .set('Authorization', await bearer(demoLogin.opsLead))
      .send({ pickupExpiryHours: 10 });

    expect(response.status).toBe(400);
    expect(bodyOf<ErrorBody>(response).errors).toEqual({ pickupReminderMinutes: anyString });
    expect(await api.prisma.store.findUniqueOrThrow({ where: { id: storeId } })).toEqual(rowBefore);
    expect(await auditRowsFor(storeId)).toEqual(auditBefore);
  });

  it('shows and changes the pick escalation delay, audited; a zero or fractional delay is 400 and writes nothing', async () => {
    const opsLead = await bearer(demoLogin.opsLead);
    const shown = await request(api.app).get(`/api/stores/${storeId}`).set('Authorization', opsLead);
    expect(shown.body).toMatchObject({ pickEscalationMinutes: 30 });

    const changed = await request(api.app)
      .put(`/api/stores/${storeId}`)
      .set('Authorization', opsLead)
      .send({ ...bodyOf<object>(shown), pickEscalationMinutes: 45 });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ pickEscalationMinutes: 45 });
    expect((await api.prisma.store.findUniqueOrThrow({ where: { id: storeId } })).pickEscalationMinutes).toBe(45);
    expect((await auditRowsFor(storeId)).at(-1)).toMatchObject({
      action: 'store.update',
      before: { pickEscalationMinutes: 30 },
      after: { pickEscalationMinutes: 45 },
    });

    const auditBefore = await auditRowsFor(storeId);
    for (const bad of [0, -5, 2.5]) {
      const refused = await request(api.app)
        .put(`/api/stores/${storeId}`)
        .set('Authorization', opsLead)
        .send({ pickEscalationMinutes: bad });
      expect(refused.status).toBe(400);
      expect(bodyOf<ErrorBody>(refused).errors).toEqual({ pickEscalationMinutes: anyString });
    }
    expect((await api.prisma.store.findUniqueOrThrow({ where: { id: storeId } })).pickEscalationMinutes).toBe(45);
    expect(await auditRowsFor(storeId)).toEqual(auditBefore);
  });

  it('is 403 for store staff', async () => {
    const response = await request(api.app)
      .put(`/api/stores/${storeId}`)
      .set('Authorization', await bearer(demoLogin.amsterdamStaff))
      .send({ pickSlaMinutes: 30 });
    expect(response.status).toBe(403);
  });
});
