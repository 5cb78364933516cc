import { randomUUID } from 'node:crypto';
import { signInToApi } from './api-client';
import { columnTexts, openFromMenu, signIn, waitForShow } from './admin-pages';
import { type BrowserSession, openBrowserSession } from './browser';
import { admin, adminUrl, apiUrl, stepTimeoutMs, testTimeoutMs } from './e2e-settings';
import { readAsAdmin } from './support/api-reads';

/** A fresh head-office account, so deactivating it touches no demo login another test uses. */
async function createOpsLead(): Promise<{ id: string; email: string; password: string }> {
  const token = await signInToApi(apiUrl, admin);
  const account = { email: `lead-${randomUUID().slice(0, 8)}@omni.example`, password: 'e2e-long-password' };
  const response = await fetch(`${apiUrl}/api/users`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...account, name: 'E2E Lead', role: 'OPS_LEAD', storeId: null, isStoreManager: false }),
  });
  if (response.status !== 201) throw new Error(`Creating the user failed: HTTP ${response.status} ${await response.text()}`);
  return { ...account, id: ((await response.json()) as { id: string }).id };
}

/** Issue 13: an admin deactivates someone and they are out on their very next request. */
describe('user deactivation', () => {
  const sessions: BrowserSession[] = [];

  afterEach(async () => {
    await Promise.all(sessions.splice(0).map((session) => session.close()));
  });

  test(
    'an admin unticks Active; the signed-in user is signed out on their next click and the audit log says so',
    async () => {
      const lead = await createOpsLead();
      const leadSession = await openBrowserSession({ timeoutMs: stepTimeoutMs });
      sessions.push(leadSession);
      await signIn(leadSession.page, adminUrl, lead);

      const adminSession = await openBrowserSession({ timeoutMs: stepTimeoutMs });
      sessions.push(adminSession);
      const { page } = adminSession;
      await signIn(page, adminUrl, admin);
      await page.goto(`${adminUrl}#/users/${lead.id}/show`);
      await waitForShow(page, 'users');
      await page.getByRole('link', { name: 'Edit' }).click();
      await page.getByLabel('Active').uncheck();
      await adminSession.screenshot('user-deactivation-1-edit');
      await page.getByRole('button', { name: 'Save' }).click();
      await waitForShow(page, 'users');

      // Their next request signs them out: the Refresh click, or a poll of the open page that comes first
      // (then the button is gone before the click lands, which is why the click alone cannot be awaited).
      const signInForm = leadSession.page.locator('input[name="username"]');
      const clicked = leadSession.page
        .getByRole('button', { name: 'Refresh' })
        .click()
        .catch(() => undefined);
      await Promise.race([clicked, signInForm.waitFor()]);
      await signInForm.waitFor();
      expect(await leadSession.page.evaluate(() => localStorage.getItem('omnichannel.session'))).toBeNull();
      await leadSession.screenshot('user-deactivation-2-signed-out');

      // The audit log as a person reads it: sign-ins hidden by default, actors by name, entities as links.
      await openFromMenu(page, 'Audit log', 'audit-events');
      const actions = await columnTexts(page, 'action');
      expect(actions).not.toContain('auth.login');
      const deactivation = page.locator('.list-page .RaDataTable-row').filter({ hasText: 'user.deactivate' }).first();
      await deactivation.getByText('Ada Admin').waitFor();
      await deactivation.locator('.audit-entity-link').click();
      await waitForShow(page, 'users');
      await adminSession.screenshot('user-deactivation-3-audit-link');

      const filter = encodeURIComponent(JSON.stringify({ entityId: lead.id }));
      const events = await readAsAdmin<{ action: string }[]>(`/audit-events?filter=${filter}&range=[0,9]`);
      expect(events.map((event) => event.action)).toEqual(expect.arrayContaining(['user.create', 'user.deactivate']));
    },
    testTimeoutMs,
  );
});
