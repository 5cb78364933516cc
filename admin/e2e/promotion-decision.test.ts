import { type Page } from 'playwright-core';
import demoUsers from '../../prisma/seed-data/demo-users.json';
import { chooseInSelect, openFromMenu, signIn, waitForList, waitForShow } from './admin-pages';
import { findStoreByCode, signInToApi } from './api-client';
import { type BrowserSession, openBrowserSession } from './browser';
import { adminUrl, apiUrl, clerk, stepTimeoutMs, testTimeoutMs } from './e2e-settings';
import {
  api,
  clearChannelFaults,
  createApprovedPromotion,
  eventually,
  freeSku,
  leadA,
  leadB,
  openTaskNamed,
  startChannelOutage,
  type TaskRow,
} from './support/promotion-world';

/**
 * The worker pushes against the sandbox; a channel in outage is retried with back-off before the pass
 * gives up on it (six attempts from 2 s), so the decision comes minutes after the approval on a loaded machine.
 */
const rolloutTimeoutMs = Math.max(stepTimeoutMs, 240_000);
const phone = { width: 390, height: 844 };
/** The marketplace that is down for the whole push; the web store is up and verifies its SKU. */
const downChannel = 'megamart';
/** How the closed task names who decided (GET /api/users/names). */
const leadBName = demoUsers.users.find((user) => user.email === leadB?.email)?.name ?? 'lead B';

async function expectNothingWiderThanTheScreen(page: Page, width: number): Promise<void> {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(width);
}

/**
 * The rollout's tasks in the browser (docs/promotions.md): with the MegaMart marketplace down for the whole
 * push, the run opens a PROMOTION_DECISION task; an ops lead finds it in the Tasks inbox, reads the
 * per-channel figures, cannot roll back without a reason, rolls back with one, finds the decided task
 * again among the closed tasks with its figures, decision and link, and the promotion's page shows the
 * promotion Failed. A rolled-back promotion changes no
 * shelf label, so the second test runs a small rollout that lands (web store and the tills): the clerk of a
 * store stocking the SKU opens its SHELF_LABEL task from the inbox on a phone and marks the labels changed.
 */
describe('promotion tasks in the browser', () => {
  const sessions: BrowserSession[] = [];

  afterEach(async () => {
    await Promise.all(sessions.splice(0).map((session) => session.close()));
  });

  async function session(viewport?: { width: number; height: number }) {
    const opened = await openBrowserSession({ timeoutMs: stepTimeoutMs, ...(viewport && { viewport }) });
    sessions.push(opened);
    return opened;
  }

  async function apiTokens() {
    if (leadA === undefined || leadB === undefined) throw new Error('The demo lacks two ops leads');
    return { a: await signInToApi(apiUrl, leadA), b: await signInToApi(apiUrl, leadB) };
  }

  test(
    'a channel down for the whole push: the ops lead opens the decision from the inbox, a reason is required, and the roll back fails the promotion',
    async () => {
      const tokens = await apiTokens();
      const sku = await freeSku(tokens.a);
      const name = `E2E decision ${sku} ${Date.now()}`;
      await startChannelOutage(downChannel);
      try {
        const promotionId = await createApprovedPromotion(
          tokens,
          { name, sku, channelCodes: ['web', downChannel], endsInMs: 30 * 60_000 },
          rolloutTimeoutMs,
        );
        const decisionTask = await openTaskNamed(tokens.b, 'PROMOTION_DECISION', name, rolloutTimeoutMs);
        // The push is over (the task is its outcome): the restore that follows may reach the marketplace again.
        await clearChannelFaults(downChannel);

        // Lead B finds it the way they would: Tasks, narrowed to rollout decisions, the row of this promotion.
        if (leadB === undefined) throw new Error('The demo lacks two ops leads');
        const b = await session();
        await signIn(b.page, adminUrl, leadB);
        await openFromMenu(b.page, 'Tasks', 'tasks');
        await chooseInSelect(b.page, 'Type', 'Rollout decision');
        await b.page.waitForURL((url) => decodeURIComponent(url.hash).includes('PROMOTION_DECISION'));
        await waitForList(b.page, 'tasks');
        await b.page.locator('.list-page .RaDataTable-tbody .RaDataTable-row').filter({ hasText: name }).first().click();
        expect(await waitForShow(b.page, 'tasks')).toBe(decisionTask.id);

        // The figures per channel: the marketplace down with its SKU failing, the web store verified.
        const form = b.page.getByTestId('promotion-decision-form');
        await form.waitFor();
        await form.getByText('1 SKU prices are not verified on 1 channel(s).', { exact: false }).waitFor();
        await form.getByText(`Unavailable: ${downChannel}.`, { exact: false }).waitFor();
        const down = form.locator('tbody tr').filter({ hasText: downChannel });
        await down.getByText('unavailable during the push').waitFor();
        expect((await down.locator('td').allInnerTexts()).slice(1)).toEqual(['0 / 1', '1', sku]);
        const web = form.locator('tbody tr').filter({ hasText: /^web/ });
        expect((await web.locator('td').allInnerTexts()).map((text) => text.trim())).toEqual(['web', '1 / 1', '0', '—']);
        await b.screenshot('promotion-decision-1-figures');

        // Roll back without a reason: the form refuses before asking, and the task stays open.
        await b.page.getByRole('radio', { name: /Roll everything back/ }).check();
        await b.page.getByTestId('decide-rollout').click();
        await form.getByText('Say why (at least 3 characters)').waitFor();
        expect((await api<TaskRow>(tokens.b, 'GET', `/api/tasks/${decisionTask.id}`)).body.status).toBe('OPEN');
        await b.screenshot('promotion-decision-2-reason-required');

        await b.page.getByRole('textbox', { name: /^Reason/ }).fill('MegaMart is down: pull the promotion everywhere');
        await b.page.getByTestId('decide-rollout').click();
        await b.page.getByText('Decision sent to the rollout').waitFor();
        await eventually(
          () => api<TaskRow>(tokens.b, 'GET', `/api/tasks/${decisionTask.id}`),
          (answer) => answer.body.status === 'DONE',
          stepTimeoutMs,
        );

        // Later, the decided task is found again among the closed ones and still shows what it showed:
        // the figures per channel and the link to the promotion, with the decision, its reason and who took it.
        await openFromMenu(b.page, 'Tasks', 'tasks');
        await b.page.getByRole('button', { name: 'Closed', exact: true }).click();
        await chooseInSelect(b.page, 'Type', 'Rollout decision');
        await b.page.waitForURL((url) => decodeURIComponent(url.hash).includes('PROMOTION_DECISION'));
        await waitForList(b.page, 'tasks');
        await b.page.locator('.list-page .RaDataTable-tbody .RaDataTable-row').filter({ hasText: name }).first().click();
        expect(await waitForShow(b.page, 'tasks')).toBe(decisionTask.id);
        const decided = b.page.getByTestId('promotion-decision-form');
        await decided.waitFor();
        const decidedDown = decided.locator('tbody tr').filter({ hasText: downChannel });
        expect((await decidedDown.locator('td').allInnerTexts()).slice(1)).toEqual(['0 / 1', '1', sku]);
        const decidedWeb = decided.locator('tbody tr').filter({ hasText: /^web/ });
        expect((await decidedWeb.locator('td').allInnerTexts()).map((text) => text.trim())).toEqual(['web', '1 / 1', '0', '—']);
        expect(await decided.getByTestId('decide-rollout').count()).toBe(0);
        const outcome = b.page.getByTestId('task-outcome');
        expect(await outcome.getByTestId('task-outcome-decision').innerText()).toBe('Roll everything back');
        expect(await outcome.getByTestId('task-outcome-reason').innerText()).toBe('MegaMart is down: pull the promotion everywhere');
        await outcome.getByText(leadBName).waitFor();
        await b.screenshot('promotion-decision-3-decided-task');

        // Its link leads to the promotion.
        await decided.getByRole('link', { name: 'Open the promotion' }).click();
        expect(await waitForShow(b.page, 'promotions')).toBe(promotionId);

        // The run took the roll back: the promotion failed (it never ran whole), and the web store, which the
        // push reached, shows its old price again, verified by read-back: its restore bar is full. (Its snapshot
        // has no price of its own, the demo web store's listings have none: the base price comes back.)
        await b.page.locator('.show-page').getByText('Failed', { exact: true }).first().waitFor({ timeout: rolloutTimeoutMs });
        await b.page.getByTestId('bar-web-apply').waitFor();
        await b.page.waitForFunction(
          () => {
            const bar = document.querySelector('[data-testid="bar-web-restore"]');
            return (
              bar !== null &&
              Number(bar.getAttribute('data-verified')) > 0 &&
              bar.getAttribute('data-verified') === bar.getAttribute('data-total')
            );
          },
          undefined,
          { timeout: rolloutTimeoutMs, polling: 500 },
        );
        expect((await api<TaskRow>(tokens.b, 'GET', `/api/tasks/${decisionTask.id}`)).body.status).toBe('DONE');
        await b.screenshot('promotion-decision-4-rolled-back');
      } finally {
        await clearChannelFaults(downChannel);
      }
    },
    Math.max(testTimeoutMs, 600_000),
  );

  test(
    'a rollout that lands on the tills: the clerk opens the shelf-label task from the inbox at 390 px and marks the labels changed',
    async () => {
      const tokens = await apiTokens();
      const clerkToken = await signInToApi(apiUrl, clerk);
      const store = await findStoreByCode(apiUrl, tokens.a, clerk.storeCode);
      const sku = await freeSku(tokens.a, store.id);
      const name = `E2E labels ${sku} ${Date.now()}`;
      // Ends by itself a few minutes later, so the SKU is free again for the next run.
      await createApprovedPromotion(tokens, { name, sku, channelCodes: ['web', 'pos'], endsInMs: 6 * 60_000 }, rolloutTimeoutMs);
      const labelTask = await openTaskNamed(clerkToken, 'SHELF_LABEL', name, rolloutTimeoutMs);

      // Not signIn(): on a phone the menu is a closed drawer; a clerk lands on the inbox.
      const c = await session(phone);
      await c.page.goto(`${adminUrl}#/login`);
      await c.page.locator('input[name="username"]').fill(clerk.email);
      await c.page.locator('input[name="password"]').fill(clerk.password);
      await c.page.locator('button[type="submit"]').click();
      await c.page.waitForURL((url) => url.hash.startsWith('#/tasks'));
      await c.page.locator('.list-page .RaList-content').waitFor();
      await chooseInSelect(c.page, 'Type', 'Shelf labels');
      await c.page.waitForURL((url) => decodeURIComponent(url.hash).includes('SHELF_LABEL'));
      const card = c.page.locator('.task-card').filter({ hasText: name });
      await card.first().waitFor({ timeout: rolloutTimeoutMs });
      await expectNothingWiderThanTheScreen(c.page, phone.width);
      await card.first().click();
      expect(await waitForShow(c.page, 'tasks')).toBe(labelTask.id);

      // The printable list: the SKU, the price on the shelf now struck through, the new label's price.
      const form = c.page.getByTestId('shelf-label-form');
      await form.getByText('Change 1 shelf labels to the promotion price').waitFor();
      const row = form.locator('tbody tr').filter({ hasText: sku });
      const [product, oldPrice, newPrice] = await row.locator('td').all();
      if (product === undefined || oldPrice === undefined || newPrice === undefined) throw new Error('The label row lacks a cell');
      expect(await oldPrice.evaluate((cell) => getComputedStyle(cell).textDecorationLine)).toBe('line-through');
      const euros = async (cell: typeof newPrice) => Number((await cell.innerText()).replace(/[^\d.]/g, ''));
      expect(await euros(newPrice)).toBeLessThan(await euros(oldPrice));
      expect(await euros(newPrice)).toBeGreaterThan(0);
      await form.getByRole('button', { name: 'Print the list' }).waitFor();
      await expectNothingWiderThanTheScreen(c.page, phone.width);
      await c.screenshot('promotion-decision-5-shelf-labels-390');

      await form.getByRole('button', { name: 'Labels changed' }).click();
      await c.page.getByText('Thank you: the shelf matches the till').waitFor();
      const done = await eventually(
        () => api<TaskRow>(clerkToken, 'GET', `/api/tasks/${labelTask.id}`),
        (answer) => answer.body.status === 'DONE',
        stepTimeoutMs,
      );
      expect(done.body.status).toBe('DONE');
      await form.getByRole('button', { name: 'Labels changed' }).waitFor({ state: 'detached' });
      // Done, the task keeps its list and Print (a shelf relabelled twice is checked against it), with who did it.
      await form.locator('tbody tr').filter({ hasText: sku }).waitFor();
      await form.getByRole('button', { name: 'Print the list' }).waitFor();
      await c.page.getByTestId('task-outcome').getByText('Completed by').waitFor();
      await expectNothingWiderThanTheScreen(c.page, phone.width);
      await c.screenshot('promotion-decision-6-labels-done-390');
    },
    Math.max(testTimeoutMs, 480_000),
  );
});
