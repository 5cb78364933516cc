import request from 'supertest';
import { type CountStockResult } from '../../domain/stock-counts/stock-count-workflow';
import { startAppOnTestWorker, type AppOnTestWorker } from '../support/app-on-test-worker';
import { eventually } from '../support/eventually';
import { saveHistoryIfRecording } from '../support/histories';
import { StockCountWorld } from './support/stock-count-world';

/** The count's SLA (the kit's task wait): a second to count, a second more once it is on the manager's queue. */
describe('a stock count nobody does', () => {
  const world = new StockCountWorld();
  let stack: AppOnTestWorker;

  beforeAll(async () => {
    await world.setUp();
    stack = await startAppOnTestWorker(
      { prisma: world.prisma },
      { STOCK_COUNT_SLA_MS: '1000', STOCK_COUNT_EXPIRE_AFTER_ESCALATION_MS: '1500' },
    );
  });
  afterAll(async () => {
    await stack.stop();
    await world.tearDown();
  });

  it('moves to the manager queue after the SLA, then expires without touching stock; the run shows it', async () => {
    const asked = await request(stack.app)
      .post(`/api/stores/${world.storeA}/stock-counts`)
      .set('Authorization', world.bearer('managerA', stack.config.JWT_SECRET))
      .send({ skus: [world.sku(0), world.sku(1)] });
    expect(asked.status).toBe(201);
    const task = asked.body as { id: string; workflowId: string; queue: string; payload: { stockCountId: string } };
    expect(task.queue).toBe('STORE');
    const escalated = await eventually(
      () => world.prisma.task.findUniqueOrThrow({ where: { id: task.id } }),
      (row) => row.queue === 'MANAGER',
    );
    expect(escalated.status).toBe('OPEN');
    const handle = stack.worker.client.workflow.getHandle(task.workflowId);
    const result = (await handle.result()) as CountStockResult;
    await saveHistoryIfRecording(handle, 'stock-count-expired');
    expect(result).toEqual({ status: 'EXPIRED', lines: [] });
    expect(await world.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: 'EXPIRED' });
    expect(await world.prisma.stockCount.findUniqueOrThrow({ where: { id: task.payload.stockCountId } })).toMatchObject({
      status: 'EXPIRED',
    });
    expect(await world.prisma.inventoryMovement.count({ where: { workflowId: task.workflowId } })).toBe(0);

    // Like every run: the Workflows API answers its steps and timeline (ops lead, as head office reads it).
    const run = await request(stack.app)
      .get(`/api/workflows/${encodeURIComponent(task.workflowId)}`)
      .set('Authorization', world.bearer('opsLead', stack.config.JWT_SECRET));
    expect(run.status).toBe(200);
    expect(run.body).toMatchObject({ type: 'countStock', currentStep: 'EXPIRED' });
    expect(JSON.stringify(run.body)).toContain('COUNT_ESCALATED');
  });
});
