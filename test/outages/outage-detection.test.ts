import request from 'supertest';
import { signAccessToken } from '../../api/auth/tokens';
import { createApp } from '../../api/app';
import { createLogger } from '../../api/logger';
import { createTemporalClient } from '../../api/temporal-client';
import { outageWorkflowSettingsOf } from '../../api/routes/outages/outages';
import { type DetectOutagesInput } from '../../domain/outages/outage-detection-workflow';
import { type detectOutages } from '../../workflows';
import { testConfig } from '../api/support/test-app';
import { eventually } from '../support/eventually';
import { saveHistoryIfRecording } from '../support/histories';
import { startTestWorker } from '../support/temporal';
import { outcomeOf, runStockSync } from '../stock-sync/support/run-sync';
import { StockSyncWorld } from '../stock-sync/support/stock-sync-world';

/**
 * Scheduled detection against the sandbox's outage fault (every call 503): MegaMart's checks fail, the
 * third failed check in a row opens its outage (DETECTED) and starts its run, stock sync skips it, and
 * once the fault is lifted the run finds the recovery and resolves it. A second channel declared down by
 * hand is joined by its detection instead of getting a second outage.
 */
describe('outage detection', () => {
  const world = new StockSyncWorld();
  const runIds: string[] = [];
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  let temporal: ReturnType<typeof createTemporalClient>;
  let app: ReturnType<typeof createApp>;
  let bearer = '';
  let input: DetectOutagesInput;
  let tick = 0;

  /** One tick; with a history name its history is kept for replay under RECORD_HISTORIES=1. */
  const detect = async (historyName?: string) => {
    tick += 1;
    const handle = await worker.client.workflow.start<typeof detectOutages>('detectOutages', {
      taskQueue: worker.taskQueue,
      workflowId: `outage-detection-${world.prefix}-${tick}`,
      args: [input],
    });
    const result = await handle.result();
    if (historyName !== undefined) await saveHistoryIfRecording(handle, historyName);
    return result;
  };

  beforeAll(async () => {
    await world.setUp(
      [
        { name: 'mm', maxBatchSize: 50, safetyBuffer: 0, closeListingAtOrBelow: 0 },
        { name: 'shop', maxBatchSize: 50, safetyBuffer: 0, closeListingAtOrBelow: 0 },
      ],
      [{ name: 'A', stock: { first: [5, 0] } }],
      { faultSeed: 11 },
    );
    worker = await startTestWorker({ prisma: world.prisma, channels: world.channels });
    const config = testConfig({
      TEMPORAL_TASK_QUEUE: worker.taskQueue,
      WORKFLOW_START_RELAY_DELAY_MS: '0',
      OUTAGE_HEALTH_CHECK_INTERVAL_MS: '300',
      OUTAGE_RECOVERY_PROBES: '2',
      OUTAGE_DETECTION_FAILURES: '3',
      OUTAGE_PUBLISH_READBACK_DELAY_MS: '0',
    });
    input = {
      settings: outageWorkflowSettingsOf(config),
      pushWindowMs: 60_000,
      channelCodes: [world.channelCode('mm'), world.channelCode('shop')],
    };
    temporal = createTemporalClient(config);
    app = createApp({ prisma: world.prisma, temporal, config, logger: createLogger(config) });
    const opsLead = await world.prisma.user.create({
      data: { email: `ops@${world.prefix}.test`, name: 'Ops lead', role: 'OPS_LEAD', passwordHash: 'not-used-by-these-tests' },
    });
    bearer = `Bearer ${signAccessToken(opsLead.id, { secret: config.JWT_SECRET, ttlSeconds: 600 })}`;
  });
  afterAll(async () => {
    await world.setFaults('mm', { outage: null });
    await world.setFaults('shop', { outage: null });
    await world.prisma.outage.updateMany({
      where: { channel: { code: { in: input.channelCodes } }, status: { not: 'RESOLVED' } },
      data: { status: 'RESOLVED', openScope: null, resolvedAt: new Date() },
    });
    await worker.stop();
    await temporal.close();
    await world.tearDown(runIds);
  });

  it('opens the outage after N failed checks, stock sync skips it, recovery resolves it; a second detection joins', async () => {
    const mm = world.channelCode('mm');
    const shop = await world.prisma.channel.findUniqueOrThrow({ where: { code: world.channelCode('shop') } });
    await world.setFaults('mm', { outage: '503' });
    await world.setFaults('shop', { outage: '503' });
    const declared = await request(app)
      .post('/api/outages')
      .set('Authorization', bearer)
      .send({ kind: 'CHANNEL', channelId: shop.id, cause: 'the shop platform is down, says their status page' });
    expect(declared.status).toBe(201);

    expect(await detect()).toMatchObject({ checked: 2, failed: 2, opened: [], joined: [] });
    expect(await detect()).toMatchObject({ failed: 2, opened: [] });
    expect(await world.prisma.outage.count({ where: { channel: { code: mm } } })).toBe(0);
    const third = await detect('outage-detection-opened-and-joined');
    expect(third.opened).toHaveLength(1);
    expect(third.joined).toHaveLength(1);
    // Once per run of failures: the next failing tick neither opens nor joins again.
    expect(await detect()).toMatchObject({ opened: [], joined: [] });

    const [outageId] = third.opened;
    const outage = await world.prisma.outage.findUniqueOrThrow({ where: { id: outageId ?? '' } });
    expect(outage).toMatchObject({ source: 'DETECTED', status: 'ACTIVE', workflowId: `outage:${outageId}` });
    expect(outage.cause).toContain('3 failed health checks');
    const joined = await world.prisma.outage.findUniqueOrThrow({ where: { id: (declared.body as { outage: { id: string } }).outage.id } });
    expect(joined.joinedCount).toBe(1);
    expect(await world.prisma.outage.count({ where: { channelId: shop.id } })).toBe(1);
    const start = await world.prisma.workflowStart.findUniqueOrThrow({ where: { workflowId: outage.workflowId ?? '' } });
    expect(start.status).toBe('STARTED');

    await eventually(
      () => world.prisma.channel.findUniqueOrThrow({ where: { code: mm } }),
      (c) => c.status === 'OUTAGE',
    );
    const sync = await runStockSync(worker.client, worker.taskQueue, `stock-sync-detected-${world.prefix}`, [mm]);
    runIds.push(sync.workflowId);
    expect(outcomeOf(sync.result, mm)).toMatchObject({ outcome: 'SKIPPED', reason: 'channel status is OUTAGE' });

    await world.setFaults('mm', { outage: null });
    const resolved = await eventually(
      () => world.prisma.outage.findUniqueOrThrow({ where: { id: outage.id } }),
      (o) => o.status === 'RESOLVED',
      60_000,
    );
    expect(resolved.status).toBe('RESOLVED');
    expect((await world.prisma.channel.findUniqueOrThrow({ where: { code: mm } })).status).toBe('ACTIVE');
    const checks = await world.prisma.channelHealthCheck.findMany({ where: { channel: { code: mm } }, orderBy: { checkedAt: 'asc' } });
    expect(checks.map((c) => c.failed)).toEqual([true, true, true, true]);
  });
});
