import { chooseInSelect, columnTexts, openFromMenu, signIn, waitForShow } from './admin-pages';
import { signInToApi } from './api-client';
import { type BrowserSession, openBrowserSession } from './browser';
import { adminUrl, apiUrl, stepTimeoutMs, testTimeoutMs } from './e2e-settings';
import { api, leadA } from './support/promotion-world';

const brand = 'Fjell';
const category = 'Footwear';

const query = (params: Record<string, unknown>) =>
  new URLSearchParams(Object.fromEntries(Object.entries(params).map(([key, value]) => [key, JSON.stringify(value)]))).toString();

/**
 * SKUs by brand in the promotion form (docs/promotions.md, "Admin UI"): lead A opens the products list from
 * the menu and sees each product's brand, then opens Promotions, New promotion, filters the SKU picker by a
 * brand from the facets (every row shown is of that brand), makes the brand a rule, narrows it with a
 * category rule (category AND brand), checks and saves it; the promotion holds exactly that brand's SKUs of
 * the category. It is far in the future (no other test's window), and cancelled at the end.
 */
describe('a promotion by brand in the browser', () => {
  let session: BrowserSession | undefined;
  let token = '';
  const created: string[] = [];
  afterEach(async () => {
    for (const id of created.splice(0)) await api(token, 'POST', `/api/promotions/${id}/cancel`, { reason: 'e2e test over' });
    await session?.close();
  });

  test(
    'lead A picks the SKUs of a brand in a category as a rule, and the promotion holds exactly those',
    async () => {
      if (leadA === undefined) throw new Error('The demo lacks an ops lead');
      token = await signInToApi(apiUrl, leadA);
      const expected = await api<{ sku: string }[]>(
        token,
        'GET',
        `/api/products?${query({ filter: { brand, category, active: true }, range: [0, 199], sort: ['sku', 'ASC'] })}`,
      );
      const expectedSkus = expected.body.map((product) => product.sku);
      expect(expectedSkus.length).toBeGreaterThan(0);
      const facets = await api<{ brands: { name: string; count: number }[] }>(token, 'GET', '/api/products/facets');
      const brandCount = facets.body.brands.find((facet) => facet.name === brand)?.count;

      session = await openBrowserSession({ timeoutMs: stepTimeoutMs });
      const { page } = session;
      await signIn(page, adminUrl, leadA);
      await openFromMenu(page, 'Products', 'products');
      expect((await columnTexts(page, 'brand')).every((text) => text.trim() !== '')).toBe(true);

      await openFromMenu(page, 'Promotions', 'promotions');
      await page.getByRole('link', { name: 'New promotion' }).click();
      await page.locator('.create-page').waitFor();
      const name = `E2E brand ${Date.now()}`;
      await page.locator('input[name="name"]').fill(name);
      await page.locator('input[name="discountAmount"]').fill('10');

      const picker = page.getByTestId('sku-picker');
      await chooseInSelect(page, 'Brand', `${brand} \\(${brandCount}\\)`);
      // The picker's rows are the brand's only (its filter went to the API).
      await page.waitForFunction((expectedBrand) => {
        const rows = [...document.querySelectorAll('[data-testid="sku-picker"] tr[data-sku]')];
        return rows.length > 0 && rows.every((row) => (row.children[4] as HTMLElement | undefined)?.innerText.trim() === expectedBrand);
      }, brand);
      await picker.getByRole('button', { name: `Every product of the brand “${brand}”` }).click();
      await page.getByTestId('chosen-skus').getByText(`brand ${brand}`, { exact: true }).waitFor();
      await chooseInSelect(page, 'Category', `${category} \\(`);
      await picker.getByRole('button', { name: `Every product of “${category}”` }).click();
      await page.getByTestId('chosen-skus').getByText(`all of ${category}`, { exact: true }).waitFor();
      await picker.getByText('The rule takes the products of these categories that are of these brands.').waitFor();

      await page.getByLabel('Every channel').uncheck();
      await page.getByLabel('Own web store', { exact: true }).check();
      // A window of its own years ahead: no other test's promotion overlaps it, so nothing conflicts.
      const day = 1 + (Math.floor(Date.now() / 1000) % 27);
      const start = `2031-05-${String(day).padStart(2, '0')}T00:00`;
      const end = `2031-05-${String(day + 1).padStart(2, '0')}T00:00`;
      await page.locator('input[name="startsLocal"]').fill(start);
      await page.locator('input[name="endsLocal"]').fill(end);
      await page.getByTestId('check-promotion').click();
      await page.getByTestId('check-ok').getByText(`${expectedSkus.length} SKUs on 1 channels`).waitFor();
      await session.screenshot('promotion-brand-1-rule');
      await page.getByRole('button', { name: 'Save' }).click();
      const promotionId = await waitForShow(page, 'promotions');
      created.push(promotionId);

      await page.locator('.show-page').getByText(brand, { exact: true }).waitFor();
      await page.locator('.show-page').getByText(category, { exact: true }).waitFor();
      const skus = await api<{ skus: string[] }>(token, 'GET', `/api/promotions/${promotionId}/skus`);
      expect(skus.body.skus).toEqual(expectedSkus);
      const record = await api<{ brands: string[]; categories: string[] }>(token, 'GET', `/api/promotions/${promotionId}`);
      expect(record.body).toMatchObject({ brands: [brand], categories: [category] });
    },
    testTimeoutMs,
  );
});
