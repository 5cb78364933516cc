import { randomInt } from 'node:crypto';
import { waitForShow } from './admin-pages';
import { type BrowserSession, openBrowserSession } from './browser';
import { adminUrl, stepTimeoutMs, testTimeoutMs } from './e2e-settings';
import { pickInFullThroughApi, waitForOrderRun } from './support/api-reads';
import { pickupCodeSentFor, pickupStoreClerk, placePickupOrder } from './support/bopis-world';

const processStepTimeoutMs = Math.max(stepTimeoutMs, 30_000);

/** Issue 13: the customer at the counter is found by their phone or by the code they show. */
describe('counter lookup', () => {
  let browser: BrowserSession | undefined;

  afterEach(async () => {
    await browser?.close();
    browser = undefined;
  });

  test(
    "finds the waiting customer's hand-over by phone (written another way) and by pickup code, hand-over first",
    async () => {
      const mobile = `6${String(randomInt(10_000_000, 99_999_999))}`;
      const order = await placePickupOrder([1], { phone: `+31${mobile}` });
      const { workflowId } = await waitForOrderRun(order.externalId, processStepTimeoutMs);
      await pickInFullThroughApi(workflowId, pickupStoreClerk, processStepTimeoutMs);
      // With a phone, the code goes by text message.
      const code = await pickupCodeSentFor(`+31${mobile}`, processStepTimeoutMs);

      browser = await openBrowserSession({ timeoutMs: stepTimeoutMs, viewport: { width: 390, height: 844 } });
      const { page } = browser;
      await page.goto(`${adminUrl}#/login`);
      await page.locator('input[name="username"]').fill(pickupStoreClerk.email);
      await page.locator('input[name="password"]').fill(pickupStoreClerk.password);
      await page.locator('button[type="submit"]').click();
      await page.waitForURL((url) => url.hash.startsWith('#/tasks'));
      const lookup = page.getByLabel('Find a pickup');
      const results = page.locator('.counter-lookup-result');

      // The phone as the customer says it: national format, with spaces.
      await lookup.fill(`0${mobile.slice(0, 1)} ${mobile.slice(1, 5)} ${mobile.slice(5)}`);
      await results.filter({ hasText: `Hand over order ${order.externalId}` }).waitFor({ timeout: processStepTimeoutMs });
      expect(await results.first().getAttribute('data-type')).toBe('HANDOVER');
      await results.first().getByText(order.customerName).waitFor();

      await lookup.fill(code);
      const byCode = results.filter({ hasText: `Hand over order ${order.externalId}` });
      await byCode.getByText('pickup code').waitFor({ timeout: processStepTimeoutMs });
      await browser.screenshot('counter-lookup-1-by-code');
      await byCode.click();
      await waitForShow(page, 'tasks');
      await page.locator('.handover-customer').getByText(order.customerName).waitFor();
      await page.locator('.handover-items li').first().waitFor();
      await browser.screenshot('counter-lookup-2-handover');
    },
    testTimeoutMs * 2,
  );
});
