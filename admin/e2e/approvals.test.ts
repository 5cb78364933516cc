import { openFromMenu, openListRow, signIn, waitForList } from './admin-pages';
import {
  approveAsApi,
  editStockAdjustment,
  findStoreByCode,
  firstSkuOfStore,
  pendingApprovalOf,
  readStockAdjustment,
  requestStockAdjustment,
  signInToApi,
} from './api-client';
import { type BrowserSession, openBrowserSession } from './browser';
import { admin, adminUrl, apiUrl, opsLead, stepTimeoutMs, storeManager, testTimeoutMs } from './e2e-settings';

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Four-eyes in the browser: a store manager asks for a stock adjustment above the approval threshold; in
 * the Approvals inbox they find it without an Approve button (and the API refuses them); an admin's edit
 * shows in the diff; an ops lead, a second person who did not edit it, opens it from their inbox and
 * approves, and the adjustment is applied.
 */
describe('approvals inbox in the browser', () => {
  const sessions: BrowserSession[] = [];

  afterEach(async () => {
    await Promise.all(sessions.splice(0).map((session) => session.close()));
  });

  test(
    'the requester cannot approve; a second person approves from the inbox',
    async () => {
      const managerToken = await signInToApi(apiUrl, storeManager);
      const store = await findStoreByCode(apiUrl, managerToken, storeManager.storeCode);
      const sku = await firstSkuOfStore(apiUrl, managerToken, store.id);
      const reason = `Delivery counted again ${Date.now()}`;
      const adjustment = await requestStockAdjustment(apiUrl, managerToken, { storeId: store.id, sku, delta: 11, reason });
      const approval = await eventually(
        () => pendingApprovalOf(apiUrl, managerToken, adjustment.id),
        (found) => found !== undefined,
      );
      if (approval === undefined) throw new Error('The adjustment never asked for an approval');
      expect(await approveAsApi(apiUrl, managerToken, approval.id)).toBe(403);
      const adminToken = await signInToApi(apiUrl, admin);
      expect(await editStockAdjustment(apiUrl, adminToken, adjustment.id, { delta: 12 })).toBe(200);

      const requester = await openBrowserSession({ timeoutMs: stepTimeoutMs });
      sessions.push(requester);
      await signIn(requester.page, adminUrl, storeManager);
      await openFromMenu(requester.page, 'Approvals', 'approvals');
      // Not theirs to decide: only with "Mine to decide" switched off do they see their own request.
      await requester.page.getByLabel('Mine to decide').uncheck();
      await waitForList(requester.page, 'approvals');
      await openListRow(requester.page, 'approvals', reason);
      await requester.page.getByText(/a second person must decide/).waitFor();
      expect(await requester.page.getByRole('button', { name: 'Approve' }).count()).toBe(0);
      await requester.screenshot('approval-requester-no-approve');

      const approver = await openBrowserSession({ timeoutMs: stepTimeoutMs });
      sessions.push(approver);
      await signIn(approver.page, adminUrl, opsLead);
      await openFromMenu(approver.page, 'Approvals', 'approvals');
      await openListRow(approver.page, 'approvals', reason);
      const deltaChange = approver.page.getByRole('row', { name: /delta/ });
      await deltaChange.waitFor();
      expect(await deltaChange.locator('th, td').allInnerTexts()).toEqual(['delta', '11', '12']);
      await approver.screenshot('approval-diff-before-approve');
      await approver.page.getByRole('button', { name: 'Approve' }).click();
      await approver.page.getByText('Approved: the waiting process carries on').waitFor();
      // The page reloads the record: decided, it offers no decision any more.
      await approver.page.getByRole('button', { name: 'Approve' }).waitFor({ state: 'detached' });
      await approver.page.getByText('Approved', { exact: true }).waitFor();
      await approver.screenshot('approval-approved');

      const applied = await eventually(
        () => readStockAdjustment(apiUrl, managerToken, adjustment.id),
        (row) => row.status === 'APPLIED',
      );
      expect(applied).toMatchObject({ status: 'APPLIED', delta: 12 });
    },
    testTimeoutMs,
  );
});
