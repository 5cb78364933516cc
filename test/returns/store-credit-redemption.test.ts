import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { bodyOf, demoLogin, startTestApi, type TestApi } from '../api/support/test-app';

interface StoreCreditBody {
  id: string;
  code: string;
  balanceMinor: number;
  redemptions: { amountMinor: number; receiptNumber: string; storeName: string; redeemedByName: string }[];
}

/**
 * Store credit a till refund issued is spent at any store's till: found by its code, lowered once per
 * receipt, never below zero (also with two tills at once), and every refusal writes nothing.
 */
describe('store credit at the till', () => {
  let api: TestApi;
  let amsterdam: { id: string; currency: string };
  let berlin: { id: string };

  beforeAll(async () => {
    api = startTestApi();
    const staff = await api.prisma.user.findUniqueOrThrow({ where: { email: demoLogin.amsterdamStaff }, select: { storeId: true } });
    const other = await api.prisma.user.findUniqueOrThrow({ where: { email: demoLogin.berlinStaff }, select: { storeId: true } });
    amsterdam = await api.prisma.store.findUniqueOrThrow({ where: { id: staff.storeId ?? '' }, select: { id: true, currency: true } });
    berlin = { id: other.storeId ?? '' };
  });
  afterAll(async () => {
    await api.close();
  });

  /** A credit issued at Amsterdam's till (codes are unique per test: SC- plus 8 random characters). */
  async function issueCredit(amountMinor: number, overrides: { currency?: string; expiresAt?: Date } = {}) {
    const random = randomUUID().replace(/-/g, '').toUpperCase().slice(0, 8);
    return api.prisma.storeCredit.create({
      data: {
        code: `SC-${random.slice(0, 4)}-${random.slice(4)}`,
        issuedAtStoreId: amsterdam.id,
        amountMinor: BigInt(amountMinor),
        balanceMinor: BigInt(amountMinor),
        currency: overrides.currency ?? amsterdam.currency,
        idempotencyKey: `store-credit:test:${randomUUID()}`,
        expiresAt: overrides.expiresAt ?? null,
      },
    });
  }

  const redeem = async (email: string, id: string, body: Record<string, unknown>) =>
    request(api.app)
      .post(`/api/store-credits/${id}/redeem`)
      .set('Authorization', `Bearer ${await api.tokenFor(email)}`)
      .send(body);
  const balanceOf = async (id: string) => Number((await api.prisma.storeCredit.findUniqueOrThrow({ where: { id } })).balanceMinor);
  const redemptionsOf = (id: string) => api.prisma.storeCreditRedemption.count({ where: { storeCreditId: id } });

  it('is found by its code at another store and spent there, once per receipt', async () => {
    const credit = await issueCredit(5000);
    const berlinToken = await api.tokenFor(demoLogin.berlinStaff);
    const typed = credit.code.toLowerCase().replace(/-/g, ' ');
    const found = await request(api.app)
      .get('/api/store-credits')
      .query({ filter: JSON.stringify({ code: typed }) })
      .set('Authorization', `Bearer ${berlinToken}`);
    expect(found.status).toBe(200);
    expect(bodyOf<{ id: string }[]>(found).map((row) => row.id)).toEqual([credit.id]);
    // Part of the code, or no code, and Berlin's clerk does not see Amsterdam's credit.
    const partly = await request(api.app)
      .get('/api/store-credits')
      .query({ filter: JSON.stringify({ code: credit.code.slice(0, 7) }) })
      .set('Authorization', `Bearer ${berlinToken}`);
    expect(partly.status).toBe(200);
    expect(bodyOf<{ id: string }[]>(partly).map((row) => row.id)).not.toContain(credit.id);
    const browsed = await request(api.app)
      .get('/api/store-credits')
      .query({ range: '[0,99]' })
      .set('Authorization', `Bearer ${berlinToken}`);
    expect(bodyOf<{ id: string }[]>(browsed).map((row) => row.id)).not.toContain(credit.id);

    const first = await redeem(demoLogin.berlinStaff, credit.id, { amountMinor: 1999, receiptNumber: 'B-1001' });
    expect(first.status).toBe(200);
    expect(bodyOf<StoreCreditBody>(first)).toMatchObject({
      balanceMinor: 3001,
      redemptions: [{ amountMinor: 1999, receiptNumber: 'B-1001' }],
    });
    // The till's retry of the same receipt spends nothing more.
    const retried = await redeem(demoLogin.berlinStaff, credit.id, { amountMinor: 1999, receiptNumber: 'B-1001' });
    expect(retried.status).toBe(200);
    expect(bodyOf<StoreCreditBody>(retried).balanceMinor).toBe(3001);
    expect(await redemptionsOf(credit.id)).toBe(1);
    // The same receipt with another amount is a mistake, not a second spend.
    expect((await redeem(demoLogin.berlinStaff, credit.id, { amountMinor: 500, receiptNumber: 'B-1001' })).status).toBe(409);

    const audit = await api.prisma.auditEvent.findMany({ where: { action: 'store-credit.redeem', entityId: credit.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]?.after).toMatchObject({ balanceMinor: 3001, amountMinor: 1999, receiptNumber: 'B-1001', storeId: berlin.id });
  });

  it('refuses more than is left, another currency, an expired credit and another store, writing nothing', async () => {
    const credit = await issueCredit(1000);
    const over = await redeem(demoLogin.amsterdamStaff, credit.id, { amountMinor: 1001, receiptNumber: 'A-1' });
    expect(over.status).toBe(400);
    expect(JSON.stringify(over.body)).toContain('only 10.00');

    const foreign = await issueCredit(1000, { currency: 'IDR' });
    expect((await redeem(demoLogin.amsterdamStaff, foreign.id, { amountMinor: 100, receiptNumber: 'A-2' })).status).toBe(409);
    const expired = await issueCredit(1000, { expiresAt: new Date(Date.now() - 60_000) });
    expect((await redeem(demoLogin.amsterdamStaff, expired.id, { amountMinor: 100, receiptNumber: 'A-3' })).status).toBe(409);
    // A clerk rings up at their own store only; head office must say which store.
    expect((await redeem(demoLogin.amsterdamStaff, credit.id, { amountMinor: 100, receiptNumber: 'A-4', storeId: berlin.id })).status).toBe(
      403,
    );
    expect((await redeem(demoLogin.opsLead, credit.id, { amountMinor: 100, receiptNumber: 'A-5' })).status).toBe(400);
    // Malformed input.
    for (const body of [
      {},
      { amountMinor: 0, receiptNumber: 'A-6' },
      { amountMinor: 1.5, receiptNumber: 'A-7' },
      { amountMinor: 10, receiptNumber: '  ' },
      { amountMinor: 10, receiptNumber: 'A-8', extra: 1 },
    ])
      expect((await redeem(demoLogin.amsterdamStaff, credit.id, body)).status).toBe(400);
    expect((await redeem(demoLogin.amsterdamStaff, randomUUID(), { amountMinor: 10, receiptNumber: 'A-9' })).status).toBe(404);

    for (const id of [credit.id, foreign.id, expired.id]) {
      expect(await redemptionsOf(id)).toBe(0);
      expect(await balanceOf(id)).toBe(1000);
    }
  });

  it('never goes below zero when two tills spend the same credit at once', async () => {
    const credit = await issueCredit(1000);
    const answers = await Promise.all([
      redeem(demoLogin.amsterdamStaff, credit.id, { amountMinor: 700, receiptNumber: 'A-100' }),
      redeem(demoLogin.berlinStaff, credit.id, { amountMinor: 700, receiptNumber: 'B-100' }),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 400]);
    expect(await balanceOf(credit.id)).toBe(300);
    expect(await redemptionsOf(credit.id)).toBe(1);
  });

  it('is kept in the database too: a redemption above the balance fails the CHECK, and redemptions are append-only', async () => {
    const credit = await issueCredit(1000);
    const user = await api.prisma.user.findUniqueOrThrow({ where: { email: demoLogin.amsterdamStaff } });
    const write = (amountMinor: number, receiptNumber: string) =>
      api.prisma.storeCreditRedemption.create({
        data: {
          storeCreditId: credit.id,
          storeId: amsterdam.id,
          amountMinor: BigInt(amountMinor),
          receiptNumber,
          redeemedByUserId: user.id,
        },
      });
    await expect(write(1001, 'DB-1')).rejects.toThrow(/store_credits_balance_within_amount/);
    const kept = await write(400, 'DB-2');
    expect(await balanceOf(credit.id)).toBe(600);
    await expect(api.prisma.storeCreditRedemption.delete({ where: { id: kept.id } })).rejects.toThrow(/append-only/);
  });
});
