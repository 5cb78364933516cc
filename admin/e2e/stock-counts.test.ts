import { waitForShow } from './admin-pages';
import { findStoreByCode, onHandOf, signInToApi } from './api-client';
import { type BrowserSession, openBrowserSession } from './browser';
import { apiUrl, opsLead, stepTimeoutMs, testTimeoutMs } from './e2e-settings';
import { expectNoSidewaysScroll, openFromPhoneMenu, phone, signInOnPhone } from './phone-pages';
import demoUsers from '../../prisma/seed-data/demo-users.json';

/** The count's run settles it in the worker; plus one inbox refresh. */
const processStepTimeoutMs = Math.max(stepTimeoutMs, 40_000);
/** A store the other browser tests only read from (the outage test takes units it has available): +1 disturbs nobody. */
const storeCode = 'BER-01';
const berlinClerk = demoUsers.users.find((user) => user.storeCode === storeCode && !user.isStoreManager);
const berlinManager = demoUsers.users.find((user) => user.storeCode === storeCode && user.isStoreManager);

async function skuToCount(token: string, storeId: string): Promise<string> {
  const query = new URLSearchParams({ filter: JSON.stringify({ storeId }), sort: JSON.stringify(['sku', 'DESC']), range: '[1,1]' });
  const response = await fetch(`${apiUrl}/api/inventory?${query.toString()}`, { headers: { Authorization: `Bearer ${token}` } });
  const [level] = (await response.json()) as { sku: string }[];
  if (level === undefined) throw new Error(`${storeCode} stocks fewer than two SKUs`);
  return level.sku;
}

/**
 * A cycle count outside an outage (docs/stock-counts.md): the store's manager asks for it from the store's page on
 * a phone, the store's clerk finds the task in the inbox on a phone, counts one more than the system holds and sends it; the
 * run corrects the stock by that one unit (within the tolerance: no approval).
 */
describe('a stock count outside an outage', () => {
  const sessions: BrowserSession[] = [];
  afterEach(async () => {
    await Promise.all(sessions.splice(0).map((session) => session.close()));
  });

  test(
    'asked for by the manager on the store page and counted by the clerk from the inbox, both at 390 px; corrected by the run',
    async () => {
      if (berlinClerk === undefined || berlinManager === undefined)
        throw new Error(`The demo users lack a clerk or a manager at ${storeCode}`);
      const token = await signInToApi(apiUrl, opsLead);
      const store = await findStoreByCode(apiUrl, token, storeCode);
      const sku = await skuToCount(token, store.id);
      const before = await onHandOf(apiUrl, token, store.id, sku);

      const manager = await openBrowserSession({ timeoutMs: stepTimeoutMs, viewport: phone });
      sessions.push(manager);
      await signInOnPhone(manager.page, { email: berlinManager.email, password: demoUsers.password });
      await openFromPhoneMenu(manager.page, 'Stores', 'stores');
      // Not openListRow: on a phone the menu is a closed drawer, so no entry is highlighted to wait for.
      await manager.page.locator('.list-page').getByText(storeCode).first().click();
      expect(await waitForShow(manager.page, 'stores')).toBe(store.id);
      await expectNoSidewaysScroll(manager.page);
      await manager.page.locator('.request-stock-count').click();
      const dialog = manager.page.getByRole('dialog');
      await dialog.getByText('Differences correct the stock').waitFor();
      await dialog.getByRole('combobox', { name: 'Products (search by SKU or name)' }).fill(sku);
      await manager.page.getByRole('option', { name: new RegExp(`^${sku} `) }).click();
      await expectNoSidewaysScroll(manager.page);
      await manager.screenshot('stock-count-1-manager-390-request');
      await dialog.locator('.dialog-confirm').click();
      const taskId = await waitForShow(manager.page, 'tasks');
      await manager.page.getByText('Stock count task sent to the store').waitFor();

      const clerk = await openBrowserSession({ timeoutMs: stepTimeoutMs, viewport: phone });
      sessions.push(clerk);
      await signInOnPhone(clerk.page, { email: berlinClerk.email, password: demoUsers.password });
      const card = clerk.page.locator('.task-card').filter({ hasText: 'Count 1 SKU on the shelf' });
      await card.first().waitFor({ timeout: processStepTimeoutMs });
      await expectNoSidewaysScroll(clerk.page);
      await card.first().click();
      expect(await waitForShow(clerk.page, 'tasks')).toBe(taskId);
      const countBox = clerk.page.getByRole('textbox', { name: `Counted ${sku}` });
      await countBox.fill(String(before + 1));
      const send = clerk.page.locator('.submit-stock-count');
      const box = await send.boundingBox();
      expect(box !== null && box.height >= 40 && box.x >= 0 && box.x + box.width <= phone.width).toBe(true);
      await expectNoSidewaysScroll(clerk.page);
      await clerk.screenshot('stock-count-2-clerk-390-count');
      await send.click();
      await clerk.page.getByText('Count sent').waitFor();

      const deadline = Date.now() + processStepTimeoutMs;
      let onHand = await onHandOf(apiUrl, token, store.id, sku);
      while (onHand !== before + 1 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        onHand = await onHandOf(apiUrl, token, store.id, sku);
      }
      expect(onHand).toBe(before + 1);
    },
    testTimeoutMs * 2,
  );
});
