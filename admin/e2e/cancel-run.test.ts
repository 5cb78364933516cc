import { signIn, waitForShow } from './admin-pages';
import { type BrowserSession, openBrowserSession } from './browser';
import { admin, adminUrl, stepTimeoutMs, testTimeoutMs } from './e2e-settings';
import { waitForOrderRun } from './support/api-reads';
import { placePickupOrder } from './support/bopis-world';

const processStepTimeoutMs = Math.max(stepTimeoutMs, 30_000);

/** Issue 13: the dialog's buttons say what they do, and a cancelled pickup run says "Cancelled". */
describe('cancelling a run in the admin UI', () => {
  let browser: BrowserSession | undefined;

  afterEach(async () => {
    await browser?.close();
    browser = undefined;
  });

  test(
    'the dialog offers "Keep running" and "Cancel run"; keeping it changes nothing, cancelling shows the run Cancelled',
    async () => {
      const order = await placePickupOrder([1]);
      const { workflowId } = await waitForOrderRun(order.externalId, processStepTimeoutMs);
      browser = await openBrowserSession({ timeoutMs: stepTimeoutMs });
      const { page } = browser;
      await signIn(page, adminUrl, admin);
      await page.goto(`${adminUrl}#/workflows/${encodeURIComponent(workflowId)}/show`);
      await waitForShow(page, 'workflows');
      await page.locator('.run-status[data-status="RUNNING"]').waitFor({ timeout: processStepTimeoutMs });

      await page.getByRole('button', { name: 'Cancel run' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: 'Keep running', exact: true }).waitFor();
      expect(await dialog.getByRole('button').allInnerTexts()).toEqual(['Keep running', 'Cancel run']);
      await browser.screenshot('cancel-run-1-dialog');
      await dialog.getByRole('button', { name: 'Keep running' }).click();
      await dialog.waitFor({ state: 'hidden' });
      expect(await page.locator('.run-status').getAttribute('data-status')).toBe('RUNNING');

      await page.getByRole('button', { name: 'Cancel run' }).click();
      await dialog.getByLabel('Reason (kept in the audit log)').fill('Customer called the store: no longer needed');
      await dialog.getByRole('button', { name: 'Cancel run' }).click();
      await page.locator('.run-status[data-status="CANCELLED"]').getByText('Cancelled').waitFor({ timeout: processStepTimeoutMs });
      expect(await page.locator('.run-status').innerText()).not.toMatch(/Completed/i);
      await page.locator('.step-timeline tbody tr[data-step="CANCEL"]').getByText('Cancelled').first().waitFor();
      await page.locator('.step-timeline tbody tr[data-step="CANCEL"]').getByText('Ada Admin').first().waitFor();
      await browser.screenshot('cancel-run-2-cancelled');
    },
    testTimeoutMs * 2,
  );
});
