import { randomUUID } from 'node:crypto';
import { readPickupStartSource } from '../../api/intake/start-pickup-workflow';
import { pickupWorkflow } from '../../domain/pickup/pickup-definition';
import { createPrismaClient, type PrismaClient } from '../../prisma/client';
import { enqueueWorkflowStart } from '../../workflow-starts/enqueue-workflow-start';
import { recordWorkflowStartFailure } from '../../workflow-starts/record-start-outcome';
import { openFromMenu, openListRow, signIn, waitForList } from './admin-pages';
import { type BrowserSession, openBrowserSession } from './browser';
import { admin, adminUrl, stepTimeoutMs, testTimeoutMs } from './e2e-settings';

/**
 * An order whose pickup run Temporal refused to start: head office finds it under "Start pending",
 * sees why on the order page, and starts it from there. The order and its refused start are written with
 * the outbox's own functions (a refusal cannot be provoked through the running stack); its run goes to a
 * task queue no worker polls, so it never touches the shared stock.
 */
describe('orders whose run has not started', () => {
  let browser: BrowserSession | undefined;
  let prisma: PrismaClient;

  beforeAll(() => {
    const databaseUrl = process.env.DATABASE_URL;
    if (!databaseUrl) throw new Error('DATABASE_URL is not set: run the e2e tests through `npm test`');
    prisma = createPrismaClient({ databaseUrl, poolSize: 2 });
  });

  afterEach(async () => {
    await browser?.close();
    browser = undefined;
  });

  afterAll(async () => {
    await prisma.$disconnect();
  });

  async function orderWithRefusedStart(): Promise<{ id: string; externalId: string }> {
    const [channel, store, product] = await Promise.all([
      prisma.channel.findUniqueOrThrow({ where: { code: 'web' } }),
      prisma.store.findUniqueOrThrow({ where: { code: 'AMS-01' } }),
      prisma.product.findFirstOrThrow({ where: { active: true } }),
    ]);
    const externalId = `E2E-START-${randomUUID().slice(0, 8).toUpperCase()}`;
    const order = await prisma.order.create({
      data: {
        channelId: channel.id,
        externalId,
        fulfilmentType: 'PICKUP',
        pickupStoreId: store.id,
        currency: 'EUR',
        totalMinor: product.basePriceMinor,
        placedAt: new Date(),
        lines: { create: [{ productId: product.id, quantity: 1, unitPriceMinor: product.basePriceMinor }] },
      },
    });
    const request = await prisma.$transaction(async (tx) => {
      const start = pickupWorkflow.startRequest(`e2e-no-worker-${randomUUID()}`, await readPickupStartSource(tx, order.id));
      await enqueueWorkflowStart(tx, start, new Date());
      return start;
    });
    await recordWorkflowStartFailure(prisma, {
      workflowId: request.workflowId,
      attemptedStatus: 'PENDING',
      error: 'INVALID_ARGUMENT: search attribute StoreRegion is not defined',
      retryAt: null,
    });
    return { id: order.id, externalId };
  }

  test(
    'are listed under "Start pending", show why on their page, and start from there',
    async () => {
      const order = await orderWithRefusedStart();
      browser = await openBrowserSession({ timeoutMs: stepTimeoutMs });
      const { page } = browser;
      await signIn(page, adminUrl, admin);
      await openFromMenu(page, 'Orders', 'orders');
      await page.getByRole('tab', { name: 'Start pending' }).click();
      await page.waitForURL((url) => url.hash.includes('startStatus'));
      await waitForList(page, 'orders');
      await page.locator('.workflow-start-chip', { hasText: 'Start failed' }).first().waitFor();
      await browser.screenshot('orders-start-pending');

      expect(await openListRow(page, 'orders', order.externalId)).toBe(order.id);
      const badge = page.locator('.workflow-start-badge');
      await page.locator('.order-lines').waitFor();
      await badge.getByText('after 1 attempts').waitFor();
      await badge.getByText('StoreRegion is not defined').waitFor();
      await browser.screenshot('order-start-failed');

      await badge.getByRole('button', { name: 'Start now' }).click();
      await page.getByText('The pickup process runs').waitFor();
      await badge.waitFor({ state: 'detached' });
      const saved = await prisma.order.findUniqueOrThrow({ where: { id: order.id }, include: { workflowStarts: true } });
      expect(saved.workflowId).toBe(`pickup:${order.id}`);
      expect(saved.workflowStarts.map((start) => start.status)).toEqual(['STARTED']);
    },
    testTimeoutMs,
  );
});
