import { searchListFor, signIn, waitForShow } from './admin-pages';
import { signInToApi } from './api-client';
import { type BrowserSession, openBrowserSession } from './browser';
import { adminUrl, apiUrl, stepTimeoutMs, testTimeoutMs } from './e2e-settings';
import { expectNoSidewaysScroll, openFromPhoneMenu, phone } from './phone-pages';
import { api, createApprovedPromotion, eventually, freeSku, leadA, leadB } from './support/promotion-world';

/** The worker pushes to the sandbox's channels and reads them back; a loaded machine takes minutes. */
const rolloutTimeoutMs = Math.max(stepTimeoutMs, 240_000);
const channels = ['web', 'megamart'];

interface Progress {
  phase: string;
  channels: { channelCode: string; total: number; apply: { verified: number }; restore: { verified: number } }[];
}

/**
 * Cancelling a live promotion on a phone (docs/promotions.md, "Cancel"): lead A's promotion, approved by
 * lead B, is live on the web store and a marketplace; lead A opens it from the promotions list at 390 px,
 * cancels it with a reason in a dialog whose buttons say what they do, and the page follows the run: the
 * promotion ends and every channel's restore bar fills, verified by read-back.
 */
describe('cancel a promotion in the browser', () => {
  let session: BrowserSession | undefined;
  afterEach(async () => {
    await session?.close();
  });

  test(
    'lead A cancels a live promotion from the list at 390 px and sees every channel restored',
    async () => {
      if (leadA === undefined || leadB === undefined) throw new Error('The demo lacks two ops leads');
      const tokens = { a: await signInToApi(apiUrl, leadA), b: await signInToApi(apiUrl, leadB) };
      const sku = await freeSku(tokens.a);
      const name = `E2E cancel ${sku} ${Date.now()}`;
      const promotionId = await createApprovedPromotion(
        tokens,
        { name, sku, channelCodes: channels, endsInMs: 30 * 60_000 },
        rolloutTimeoutMs,
      );
      const applied = await eventually(
        () => api<Progress>(tokens.a, 'GET', `/api/promotions/${promotionId}/progress`),
        (answer) =>
          answer.body.channels.length === channels.length && answer.body.channels.every((channel) => channel.apply.verified === 1),
        rolloutTimeoutMs,
      );
      expect(applied.body.channels.map((channel) => [channel.channelCode, channel.apply.verified]).sort()).toEqual(
        channels.map((code) => [code, 1]).sort(),
      );

      session = await openBrowserSession({ timeoutMs: stepTimeoutMs, viewport: phone });
      const { page } = session;
      await signIn(page, adminUrl, leadA);
      await openFromPhoneMenu(page, 'Promotions', 'promotions');
      await page.getByRole('tab', { name: 'Active' }).click();
      await searchListFor(page, 'name', name);
      // Not openListRow: on a phone the menu is a closed drawer, so no entry is highlighted to wait for.
      await page.locator('.list-page').getByText(name).first().click();
      expect(await waitForShow(page, 'promotions')).toBe(promotionId);
      await page.locator('.show-page').getByText('Active', { exact: true }).first().waitFor();

      await page.getByRole('button', { name: 'Cancel promotion' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText(`Cancel "${name}"?`).waitFor();
      const confirm = dialog.getByRole('button', { name: 'Cancel promotion' });
      await dialog.getByRole('button', { name: 'Keep promotion' }).waitFor();
      // No reason, no cancel.
      expect(await confirm.isDisabled()).toBe(true);
      await dialog.getByRole('textbox', { name: 'Why is it cancelled?' }).fill('Wrong price on the flyer: pull it everywhere');
      await expectNoSidewaysScroll(page);
      await session.screenshot('promotion-cancel-1-dialog-390');
      await confirm.click();
      await page.getByText('Cancelling: the prices are being restored').waitFor();

      // The page follows the run: ended, and each channel's restore bar full (verified by read-back).
      await page.locator('.show-page').getByText('Ended', { exact: true }).first().waitFor({ timeout: rolloutTimeoutMs });
      for (const channel of channels)
        await page.waitForFunction(
          (code) => {
            const bar = document.querySelector(`[data-testid="bar-${code}-restore"]`);
            return (
              bar !== null &&
              Number(bar.getAttribute('data-verified')) > 0 &&
              bar.getAttribute('data-verified') === bar.getAttribute('data-total')
            );
          },
          channel,
          { timeout: rolloutTimeoutMs, polling: 500 },
        );
      await page.getByRole('button', { name: 'Cancel promotion' }).waitFor({ state: 'detached' });
      await expectNoSidewaysScroll(page);
      await session.screenshot('promotion-cancel-2-restored-390');

      const restored = await api<Progress>(tokens.a, 'GET', `/api/promotions/${promotionId}/progress`);
      expect(restored.body.channels.map((channel) => [channel.channelCode, channel.restore.verified]).sort()).toEqual(
        channels.map((code) => [code, 1]).sort(),
      );
    },
    Math.max(testTimeoutMs, 600_000),
  );
});
