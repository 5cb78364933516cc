import demoUsers from '../../prisma/seed-data/demo-users.json';
import { waitForShow } from './admin-pages';
import { signInToApi } from './api-client';
import { type BrowserSession, openBrowserSession } from './browser';
import { apiUrl, stepTimeoutMs, testTimeoutMs } from './e2e-settings';
import { expectNoSidewaysScroll, openFromPhoneMenu, phone, signInOnPhone } from './phone-pages';

/** The seeded store credit (prisma/seed/seed-profiles.ts), issued at Amsterdam's till. */
const code = 'SC-DEMO-AMS1';
const berlinClerk = (() => {
  const user = demoUsers.users.find((candidate) => candidate.storeCode === 'BER-01' && !candidate.isStoreManager);
  if (user === undefined) throw new Error('The demo users lack a Berlin clerk');
  return { email: user.email, password: demoUsers.password };
})();

interface CreditBody {
  id: string;
  balanceMinor: number;
  redemptions: { receiptNumber: string; amountMinor: number }[];
}

async function creditByCode(token: string): Promise<CreditBody> {
  const filter = encodeURIComponent(JSON.stringify({ code }));
  const rows = (await (
    await fetch(`${apiUrl}/api/store-credits?filter=${filter}`, { headers: { Authorization: `Bearer ${token}` } })
  ).json()) as {
    id: string;
  }[];
  const [row] = rows;
  if (row === undefined) throw new Error(`${code} is not seeded`);
  return (await (
    await fetch(`${apiUrl}/api/store-credits/${row.id}`, { headers: { Authorization: `Bearer ${token}` } })
  ).json()) as CreditBody;
}

/**
 * A customer pays in Berlin with store credit Amsterdam's till issued: the clerk, on a phone, types the code
 * as the customer reads it out, opens it from the list, is stopped from taking more than is left, and pays
 * part of a sale with it; the balance and the spend are on the page and in the API, nothing wider than the screen.
 */
describe('store credit at the till in the browser', () => {
  let clerk: BrowserSession | undefined;

  afterEach(async () => {
    await clerk?.close();
  });

  test(
    "a clerk at another store finds the customer's code on a phone and pays part of a sale with it",
    async () => {
      const token = await signInToApi(apiUrl, berlinClerk);
      const before = await creditByCode(token);
      const receipt = `BER-E2E-${Date.now()}`;

      clerk = await openBrowserSession({ timeoutMs: stepTimeoutMs, viewport: phone });
      const { page } = clerk;
      await signInOnPhone(page, berlinClerk);
      await openFromPhoneMenu(page, 'Store credit', 'store-credits');
      // Berlin issued no credit: the list is empty, and the code search is there all the same.
      // Read out by the customer: lower case, spaces for dashes.
      await page.locator('.list-page input[name="code"]').fill('sc demo ams1');
      const card = page.locator('.store-credit-cards').getByText(code);
      await card.waitFor();
      await card.click();
      await waitForShow(page, 'store-credits');

      const form = page.locator('.redeem-store-credit-form');
      await form.locator('input[name="amount"]').fill(String(before.balanceMinor / 100 + 1).replace('.', ','));
      await form.getByText('More than is left').waitFor();
      expect(await form.getByRole('button').isDisabled()).toBe(true);
      await form.locator('input[name="amount"]').fill('1,25');
      await form.locator('input[name="receiptNumber"]').fill(receipt);
      await form.getByRole('button', { name: 'Pay €1.25 with store credit' }).click();
      await page.getByText('Paid with store credit').waitFor();
      await page.locator('[data-testid="store-credit-redemptions"]').getByText(receipt).waitFor();
      await expectNoSidewaysScroll(page);
      await clerk.screenshot('store-credit-390-paid');

      const after = await creditByCode(token);
      expect(after.balanceMinor).toBe(before.balanceMinor - 125);
      expect(after.redemptions.filter((row) => row.receiptNumber === receipt)).toEqual([{ ...after.redemptions.at(-1), amountMinor: 125 }]);
    },
    testTimeoutMs,
  );
});
