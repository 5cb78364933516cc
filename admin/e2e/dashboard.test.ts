import { waitForDashboard, signIn, waitForList } from './admin-pages';
import { type BrowserSession, openBrowserSession } from './browser';
import { admin, adminUrl, clerk, opsLead, stepTimeoutMs, testTimeoutMs } from './e2e-settings';

/** Each role's home page, at a desktop width and at a phone's 390 px. */
describe('home pages per role', () => {
  let browser: BrowserSession | undefined;

  afterEach(async () => {
    await browser?.close();
    browser = undefined;
  });

  test.each([
    ['desktop', { width: 1440, height: 900 }],
    ['phone', { width: 390, height: 844 }],
  ])(
    'an admin lands on the dashboard with channel health (%s)',
    async (name, viewport) => {
      browser = await openBrowserSession({ timeoutMs: stepTimeoutMs, viewport });
      const { page } = browser;
      await signIn(page, adminUrl, admin);
      await waitForDashboard(page);
      for (const tile of ['orders', 'pickup-sla', 'stock-drift', 'attention', 'channel-health']) {
        await page.locator(`[data-testid="tile-${tile}"]`).waitFor();
      }
      // Every tile loaded its figures (no error), and the charts are drawn by MUI X Charts.
      expect(await page.locator('[data-testid^="tile-"] .MuiAlert-standardError').count()).toBe(0);
      expect(
        await page.locator('[data-testid^="tile-"] svg.MuiChartsSurface-root, [data-testid^="tile-"] .MuiChartsSurface-root').count(),
      ).toBeGreaterThan(0);
      // The demo channels are listed with their state.
      expect(await page.locator('[data-testid="tile-channel-health"] tbody tr').count()).toBeGreaterThanOrEqual(6);
      // Nothing wider than the screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await browser.screenshot(`dashboard-admin-${name}`);

      // At 390 px the menu is folded away, so the list is recognised by its URL and title there.
      await page.locator('[data-testid="tile-attention"] a', { hasText: 'Task inbox' }).click();
      if (name === 'desktop') await waitForList(page, 'tasks');
      else await page.waitForURL((url) => url.hash.startsWith('#/tasks'));
    },
    testTimeoutMs,
  );

  test(
    'an ops lead lands on the dashboard without channel health, and changes the period',
    async () => {
      browser = await openBrowserSession({ timeoutMs: stepTimeoutMs });
      const { page } = browser;
      await signIn(page, adminUrl, opsLead);
      await waitForDashboard(page);
      expect(await page.locator('[data-testid="tile-channel-health"]').count()).toBe(0);
      const metricsCall = page.waitForResponse((response) => response.url().includes('/api/metrics/orders') && response.status() === 200);
      await page.getByRole('combobox', { name: 'Period' }).click();
      await page.getByRole('option', { name: 'Last 7 days' }).click();
      const answered = await metricsCall;
      const url = new URL(answered.url());
      const days = (Date.parse(url.searchParams.get('to') ?? '') - Date.parse(url.searchParams.get('from') ?? '')) / 86_400_000;
      expect(days).toBe(7);
      await waitForDashboard(page);
      await browser.screenshot('dashboard-ops-lead');
    },
    testTimeoutMs,
  );

  test(
    'a store clerk lands on their task inbox',
    async () => {
      browser = await openBrowserSession({ timeoutMs: stepTimeoutMs });
      const { page } = browser;
      await signIn(page, adminUrl, clerk);
      await waitForList(page, 'tasks');
      expect(await page.locator('[data-testid="dashboard"]').count()).toBe(0);
      await browser.screenshot('home-clerk');
    },
    testTimeoutMs,
  );
});
