import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import request from 'supertest';
import { hashPassword } from '../../api/auth/passwords';
import { bodyOf, demoPassword, startTestApi, testConfig, type TestApi } from './support/test-app';

interface LoginBody {
  token: string;
  expiresAt: string;
  user: { id: string };
}

let api: TestApi;
const createdUserIds: string[] = [];

beforeAll(() => {
  api = startTestApi();
});

afterAll(async () => {
  // Their logins are in the append-only audit trail, so the accounts stay, switched off.
  await api.prisma.user.updateMany({ where: { id: { in: createdUserIds } }, data: { active: false } });
  await api.close();
});

async function freshAccount(): Promise<{ id: string; email: string }> {
  const email = `tokens-${randomUUID()}@omni.example`;
  const user = await api.prisma.user.create({
    data: { email, name: 'Token Test', role: 'OPS_LEAD', passwordHash: await hashPassword(demoPassword) },
  });
  createdUserIds.push(user.id);
  return { id: user.id, email };
}

async function login(email: string, password = demoPassword): Promise<LoginBody> {
  const response = await request(api.app).post('/api/auth/login').send({ email, password });
  expect(response.status).toBe(200);
  return bodyOf<LoginBody>(response);
}

const me = (token: string) => request(api.app).get('/api/auth/me').set('Authorization', `Bearer ${token}`);
const logout = (token: string) => request(api.app).post('/api/auth/logout').set('Authorization', `Bearer ${token}`);

describe('token lifetime', () => {
  it('expires after JWT_TTL_SECONDS, eight hours (a shift) by default, as the login answer says', async () => {
    expect(testConfig().JWT_TTL_SECONDS).toBe(8 * 3600);
    const { email } = await freshAccount();
    const before = Date.now();
    const { token, expiresAt } = await login(email);
    const claims = jwt.decode(token) as { iat: number; exp: number };
    expect(claims.exp - claims.iat).toBe(8 * 3600);
    expect(Math.abs(new Date(expiresAt).getTime() - claims.exp * 1000)).toBeLessThan(2000 + Date.now() - before);
  });

  it('refuses a well-signed token without a token id and version (the format before revocation)', async () => {
    const { id } = await freshAccount();
    const old = jwt.sign({}, testConfig().JWT_SECRET, { subject: id, expiresIn: 600 });
    expect((await me(old)).status).toBe(401);
  });
});

describe('POST /api/auth/logout', () => {
  it('revokes the token it is called with at once, and only that one', async () => {
    const { email } = await freshAccount();
    const laptop = await login(email);
    const phone = await login(email);
    expect((await me(laptop.token)).status).toBe(200);

    const response = await logout(laptop.token);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ revoked: true });
    expect((await me(laptop.token)).status).toBe(401);
    expect((await logout(laptop.token)).status).toBe(401);
    expect((await me(phone.token)).status).toBe(200);
  });

  it('is audited', async () => {
    const { id, email } = await freshAccount();
    const requestId = `logout-${randomUUID()}`;
    const { token } = await login(email);
    await request(api.app).post('/api/auth/logout').set('Authorization', `Bearer ${token}`).set('X-Request-Id', requestId);
    const events = await api.prisma.auditEvent.findMany({ where: { requestId } });
    expect(events).toEqual([expect.objectContaining({ action: 'auth.logout', entityId: id, actorLabel: email })]);
  });

  it('is 401 without a token, writing nothing', async () => {
    const before = await api.prisma.revokedToken.count();
    expect((await request(api.app).post('/api/auth/logout')).status).toBe(401);
    expect(await api.prisma.revokedToken.count()).toBe(before);
  });
});

describe('revoking all of a user\u2019s tokens', () => {
  it('a new password ends every earlier session; signing in with it works', async () => {
    const { id, email } = await freshAccount();
    const sessions = [await login(email), await login(email)];
    await api.prisma.user.update({ where: { id }, data: { passwordHash: await hashPassword('a-brand-new-password') } });

    for (const { token } of sessions) expect((await me(token)).status).toBe(401);
    const fresh = await login(email, 'a-brand-new-password');
    expect((await me(fresh.token)).status).toBe(200);
  });

  it('deactivation puts the user out at once, and reactivating does not bring the old tokens back', async () => {
    const { id, email } = await freshAccount();
    const { token } = await login(email);
    await api.prisma.user.update({ where: { id }, data: { active: false } });
    expect((await me(token)).status).toBe(401);

    await api.prisma.user.update({ where: { id }, data: { active: true } });
    expect((await me(token)).status).toBe(401);
    expect((await me((await login(email)).token)).status).toBe(200);
  });

  it('other changes to the user (name, role) keep their sessions', async () => {
    const { id, email } = await freshAccount();
    const { token } = await login(email);
    await api.prisma.user.update({ where: { id }, data: { name: 'Renamed', role: 'ADMIN' } });
    const response = await me(token);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ name: 'Renamed', role: 'ADMIN' });
  });
});
