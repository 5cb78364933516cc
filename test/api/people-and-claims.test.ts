import request from 'supertest';
import { demoLogin, startTestApi, type TestApi } from './support/test-app';

describe('names of people and claimed-by filters for the admin UI', () => {
  let api: TestApi;

  beforeAll(() => {
    api = startTestApi();
  });

  afterAll(async () => {
    await api.close();
  });

  it('gives head office every name, store staff their store and head office only, and no password hashes', async () => {
    const asAdmin = await request(api.app)
      .get('/api/users/names')
      .set('Authorization', `Bearer ${await api.tokenFor(demoLogin.admin)}`);
    const asClerk = await request(api.app)
      .get('/api/users/names')
      .set('Authorization', `Bearer ${await api.tokenFor(demoLogin.amsterdamStaff)}`);

    expect(asAdmin.status).toBe(200);
    const everyone = asAdmin.body as { email: string; name: string }[];
    expect(everyone.map((person) => person.email)).toEqual(expect.arrayContaining([demoLogin.berlinStaff, demoLogin.amsterdamStaff]));
    expect(Object.keys(everyone[0] ?? {}).sort()).toEqual(['active', 'email', 'id', 'name', 'storeId']);
    const seenByClerk = (asClerk.body as { email: string }[]).map((person) => person.email);
    expect(seenByClerk).toEqual(expect.arrayContaining([demoLogin.amsterdamStaff, demoLogin.admin]));
    expect(seenByClerk).not.toContain(demoLogin.berlinStaff);
  });

  it('needs a sign-in', async () => {
    expect((await request(api.app).get('/api/users/names')).status).toBe(401);
  });

  it('narrows the inbox to tasks claimed by the caller or by nobody, and refuses any other value', async () => {
    const token = await api.tokenFor(demoLogin.amsterdamStaff);
    const clerk = await api.prisma.user.findUniqueOrThrow({ where: { email: demoLogin.amsterdamStaff } });
    const list = (assigned: string) =>
      request(api.app)
        .get('/api/tasks')
        .query({ filter: JSON.stringify({ assigned }), range: '[0,999]' })
        .set('Authorization', `Bearer ${token}`);

    const mine = await list('mine');
    const unassigned = await list('unassigned');
    const bad = await list('everyone');

    expect(mine.status).toBe(200);
    expect((mine.body as { assigneeUserId: string | null }[]).every((task) => task.assigneeUserId === clerk.id)).toBe(true);
    expect(unassigned.status).toBe(200);
    expect((unassigned.body as { assigneeUserId: string | null }[]).every((task) => task.assigneeUserId === null)).toBe(true);
    expect(bad.status).toBe(400);
  });

  it('refuses a counter lookup shorter than 2 characters or without a sign-in', async () => {
    const token = await api.tokenFor(demoLogin.amsterdamStaff);
    const tooShort = await request(api.app).get('/api/tasks/lookup').query({ q: 'x' }).set('Authorization', `Bearer ${token}`);
    const nothing = await request(api.app).get('/api/tasks/lookup').set('Authorization', `Bearer ${token}`);
    const found = await request(api.app).get('/api/tasks/lookup').query({ q: 'no-such-order-zz' }).set('Authorization', `Bearer ${token}`);

    expect(tooShort.status).toBe(400);
    expect(nothing.status).toBe(400);
    expect(found.status).toBe(200);
    expect(found.body).toEqual([]);
    expect((await request(api.app).get('/api/tasks/lookup').query({ q: 'ada' })).status).toBe(401);
  });
});
