import { menuEntry, openFromMenu, signIn } from './admin-pages';
import { findStoreByCode, signInToApi } from './api-client';
import { type BrowserSession, openBrowserSession } from './browser';
import { admin, adminUrl, apiUrl, clerk, otherStoreCode, stepTimeoutMs, testTimeoutMs } from './e2e-settings';

/** The token's life in the browser: a refusal (403) keeps the user signed in, a rejected token (401) does not. */
describe('admin UI session', () => {
  let browser: BrowserSession | undefined;

  afterEach(async () => {
    await browser?.close();
    browser = undefined;
  });

  test(
    'a 403 leaves the clerk signed in with the API’s reason; a rejected token signs them out',
    async () => {
      const otherStore = await findStoreByCode(apiUrl, await signInToApi(apiUrl, admin), otherStoreCode);
      browser = await openBrowserSession({ timeoutMs: stepTimeoutMs });
      const { page } = browser;
      await signIn(page, adminUrl, clerk);

      await page.goto(`${adminUrl}#/stores/${otherStore.id}/show`);
      await page.getByText('You can only access your own store').waitFor();
      await openFromMenu(page, 'Inventory', 'inventory');
      await browser.screenshot('clerk-other-store-refused');

      // As if the account were deactivated or the signing key rotated: the API now answers 401.
      await page.evaluate(() => {
        const key = 'omnichannel.session';
        const session = JSON.parse(localStorage.getItem(key) ?? '{}') as { token?: string };
        localStorage.setItem(key, JSON.stringify({ ...session, token: `${session.token ?? ''}tampered` }));
      });
      await page.getByRole('button', { name: 'Refresh' }).click();
      await page.locator('input[name="username"]').waitFor();
      expect(await menuEntry(page, 'Inventory').count()).toBe(0);
      expect(await page.evaluate(() => localStorage.getItem('omnichannel.session'))).toBeNull();
    },
    testTimeoutMs,
  );
});
