import { demoChannels } from '../../channels/catalog';
import {
  chooseInSelect,
  listTotal,
  menuEntry,
  menuLabels,
  openFromMenu,
  searchListFor,
  signIn,
  waitUntilEveryRowShows,
} from './admin-pages';
import { inventoryCountOfStore, signInToApi } from './api-client';
import { type BrowserSession, openBrowserSession } from './browser';
import { admin, adminUrl, apiUrl, clerk, otherStoreCode, stepTimeoutMs, testTimeoutMs } from './e2e-settings';

/** The admin UI in a real browser against the running stack (see e2e-settings.ts). */
describe('admin UI in the browser', () => {
  let browser: BrowserSession | undefined;

  afterEach(async () => {
    await browser?.close();
    browser = undefined;
  });

  test(
    'an admin sees every channel and can narrow the inventory to one store',
    async () => {
      browser = await openBrowserSession({ timeoutMs: stepTimeoutMs });
      const { page } = browser;
      await signIn(page, adminUrl, admin);
      expect(await menuLabels(page)).toEqual(expect.arrayContaining(['Inventory', 'Products', 'Stores', 'Channels', 'Users', 'Audit log']));

      await openFromMenu(page, 'Channels', 'channels');
      await browser.screenshot('admin-channels');
      // Other suites leave channels of their own in the shared test database (more than a page of them), so
      // each demo channel is looked up the way an admin finds one: by its code in the search box.
      for (const channel of demoChannels) await searchListFor(page, 'code', channel.code);
      await page.locator('.list-page input[name="q"]').fill('');

      await openFromMenu(page, 'Inventory', 'inventory');
      const everyStoreTotal = await listTotal(page);
      await chooseInSelect(page, 'Store', otherStoreCode);
      await waitUntilEveryRowShows(page, 'storeCode', otherStoreCode);
      const token = await signInToApi(apiUrl, admin);
      const storeTotal = await inventoryCountOfStore(apiUrl, token, otherStoreCode);
      await page.waitForFunction(
        (expected) => document.querySelector('.MuiTablePagination-displayedRows')?.textContent?.endsWith(`of ${expected}`),
        storeTotal,
      );
      expect(storeTotal).toBeGreaterThan(0);
      expect(storeTotal).toBeLessThan(everyStoreTotal);
      await browser.screenshot('admin-inventory-one-store');
    },
    testTimeoutMs,
  );

  test(
    'a store clerk sees only their own store’s stock and no admin-only screens',
    async () => {
      browser = await openBrowserSession({ timeoutMs: stepTimeoutMs });
      const { page } = browser;
      await signIn(page, adminUrl, clerk);
      const labels = await menuLabels(page);
      expect(labels).toContain('Inventory');
      expect(labels).not.toContain('Users');
      expect(labels).not.toContain('Audit log');

      await openFromMenu(page, 'Inventory', 'inventory');
      await waitUntilEveryRowShows(page, 'storeCode', clerk.storeCode);
      expect(await page.getByRole('combobox', { name: 'Store' }).count()).toBe(0);
      const token = await signInToApi(apiUrl, admin);
      expect(await listTotal(page)).toBe(await inventoryCountOfStore(apiUrl, token, clerk.storeCode));
      await browser.screenshot('clerk-inventory');

      // A hand-typed address to an admin screen is refused by the UI (and by the API behind it).
      await page.goto(`${adminUrl}#/users`);
      await page.getByText('Access denied').first().waitFor();
      expect(await menuEntry(page, 'Users').count()).toBe(0);
      await browser.screenshot('clerk-users-denied');
    },
    testTimeoutMs,
  );
});
