import { createPrismaClient, type PrismaClient } from '../../prisma/client';
import { openFromMenu, openListRow, signIn, waitForList } from './admin-pages';
import { type BrowserSession, openBrowserSession } from './browser';
import { admin, adminUrl, stepTimeoutMs, testTimeoutMs } from './e2e-settings';
import { orderWithRefusedStart } from './support/refused-start-order';

/**
 * An order whose pickup run Temporal refused to start: head office finds it under "Start pending",
 * sees why on the order page, and starts it from there (the order: support/refused-start-order.ts).
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

  test(
    'are listed under "Start pending", show why on their page, and start from there',
    async () => {
      const order = await orderWithRefusedStart(prisma);
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
