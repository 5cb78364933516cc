import { type Page } from 'playwright-core';
import { columnTexts, openFromMenu, openListRow, signIn, waitForList } from './admin-pages';
import { type BrowserSession, openBrowserSession } from './browser';
import { admin, adminUrl, stepTimeoutMs, testTimeoutMs } from './e2e-settings';

/**
 * The API answers an unknown sort field or filter key with a 400 rather than ignoring it, so a screen
 * whose defaults drift from the API breaks loudly. This walks every list, show and edit screen an admin
 * has and fails on any API error the browser saw.
 */
const screens = [
  { label: 'Inventory', resource: 'inventory', editable: false },
  { label: 'Products', resource: 'products', editable: false },
  { label: 'Stores', resource: 'stores', editable: true },
  { label: 'Channels', resource: 'channels', editable: true },
  { label: 'Users', resource: 'users', editable: true },
  { label: 'Audit log', resource: 'audit-events', editable: false },
];

function recordApiErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('response', (response) => {
    if (new URL(response.url()).pathname.startsWith('/api/') && response.status() >= 400)
      errors.push(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
  return errors;
}

describe('every admin screen', () => {
  let browser: BrowserSession | undefined;

  afterEach(async () => {
    await browser?.close();
    browser = undefined;
  });

  test(
    'opens every list, record and edit form without an API error',
    async () => {
      browser = await openBrowserSession({ timeoutMs: stepTimeoutMs });
      const { page } = browser;
      const apiErrors = recordApiErrors(page);
      await signIn(page, adminUrl, admin);
      for (const { label, resource, editable } of screens) {
        await openFromMenu(page, label, resource);
        // On a fresh stack the audit log may hold nothing but sign-ins (hidden by default): show them.
        if (resource === 'audit-events') await page.getByLabel('Hide sign-ins').uncheck();
        await openListRow(page, resource);
        await browser.screenshot(`screen-${resource}-show`);
        if (editable) {
          await page.getByRole('link', { name: 'Edit' }).click();
          await page.getByRole('button', { name: 'Save' }).waitFor();
          await browser.screenshot(`screen-${resource}-edit`);
        }
      }
      // The stock ledger has no record page: its list, and the list narrowed by kind.
      await openFromMenu(page, 'Stock movements', 'inventory-movements');
      expect((await columnTexts(page, 'kind')).length).toBeGreaterThan(0);
      await page.goto(`${adminUrl}#/inventory-movements?filter=${encodeURIComponent(JSON.stringify({ kind: 'RECEIVE' }))}`);
      await waitForList(page, 'inventory-movements');
      await browser.screenshot('screen-inventory-movements');
      await page.goto(`${adminUrl}#/inventory?filter=${encodeURIComponent(JSON.stringify({ lowStock: true }))}`);
      await waitForList(page, 'inventory');
      expect(apiErrors).toEqual([]);
    },
    testTimeoutMs,
  );
});
