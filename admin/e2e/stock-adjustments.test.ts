import { type Page } from 'playwright-core';
import { openFromMenu, searchListFor, signIn, waitForList, waitForShow } from './admin-pages';
import {
  findStoreByCode,
  firstSkuOfStore,
  lastSkuOfStore,
  onHandOf,
  pendingApprovalOf,
  rejectAsApi,
  signInToApi,
  recentStockAdjustmentReasons,
} from './api-client';
import { type BrowserSession, openBrowserSession } from './browser';
import { adminUrl, apiUrl, clerk, opsLead, stepTimeoutMs, storeManager, testTimeoutMs } from './e2e-settings';

/** Below the approval thresholds the adjustment is applied by its workflow in another process. */
const processStepTimeoutMs = Math.max(stepTimeoutMs, 40_000);

/** From the Inventory list, as a person finds a stock level: search the SKU, open the row of the store. */
async function openStockLevel(page: Page, sku: string, storeCode: string): Promise<void> {
  await openFromMenu(page, 'Inventory', 'inventory');
  await searchListFor(page, 'sku', sku);
  await page.locator('.list-page tbody tr').filter({ hasText: sku }).filter({ hasText: storeCode }).first().click();
  await waitForShow(page, 'inventory');
}

/**
 * A store manager corrects on hand from the stock level's page (issue 13: "a stock adjustment with a reason
 * for managers"): below the thresholds it is applied at once, a zero change is refused on the field without
 * a request, above the thresholds it waits for a second person with a way to the request; a clerk is not
 * offered the action.
 */
describe('stock adjustments in the browser', () => {
  const sessions: BrowserSession[] = [];

  afterEach(async () => {
    await Promise.all(sessions.splice(0).map((session) => session.close()));
  });

  async function signedIn(credentials: { email: string; password: string }): Promise<BrowserSession> {
    const session = await openBrowserSession({ timeoutMs: stepTimeoutMs });
    sessions.push(session);
    await signIn(session.page, adminUrl, credentials);
    return session;
  }

  test(
    'a manager adjusts from the stock level: a zero change is refused on the field, a small one is applied, a large one waits for approval',
    async () => {
      const managerToken = await signInToApi(apiUrl, storeManager);
      const store = await findStoreByCode(apiUrl, managerToken, storeManager.storeCode);
      const sku = await lastSkuOfStore(apiUrl, managerToken, store.id);
      const onHandBefore = await onHandOf(apiUrl, managerToken, store.id, sku);

      const session = await signedIn(storeManager);
      const { page } = session;
      await openStockLevel(page, sku, storeManager.storeCode);
      await page.getByRole('link', { name: 'Adjust stock' }).click();
      await page.locator('.create-page').waitFor();
      expect(await page.locator('input[name="sku"]').inputValue()).toBe(sku);
      // Their own store, fixed: a manager adjusts no other.
      expect(await page.getByRole('combobox', { name: 'Store' }).getAttribute('aria-readonly')).toBe('true');

      await page.locator('input[name="delta"]').fill('0');
      const zeroReason = `Nothing really ${Date.now()}`;
      await page.locator('textarea[name="reason"]').fill(zeroReason);
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Must not be zero').waitFor();
      expect(await recentStockAdjustmentReasons(apiUrl, managerToken, store.id)).not.toContain(zeroReason);

      const reason = `Carton found behind the till ${Date.now()}`;
      await page.locator('input[name="delta"]').fill('1');
      await page.locator('textarea[name="reason"]').fill(reason);
      await session.screenshot('stock-adjustment-form');
      await page.getByRole('button', { name: 'Save' }).click();
      await waitForShow(page, 'stock-adjustments');
      await page.getByText('Adjustment requested: applied now, or once a second person approves it').waitFor();
      // By name, not the user id the record holds.
      const requester = page.locator('.show-page .ra-field-requestedByUserId');
      // The names arrive after the record: wait for a name, not the id shown until then.
      const named = requester.locator('.MuiTypography-body2').filter({ hasNotText: /[0-9a-f]{8}-[0-9a-f]{4}-/ });
      await named.waitFor();
      const requesterName = await named.innerText();
      // The manager's own name, as the app bar shows it.
      expect(await page.locator('header').innerText()).toContain(requesterName);
      await page.locator('.show-page .ra-field-status').getByText('Applied', { exact: true }).waitFor({ timeout: processStepTimeoutMs });
      await page.locator('.show-page').getByText('+1', { exact: true }).waitFor();
      expect(await onHandOf(apiUrl, managerToken, store.id, sku)).toBe(onHandBefore + 1);
      await session.screenshot('stock-adjustment-applied');

      // Above the quantity threshold (10): a second person decides, and the page leads to the request.
      await openStockLevel(page, sku, storeManager.storeCode);
      await page.getByRole('link', { name: 'Adjust stock' }).click();
      await page.locator('.create-page').waitFor();
      await page.locator('input[name="delta"]').fill('-25');
      await page.locator('textarea[name="reason"]').fill(`Water damage in the back room ${Date.now()}`);
      await page.getByRole('button', { name: 'Save' }).click();
      const adjustmentId = await waitForShow(page, 'stock-adjustments');
      await page
        .locator('.show-page .ra-field-status')
        .getByText('Waiting for approval', { exact: true })
        .waitFor({ timeout: processStepTimeoutMs });
      await page.getByRole('link', { name: 'Open the approval request' }).click();
      await waitForShow(page, 'approvals');
      await page.getByText(/a second person must decide/).waitFor();
      // And back from the request to what it is about.
      await page.getByRole('link', { name: 'Show what is asked for' }).click();
      expect(await waitForShow(page, 'stock-adjustments')).toBe(adjustmentId);
      expect(await onHandOf(apiUrl, managerToken, store.id, sku)).toBe(onHandBefore + 1);

      // Leave the shared world as found: a second person rejects it, with a reason.
      const approval = await pendingApprovalOf(apiUrl, managerToken, adjustmentId);
      if (approval === undefined) throw new Error('The large adjustment has no pending approval');
      expect(await rejectAsApi(apiUrl, await signInToApi(apiUrl, opsLead), approval.id, 'Checked: the boxes are dry')).toBe(200);
    },
    testTimeoutMs,
  );

  test(
    'a clerk sees the store adjustments but is not offered to make one',
    async () => {
      const clerkToken = await signInToApi(apiUrl, clerk);
      const store = await findStoreByCode(apiUrl, clerkToken, clerk.storeCode);
      const sku = await firstSkuOfStore(apiUrl, clerkToken, store.id);
      const { page } = await signedIn(clerk);
      await openStockLevel(page, sku, clerk.storeCode);
      await page.locator('.show-page').getByText(sku, { exact: true }).waitFor();
      expect(await page.getByRole('link', { name: 'Adjust stock' }).count()).toBe(0);
      await openFromMenu(page, 'Stock adjustments', 'stock-adjustments');
      await waitForList(page, 'stock-adjustments');
      expect(await page.getByRole('link', { name: 'Adjust stock' }).count()).toBe(0);
    },
    testTimeoutMs,
  );
});
