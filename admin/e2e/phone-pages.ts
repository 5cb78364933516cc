import { type Page } from 'playwright-core';
import { adminUrl } from './e2e-settings';

/** The phone the shop-floor tests use (an iPhone 12-14's CSS pixels). */
export const phone = { width: 390, height: 844 };

/** Apple's and Google's guidance for a control a thumb can hit. */
export const touchSizePx = 44;

/** Nothing on the page is wider than the screen: the clerk never scrolls sideways. */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({ content: document.documentElement.scrollWidth, viewport: window.innerWidth }));
  expect(widths.content).toBeLessThanOrEqual(widths.viewport);
}

/**
 * Signs in on a phone: not signIn() of admin-pages.ts, because the menu is a closed drawer there, so no
 * highlighted entry can be waited for. Store staff land on their task inbox.
 */
export async function signInOnPhone(page: Page, credentials: { email: string; password: string }): Promise<void> {
  await page.goto(`${adminUrl}#/login`);
  await page.locator('input[name="username"]').fill(credentials.email);
  await page.locator('input[name="password"]').fill(credentials.password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => url.hash.startsWith('#/tasks'));
  await page.locator('.list-page').waitFor();
}

/** On a phone the menu is a drawer: open it, then the entry, and wait for that list. */
export async function openFromPhoneMenu(page: Page, label: string, resource: string): Promise<void> {
  await page.getByRole('button', { name: 'Open menu' }).click();
  await page.getByRole('menuitem', { name: label, exact: true }).click();
  await page.waitForURL((url) => url.hash.split('?')[0] === `#/${resource}`);
  await page.locator('.list-page').waitFor();
}
