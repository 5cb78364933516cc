import request from 'supertest';
import { type AppOnTestWorker, startAppOnTestWorker } from '../support/app-on-test-worker';
import { eventually } from '../support/eventually';
import { OutagesWorld, type OutagesUserKey } from './support/outages-world';

interface ImportAnswer {
  created: number;
  conflicts: number;
  rows: { receiptNumber: string; outcome: string; conflictId?: string }[];
}
interface Version {
  soldAt: string;
  totalMinor: number;
  lines: { sku: string; quantity: number; unitPriceMinor: number }[];
}
interface ConflictBody {
  id: string;
  receiptNumber: string;
  outageId: string | null;
  status: string;
  decision: string | null;
  decisionReason: string | null;
  decidedBy: { email: string } | null;
  journal: Version;
  incoming: Version;
}

/**
 * Offline-sale conflicts over the real app, PostgreSQL, Temporal and the outage run on an in-process worker: a store
 * outage's journal imported, two receipts imported again with other content; one conflict's incoming version taken,
 * the other kept as the journal has it; the reconciliation then applies the taken version's quantity. Once the
 * receipt is applied, taking another version is refused (a stock adjustment corrects it).
 */
describe('offline sale conflicts', () => {
  const world = new OutagesWorld(3);
  let stack: AppOnTestWorker;
  const as = (key: OutagesUserKey) => world.bearer(key, stack.config.JWT_SECRET);
  const price = () => world.unitPriceMinor;
  const csv = (...rows: [string, string, number][]) =>
    [
      'receipt_number,sold_at,currency,sku,quantity,unit_price_minor',
      ...rows.map(([receipt, sku, quantity]) => `${receipt},2026-12-02T09:00:00+07:00,IDR,${sku},${quantity},${price()}`),
    ].join('\n');
  const importCsv = async (text: string) => {
    const answer = await request(stack.app)
      .post(`/api/stores/${world.storeA}/offline-sales/import?fileName=till.csv`)
      .set('Authorization', as('managerA'))
      .set('content-type', 'text/csv')
      .send(text);
    expect(answer.status).toBe(200);
    return answer.body as ImportAnswer;
  };
  const decide = (id: string, body: object, key: OutagesUserKey = 'managerA') =>
    request(stack.app).post(`/api/offline-sale-conflicts/${id}/decision`).set('Authorization', as(key)).send(body);
  const conflict = async (id: string) =>
    (await request(stack.app).get(`/api/offline-sale-conflicts/${id}`).set('Authorization', as('opsLead'))).body as ConflictBody;
  const audits = (entityId: string) => world.prisma.auditEvent.count({ where: { entityType: 'OfflineSaleConflict', entityId } });
  const onHand = async (sku: string) =>
    (await world.prisma.inventoryLevel.findFirstOrThrow({ where: { storeId: world.storeA, product: { sku } } })).onHand;

  let outageId = '';
  let conflictR1 = '';
  let conflictR2 = '';

  beforeAll(async () => {
    await world.setUp();
    stack = await startAppOnTestWorker({ prisma: world.prisma }, { OUTAGE_PUBLISH_READBACK_DELAY_MS: '0' });
  });
  afterAll(async () => {
    await stack.stop();
    await world.tearDown();
  });

  it('keeps a changed receipt as a conflict with both versions side by side, linked from the import', async () => {
    const declared = await request(stack.app)
      .post('/api/outages')
      .set('Authorization', as('managerA'))
      .send({ kind: 'STORE', storeId: world.storeA, cause: 'till cut off' });
    expect(declared.status).toBe(201);
    outageId = (declared.body as { outage: { id: string } }).outage.id;
    expect(await importCsv(csv(['R-1', world.sku(0), 2], ['R-2', world.sku(1), 1]))).toMatchObject({ created: 2, conflicts: 0 });
    const again = await importCsv(csv(['R-1', world.sku(0), 5], ['R-2', world.sku(1), 3], ['R-3', world.sku(2), 1]));
    expect(again).toMatchObject({ created: 1, conflicts: 2 });
    const ids = Object.fromEntries(again.rows.filter((r) => r.outcome === 'CONFLICT').map((r) => [r.receiptNumber, r.conflictId]));
    conflictR1 = ids['R-1'] ?? '';
    conflictR2 = ids['R-2'] ?? '';
    expect(conflictR1).toMatch(/^[0-9a-f-]{36}$/);

    const list = await request(stack.app)
      .get('/api/offline-sale-conflicts')
      .query({ filter: JSON.stringify({ outageId, status: 'OPEN' }), sort: '["createdAt","DESC"]', range: '[0,9]' })
      .set('Authorization', as('opsLead'));
    expect(list.status).toBe(200);
    expect(list.headers['content-range']).toBe('offline-sale-conflicts 0-1/2');
    expect((list.body as ConflictBody[]).map((c) => c.receiptNumber).sort()).toEqual(['R-1', 'R-2']);

    const one = await conflict(conflictR1);
    expect(one).toMatchObject({ receiptNumber: 'R-1', outageId, status: 'OPEN', decision: null });
    expect(one.journal.lines).toEqual([expect.objectContaining({ sku: world.sku(0), quantity: 2, unitPriceMinor: price() })]);
    expect(one.incoming.lines).toEqual([expect.objectContaining({ sku: world.sku(0), quantity: 5, unitPriceMinor: price() })]);
    expect([one.journal.totalMinor, one.incoming.totalMinor]).toEqual([2 * price(), 5 * price()]);
    expect(one.incoming.soldAt).toBe(one.journal.soldAt);

    // Another store's clerk sees none of them, and a filter by their store is empty for them.
    const other = await request(stack.app).get('/api/offline-sale-conflicts').set('Authorization', as('clerkB'));
    expect(other.body).toEqual([]);
    expect((await request(stack.app).get(`/api/offline-sale-conflicts/${conflictR1}`).set('Authorization', as('clerkB'))).status).toBe(404);
    const badFilter = await request(stack.app)
      .get('/api/offline-sale-conflicts')
      .query({ filter: JSON.stringify({ status: 'MAYBE' }) })
      .set('Authorization', as('opsLead'));
    expect(badFilter.status).toBe(400);
  });

  it('refuses a bad decision, a clerk and an unknown conflict with nothing written', async () => {
    for (const body of [
      {},
      { decision: 'TAKE_INCOMING' },
      { decision: 'TAKE_INCOMING', reason: '   ' },
      { decision: 'OVERWRITE', reason: 'x' },
      { decision: 'TAKE_INCOMING', reason: 'x', lines: [] },
      { decision: 'TAKE_INCOMING', reason: 'x'.repeat(501) },
    ]) {
      const refused = await decide(conflictR1, body);
      expect([refused.status, body]).toEqual([400, body]);
    }
    expect((await decide(conflictR1, { decision: 'TAKE_INCOMING', reason: 'till printed it' }, 'clerkA')).status).toBe(403);
    expect((await decide(conflictR1, { decision: 'TAKE_INCOMING', reason: 'till printed it' }, 'clerkB')).status).toBe(404);
    expect((await decide('00000000-0000-4000-8000-000000000000', { decision: 'KEEP_JOURNAL', reason: 'x' })).status).toBe(404);
    expect(await conflict(conflictR1)).toMatchObject({ status: 'OPEN', decision: null, decisionReason: null, decidedBy: null });
    expect(await audits(conflictR1)).toBe(0);
  });

  it('takes one incoming version and keeps the other journal version, each once and audited', async () => {
    const taken = await decide(conflictR1, { decision: 'TAKE_INCOMING', reason: 'the till roll shows 5 units' });
    expect(taken.status).toBe(200);
    expect(taken.body).toMatchObject({
      status: 'DECIDED',
      decision: 'TAKE_INCOMING',
      decisionReason: 'the till roll shows 5 units',
      decidedBy: { email: world.users.managerA.email },
    });
    const twice = await decide(conflictR1, { decision: 'KEEP_JOURNAL', reason: 'changed my mind' });
    expect(twice.status).toBe(409);
    expect((twice.body as { message: string }).message).toMatch(/decided already/);
    const kept = await decide(conflictR2, { decision: 'KEEP_JOURNAL', reason: 'the second import was a test file' }, 'opsLead');
    expect(kept.status).toBe(200);
    expect(await audits(conflictR1)).toBe(1);
    const audit = await world.prisma.auditEvent.findFirstOrThrow({ where: { entityType: 'OfflineSaleConflict', entityId: conflictR1 } });
    expect(audit).toMatchObject({ action: 'offline-sale-conflict.decide', actorUserId: world.users.managerA.id });
    const decided = await request(stack.app)
      .get('/api/offline-sale-conflicts')
      .query({ filter: JSON.stringify({ storeId: world.storeA, status: 'DECIDED' }) })
      .set('Authorization', as('managerA'));
    expect((decided.body as ConflictBody[]).map((c) => [c.receiptNumber, c.decision]).sort()).toEqual([
      ['R-1', 'TAKE_INCOMING'],
      ['R-2', 'KEEP_JOURNAL'],
    ]);
  });

  it('reconciles the taken version, not the journal one, and refuses taking a version once applied', async () => {
    const ended = await request(stack.app)
      .post(`/api/outages/${outageId}/end`)
      .set('Authorization', as('managerA'))
      .send({ reason: 'till back online' });
    expect(ended.status).toBe(202);
    await eventually(
      () => world.prisma.outage.findUniqueOrThrow({ where: { id: outageId } }),
      (o) => o.status === 'RESOLVED',
      60_000,
    );
    const applied = await world.prisma.discrepancy.findMany({
      where: { class: 'OFFLINE_SALE', reconciliation: { outageId } },
      include: { product: { select: { sku: true } } },
    });
    expect(applied.map((d) => [d.product.sku, d.journalQty, d.delta]).sort()).toEqual([
      [world.sku(0), 5, -5],
      [world.sku(1), 1, -1],
      [world.sku(2), 1, -1],
    ]);
    expect([await onHand(world.sku(0)), await onHand(world.sku(1)), await onHand(world.sku(2))]).toEqual([15, 19, 19]);

    // The receipt is applied now: another version of it can only be dismissed.
    const late = await importCsv(csv(['R-2', world.sku(1), 4]));
    const lateId = late.rows.find((r) => r.outcome === 'CONFLICT')?.conflictId ?? '';
    const refused = await decide(lateId, { decision: 'TAKE_INCOMING', reason: 'found another roll' });
    expect(refused.status).toBe(409);
    expect((refused.body as { message: string }).message).toMatch(/already applied to stock.*stock adjustment/);
    expect(await audits(lateId)).toBe(0);
    expect((await decide(lateId, { decision: 'KEEP_JOURNAL', reason: 'correct it by a stock adjustment' })).status).toBe(200);
    expect(await onHand(world.sku(1))).toBe(19);
  });
});
