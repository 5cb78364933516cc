import { randomUUID } from 'node:crypto';
import { type Page } from 'playwright-core';
import { createPrismaClient, type PrismaClient } from '../../prisma/client';
import { chooseInSelect, openFromMenu, openListRow, signIn, waitForShow } from './admin-pages';
import { signInToApi } from './api-client';
import { type BrowserSession, openBrowserSession } from './browser';
import { admin, adminUrl, apiUrl, stepTimeoutMs, testTimeoutMs } from './e2e-settings';

const phone = { width: 390, height: 844 };

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({ content: document.documentElement.scrollWidth, viewport: window.innerWidth }));
  expect(widths.content).toBeLessThanOrEqual(widths.viewport);
}

async function importFile(page: Page, name: string, content: string): Promise<void> {
  await page.locator('input[name="file"]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content) });
  await page.locator('.chosen-file').getByText(name).waitFor();
  await page.locator('.start-import').click();
}

/**
 * Offline-sale conflicts and late orders in the admin UI (docs/outages.md). In a store of its own (no other test
 * imports there, and with no outage its journal is never reconciled): the admin imports a journal, then a changed
 * version of both receipts; follows the import result to the conflict list, opens one conflict from it, sees both
 * versions with the changed quantity highlighted and takes the incoming version with a reason; on a phone opens the
 * other from the list and keeps the journal's version. Then a resolved channel outage (seeded: its late order's
 * ORDER_MISSING row, as the LATE_ORDERS step writes it) shows the order on its page, linking to the order.
 */
describe('offline-sale conflicts and late orders in the admin UI', () => {
  const sessions: BrowserSession[] = [];
  const suffix = randomUUID().slice(0, 6).toUpperCase();
  const storeCode = `E2E-CF-${suffix}`;
  const skus = [`E2E-CF-${suffix}-A`, `E2E-CF-${suffix}-B`];
  const channelCode = `e2e-late-${suffix.toLowerCase()}`;
  const lateExternalId = `E2E-LATE-${suffix}`;
  let prisma: PrismaClient;
  let storeId = '';

  beforeAll(async () => {
    const databaseUrl = process.env.DATABASE_URL;
    if (!databaseUrl) throw new Error('DATABASE_URL is not set: run the e2e tests through `npm test`');
    prisma = createPrismaClient({ databaseUrl, poolSize: 2 });
    const store = await prisma.store.create({
      data: {
        code: storeCode,
        name: `Conflict test ${suffix}`,
        city: 'Porto',
        address: 'Rua do Teste 1',
        timeZone: 'Europe/Lisbon',
        currency: 'EUR',
      },
    });
    storeId = store.id;
    await prisma.product.createMany({
      data: skus.map((sku, index) => ({
        sku,
        name: `Conflict test product ${index + 1}`,
        description: 'for the conflict browser test',
        category: 'test',
        basePriceMinor: 1999,
        floorPriceMinor: 100,
        currency: 'EUR',
      })),
    });
  });
  afterEach(async () => {
    await Promise.all(sessions.splice(0).map((session) => session.close()));
  });
  afterAll(async () => {
    await prisma.store.update({ where: { id: storeId }, data: { active: false } });
    await prisma.product.updateMany({ where: { sku: { in: skus } }, data: { active: false } });
    await prisma.$disconnect();
  });

  test(
    'import, import a changed journal, open a conflict from the list, compare and take one; keep the other at 390 px',
    async () => {
      const session = await openBrowserSession({ timeoutMs: stepTimeoutMs });
      sessions.push(session);
      const { page } = session;
      await signIn(page, adminUrl, admin);
      await openFromMenu(page, 'Outages', 'outages');
      await page.locator('.import-offline-sales').click();
      await page.locator('.offline-sales-import').waitFor();
      await chooseInSelect(page, 'Store', storeCode);

      const soldAt = new Date(Date.now() - 3_600_000).toISOString();
      const header = 'receipt_number,sold_at,currency,sku,quantity,unit_price_minor';
      const [a, b] = [`${storeCode}-1`, `${storeCode}-2`];
      const journal = [
        header,
        `${a},${soldAt},EUR,${skus[0]},1,1999`,
        `${a},${soldAt},EUR,${skus[1]},1,500`,
        `${b},${soldAt},EUR,${skus[1]},2,500`,
      ];
      await importFile(page, 'till.csv', `${journal.join('\n')}\n`);
      await page.locator('.offline-sales-result[data-verdict="IMPORTED"]').waitFor();

      // The till's roll says otherwise: receipt 1 sold 3 of the first SKU, receipt 2 one more unit.
      const changed = [
        header,
        `${a},${soldAt},EUR,${skus[0]},3,1999`,
        `${a},${soldAt},EUR,${skus[1]},1,500`,
        `${b},${soldAt},EUR,${skus[1]},3,500`,
      ];
      await importFile(page, 'till-roll.csv', `${changed.join('\n')}\n`);
      const conflicts = page.locator('.offline-sales-result .offline-sales-conflicts');
      await conflicts.locator('.offline-sales-conflict-link').getByText(a).waitFor();
      await conflicts.locator('.offline-sales-conflict-link').getByText(b).waitFor();
      await session.screenshot('conflict-1-import-result');

      // From the result to the store's conflicts, and from the list to the first one.
      await page.locator('.offline-sales-conflicts-open').click();
      await page.waitForURL((url) => url.hash.startsWith('#/outages/offline-sale-conflicts?'));
      const row = page.locator('.offline-sale-conflicts .RaDataTable-row').filter({ hasText: a });
      await row.getByText('Journal 2 units · incoming 4 units').waitFor();
      await row.click();
      const compare = page.locator('.offline-sale-conflict');
      await compare.getByText(`Receipt ${a} at ${storeCode}`).waitFor();
      const journalLine = compare.locator(`.conflict-journal .conflict-line[data-sku="${skus[0]}"]`);
      const incomingLine = compare.locator(`.conflict-incoming .conflict-line[data-sku="${skus[0]}"]`);
      expect(await journalLine.locator('.conflict-quantity').innerText()).toBe('1');
      expect(await incomingLine.locator('.conflict-quantity').innerText()).toBe('3');
      expect(await incomingLine.getAttribute('data-differs')).toBe('true');
      expect(await compare.locator(`.conflict-incoming .conflict-line[data-sku="${skus[1]}"]`).getAttribute('data-differs')).toBe('false');
      // Side by side at 1440 px: the two versions share a row.
      const [left, right] = [
        await compare.locator('.conflict-journal').boundingBox(),
        await compare.locator('.conflict-incoming').boundingBox(),
      ];
      expect(left !== null && right !== null && Math.abs(left.y - right.y) < 2 && left.x < right.x).toBe(true);
      await session.screenshot('conflict-2-compare-1440');

      await compare.locator('.conflict-take').click();
      await page.getByRole('dialog').getByText(`Take the incoming version of receipt ${a}?`).waitFor();
      await page.getByRole('dialog').locator('textarea[name="reason"]').fill('the till roll shows 3 units');
      await page.getByRole('dialog').locator('.dialog-confirm').click();
      await compare
        .locator('.conflict-decided[data-decision="TAKE_INCOMING"]')
        .getByText(/Incoming version taken by .*: the till roll shows 3 units/)
        .waitFor();
      expect(await compare.locator('.conflict-take').count()).toBe(0);

      // The API agrees, and nobody can decide it a second time.
      const token = await signInToApi(apiUrl, admin);
      const listed = await fetch(
        `${apiUrl}/api/offline-sale-conflicts?filter=${encodeURIComponent(JSON.stringify({ storeId }))}&range=[0,9]`,
        { headers: { Authorization: `Bearer ${token}` } },
      );
      const byReceipt = new Map(
        ((await listed.json()) as { receiptNumber: string; id: string; decision: string | null }[]).map((c) => [c.receiptNumber, c]),
      );
      expect(byReceipt.get(a)?.decision).toBe('TAKE_INCOMING');
      expect(byReceipt.get(b)?.decision).toBeNull();
      const again = await fetch(`${apiUrl}/api/offline-sale-conflicts/${byReceipt.get(a)?.id ?? ''}/decision`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ decision: 'KEEP_JOURNAL', reason: 'twice' }),
      });
      expect(again.status).toBe(409);

      // On a phone: the open conflicts as cards, the other one opened from them, both versions stacked, kept.
      const mobile = await openBrowserSession({ timeoutMs: stepTimeoutMs, viewport: phone });
      sessions.push(mobile);
      await mobile.page.goto(`${adminUrl}#/login`);
      await mobile.page.locator('input[name="username"]').fill(admin.email);
      await mobile.page.locator('input[name="password"]').fill(admin.password);
      await mobile.page.locator('button[type="submit"]').click();
      await mobile.page.waitForURL((url) => !url.hash.startsWith('#/login'));
      await mobile.page.goto(
        `${adminUrl}#/outages/offline-sale-conflicts?filter=${encodeURIComponent(JSON.stringify({ storeId, status: 'OPEN' }))}`,
      );
      const card = mobile.page.locator('.offline-sale-conflicts').getByText(`${b} · ${storeCode}`);
      await card.waitFor();
      expect(await mobile.page.locator('.offline-sale-conflicts').getByText(`${a} · ${storeCode}`).count()).toBe(0);
      await card.click();
      const phoneCompare = mobile.page.locator('.offline-sale-conflict');
      await phoneCompare.getByText(`Receipt ${b} at ${storeCode}`).waitFor();
      const [top, bottom] = [
        await phoneCompare.locator('.conflict-journal').boundingBox(),
        await phoneCompare.locator('.conflict-incoming').boundingBox(),
      ];
      expect(top !== null && bottom !== null && bottom.y >= top.y + top.height).toBe(true);
      await expectNoSidewaysScroll(mobile.page);
      const keep = phoneCompare.locator('.conflict-keep');
      const box = await keep.boundingBox();
      expect(box !== null && box.height >= 40 && box.x + box.width <= phone.width).toBe(true);
      await mobile.screenshot('conflict-3-compare-390');
      await keep.click();
      await mobile.page.getByRole('dialog').locator('textarea[name="reason"]').fill('the second file was a test print');
      await mobile.page.getByRole('dialog').locator('.dialog-confirm').click();
      await phoneCompare.locator('.conflict-decided[data-decision="KEEP_JOURNAL"]').waitFor();
      await expectNoSidewaysScroll(mobile.page);
      await mobile.screenshot('conflict-4-kept-390');
    },
    testTimeoutMs,
  );

  test(
    "a channel outage's late orders on its page, each linking to its order",
    async () => {
      const [product] = await prisma.product.findMany({ where: { sku: skus[0] } });
      if (product === undefined) throw new Error('the test product is missing');
      const channel = await prisma.channel.create({
        data: {
          code: channelCode,
          name: `Late orders test ${suffix}`,
          kind: 'MARKETPLACE',
          status: 'DISABLED',
          baseUrl: 'http://127.0.0.1:9/unused',
          requestsPerSecond: 1,
          burst: 1,
          maxBatchSize: 1,
          webhookSecret: 'unused',
        },
      });
      const detectedAt = new Date(Date.now() - 7_200_000);
      const outage = await prisma.outage.create({
        data: {
          kind: 'CHANNEL',
          channelId: channel.id,
          status: 'RESOLVED',
          cause: `Late orders test ${suffix} answered 503`,
          source: 'DETECTED',
          detectedAt,
          resolvedAt: new Date(),
          measures: [],
          report: { ORDER_MISSING: { count: 1, valueMinor: 3998 } },
        },
      });
      const reconciliation = await prisma.reconciliation.create({
        data: { outageId: outage.id, status: 'COMPLETED', startedAt: new Date(), finishedAt: new Date(), summary: { kind: 'OUTAGE' } },
      });
      const order = await prisma.order.create({
        data: {
          channelId: channel.id,
          externalId: lateExternalId,
          fulfilmentType: 'PICKUP',
          pickupStoreId: storeId,
          currency: 'EUR',
          totalMinor: 3998,
          placedAt: new Date(detectedAt.getTime() + 600_000),
          lines: { create: [{ productId: product.id, quantity: 2, unitPriceMinor: 1999 }] },
        },
      });
      await prisma.discrepancy.create({
        data: {
          reconciliationId: reconciliation.id,
          productId: product.id,
          storeId,
          channelId: channel.id,
          orderId: order.id,
          class: 'ORDER_MISSING',
          delta: 0,
          systemQty: 0,
          channelQty: 2,
          valueMinor: 3998,
          resolution: 'AUTO_FIXED',
          resolvedAt: new Date(),
          note: 'fetched from the channel after the outage and taken in',
        },
      });

      const session = await openBrowserSession({ timeoutMs: stepTimeoutMs });
      sessions.push(session);
      const { page } = session;
      await signIn(page, adminUrl, admin);
      await openFromMenu(page, 'Outages', 'outages');
      await page.getByRole('tab', { name: 'Resolved' }).click();
      expect(await openListRow(page, 'outages', `Late orders test ${suffix}`)).toBe(outage.id);
      const section = page.locator('.outage-late-orders');
      const lateRow = section.locator(`.late-order-row[data-external-id="${lateExternalId}"]`);
      await lateRow.waitFor();
      expect(await lateRow.innerText()).toContain(channelCode);
      await session.screenshot('late-orders-1-outage-page');
      await lateRow.locator('.late-order-link').click();
      expect(await waitForShow(page, 'orders')).toBe(order.id);
    },
    testTimeoutMs,
  );
});
