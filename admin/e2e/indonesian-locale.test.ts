import { randomUUID } from 'node:crypto';
import { createPrismaClient, type PrismaClient } from '../../prisma/client';
import { chooseLanguage, menuLabels, openFromMenu, openListRow, searchListFor, signIn, waitForDashboard, waitForShow } from './admin-pages';
import { type BrowserSession, openBrowserSession } from './browser';
import { admin, adminUrl, stepTimeoutMs, testTimeoutMs } from './e2e-settings';

/** Intl writes "Rp 150.000" with a no-break space; compare as a person reads it. */
const spaced = (text: string) => text.replace(/\u00a0|\u202f/g, ' ');
/** A date and time as id-ID writes them in the medium style: "3 Des 2026, 00.05". */
const indonesianDateTime = /\b\d{1,2} (Jan|Feb|Mar|Apr|Mei|Jun|Jul|Agu|Sep|Okt|Nov|Des) \d{4}(,| pukul) \d{2}\.\d{2}\b/;

/**
 * Head office switches the admin UI to Bahasa Indonesia: menu, lists, a record page and the dashboard
 * read Indonesian, dates and money are written the Indonesian way, and the choice survives a reload and a
 * sign-out. The IDR product is a scratch row of this test (prices in ISO 4217 minor units: sen).
 */
describe('the admin UI in Bahasa Indonesia', () => {
  let browser: BrowserSession | undefined;
  let prisma: PrismaClient;
  const sku = `E2E-IDR-${randomUUID().slice(0, 8).toUpperCase()}`;
  const externalId = `E2E-ID-${randomUUID().slice(0, 8).toUpperCase()}`;

  beforeAll(async () => {
    const databaseUrl = process.env.DATABASE_URL;
    if (!databaseUrl) throw new Error('DATABASE_URL is not set: run the e2e tests through `npm test`');
    prisma = createPrismaClient({ databaseUrl, poolSize: 2 });
    const [channel, product] = await Promise.all([
      prisma.channel.findUniqueOrThrow({ where: { code: 'web' } }),
      prisma.product.create({
        data: {
          sku,
          name: 'Kemeja batik tulis',
          description: 'Katun, lengan panjang',
          category: 'Pakaian',
          basePriceMinor: 15_000_000,
          floorPriceMinor: 12_500_000,
          currency: 'IDR',
        },
      }),
    ]);
    // Shipped, not picked up: no pickup run is started for it, so it touches no store's stock.
    await prisma.order.create({
      data: {
        channelId: channel.id,
        externalId,
        fulfilmentType: 'SHIP',
        currency: 'IDR',
        totalMinor: 30_000_000,
        placedAt: new Date(),
        lines: { create: [{ productId: product.id, quantity: 2, unitPriceMinor: 15_000_000 }] },
      },
    });
  });

  afterEach(async () => {
    await browser?.close();
    browser = undefined;
  });

  afterAll(async () => {
    await prisma.orderLine.deleteMany({ where: { order: { externalId } } });
    await prisma.order.deleteMany({ where: { externalId } });
    await prisma.product.deleteMany({ where: { sku } });
    await prisma.$disconnect();
  });

  test(
    'switch, read Indonesian everywhere, keep the choice across a reload and a sign-out',
    async () => {
      browser = await openBrowserSession({ timeoutMs: stepTimeoutMs });
      const { page } = browser;
      await signIn(page, adminUrl, admin);
      expect(await menuLabels(page)).toContain('Orders');

      await chooseLanguage(page, 'Bahasa Indonesia', 'Pesanan');
      await waitForDashboard(page);
      const menu = await menuLabels(page);
      for (const label of ['Stok', 'Tugas', 'Persetujuan', 'Pesanan', 'Produk', 'Toko', 'Kanal', 'Alur kerja', 'Log audit'])
        expect(menu).toContain(label);
      await page.getByText('Pesanan per kanal asal').waitFor();
      await page.getByText('SLA pengambilan').first().waitFor();
      await page.getByText('Perlu ditangani').waitFor();
      // MUI X Charts' own overlay words come from our messages too (an empty chart said "No data to display").
      expect(await page.getByText('No data to display').count()).toBe(0);
      await browser.screenshot('locale-id-1-dashboard');

      // A reload starts in the remembered language.
      await page.reload();
      await waitForDashboard(page);
      await page.getByText('Pesanan per kanal asal').waitFor();
      expect(await menuLabels(page)).toContain('Pesanan');

      // Lists: column labels, status tabs, dates in id-ID and money from ISO 4217 minor units (sen).
      await openFromMenu(page, 'Pesanan', 'orders');
      await page.getByRole('columnheader', { name: 'Nomor pesanan' }).waitFor();
      await page.getByRole('tab', { name: 'Siap diambil' }).waitFor();
      await searchListFor(page, 'externalId', externalId);
      const row = page.locator('.list-page .RaDataTable-row', { hasText: externalId });
      expect(spaced(await row.locator('td.column-totalMinor').innerText())).toBe('Rp 300.000');
      expect(await row.locator('td.column-placedAt').innerText()).toMatch(indonesianDateTime);

      // The record's page: labels and the lines' prices, rupiah without decimals.
      // Once the search is in the URL (react-admin writes it after a debounce, and writing it later would
      // navigate back to the list), on the order number's cell: other cells hold links (the channel).
      await page.waitForURL((url) => decodeURIComponent(url.hash).includes(externalId));
      await row.locator('td.column-externalId').click();
      await waitForShow(page, 'orders');
      await page.locator('.order-lines').waitFor();
      await page.getByText('Harga satuan').waitFor();
      expect(spaced(await page.locator('.order-lines tbody tr').first().innerText())).toContain('Rp 150.000');

      // A product in the catalogue, in the list as on its page.
      await openFromMenu(page, 'Produk', 'products');
      await searchListFor(page, 'sku', sku);
      const productRow = page.locator('.list-page .RaDataTable-row', { hasText: sku });
      expect(spaced(await productRow.locator('td.column-basePriceMinor').innerText())).toBe('Rp 150.000');
      await openListRow(page, 'products', sku);
      await page.getByText('Harga dasar').waitFor();
      expect((await page.locator('.show-page .money').allInnerTexts()).map(spaced)).toEqual(['Rp 150.000', 'Rp 125.000']);

      // At a phone's width, the same page in Indonesian, nothing wider than the screen.
      await page.setViewportSize({ width: 390, height: 844 });
      await page.getByText('Harga dasar').waitFor();
      // The layout follows the resize a moment later (the menu turns from a sidebar into a drawer): wait for it to
      // fit; a page that is really too wide still fails here when the wait runs out.
      await page.waitForFunction(() => document.documentElement.scrollWidth <= 390, undefined, { timeout: 10_000 }).catch(() => undefined);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await browser.screenshot('locale-id-2-product-390');

      // Signing out resets react-admin's store, not the language: the login form is Indonesian too.
      // (At 390 px the user menu is an icon whose name comes from a tooltip; sign out at desktop width.)
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.getByRole('button', { name: 'Profil' }).click();
      await page.getByRole('menuitem', { name: 'Keluar' }).click();
      await page.getByRole('button', { name: 'Masuk' }).waitFor();
      await page.setViewportSize({ width: 390, height: 844 });
      await page.reload();
      await page.getByRole('button', { name: 'Masuk' }).waitFor();
      expect(await page.locator('input[name="password"]').count()).toBe(1);
      await browser.screenshot('locale-id-3-login-390');
    },
    testTimeoutMs,
  );
});
