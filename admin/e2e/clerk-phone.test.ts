import { waitForShow } from './admin-pages';
import { type BrowserSession, openBrowserSession } from './browser';
import { adminUrl, stepTimeoutMs, testTimeoutMs } from './e2e-settings';
import { pickupStoreClerk, placePickupOrder } from './support/bopis-world';
import { expectNoSidewaysScroll, phone } from './phone-pages';

/** Webhook, intake, reservation and task creation run in other processes; plus one inbox refresh. */
const processStepTimeoutMs = Math.max(stepTimeoutMs, 40_000);

/** The shop-floor clerk on a phone (issue 13): lands on the inbox, which updates itself and fits the screen. */
describe('the clerk at 390 px', () => {
  let browser: BrowserSession | undefined;

  afterEach(async () => {
    await browser?.close();
    browser = undefined;
  });

  test(
    'lands on the inbox, sees a new pick appear without a reload, claims it, and short-picks it after confirming the refund, without sideways scrolling',
    async () => {
      browser = await openBrowserSession({ timeoutMs: stepTimeoutMs, viewport: phone });
      const { page } = browser;
      // Not signIn(): on a phone the menu is a closed drawer, so there is no highlighted entry to wait for.
      await page.goto(`${adminUrl}#/login`);
      await page.locator('input[name="username"]').fill(pickupStoreClerk.email);
      await page.locator('input[name="password"]').fill(pickupStoreClerk.password);
      await page.locator('button[type="submit"]').click();
      await page.waitForURL((url) => url.hash.startsWith('#/tasks'));
      await page.locator('.list-page .RaList-content').waitFor();
      await expectNoSidewaysScroll(page);
      // The clerk switches on the chime for new tasks (off by default, remembered on this phone).
      await page.getByRole('button', { name: 'Profile' }).click();
      const chime = page.locator('.new-task-sound-toggle');
      expect(await chime.getAttribute('data-on')).toBe('false');
      await chime.click();
      await page.locator('.new-task-sound-toggle[data-on="true"]').getByText('Chime for new tasks: on').waitFor();
      await page.keyboard.press('Escape');
      expect(await page.evaluate(() => localStorage.getItem('omni.newTaskSound'))).toBe('on');

      // The shopper orders while the inbox is open; nobody touches the page.
      const order = await placePickupOrder([2, 1]);
      const card = page.locator('.task-card').filter({ hasText: `Pick order ${order.externalId}` });
      await card.waitFor({ timeout: processStepTimeoutMs });
      await card.locator('.sla-countdown').waitFor();
      expect(await card.locator('.task-assignee').innerText()).toBe('nobody yet');
      await expectNoSidewaysScroll(page);
      // The tab's title counts the open work, so a clerk on another tab sees it arrive too.
      await page.waitForFunction(() => /^\(\d+\+?\) /.test(document.title), undefined, { timeout: processStepTimeoutMs });
      await browser.screenshot('clerk-390-1-inbox');

      await card.click();
      await waitForShow(page, 'tasks');
      await page.locator('.sla-countdown').first().waitFor();
      const claim = page.getByRole('button', { name: 'Claim' });
      await claim.waitFor();
      const claimBox = await claim.boundingBox();
      expect(claimBox !== null && claimBox.x >= 0 && claimBox.x + claimBox.width <= phone.width).toBe(true);
      await expectNoSidewaysScroll(page);
      await browser.screenshot('clerk-390-2-task');
      await claim.click();
      await page.locator('.task-status').getByText('Claimed').waitFor();

      const [first, second] = order.lines;
      if (first === undefined || second === undefined) throw new Error('the order has two lines');
      await page.locator('.pick-why-disabled').waitFor();
      await page.getByRole('spinbutton', { name: `Picked ${first.sku}` }).fill(String(first.quantity + 1));
      await page.getByText(`At most ${first.quantity}`).waitFor();
      // One unit of the first line is not on the shelf: a short pick.
      await page.getByRole('spinbutton', { name: `Picked ${first.sku}` }).fill(String(first.quantity - 1));
      await page.getByRole('spinbutton', { name: `Picked ${second.sku}` }).fill(String(second.quantity));
      const complete = page.getByRole('button', { name: 'Complete pick' });
      const completeBox = await complete.boundingBox();
      // Touch-sized and on screen.
      expect(completeBox !== null && completeBox.height >= 40 && completeBox.x + completeBox.width <= phone.width).toBe(true);
      await expectNoSidewaysScroll(page);
      await browser.screenshot('clerk-390-3-pick-filled');
      await complete.click();
      const dialog = page.locator('.short-pick-dialog');
      await dialog.getByText('Short pick: 1 unit not found?').waitFor();
      // placePickupOrder prices every unit at 1999 minor units (EUR).
      await dialog.getByText('refunded €19.99').waitFor();
      await browser.screenshot('clerk-390-4-short-pick');
      await dialog.getByRole('button', { name: 'Go back and recount' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await complete.click();
      await dialog.getByRole('button', { name: 'Complete short pick' }).click();
      await page.getByText('Pick recorded').waitFor();
      await page.locator('.task-next-step').getByText('The order is ready').waitFor();
      await browser.screenshot('clerk-390-5-next-step');
      await page.getByRole('link', { name: 'Back to the inbox' }).click();
      await page.waitForURL((url) => url.hash.startsWith('#/tasks') && !url.hash.includes('/show'));
    },
    testTimeoutMs * 2,
  );
});
