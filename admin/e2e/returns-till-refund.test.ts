import { signIn, waitForShow, openFromMenu } from './admin-pages';
import { type BrowserSession, openBrowserSession } from './browser';
import { adminUrl, stepTimeoutMs, testTimeoutMs } from './e2e-settings';
import { pickupStoreClerk } from './support/bopis-world';
import { inspectThroughApi } from './support/returns-api';
import { type CollectedOrder, collectedPayAtPickupOrder } from './support/returns-world';

/** Intake, pickup, the return's run and the refund go through other processes: give them longer. */
const processStepTimeoutMs = Math.max(stepTimeoutMs, 40_000);

/**
 * A till sale comes back (a web order paid at the counter on collection): the clerk asks the customer
 * how they want the money and takes it back as store credit; the return's page shows the method and,
 * once refunded, the code the customer spends at the till.
 */
describe('a till sale returned for store credit in the admin UI', () => {
  const sessions: BrowserSession[] = [];
  let order: CollectedOrder;

  beforeAll(async () => {
    order = await collectedPayAtPickupOrder(processStepTimeoutMs);
  }, testTimeoutMs);

  afterEach(async () => {
    await Promise.all(sessions.splice(0).map((session) => session.close()));
  });

  test(
    'the clerk must ask cash or store credit before taking it back; store credit shows its code on the return',
    async () => {
      const [line] = order.lines;
      if (line === undefined) throw new Error('The order has a line');
      const clerk = await openBrowserSession({ timeoutMs: stepTimeoutMs });
      sessions.push(clerk);
      const { page } = clerk;
      await signIn(page, adminUrl, pickupStoreClerk);
      await openFromMenu(page, 'Returns', 'returns');
      await page.getByRole('link', { name: 'Return items' }).click();
      await page.getByLabel('Order number, channel order id, customer phone or e-mail').fill(order.externalId);
      await page.getByRole('button', { name: 'Search' }).click();
      await page.locator(`.return-search-result[data-order="${order.externalId}"]`).click();

      await page.getByRole('spinbutton', { name: `Units to return ${line.sku}` }).fill('1');
      await page.getByRole('combobox', { name: /^Reason/ }).click();
      await page.getByRole('option', { name: 'Does not fit' }).click();
      await page.getByRole('textbox', { name: /^What the customer says/ }).fill('One size too big');
      // Paid at the counter: no "refunded to the payment" sentence, a choice, and nothing taken back until it is made.
      const choice = page.locator('.refund-method-choice');
      await choice.getByText('Paid at a store’s till: how does the customer want the money back?').waitFor();
      expect(await page.locator('.refund-to-original').count()).toBe(0);
      const takeBack = page.getByRole('button', { name: 'Take back 1 unit' });
      expect(await takeBack.isDisabled()).toBe(true);
      await choice.getByRole('radio', { name: 'Store credit' }).check();
      expect(await takeBack.isDisabled()).toBe(false);
      await clerk.screenshot('returns-till-1-store-credit-chosen');
      await takeBack.click();

      const returnId = await waitForShow(page, 'returns');
      await page.locator('.return-refund-method').getByText('Store credit').waitFor();
      await inspectThroughApi(returnId, processStepTimeoutMs);
      await page.locator('.return-status').getByText('Closed').waitFor({ timeout: processStepTimeoutMs });
      await page
        .locator('.store-credit-codes')
        .getByText(/^SC-[A-Z2-9]{4}-[A-Z2-9]{4}$/)
        .waitFor({ timeout: processStepTimeoutMs });
      await clerk.screenshot('returns-till-2-store-credit-code');
      // The code opens the credit at the till: found from the list, the whole refund left to spend.
      const codeLink = page.locator('.store-credit-codes a');
      const code = await codeLink.innerText();
      await codeLink.click();
      await page.waitForURL((url) => url.hash.startsWith('#/store-credits'));
      await page.locator('.list-page').getByText(code, { exact: true }).click();
      await waitForShow(page, 'store-credits');
      await page.locator('.redeem-store-credit-form').waitFor();
      await page.locator('.show-page').getByText(code, { exact: true }).waitFor();
    },
    testTimeoutMs * 2,
  );
});
