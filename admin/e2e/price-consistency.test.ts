import { openFromMenu, openListRow, signIn } from './admin-pages';
import { type BrowserSession, openBrowserSession } from './browser';
import { adminUrl, opsLead, stepTimeoutMs, testTimeoutMs } from './e2e-settings';

/** A seeded SKU whose code is no other SKU's prefix, so the search leaves exactly one row. */
const sku = 'APP-TSH-BLK';

/**
 * An ops lead checks one SKU's price on every channel: from the menu, by search, opening the row as a user
 * does, then "Check now" reads every channel live and the page shows each channel's read-back.
 */
describe('price consistency in the browser', () => {
  let lead: BrowserSession | undefined;

  afterEach(async () => {
    await lead?.close();
  });

  test(
    'an ops lead opens a SKU from the list and checks every channel now',
    async () => {
      lead = await openBrowserSession({ timeoutMs: stepTimeoutMs });
      await signIn(lead.page, adminUrl, opsLead);
      await openFromMenu(lead.page, 'Price consistency', 'price-consistency');
      await lead.page.locator('.list-page input[name="q"]').fill(sku);
      await lead.page.waitForFunction((wanted) => {
        const rows = [...document.querySelectorAll('.list-page tbody tr')];
        return rows.length === 1 && rows[0]?.textContent?.includes(wanted) === true;
      }, sku);
      await openListRow(lead.page, 'price-consistency', sku);
      await lead.page.locator('.show-page').getByText(sku).first().waitFor();

      const rows = lead.page.locator('[data-testid="channel-prices"] tbody tr');
      await rows.first().waitFor();
      const channels = await rows.count();
      expect(channels).toBeGreaterThan(1);
      await lead.page.getByTestId('check-now').click();
      await lead.page.getByText('Every channel read back just now').waitFor({ timeout: 60_000 });
      await lead.page.waitForFunction(
        (count) =>
          [...document.querySelectorAll('[data-testid="channel-prices"] tbody tr')].filter((row) =>
            row.textContent?.includes('checked by hand'),
          ).length === count,
        channels,
        { timeout: 30_000 },
      );
      await lead.screenshot('price-consistency-check-now');
    },
    testTimeoutMs,
  );
});
