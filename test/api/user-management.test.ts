import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { demoLogin, demoPassword, startTestApi, type TestApi } from './support/test-app';

describe('user management by admins', () => {
  let api: TestApi;
  let admin: string;

  beforeAll(async () => {
    api = startTestApi();
    admin = await api.tokenFor(demoLogin.admin);
  });

  afterAll(async () => {
    await api.close();
  });

  const amsterdam = () => api.prisma.store.findUniqueOrThrow({ where: { code: 'AMS-01' } });
  const newClerk = async () => {
    const email = `clerk-${randomUUID().slice(0, 8)}@omni.example`;
    const response = await request(api.app)
      .post('/api/users')
      .set('Authorization', `Bearer ${admin}`)
      .send({
        email,
        name: 'New Clerk',
        password: 'a-long-enough-password',
        role: 'STORE_STAFF',
        storeId: (await amsterdam()).id,
        isStoreManager: false,
      });
    return { email, response };
  };
  const login = (email: string, password: string) => request(api.app).post('/api/auth/login').send({ email, password });

  it('creates a user who can sign in, audited without the password', async () => {
    const { email, response } = await newClerk();

    expect(response.status).toBe(201);
    expect(response.body).not.toHaveProperty('passwordHash');
    expect((await login(email, 'a-long-enough-password')).status).toBe(200);
    const audit = await api.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'user.create', entityId: (response.body as { id: string }).id },
    });
    expect(JSON.stringify(audit)).not.toContain('a-long-enough-password');
  });

  it('refuses bad placements and duplicate emails with 4xx, writing nothing', async () => {
    const before = await api.prisma.user.count();
    const bad = await request(api.app)
      .post('/api/users')
      .set('Authorization', `Bearer ${admin}`)
      .send({
        email: `x-${randomUUID().slice(0, 8)}@omni.example`,
        name: 'X',
        password: 'a-long-enough-password',
        role: 'STORE_STAFF',
        storeId: null,
        isStoreManager: false,
      });
    const short = await request(api.app)
      .post('/api/users')
      .set('Authorization', `Bearer ${admin}`)
      .send({
        email: `y-${randomUUID().slice(0, 8)}@omni.example`,
        name: 'Y',
        password: 'short',
        role: 'OPS_LEAD',
        storeId: null,
        isStoreManager: false,
      });
    const duplicate = await request(api.app).post('/api/users').set('Authorization', `Bearer ${admin}`).send({
      email: demoLogin.amsterdamStaff,
      name: 'Dup',
      password: 'a-long-enough-password',
      role: 'OPS_LEAD',
      storeId: null,
      isStoreManager: false,
    });
    const byClerk = await request(api.app)
      .post('/api/users')
      .set('Authorization', `Bearer ${await api.tokenFor(demoLogin.amsterdamStaff)}`)
      .send({});

    expect(bad.status).toBe(400);
    expect((bad.body as { errors: Record<string, string> }).errors).toHaveProperty('storeId');
    expect(short.status).toBe(400);
    expect(duplicate.status).toBe(409);
    expect(byClerk.status).toBe(403);
    expect(await api.prisma.user.count()).toBe(before);
  });

  it('deactivates a user: their token stops working on the next request, and they cannot sign in', async () => {
    const { email, response } = await newClerk();
    const id = (response.body as { id: string }).id;
    const token = ((await login(email, 'a-long-enough-password')).body as { token: string }).token;
    expect((await request(api.app).get('/api/tasks').set('Authorization', `Bearer ${token}`)).status).toBe(200);

    const deactivated = await request(api.app).patch(`/api/users/${id}`).set('Authorization', `Bearer ${admin}`).send({ active: false });

    expect(deactivated.status).toBe(200);
    expect((await request(api.app).get('/api/tasks').set('Authorization', `Bearer ${token}`)).status).toBe(401);
    expect((await login(email, 'a-long-enough-password')).status).toBe(401);
    expect(await api.prisma.auditEvent.count({ where: { action: 'user.deactivate', entityId: id } })).toBe(1);
  });

  it('changes role and store, resets the password (old one out), and keeps an admin from locking themselves out', async () => {
    const { email, response } = await newClerk();
    const id = (response.body as { id: string }).id;
    const promoted = await request(api.app)
      .patch(`/api/users/${id}`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ role: 'OPS_LEAD', storeId: null, isStoreManager: false });
    const oldToken = ((await login(email, 'a-long-enough-password')).body as { token: string }).token;
    const reset = await request(api.app)
      .post(`/api/users/${id}/reset-password`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ password: 'another-long-password' });
    const adminUser = await api.prisma.user.findUniqueOrThrow({ where: { email: demoLogin.admin } });
    const selfDemotion = await request(api.app)
      .patch(`/api/users/${adminUser.id}`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ active: false });

    expect(promoted.status).toBe(200);
    expect(promoted.body).toMatchObject({ role: 'OPS_LEAD', storeId: null });
    expect(reset.status).toBe(200);
    expect((await login(email, 'a-long-enough-password')).status).toBe(401);
    expect((await request(api.app).get('/api/tasks').set('Authorization', `Bearer ${oldToken}`)).status).toBe(401);
    expect((await login(email, 'another-long-password')).status).toBe(200);
    expect(await api.prisma.auditEvent.count({ where: { action: 'user.reset_password', entityId: id } })).toBe(1);
    expect(selfDemotion.status).toBe(409);
    expect((await login(demoLogin.admin, demoPassword)).status).toBe(200);
  });
});
