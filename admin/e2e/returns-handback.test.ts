import { chooseInSelect, openFromMenu, openListRow, signIn, waitForShow } from './admin-pages';
import { type BrowserSession, openBrowserSession } from './browser';
import { adminUrl, opsLead, otherStoreCode, stepTimeoutMs, testTimeoutMs } from './e2e-settings';
import { pickupStoreClerk, pickupStoreCode } from './support/bopis-world';
import { channelStartedReturnOf, rejectedReturnOf } from './support/returns-api';
import { type CollectedOrder, collectedMarketplaceOrder } from './support/returns-world';
import { expectNoSidewaysScroll, openFromPhoneMenu, phone, signInOnPhone, touchSizePx } from './phone-pages';

/** Intake, pickup, the return's run and the channel's webhook go through other processes: give them longer. */
const processStepTimeoutMs = Math.max(stepTimeoutMs, 40_000);

/**
 * The two ends of a return the counter sees besides taking items back (docs/returns.md, "Admin UI"): a
 * rejected return's items handed back from the clerk's task inbox, and a return the customer started on
 * the marketplace received from its page. One collected two-line order: a line for each.
 */
describe('returns handed back and received in the admin UI', () => {
  const sessions: BrowserSession[] = [];
  let order: CollectedOrder;

  beforeAll(async () => {
    order = await collectedMarketplaceOrder(processStepTimeoutMs);
  }, testTimeoutMs);

  afterEach(async () => {
    await Promise.all(sessions.splice(0).map((session) => session.close()));
  });

  test(
    'the manager rejects a return; the clerk opens the hand-back from the task inbox, completes it on a phone-sized screen, and the return shows it handed back',
    async () => {
      const [line] = order.lines;
      if (line === undefined) throw new Error('The order has a line');
      const returnId = await rejectedReturnOf(order, line.sku, processStepTimeoutMs);

      // The clerk at the counter, on a phone: signed in, the inbox is their landing page.
      const clerk = await openBrowserSession({ timeoutMs: stepTimeoutMs, viewport: phone });
      sessions.push(clerk);
      const { page } = clerk;
      await signInOnPhone(page, pickupStoreClerk);
      await page.locator('.list-page .RaList-content').waitFor();
      // The inbox narrowed the way a clerk looks for it: by the task's type, then the order's number.
      await chooseInSelect(page, 'Type', 'Hand the item back');
      await page.waitForURL((url) => decodeURIComponent(url.hash).includes('RETURN_HANDBACK'));
      const card = page.locator('.task-card').filter({ hasText: `Hand back the rejected return of order ${order.externalId}` });
      await card.waitFor({ timeout: processStepTimeoutMs });
      await card.click();
      await waitForShow(page, 'tasks');

      // What to give back and to whom, with the return a click away.
      const form = page.locator('.handback-form');
      await form.getByText(`The return of order ${order.externalId} was rejected: nothing is refunded.`, { exact: false }).waitFor();
      await form.getByText(order.customerName, { exact: false }).waitFor();
      await form.locator(`.handback-line[data-sku="${line.sku}"]`).getByText(/^1 × /).waitFor();
      await form.getByRole('link', { name: 'Open the return' }).waitFor();

      // The whole form fits the phone and its button is thumb-sized.
      await expectNoSidewaysScroll(page);
      const button = page.getByRole('button', { name: 'Handed back to the customer' });
      const height = (await button.boundingBox())?.height ?? 0;
      expect(height).toBeGreaterThanOrEqual(touchSizePx);
      await page.getByLabel('Note (optional)').fill('Customer collected it at the counter');
      await clerk.screenshot('returns-handback-1-form-390');
      await button.click();
      await page.getByText('Hand-back recorded').first().waitFor();

      // The return's page, from the Returns list as the clerk finds it: rejected, handed back (a date, no
      // longer "Not yet"), the run's step by the clerk.
      await openFromPhoneMenu(page, 'Returns', 'returns');
      await page.locator('.list-page .return-cards a').filter({ hasText: order.externalId }).first().click();
      expect(await waitForShow(page, 'returns')).toBe(returnId);
      await page.locator('.return-status').getByText('Rejected').waitFor({ timeout: processStepTimeoutMs });
      await page.locator('.return-refund-method').getByText('The original payment').waitFor();
      await page.locator('.return-handed-back .store-date').waitFor({ timeout: processStepTimeoutMs });
      await page
        .locator('.step-timeline tbody tr[data-step="HANDBACK"]')
        .getByText(/Customer collected it at the counter/)
        .waitFor({ timeout: processStepTimeoutMs });
      await expectNoSidewaysScroll(page);
      await clerk.screenshot('returns-handback-2-handed-back-390');
    },
    testTimeoutMs * 2,
  );

  test(
    'a return the customer started on the marketplace is received by the clerk from its page, which then follows its run',
    async () => {
      const line = order.lines[1];
      if (line === undefined) throw new Error('The order has two lines');
      const returnId = await channelStartedReturnOf(order, 2, processStepTimeoutMs);

      const clerk = await openBrowserSession({ timeoutMs: stepTimeoutMs });
      sessions.push(clerk);
      const { page } = clerk;
      await signIn(page, adminUrl, pickupStoreClerk);
      await openFromMenu(page, 'Returns', 'returns');
      await page.getByRole('tab', { name: 'Requested', exact: true }).click();
      await page.waitForURL((url) => decodeURIComponent(url.hash).includes('"REQUESTED"'));
      expect(await openListRow(page, 'returns', order.externalId)).toBe(returnId);

      // No store and no run yet: the page says why and offers to receive it here.
      await page.locator('.receive-return').getByText('The customer started this return on megamart.', { exact: false }).waitFor();
      await page.locator('.return-no-run').getByText('The return’s run starts once a store receives the items.').waitFor();
      await clerk.screenshot('returns-receive-1-requested');
      await page.getByRole('button', { name: 'Receive item' }).click();
      await page.getByText('Received: the items wait for inspection at the store.').first().waitFor();

      // Received at the clerk's store; the run started and its timeline shows the inspection waiting.
      await page.locator('.receive-return').waitFor({ state: 'detached' });
      await page.locator('.return-store-code').getByText(pickupStoreCode, { exact: true }).waitFor();
      await page.locator('.return-timeline .step-timeline tbody tr[data-step="RECEIVE"]').waitFor({ timeout: processStepTimeoutMs });
      await page.getByRole('link', { name: 'Open the Return inspection task' }).waitFor({ timeout: processStepTimeoutMs });
      await page.locator(`.return-lines [data-sku="${line.sku}"]`).first().waitFor();
      await clerk.screenshot('returns-receive-2-received');
    },
    testTimeoutMs * 2,
  );

  test(
    'head office receives a marketplace-started return at the store it picks',
    async () => {
      const another = await collectedMarketplaceOrder(processStepTimeoutMs);
      const returnId = await channelStartedReturnOf(another, 1, processStepTimeoutMs);

      const lead = await openBrowserSession({ timeoutMs: stepTimeoutMs });
      sessions.push(lead);
      const { page } = lead;
      await signIn(page, adminUrl, opsLead);
      await openFromMenu(page, 'Returns', 'returns');
      await page.getByRole('tab', { name: 'Requested', exact: true }).click();
      await page.waitForURL((url) => decodeURIComponent(url.hash).includes('"REQUESTED"'));
      expect(await openListRow(page, 'returns', another.externalId)).toBe(returnId);
      // No store is its own: the button waits for one.
      const receive = page.getByRole('button', { name: 'Receive item at this store' });
      await receive.waitFor();
      expect(await receive.isDisabled()).toBe(true);
      await chooseInSelect(page, 'Receiving store', otherStoreCode);
      await receive.click();
      await page.getByText('Received: the items wait for inspection at the store.').first().waitFor();
      await page.locator('.return-store-code').getByText(otherStoreCode, { exact: true }).waitFor();
      await page.locator('.return-timeline .step-timeline tbody tr[data-step="RECEIVE"]').waitFor({ timeout: processStepTimeoutMs });
      await lead.screenshot('returns-receive-3-head-office');
    },
    testTimeoutMs * 2,
  );
});
