import { menuLabels, openFromMenu, openListRow, signIn, waitForShow } from './admin-pages';
import { findStoreByCode, restorePickupSettings, signInToApi } from './api-client';
import { type BrowserSession, openBrowserSession } from './browser';
import { admin, adminUrl, apiUrl, opsLead, otherStoreCode, stepTimeoutMs, testTimeoutMs } from './e2e-settings';

/**
 * An ops lead tunes a store's pickup settings and the opening hours its customers' messages name: the API's own rule (reminders before expiry) comes back as
 * a field error, a valid change is saved, and an admin finds it in the audit log with before and after.
 */
describe('store pickup settings in the browser', () => {
  const sessions: BrowserSession[] = [];

  afterEach(async () => {
    await Promise.all(sessions.splice(0).map((session) => session.close()));
  });

  test(
    'an ops lead edits pickup settings and the change is audited with before and after',
    async () => {
      const adminToken = await signInToApi(apiUrl, admin);
      const original = await findStoreByCode(apiUrl, adminToken, otherStoreCode);
      const newPickSla = original.pickSlaMinutes + 5;
      const newOpeningHours = `Mon-Fri 09:00-18:00, Sat 10:00-17:00 (${Date.now() % 1000})`;
      try {
        const lead = await openBrowserSession({ timeoutMs: stepTimeoutMs });
        sessions.push(lead);
        await signIn(lead.page, adminUrl, opsLead);
        expect(await menuLabels(lead.page)).not.toContain('Audit log');
        await openFromMenu(lead.page, 'Stores', 'stores');
        await openListRow(lead.page, 'stores', otherStoreCode);
        await lead.page.getByRole('link', { name: 'Edit' }).click();

        const reminders = lead.page.getByLabel('Pickup reminders');
        await reminders.fill(String(original.pickupExpiryHours * 60));
        await lead.page.getByRole('button', { name: 'Save' }).click();
        await lead.page.getByText(`every reminder must be under ${original.pickupExpiryHours * 60} minutes`).waitFor();
        await lead.screenshot('ops-lead-store-reminder-refused');
        expect((await findStoreByCode(apiUrl, adminToken, otherStoreCode)).pickupReminderMinutes).toEqual(original.pickupReminderMinutes);

        await reminders.fill(original.pickupReminderMinutes.join(', '));
        await lead.page.getByLabel('Pick SLA (minutes)').fill(String(newPickSla));
        await lead.page.getByLabel('Opening hours').fill(newOpeningHours);
        await lead.page.getByRole('button', { name: 'Save' }).click();
        await waitForShow(lead.page, 'stores');
        await lead.page.getByText(newOpeningHours).waitFor();
        expect(await findStoreByCode(apiUrl, adminToken, otherStoreCode)).toMatchObject({
          pickSlaMinutes: newPickSla,
          openingHours: newOpeningHours,
        });

        const auditor = await openBrowserSession({ timeoutMs: stepTimeoutMs });
        sessions.push(auditor);
        await signIn(auditor.page, adminUrl, admin);
        const filter = encodeURIComponent(JSON.stringify({ action: 'store.update', entityId: original.id }));
        await auditor.page.goto(`${adminUrl}#/audit-events?filter=${filter}`);
        await openListRow(auditor.page, 'audit-events');
        const pickSlaChange = auditor.page.getByRole('row', { name: /Pick SLA/ });
        await pickSlaChange.waitFor();
        expect(await pickSlaChange.locator('th, td').allInnerTexts()).toEqual([
          'Pick SLA (minutes)',
          String(original.pickSlaMinutes),
          String(newPickSla),
        ]);
        await auditor.page.getByText(opsLead.email).waitFor();
        await auditor.screenshot('admin-audit-store-change');
      } finally {
        await restorePickupSettings(apiUrl, adminToken, original);
      }
    },
    testTimeoutMs,
  );
});
