import request from 'supertest';
import { promotionWorkflowId } from '../../domain/promotions/promotion-rules';
import { type RollOutPromotionResult } from '../../domain/promotions/promotion-workflow';
import { eventually } from '../support/eventually';
import { type AppOnTestWorker, startAppOnTestWorker } from '../support/app-on-test-worker';
import { PromotionsWorld, type PromoUserKey } from './support/promotions-world';

const JAKARTA = 'Asia/Jakarta';

/** The wall-clock time in `zone` at `instant`, to the second, as the form sends it (the platform's zone rules, not ours). */
function wallClockIn(zone: string, instant: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
}

/**
 * The start in a named zone against the real timer: a promotion "from 00:00 on 12.12 in Asia/Jakarta"
 * starts at 17:00 UTC the day before; scheduled for it, an edit moving the start to a few seconds ahead
 * (Jakarta wall clock) sends it back for approval, and once approved again the durable timer is re-armed
 * for the new instant: the promotion goes live then, not before, and not at the old start; the end's timer
 * ends it by itself.
 */
describe('promotion schedule: Jakarta start, an edit re-arms the timer', () => {
  const world = new PromotionsWorld();
  let stack: AppOnTestWorker | undefined;
  let worker: AppOnTestWorker['worker'];
  let app: AppOnTestWorker['app'];
  let secret: string;
  const as = (key: PromoUserKey) => world.bearer(key, secret);

  beforeAll(async () => {
    await world.setUp([{ name: 'web', kind: 'WEB_STORE', maxBatchSize: 50, perSecond: 50 }], 10);
    stack = await startAppOnTestWorker(
      { prisma: world.prisma, channels: world.channels },
      {
        PROMOTION_READBACK_DELAY_MS: '100',
      },
    );
    ({ worker, app } = stack);
    secret = stack.config.JWT_SECRET;
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
    await world.tearDown();
  });

  const body = (startsLocal: string, endsLocal: string) => ({
    name: `${world.prefix} harbolnas`,
    discount: { type: 'PERCENT', value: 20 },
    currency: 'EUR',
    timeZone: JAKARTA,
    startsLocal,
    endsLocal,
    skus: world.skus,
    channelCodes: [world.channelCode('web')],
  });
  const approveNext = async (id: string, after: string | null) => {
    const approval = await eventually(
      () =>
        world.prisma.approvalRequest.findFirst({
          where: { subjectId: id, status: 'PENDING', ...(after !== null && { id: { not: after } }) },
        }),
      (row) => row !== null,
      // The request after an edit comes through the run and the outbox: slow on a loaded machine.
      90_000,
    );
    expect(approval).not.toBeNull();
    const approved = await request(app)
      .post(`/api/approvals/${approval?.id ?? ''}/approve`)
      .set('Authorization', as('leadB'))
      .send({});
    expect(approved.status).toBe(200);
    return approval?.id ?? '';
  };
  const statusOf = async (id: string) => (await world.prisma.promotion.findUniqueOrThrow({ where: { id } })).status;

  it('starts at the instant the Jakarta wall clock names, and a moved start re-arms the timer', async () => {
    const created = await request(app)
      .post('/api/promotions')
      .set('Authorization', as('leadA'))
      .send(body('2026-12-12T00:00', '2026-12-13T00:00'));
    expect(created.status).toBe(201);
    const { id, startsAt } = created.body as { id: string; startsAt: string };
    expect(startsAt).toBe('2026-12-11T17:00:00.000Z');
    const first = await approveNext(id, null);
    expect(
      await eventually(
        () => statusOf(id),
        (status) => status === 'SCHEDULED',
        30_000,
      ),
    ).toBe('SCHEDULED');

    // Moved to a few seconds from now, typed on a Jakarta clock.
    const newStart = new Date(Math.ceil((Date.now() + 8_000) / 1000) * 1000);
    const edited = await request(app)
      .put(`/api/promotions/${id}`)
      .set('Authorization', as('leadA'))
      .send(body(wallClockIn(JAKARTA, newStart), wallClockIn(JAKARTA, new Date(newStart.getTime() + 20_000))));
    expect(edited.status).toBe(200);
    expect((edited.body as { startsAt: string }).startsAt).toBe(newStart.toISOString());
    expect(await statusOf(id)).toBe('PENDING_APPROVAL');
    await approveNext(id, first);

    expect(
      await eventually(
        () => statusOf(id),
        (status) => status === 'ACTIVE',
        60_000,
        100,
      ),
    ).toBe('ACTIVE');
    const activated = await world.prisma.auditEvent.findFirstOrThrow({ where: { entityId: id, action: 'promotion.active' } });
    expect(activated.createdAt.getTime()).toBeGreaterThanOrEqual(newStart.getTime());
    const applied = await eventually(
      () => world.prisma.priceChange.findMany({ where: { promotionId: id, status: 'APPLIED' }, select: { appliedAt: true } }),
      (rows) => rows.length === world.skus.length,
      30_000,
    );
    for (const row of applied) expect(row.appliedAt?.getTime()).toBeGreaterThanOrEqual(newStart.getTime());

    // The end's timer (Jakarta wall clock too) ends it by itself and restores the snapshot.
    const handle = worker.client.workflow.getHandle(promotionWorkflowId(id));
    expect(((await handle.result()) as RollOutPromotionResult).status).toBe('ENDED');
    const ended = await world.prisma.auditEvent.findFirstOrThrow({ where: { entityId: id, action: 'promotion.ended' } });
    expect(ended.createdAt.getTime()).toBeGreaterThanOrEqual(newStart.getTime() + 20_000);
    const shown = await world.shownPrices('web');
    for (const sku of world.skus) expect([sku, shown.get(sku)]).toEqual([sku, world.basePriceMinor]);
  }, 180_000);
});
