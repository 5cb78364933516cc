import { readFileSync } from 'node:fs';
import { type Page } from 'playwright-core';
import { openFromMenu, openListRow, signIn, waitForList, waitForShow } from './admin-pages';
import { findStoreByCode, signInToApi } from './api-client';
import { type BrowserSession, openBrowserSession } from './browser';
import { admin, adminUrl, apiUrl, stepTimeoutMs, testTimeoutMs } from './e2e-settings';
import { availableAt, endOpenOutagesOfStore, inventoryOfStore } from './support/outage-world';
import demoUsers from '../../prisma/seed-data/demo-users.json';

/** The outage's run, the reconciliation and the close happen in the worker; plus a page refresh. */
const processStepTimeoutMs = Math.max(stepTimeoutMs, 60_000);
const phone = { width: 390, height: 844 };
/** A store no other browser test works in, so its outage, journal and stock changes disturb nobody. */
const storeCode = 'LIS-01';
const lisbonClerk = demoUsers.users.find((user) => user.storeCode === storeCode && !user.isStoreManager);
const lisbonManager = demoUsers.users.find((user) => user.storeCode === storeCode && user.isStoreManager);
/** Where a double-sold unit may come from instead (stores the other tests leave alone first). */
const otherStoreCodes = ['BER-01', 'AMS-01'];
const euros = (minor: number) => new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }).format(minor / 100);

/** On a phone the menu is a closed drawer, so signIn()'s wait for a highlighted entry does not apply. */
async function signInOnPhone(session: BrowserSession, email: string): Promise<void> {
  await session.page.goto(`${adminUrl}#/login`);
  await session.page.locator('input[name="username"]').fill(email);
  await session.page.locator('input[name="password"]').fill(demoUsers.password);
  await session.page.locator('button[type="submit"]').click();
  await session.page.waitForURL((url) => url.hash.startsWith('#/tasks'));
  await session.page.locator('.list-page .RaList-content').waitFor();
}

/** The inbox refreshes by itself; the task arrives as a card, which opens the task. */
async function openTaskCard(session: BrowserSession, title: string): Promise<void> {
  const card = session.page.locator('.task-card').filter({ hasText: title });
  await card.first().waitFor({ timeout: processStepTimeoutMs });
  await card.first().click();
  await waitForShow(session.page, 'tasks');
}

async function expectTouchSizedOnScreen(page: Page, locator: ReturnType<Page['locator']>): Promise<void> {
  const box = await locator.boundingBox();
  expect(box !== null && box.height >= 40 && box.x >= 0 && box.x + box.width <= phone.width).toBe(true);
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({ content: document.documentElement.scrollWidth, viewport: window.innerWidth }));
  expect(widths.content).toBeLessThanOrEqual(widths.viewport);
}

/** Blank lines are skipped by the CSV reader, so they make a file big enough to watch its upload without adding rows. */
const padding = '\n'.repeat(400_000);

/** Chooses a file in the import screen and starts it, the upload slowed to a crawl so its progress is seen. */
async function importFile(page: Page, name: string, content: string): Promise<void> {
  await page.locator('input[name="file"]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content) });
  await page.locator('.chosen-file').getByText(name).waitFor();
  await page.locator('.start-import').click();
}

/**
 * An admin runs a store outage from the Outages screen (issue 12's admin UI): declares it from the list,
 * sees the measures in force and the banner, imports the store's paper journal (a bad row is shown by its
 * file line and downloadable, the same file again changes nothing, a receipt changed since is a conflict)
 * and asks for a stock count; on phones the store's clerk sees the banner and counts, its manager
 * acknowledges the checklist; the admin ends the outage, reviews from the review task (approves the count's
 * correction, fulfils the double sale from another store) and reads the report with who decided what.
 */
describe('a store outage in the admin UI', () => {
  const sessions: BrowserSession[] = [];
  let storeId = '';

  afterEach(async () => {
    await Promise.all(sessions.splice(0).map((session) => session.close()));
    // A failed run must not leave Lisbon cut off for the tests after it.
    if (storeId !== '') await endOpenOutagesOfStore(apiUrl, await signInToApi(apiUrl, admin), storeId);
  });

  test(
    'declare, import the journal, count and acknowledge at 390 px, end, review and approve, read the report',
    async () => {
      if (lisbonClerk === undefined || lisbonManager === undefined)
        throw new Error(`The demo users lack a clerk or a manager at ${storeCode}`);
      const adminToken = await signInToApi(apiUrl, admin);
      const store = await findStoreByCode(apiUrl, adminToken, storeCode);
      storeId = store.id;
      await endOpenOutagesOfStore(apiUrl, adminToken, storeId);
      const [first, second, counted] = await inventoryOfStore(apiUrl, adminToken, storeId);
      if (first === undefined || second === undefined || counted === undefined)
        throw new Error(`${storeCode} stocks fewer than three SKUs`);
      let fulfillingStore: string | undefined;
      for (const code of otherStoreCodes) {
        const other = await findStoreByCode(apiUrl, adminToken, code);
        if ((await availableAt(apiUrl, adminToken, other.id, second.sku)) > 0) {
          fulfillingStore = code;
          break;
        }
      }
      if (fulfillingStore === undefined) throw new Error(`No other store has ${second.sku} to fulfil a double sale`);

      const session = await openBrowserSession({ timeoutMs: stepTimeoutMs });
      sessions.push(session);
      const { page } = session;
      await signIn(page, adminUrl, admin);
      await openFromMenu(page, 'Outages', 'outages');

      // Declare: a store cut off, chosen by name, with a cause.
      const cause = `Lisbon router down ${Date.now()}`;
      await page.locator('.declare-outage').click();
      await page.getByRole('combobox', { name: 'Store' }).click();
      await page.getByRole('option', { name: new RegExp(`^${storeCode}`) }).click();
      await page.locator('textarea[name="cause"]').fill(cause);
      await session.screenshot('outage-1-declare');
      await page.locator('.dialog-confirm').click();
      const outageId = await waitForShow(page, 'outages');
      await page.getByText('Outage declared: the protective measures are being put in force').waitFor();
      await page.locator('.show-page').getByText(cause).waitFor();

      // The run puts the measures in force; the page and the banner say so without a reload.
      await page
        .locator('.outage-measures tr[data-measure="STORE_PICKUP_PAUSED"][data-in-force="true"]')
        .waitFor({ timeout: processStepTimeoutMs });
      await page.locator('.outage-measures tr[data-measure="STORE_STOCK_HELD"][data-in-force="true"]').waitFor();
      const banner = page.locator(`.outage-banner-item[data-outage-id="${outageId}"]`);
      await banner.getByText(new RegExp(`^${storeCode} .* is cut off since`)).waitFor();
      await banner.getByText('No pickups at the store').waitFor();
      await page.locator('.outage-timeline tr[data-step="STORE_PICKUP_PAUSED"]').waitFor({ timeout: processStepTimeoutMs });
      await session.screenshot('outage-2-measures-in-force');

      // The list shows it under Open, with its measures; opening it from the list lands on the same outage.
      await openFromMenu(page, 'Outages', 'outages');
      const row = page.locator('.list-page .RaDataTable-row').filter({ hasText: storeCode });
      await row.locator('.measures-in-force [data-measure="STORE_PICKUP_PAUSED"]').waitFor();
      expect(await openListRow(page, 'outages', storeCode)).toBe(outageId);

      // The journal: a good receipt, one that sold one unit more than the store had (sold online too: a
      // double sale), and a row with a SKU nobody sells, at file line 4.
      await page.locator('.import-offline-sales').click();
      await page.locator('.offline-sales-import').waitFor();
      await page.locator('.offline-sales-outage').waitFor();
      const soldAt = new Date(Date.now() - 3_600_000).toISOString();
      const receipt = `LIS-${Date.now()}`;
      const rows = [
        'receipt_number,sold_at,currency,sku,quantity,unit_price_minor',
        `${receipt}-1,${soldAt},EUR,${first.sku},1,1999`,
        `${receipt}-2,${soldAt},EUR,${second.sku},${second.available + 1},2999`,
        `${receipt}-3,${soldAt},EUR,NO-SUCH-SKU-${Date.now()},1,500`,
      ];
      const file = `${rows.join('\n')}\n${padding}`;
      // Slow uploads down (a shop's weak line), so the progress bar is there to be seen.
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 20,
        downloadThroughput: -1,
        uploadThroughput: 100_000,
      });
      await importFile(page, 'lisbon-paper.csv', file);
      const uploading = page.locator('.offline-sales-progress[data-phase="uploading"]');
      await uploading.getByText(/Sending the file: ([1-9]|[1-9]\d)%/).waitFor();
      expect(await uploading.locator('[role="progressbar"]').getAttribute('aria-valuenow')).not.toBe('100');
      await session.screenshot('outage-3-import-progress');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
      const result = page.locator('.offline-sales-result');
      await result.waitFor({ timeout: processStepTimeoutMs });
      expect(await result.getAttribute('data-verdict')).toBe('IMPORTED_WITH_PROBLEMS');
      expect(await result.locator('.offline-sales-count-created').getAttribute('data-count')).toBe('2');
      expect(await result.locator('.offline-sales-count-errors').getAttribute('data-count')).toBe('1');
      const badRow = result.locator('.offline-sales-errors .offline-sales-problem-row[data-line="4"]');
      await badRow.getByText(`${receipt}-3`).waitFor();
      await session.screenshot('outage-4-import-result');

      // The problem rows download as a CSV naming the file line and the receipt.
      const [download] = await Promise.all([page.waitForEvent('download'), result.locator('.download-problems').click()]);
      expect(download.suggestedFilename()).toBe('lisbon-paper-problems.csv');
      const downloaded = readFileSync(await download.path(), 'utf8').split('\r\n');
      expect(downloaded[0]).toBe('line,receipt_number,outcome,problem');
      expect(downloaded[1]).toMatch(new RegExp(`^4,${receipt}-3,ERROR,.+`));
      expect(downloaded).toHaveLength(3);

      // The same file again: nothing changed (the bad row is reported again).
      await importFile(page, 'lisbon-paper.csv', file);
      await page.locator('.offline-sales-result[data-verdict="NOTHING_CHANGED"]').waitFor({ timeout: processStepTimeoutMs });
      await page.getByText('Nothing changed: all 2 receipts were already in the journal.').waitFor();

      // A receipt typed differently since: a conflict, listed, not an overwrite.
      const changed = [rows[0], rows[1]?.replace(`,${first.sku},1,`, `,${first.sku},2,`)].join('\n');
      await importFile(page, 'lisbon-paper-corrected.csv', `${changed}\n`);
      const conflicts = page.locator('.offline-sales-result .offline-sales-conflicts');
      await conflicts.getByText(`${receipt}-1`).waitFor({ timeout: processStepTimeoutMs });
      expect(await page.locator('.offline-sales-result .offline-sales-count-created').getAttribute('data-count')).toBe('0');
      await session.screenshot('outage-5-import-conflict');

      // Head office asks the store to count one product before the reconciliation.
      await banner.getByRole('link', { name: 'Open' }).click();
      expect(await waitForShow(page, 'outages')).toBe(outageId);
      await page.locator('.request-stock-count').click();
      await page.getByRole('combobox', { name: 'Products (search by SKU or name)' }).fill(counted.sku);
      await page.getByRole('option', { name: new RegExp(`^${counted.sku} `) }).click();
      await page.locator('.dialog-confirm').click();
      await waitForShow(page, 'tasks');
      await page.getByText('Stock count task sent to the store').waitFor();

      // The store's clerk, on a phone: the banner names the outage, the measures and what to do; the count
      // task arrives in the inbox and is filled in without sideways scrolling. Five units are missing.
      const clerk = await openBrowserSession({ timeoutMs: stepTimeoutMs, viewport: phone });
      sessions.push(clerk);
      await signInOnPhone(clerk, lisbonClerk.email);
      const clerkBanner = clerk.page.locator(`.outage-banner-item[data-outage-id="${outageId}"]`);
      await clerkBanner.getByText('No pickups at the store').waitFor();
      await clerkBanner.locator('.outage-banner-own-store').getByText('Sell on paper or the offline till').waitFor();
      await expectNoSidewaysScroll(clerk.page);
      await clerk.screenshot('outage-6-clerk-390-banner');
      await openTaskCard(clerk, 'Count 1 SKU on the shelf');
      const countBox = clerk.page.getByRole('textbox', { name: `Counted ${counted.sku}` });
      await countBox.fill(String(counted.onHand - 5));
      await expectTouchSizedOnScreen(clerk.page, countBox);
      const sendCount = clerk.page.locator('.submit-stock-count');
      await expectTouchSizedOnScreen(clerk.page, sendCount);
      await expectNoSidewaysScroll(clerk.page);
      await clerk.screenshot('outage-7-clerk-390-count');
      await sendCount.click();
      await clerk.page.getByText('Count sent').waitFor();

      // The store's manager acknowledges the checklist on a phone, step by step.
      const manager = await openBrowserSession({ timeoutMs: stepTimeoutMs, viewport: phone });
      sessions.push(manager);
      await signInOnPhone(manager, lisbonManager.email);
      await openTaskCard(manager, 'Store cut off: follow the offline procedure');
      await manager.page.getByText('Record every sale on paper or on the offline till').waitFor();
      const acknowledge = manager.page.locator('.acknowledge-checklist');
      expect(await acknowledge.isDisabled()).toBe(true);
      for (const step of await manager.page.locator('.checklist-steps input[type="checkbox"]').all()) await step.check();
      await expectNoSidewaysScroll(manager.page);
      await manager.screenshot('outage-8-manager-390-checklist');
      await acknowledge.click();
      await manager.page.getByText('Checklist acknowledged').waitFor();

      // End: back on the outage, with a reason; the run reconciles and waits for the review.
      await openFromMenu(page, 'Outages', 'outages');
      expect(await openListRow(page, 'outages', storeCode)).toBe(outageId);
      await page.locator('.end-outage').click();
      await page.locator('textarea[name="reason"]').fill('Router replaced, till online again');
      await page.locator('.dialog-confirm').click();
      await page.getByText('The outage is ending: reconciliation starts').waitFor();
      await page.locator('.outage-review-state[data-pending="2"]').waitFor({ timeout: processStepTimeoutMs });

      // The admin's review task, opened from the task list, leads to the review table.
      // The menu counts the admins' queue; its link opens the inbox on that queue.
      await page.locator('.open-task-count[data-queue="ADMIN"]').click();
      await waitForList(page, 'tasks');
      await openListRow(page, 'tasks', 'Review the outage reconciliation');
      await page.locator('.review-summary').getByText('2 discrepancies wait for a decision').waitFor();
      await page.locator('.open-review').click();
      await waitForList(page, 'discrepancies');
      await page.locator('.review-header').getByText(`Reconciliation of ${storeCode}`).waitFor();

      // The count: journal, system and shelf side by side, a correction of -5 to approve.
      const drift = page
        .locator('.list-page .RaDataTable-row')
        .filter({ has: page.locator('.discrepancy-class[data-class="STOCK_DRIFT"]') });
      await drift.getByText(counted.sku).waitFor();
      expect(await drift.locator('.qty-systemQty').innerText()).toBe(String(counted.onHand));
      expect(await drift.locator('.qty-channelQty').innerText()).toBe(String(counted.onHand - 5));
      expect(await drift.locator('.correction').getAttribute('data-correction')).toBe('-5');
      // The double sale: the unit sold offline beyond what the store had; decided for its order.
      const doubleSale = page
        .locator('.list-page .RaDataTable-row')
        .filter({ has: page.locator('.discrepancy-class[data-class="DOUBLE_SALE"]') });
      await doubleSale.getByText(second.sku).waitFor();
      await session.screenshot('outage-9-review');
      await drift.locator('.approve-discrepancy').click();
      await page.getByText('Decision saved').waitFor();
      await drift.waitFor({ state: 'detached', timeout: processStepTimeoutMs });
      await doubleSale.locator('.fulfil-from-store').click();
      await page.getByRole('combobox', { name: 'Store' }).click();
      await page.getByRole('option', { name: new RegExp(`^${fulfillingStore}`) }).click();
      await page.locator('.decision-fulfil_from_store .dialog-confirm').click();
      await doubleSale.waitFor({ state: 'detached', timeout: processStepTimeoutMs });

      // Decided: the run applies the corrections, lifts the measures and closes with the report.
      await page.locator('.review-header').getByRole('link', { name: 'Open the outage' }).click();
      expect(await waitForShow(page, 'outages')).toBe(outageId);
      await page.locator('.outage-status[data-status="RESOLVED"]').waitFor({ timeout: processStepTimeoutMs });
      const offlineSales = page.locator('.outage-report-line[data-class="OFFLINE_SALE"]');
      await offlineSales.waitFor();
      expect(await offlineSales.locator('.report-count').innerText()).toBe('2');
      expect(await offlineSales.locator('.report-value').innerText()).toBe(euros(1999 + second.available * 2999));
      expect(await page.locator('.outage-report-line[data-class="DOUBLE_SALE"] .report-count').innerText()).toBe('1');
      expect(await page.locator('.outage-report-line[data-class="STOCK_DRIFT"] .report-count').innerText()).toBe('1');
      // Who decided what, by name.
      const decisions = page.locator('.outage-decisions .outage-decision');
      expect(await decisions.count()).toBe(2);
      for (const decision of await decisions.all()) expect(await decision.locator('.decision-people').innerText()).toContain('Ada Admin');
      expect(await page.locator('.outage-measures tr[data-in-force="true"]').count()).toBe(0);
      await page.locator('.outage-timeline tr[data-step="RESOLVED"]').waitFor();
      // The banner is gone once nothing is down.
      await banner.waitFor({ state: 'detached', timeout: processStepTimeoutMs });
      await session.screenshot('outage-10-report');
    },
    testTimeoutMs * 3,
  );
});
