import request from 'supertest';
import { outageTimelineQuery } from '../../domain/outages/outage-messages';
import { eventually } from '../support/eventually';
import { saveHistoryIfRecording } from '../support/histories';
import { outcomeOf, runStockSync } from '../stock-sync/support/run-sync';
import { StockSyncWorld } from '../stock-sync/support/stock-sync-world';
import { type OutageApp, startOutageApp } from './support/outage-app';

interface OutageBody {
  id: string;
  status: string;
  workflowId: string | null;
  report: Record<string, { count: number; valueMinor: number }> | null;
}

/**
 * A marketplace that is down (sandbox fault: every call answers 503), end to end: the outage marks it
 * unhealthy so stock sync skips it, the run probes it until it answers twice in a row, reconciles (nothing
 * to fix: no offline journal) and sets the channel back to ACTIVE.
 */
describe('channel outage', () => {
  const world = new StockSyncWorld();
  const runIds: string[] = [];
  let outage: OutageApp | undefined;
  let worker: OutageApp['worker'];
  let app: OutageApp['app'];
  let bearer = '';

  beforeAll(async () => {
    await world.setUp(
      [{ name: 'mm', maxBatchSize: 50, safetyBuffer: 0, closeListingAtOrBelow: 0 }],
      [{ name: 'A', stock: { first: [5, 0] } }],
      {
        faultSeed: 7,
      },
    );
    outage = await startOutageApp(world, {
      OUTAGE_HEALTH_CHECK_INTERVAL_MS: '300',
      OUTAGE_RECOVERY_PROBES: '2',
    });
    ({ worker, app, bearer } = outage);
  });
  afterAll(async () => {
    await outage?.stop();
    await world.tearDown(runIds);
  });

  it('marks the channel unhealthy, stock sync skips it, and recovery lifts the mark', async () => {
    const code = world.channelCode('mm');
    const channel = await world.prisma.channel.findUniqueOrThrow({ where: { code } });
    await world.setFaults('mm', { outage: '503' });

    const declared = await request(app)
      .post('/api/outages')
      .set('Authorization', bearer)
      .send({ kind: 'CHANNEL', channelId: channel.id, cause: 'MegaMart API answers 503' });
    expect(declared.status).toBe(201);
    const opened = (declared.body as { outage: OutageBody }).outage;
    const marked = await eventually(
      () => world.prisma.channel.findUniqueOrThrow({ where: { code } }),
      (c) => c.status === 'OUTAGE',
    );
    expect(marked.status).toBe('OUTAGE');

    const sync = await runStockSync(worker.client, worker.taskQueue, `stock-sync-outage-${world.prefix}`, [code]);
    runIds.push(sync.workflowId);
    expect(outcomeOf(sync.result, code)).toMatchObject({ outcome: 'SKIPPED', reason: 'channel status is OUTAGE' });

    // Still down after several probes: the outage stays open.
    const handle = worker.client.workflow.getHandle(opened.workflowId ?? '');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await handle.query(outageTimelineQuery)).currentStep).toBe('WAITING_FOR_RECOVERY');

    await world.setFaults('mm', { outage: null });
    const closed = await eventually(
      async () => (await request(app).get(`/api/outages/${opened.id}`).set('Authorization', bearer)).body as OutageBody,
      (o) => o.status === 'RESOLVED',
      30_000,
    );
    expect(closed.status).toBe('RESOLVED');
    expect(Object.values(closed.report ?? {}).every((c) => c.count === 0)).toBe(true);
    expect((await world.prisma.channel.findUniqueOrThrow({ where: { code } })).status).toBe('ACTIVE');
    const timeline = await handle.query(outageTimelineQuery);
    expect(timeline.entries.find((e) => e.step === 'WAITING_FOR_RECOVERY')?.outcome).toBe('channel answered again');
    expect(timeline.entries.filter((e) => e.step === 'CHANNEL_MARKED_UNHEALTHY').map((e) => e.outcome)).toEqual(['in force', 'lifted']);
    await saveHistoryIfRecording(handle, 'outage-channel-recovered');
  });
});
