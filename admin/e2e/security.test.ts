import { randomUUID } from 'node:crypto';
import { openFromMenu, signIn } from './admin-pages';
import { type BrowserSession, openBrowserSession } from './browser';
import { adminUrl, apiUrl, clerk, stepTimeoutMs, testTimeoutMs } from './e2e-settings';

/** The API's security headers as the admin UI meets them: the CSP lets it work, sign-out revokes, a 429 is explained. */
describe('admin UI under the API’s security rules', () => {
  let browser: BrowserSession | undefined;

  afterEach(async () => {
    await browser?.close();
    browser = undefined;
  });

  test(
    'works under the Content-Security-Policy, and signing out revokes the token at the API',
    async () => {
      browser = await openBrowserSession({ timeoutMs: stepTimeoutMs });
      const { page } = browser;
      const violations: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
      await signIn(page, adminUrl, clerk);
      await openFromMenu(page, 'Inventory', 'inventory');
      // MUI's styles arrive as runtime <style> elements: blocked, the app bar would have no background colour.
      const appBarBackground = await page
        .locator('header')
        .first()
        .evaluate((header) => getComputedStyle(header).backgroundColor);
      expect(appBarBackground).not.toBe('rgba(0, 0, 0, 0)');
      expect(violations).toEqual([]);

      const token = await page.evaluate(
        () => (JSON.parse(localStorage.getItem('omnichannel.session') ?? '{}') as { token?: string }).token,
      );
      expect(typeof token).toBe('string');
      await page.getByRole('button', { name: /profile/i }).click();
      await page.getByRole('menuitem', { name: /log ?out|sign out/i }).click();
      await page.locator('input[name="username"]').waitFor();
      const me = await fetch(`${apiUrl}/api/auth/me`, { headers: { Authorization: `Bearer ${token ?? ''}` } });
      expect(me.status).toBe(401);
    },
    testTimeoutMs,
  );

  test(
    'the login form shows the API’s message when sign-in attempts are rate-limited',
    async () => {
      browser = await openBrowserSession({ timeoutMs: stepTimeoutMs });
      const { page } = browser;
      // An address of its own would need a trusted proxy; an account of its own is enough for the per-account limit.
      const email = `locked-out-${randomUUID()}@omni.example`;
      await page.goto(`${adminUrl}#/login`);
      let refusal = await fetch(`${apiUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: 'guess' }),
      });
      while (refusal.status === 401) {
        refusal = await fetch(`${apiUrl}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email, password: 'guess' }),
        });
      }
      expect(refusal.status).toBe(429);

      await page.locator('input[name="username"]').fill(email);
      await page.locator('input[name="password"]').fill('guess');
      await page.locator('button[type="submit"]').click();
      await page.getByText(/Too many sign-in attempts\. Try again in \d+ minutes?\./).waitFor();
      await browser.screenshot('login-rate-limited');
    },
    testTimeoutMs,
  );
});
