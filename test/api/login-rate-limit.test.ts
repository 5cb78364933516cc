import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { hashPassword } from '../../api/auth/passwords';
import { demoPassword, startTestApi, type TestApi } from './support/test-app';

/**
 * Login limits through the real API on the shared test database. Each test signs in from an address of
 * its own (X-Forwarded-For, trusted from loopback here as from a load balancer) and with accounts of its
 * own, so the other suites' logins never count against it.
 */
const limits = {
  API_TRUST_PROXY: 'loopback',
  LOGIN_MAX_FAILED_ATTEMPTS_PER_ACCOUNT: '3',
  LOGIN_MAX_FAILED_ATTEMPTS_PER_IP: '5',
  LOGIN_ATTEMPT_WINDOW_SECONDS: '600',
};

// Two API processes' worth of app on one database: the counts must be shared between them.
let first: TestApi;
let second: TestApi;
const createdUserIds: string[] = [];

beforeAll(() => {
  first = startTestApi({ config: limits });
  second = startTestApi({ config: limits });
});

afterAll(async () => {
  // Their logins are in the append-only audit trail, so the accounts stay, switched off.
  await first.prisma.user.updateMany({ where: { id: { in: createdUserIds } }, data: { active: false } });
  await Promise.all([first.close(), second.close()]);
});

function freshAddress(): string {
  const bytes = randomUUID().replace(/-/g, '').slice(0, 6);
  return `10.${parseInt(bytes.slice(0, 2), 16)}.${parseInt(bytes.slice(2, 4), 16)}.${parseInt(bytes.slice(4, 6), 16)}`;
}

async function freshAccount(): Promise<string> {
  const email = `throttle-${randomUUID()}@omni.example`;
  const user = await first.prisma.user.create({
    data: { email, name: 'Throttle Test', role: 'ADMIN', passwordHash: await hashPassword(demoPassword) },
  });
  createdUserIds.push(user.id);
  return email;
}

function login(api: TestApi, email: string, password: string, address: string) {
  return request(api.app).post('/api/auth/login').set('X-Forwarded-For', address).send({ email, password });
}

describe('login rate limit per account', () => {
  it('refuses the attempt after the limit with 429, Retry-After and a message, even with the right password, across API processes', async () => {
    const email = await freshAccount();
    // Different addresses, so only the account's count can be what refuses.
    const statuses = [
      (await login(first, email, 'wrong-1', freshAddress())).status,
      (await login(second, email, 'wrong-2', freshAddress())).status,
      (await login(first, email, 'wrong-3', freshAddress())).status,
    ];
    expect(statuses).toEqual([401, 401, 401]);

    const refused = await login(second, email, demoPassword, freshAddress());
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(600);
    expect(refused.body).toEqual({ message: 'Too many sign-in attempts. Try again in 10 minutes.' });
  });

  it('starts the account afresh after a successful login', async () => {
    const email = await freshAccount();
    const address = freshAddress();
    expect((await login(first, email, 'wrong-1', address)).status).toBe(401);
    expect((await login(second, email, 'wrong-2', address)).status).toBe(401);
    expect((await login(first, email, demoPassword, address)).status).toBe(200);

    const afterwards = [];
    for (let attempt = 0; attempt < 3; attempt += 1)
      afterwards.push((await login(second, email, `wrong-${attempt}`, freshAddress())).status);
    expect(afterwards).toEqual([401, 401, 401]);
    expect((await login(first, email, demoPassword, freshAddress())).status).toBe(429);
  });

  it('counts unknown emails like real ones, so a 429 does not reveal which accounts exist', async () => {
    const email = `nobody-${randomUUID()}@omni.example`;
    for (let attempt = 0; attempt < 3; attempt += 1) expect((await login(first, email, 'guess', freshAddress())).status).toBe(401);
    expect((await login(first, email, 'guess', freshAddress())).status).toBe(429);
  });

  it('holds under a burst of parallel guesses: no more than the limit get their password checked', async () => {
    const email = await freshAccount();
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, n) => login(n % 2 === 0 ? first : second, email, `guess-${n}`, freshAddress())),
    );
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([401, 401, 401, 429, 429, 429, 429, 429]);
  });

  it('lets the account in again once the window is over', async () => {
    const shortWindow = startTestApi({ config: { ...limits, LOGIN_ATTEMPT_WINDOW_SECONDS: '2' } });
    try {
      const email = await freshAccount();
      for (let attempt = 0; attempt < 3; attempt += 1) await login(shortWindow, email, 'wrong', freshAddress());
      const refused = await login(shortWindow, email, demoPassword, freshAddress());
      expect(refused.status).toBe(429);
      expect(refused.body).toEqual({ message: 'Too many sign-in attempts. Try again in 1 minute.' });
      await new Promise((resolve) => setTimeout(resolve, 2100));
      expect((await login(shortWindow, email, demoPassword, freshAddress())).status).toBe(200);
    } finally {
      await shortWindow.close();
    }
  });
});

describe('login rate limit per address', () => {
  it('refuses an address that failed too often, whatever account it tries, while other addresses go on', async () => {
    const address = freshAddress();
    const statuses = [];
    for (let attempt = 0; attempt < 5; attempt += 1)
      statuses.push((await login(attempt % 2 === 0 ? first : second, `spray-${randomUUID()}@omni.example`, 'guess', address)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);

    const email = await freshAccount();
    const refused = await login(first, email, demoPassword, address);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await login(second, email, demoPassword, freshAddress())).status).toBe(200);
  });

  it('does not count successful logins against the address (a store full of colleagues behind one router)', async () => {
    const address = freshAddress();
    const email = await freshAccount();
    const statuses = [];
    for (let attempt = 0; attempt < 8; attempt += 1) statuses.push((await login(first, email, demoPassword, address)).status);
    expect(statuses).toEqual(Array(8).fill(200));
  });
});

describe('client address', () => {
  it('ignores X-Forwarded-For unless API_TRUST_PROXY trusts the peer, so callers cannot pick a fresh address per guess', async () => {
    const direct = startTestApi({ config: { ...limits, API_TRUST_PROXY: 'false', LOGIN_MAX_FAILED_ATTEMPTS_PER_IP: '1000000' } });
    try {
      const email = `nobody-${randomUUID()}@omni.example`;
      const claimed = freshAddress();
      expect((await login(direct, email, 'guess', claimed)).status).toBe(401);
      expect(await direct.prisma.loginAttemptCounter.findUnique({ where: { key: `ip:${claimed}` } })).toBeNull();
      const peer = await direct.prisma.loginAttemptCounter.findFirst({
        where: { key: { in: ['ip:::ffff:127.0.0.1', 'ip:127.0.0.1', 'ip:::1'] } },
      });
      expect(peer).not.toBeNull();
    } finally {
      await direct.close();
    }
  });
});

describe('old login windows', () => {
  it('are swept by the first attempt of a process, and not again by every attempt within the same window', async () => {
    const api = startTestApi({ config: limits });
    const staleKey = () => `account:stale-${randomUUID()}@omni.example`;
    const stale = (key: string) =>
      api.prisma
        .$executeRaw`INSERT INTO login_attempt_counters (key, attempts, window_started_at) VALUES (${key}, 9, now() - interval '1 day')`;
    const exists = async (key: string) => (await api.prisma.loginAttemptCounter.count({ where: { key } })) === 1;
    try {
      const first = staleKey();
      await stale(first);
      await login(api, `sweep-${randomUUID()}@omni.example`, 'wrong', freshAddress());
      expect(await exists(first)).toBe(false);

      const second = staleKey();
      await stale(second);
      await login(api, `sweep-${randomUUID()}@omni.example`, 'wrong', freshAddress());
      expect(await exists(second)).toBe(true);
    } finally {
      await api.prisma.loginAttemptCounter.deleteMany({ where: { key: { startsWith: 'account:stale-' } } });
      await api.close();
    }
  });
});
