import { createPrismaClient, type PrismaClient } from '../../prisma/client';
import { openFromMenu, openListRow, signIn, waitForList, waitForShow } from './admin-pages';
import { type BrowserSession, openBrowserSession } from './browser';
import { admin, adminUrl, stepTimeoutMs, testTimeoutMs } from './e2e-settings';
import { orderWithRefusedStart } from './support/refused-start-order';

/**
 * Head office retries an order's refused start, then finds its run in the Workflows list by the order
 * number and by the customer's name (not only by a workflow id prefix), with both shown as columns.
 */
describe('workflow runs by their order', () => {
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
    'retry a refused start, then search the run by order number and by customer',
    async () => {
      const order = await orderWithRefusedStart(prisma);
      browser = await openBrowserSession({ timeoutMs: stepTimeoutMs });
      const { page } = browser;
      await signIn(page, adminUrl, admin);

      // The refused start: listed under "Start pending", retried from the order's page.
      await openFromMenu(page, 'Orders', 'orders');
      await page.getByRole('tab', { name: 'Start pending' }).click();
      await page.waitForURL((url) => url.hash.includes('startStatus'));
      await waitForList(page, 'orders');
      expect(await openListRow(page, 'orders', order.externalId)).toBe(order.id);
      const badge = page.locator('.workflow-start-badge');
      await badge.getByText('StoreRegion is not defined').waitFor();
      await badge.getByRole('button', { name: 'Start now' }).click();
      await page.getByText('The pickup process runs').waitFor();

      // By order number: the run's row names the order and its customer.
      await openFromMenu(page, 'Workflows', 'workflows');
      await page.getByRole('columnheader', { name: 'Customer' }).waitFor();
      const search = page.locator('.list-page input[name="order"]');
      await search.fill(order.externalId);
      const row = page.locator('.list-page .RaDataTable-tbody .RaDataTable-row', { hasText: order.externalId });
      // The search applies after react-admin's debounce: then the list holds this one run only.
      await page.waitForURL((url) => decodeURIComponent(url.hash).includes(order.externalId));
      await page.waitForFunction((expected) => {
        const rows = [...document.querySelectorAll('.list-page .RaDataTable-tbody .RaDataTable-row')];
        return rows.length === 1 && (rows[0] as HTMLElement).innerText.includes(expected);
      }, order.externalId);
      expect(await row.locator('td.column-customerName').innerText()).toBe(order.customerName);
      expect(await row.locator('td.column-businessKey').innerText()).toBe(`pickup:${order.id}`);
      await browser.screenshot('workflows-by-order-number');

      // By part of the customer's name, in any case.
      await search.fill(order.customerName.split(' ').slice(1).join(' ').toLowerCase());
      await page.waitForFunction((expected) => {
        const rows = [...document.querySelectorAll('.list-page .RaDataTable-tbody .RaDataTable-row')];
        return rows.length === 1 && (rows[0] as HTMLElement).innerText.includes(expected);
      }, order.externalId);
      await browser.screenshot('workflows-by-customer');

      // The order number opens the order, the row the run.
      await row.locator('a.run-order-link').click();
      expect(await waitForShow(page, 'orders')).toBe(order.id);
    },
    testTimeoutMs,
  );
});
