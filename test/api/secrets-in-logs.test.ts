import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import request from 'supertest';
import { createApp, whenBackgroundWorkIdle } from '../../api/app';
import { createLogger } from '../../api/logger';
import { createTemporalClient } from '../../api/temporal-client';
import { createPrismaClient } from '../../prisma/client';
import { repoRoot } from '../bootstrap/bootstrap-process';
import { deliverWebhook, webhookSecretOf } from '../intake/support/intake-test-kit';
import { demoLogin, demoPassword, testConfig } from './support/test-app';

/**
 * Secrets never reach the logs: the API logs at its most verbose level into memory while it is sent
 * passwords, tokens and signed webhooks, good and bad; then the log text is searched for each secret.
 * The logs of this test run's own stack (api, worker, sandbox, written by `npm test`) are searched too.
 */
const config = testConfig({ LOG_LEVEL: 'trace' });
const prisma = createPrismaClient({ databaseUrl: config.DATABASE_URL, poolSize: 2 });
const temporal = createTemporalClient(config);
const captured: string[] = [];
const logSink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    captured.push(chunk.toString('utf8'));
    done();
  },
});
const app = createApp({ prisma, temporal, config, logger: createLogger(config, logSink) });

afterAll(async () => {
  await whenBackgroundWorkIdle(app);
  await Promise.allSettled([prisma.$disconnect(), temporal.close()]);
});

async function channelSecrets(): Promise<string[]> {
  return (await prisma.channel.findMany({ select: { webhookSecret: true } })).map((channel) => channel.webhookSecret);
}

function leaksIn(text: string, secrets: Record<string, string>): string[] {
  return Object.entries(secrets)
    .filter(([, secret]) => text.includes(secret))
    .map(([name]) => name);
}

test('passwords, tokens, signing keys and webhook secrets sent to the API never appear in its logs', async () => {
  const wrongPassword = `wrong-${randomUUID()}`;
  const malformedPassword = `malformed-${randomUUID()}`;
  const unparsablePassword = `unparsable-${randomUUID()}`;

  const login = await request(app).post('/api/auth/login').send({ email: demoLogin.admin, password: demoPassword });
  expect(login.status).toBe(200);
  const token = (login.body as { token: string }).token;
  const signature = token.split('.')[2] ?? '';
  expect((await request(app).post('/api/auth/login').send({ email: demoLogin.admin, password: wrongPassword })).status).toBe(401);
  expect((await request(app).post('/api/auth/login').send({ email: 'not-an-email', password: malformedPassword })).status).toBe(400);
  const unparsable = await request(app)
    .post('/api/auth/login')
    .set('Content-Type', 'application/json')
    .send(`{"email":"${demoLogin.admin}","password":"${unparsablePassword}"`);
  expect(unparsable.status).toBe(400);

  expect((await request(app).get('/api/stores').set('Authorization', `Bearer ${token}`)).status).toBe(200);
  expect((await request(app).get('/api/stores').set('Authorization', `Bearer ${token}x`)).status).toBe(401);
  expect((await request(app).get('/api/no-such-route').set('Authorization', `Bearer ${token}`)).status).toBe(404);

  const megamartSecret = await webhookSecretOf(prisma, 'megamart');
  const bazaarSecret = await webhookSecretOf(prisma, 'bazaar');
  // Signed right but not an order event (400 after verification), and signed with another channel's key (401): nothing is written.
  expect((await deliverWebhook(app, 'megamart', { nothing: 'here' }, megamartSecret)).status).toBe(400);
  expect((await deliverWebhook(app, 'megamart', { nothing: 'here' }, bazaarSecret)).status).toBe(401);

  expect((await request(app).post('/api/auth/logout').set('Authorization', `Bearer ${token}`)).status).toBe(200);

  const logs = captured.join('');
  // The capture works: the requests were logged, at trace level, with their ids.
  expect(logs).toContain('login refused');
  expect(logs).toContain('/api/channels/megamart/webhooks/orders');
  expect(captured.length).toBeGreaterThanOrEqual(11);

  const secrets: Record<string, string> = {
    'demo password': demoPassword,
    'wrong password': wrongPassword,
    'password of a malformed body': malformedPassword,
    'password of an unparsable body': unparsablePassword,
    'bearer token': token,
    'token signature': signature,
    'JWT signing key': config.JWT_SECRET,
  };
  (await channelSecrets()).forEach((secret, index) => (secrets[`webhook secret ${index}`] = secret));
  expect(leaksIn(logs, secrets)).toEqual([]);
});

test('the logs of this test run’s stack (api, worker, sandbox) hold no password, signing key or webhook secret', async () => {
  const logDir = join(repoRoot, '.data', 'test', 'logs');
  expect(existsSync(logDir)).toBe(true);
  const files = readdirSync(logDir).filter((name) => name.endsWith('.log'));
  expect(files).toEqual(expect.arrayContaining(['api.log', 'worker.log', 'sandbox.log']));

  const secrets: Record<string, string> = {
    'demo password': demoPassword,
    'JWT signing key': process.env.JWT_SECRET ?? config.JWT_SECRET,
  };
  (await channelSecrets()).forEach((secret, index) => (secrets[`webhook secret ${index}`] = secret));
  const leaks = files.flatMap((file) => leaksIn(readFileSync(join(logDir, file), 'utf8'), secrets).map((name) => `${file}: ${name}`));
  expect(leaks).toEqual([]);
});
