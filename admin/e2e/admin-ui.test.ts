import { demoChannels } from '../../channels/catalog';
import demoUsers from '../../prisma/seed-data/demo-users.json';
import { chooseInSelect, columnTexts, listTotal, menuEntry, menuLabels, openFromMenu, signIn, waitUntilEveryRowShows } from './admin-pages';
import { inventoryCountOfStore, signInToApi } from './api-client';
import { type BrowserSession, openBrowserSession } from './browser';

/**
 * The admin UI in a real browser against the running stack: the API serving /admin and /api on API_URL,
 * with the demo data seeded (the test bootstrap does both).
 */
const apiUrl = requiredEnv('API_URL').replace(/\/$/, '');
const adminUrl = `${apiUrl}/admin/`;
/** Per browser step; generous because the first page load parses a large bundle on a 2-core machine. */
const stepTimeoutMs = Number(process.env.E2E_STEP_TIMEOUT_MS ?? 15_000);
const testTimeoutMs = Number(process.env.E2E_TEST_TIMEOUT_MS ?? 90_000);

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the e2e tests through \`npm test\`, or point ${name} at an API serving /admin`);
  return value;
}

function demoLogin(matches: (user: (typeof demoUsers.users)[number]) => boolean) {
  const user = demoUsers.users.find(matches);
  if (user === undefined) throw new Error('The demo users lack a user this test needs');
  return { email: user.email, password: demoUsers.password, storeCode: user.storeCode };
}

const admin = demoLogin((user) => user.role === 'ADMIN');
const clerk = demoLogin((user) => user.role === 'STORE_STAFF' && !user.isStoreManager);
const otherStoreCode = demoLogin((user) => user.role === 'STORE_STAFF' && user.storeCode !== clerk.storeCode).storeCode ?? '';

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
      expect((await columnTexts(page, 'code')).sort()).toEqual(demoChannels.map((channel) => channel.code).sort());
      await browser.screenshot('admin-channels');

      await openFromMenu(page, 'Inventory', 'inventory');
      const everyStoreTotal = await listTotal(page);
      await chooseInSelect(page, 'Store', otherStoreCode);
      await waitUntilEveryRowShows(page, 'storeCode', otherStoreCode);
      const token = await signInToApi(apiUrl, admin);
      const storeTotal = await inventoryCountOfStore(apiUrl, token, otherStoreCode);
      await page.waitForFunction((expected) => document.querySelector('.MuiTablePagination-displayedRows')?.textContent?.endsWith(`of ${expected}`), storeTotal);
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
      await waitUntilEveryRowShows(page, 'storeCode', clerk.storeCode ?? '');
      expect(await page.getByRole('combobox', { name: 'Store' }).count()).toBe(0);
      const token = await signInToApi(apiUrl, admin);
      expect(await listTotal(page)).toBe(await inventoryCountOfStore(apiUrl, token, clerk.storeCode ?? ''));
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
