import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { parseConfig } from '../../domain/config';
import { workerConfigSchema } from '../../worker/config';
import { ensureStockSyncSchedule, type StockSyncScheduleConfig } from '../../worker/schedules';
import { testEnv } from '../support/env';
import { eventually } from '../support/eventually';

/**
 * The schedule against the real Temporal server. Its runs go to a task queue no worker polls, so a
 * started sync stays running: that shows the schedule starts syncStock, and that overlap SKIP then
 * keeps it from starting a second one, without syncing the shared test database's channels.
 */
describe('stock-sync schedule', () => {
  const scheduleId = `stock-sync-test-${randomUUID()}`;
  let connection: Connection;
  let client: Client;
  const config = (env: Record<string, string>): StockSyncScheduleConfig =>
    parseConfig(workerConfigSchema, {
      TEMPORAL_TASK_QUEUE: `unpolled-${scheduleId}`,
      STOCK_SYNC_INTERVAL_SECONDS: '1',
      STOCK_SYNC_PAGE_SIZE: '250',
      ...env,
    });

  beforeAll(async () => {
    connection = await Connection.connect({ address: testEnv.temporalAddress });
    client = new Client({ connection, namespace: testEnv.temporalNamespace });
  });

  afterAll(async () => {
    const handle = client.schedule.getHandle(scheduleId);
    const description = await handle.describe().catch(() => null);
    for (const action of description?.info.runningActions ?? []) {
      await client.workflow
        .getHandle(action.workflow.workflowId)
        .terminate('schedule test finished')
        .catch(() => undefined);
    }
    await handle.delete().catch(() => undefined);
    await connection.close();
  });

  it('starts syncStock every interval with the configured settings and skips a tick while a run is still going', async () => {
    const ensured = await ensureStockSyncSchedule(client, config({}), scheduleId);
    expect(ensured).toEqual({ scheduleId, created: true, paused: false });

    const handle = client.schedule.getHandle(scheduleId);
    const described = await handle.describe();
    expect(described.policies.overlap).toBe('SKIP');
    expect(described.spec.intervals).toMatchObject([{ every: 1000 }]);
    expect(described.action).toMatchObject({ type: 'startWorkflow', workflowType: 'syncStock', taskQueue: `unpolled-${scheduleId}` });
    expect(described.action.args).toEqual([
      { settings: expect.objectContaining({ pageSize: 250, driftToleranceUnits: 0, readBackDelayMs: 5000 }) as unknown },
    ]);

    const acted = await eventually(
      () => handle.describe(),
      (value) => value.info.numActionsSkippedOverlap >= 2,
    );
    expect(acted.info.numActionsTaken).toBe(1);
    expect(acted.info.numActionsSkippedOverlap).toBeGreaterThanOrEqual(2);
    const [running] = acted.info.runningActions;
    if (!running) throw new Error('the schedule started nothing');
    const started = await client.workflow.getHandle(running.workflow.workflowId).describe();
    expect(started.type).toBe('syncStock');
    expect(started.workflowId.startsWith(scheduleId)).toBe(true);
  });

  it('is brought in line with the config on every start: a second call updates, disabling pauses, enabling resumes', async () => {
    const handle = client.schedule.getHandle(scheduleId);

    expect(
      await ensureStockSyncSchedule(client, config({ STOCK_SYNC_INTERVAL_SECONDS: '600', STOCK_SYNC_ENABLED: 'false' }), scheduleId),
    ).toEqual({ scheduleId, created: false, paused: true });
    const paused = await handle.describe();
    expect(paused.state.paused).toBe(true);
    expect(paused.spec.intervals).toMatchObject([{ every: 600_000 }]);

    expect(await ensureStockSyncSchedule(client, config({ STOCK_SYNC_INTERVAL_SECONDS: '600' }), scheduleId)).toEqual({
      scheduleId,
      created: false,
      paused: false,
    });
    expect((await handle.describe()).state.paused).toBe(false);

    // An operator's own pause (e.g. during a marketplace incident) survives a worker restart.
    await handle.pause('marketplace maintenance');
    expect(await ensureStockSyncSchedule(client, config({ STOCK_SYNC_INTERVAL_SECONDS: '600' }), scheduleId)).toEqual({
      scheduleId,
      created: false,
      paused: true,
    });
    expect((await handle.describe()).state).toMatchObject({ paused: true, note: 'marketplace maintenance' });
  });
});
