import { type Page } from 'playwright-core';

/**
 * What the tests do on react-admin's screens, named after what a person does, so a markup change is fixed
 * here once and the tests keep reading as stories.
 *
 * Why every wait names its resource: react-router runs navigations as transitions, so after a click the
 * previous screen (its rows, its menu highlight) stays on the page for a while under the new URL. A wait
 * that only looks for "some rows" or "some show page" can be satisfied by the screen the user is leaving.
 * So a list is ready when the URL is that resource's list, its menu entry is highlighted, and no other
 * page is mounted; a record is open when the URL is `#/<resource>/<id>/show` and its show page has
 * replaced the list.
 */

const listRows = '.RaDataTable-tbody .RaDataTable-row';

function hashPath(page: Page): string {
  return new URL(page.url()).hash.replace(/^#/, '').split('?')[0] ?? '';
}

function showRecordIdOf(path: string, resource: string): string | undefined {
  const match = new RegExp(`^/${resource}/([^/]+)/show$`).exec(path);
  return match?.[1];
}

/**
 * Signs in and waits until the screen the app lands on is fully there (its own list rendered), so the
 * next step never mistakes that landing screen, still arriving, for the screen it opens.
 */
export async function signIn(page: Page, adminUrl: string, credentials: { email: string; password: string }): Promise<void> {
  await page.goto(`${adminUrl}#/login`);
  await page.locator('input[name="username"]').fill(credentials.email);
  await page.locator('input[name="password"]').fill(credentials.password);
  await page.locator('button[type="submit"]').click();
  // Head office lands on the dashboard (`#/`); a store clerk is sent on from there to their task inbox.
  await page.waitForFunction(() => {
    const { hash } = window.location;
    if (hash.startsWith('#/login')) return false;
    return hash.length > 2 || document.querySelector('[data-testid="dashboard"]') !== null;
  });
  const landing = hashPath(page).split('/')[1] ?? '';
  if (landing === '') await waitForDashboard(page);
  else await waitForList(page, landing);
}

/** The dashboard (head office's home at `#/`) with every tile's figures loaded. */
export async function waitForDashboard(page: Page): Promise<void> {
  await page.locator('[data-testid="dashboard"]').waitFor();
  await page.waitForFunction(() => {
    const tiles = [...document.querySelectorAll('[data-testid^="tile-"]')];
    return tiles.length >= 4 && tiles.every((tile) => tile.querySelector('.MuiCircularProgress-root') === null);
  });
}

/**
 * Picks a language in the app bar's language menu (react-admin's LocalesMenuButton) and waits until the
 * page is drawn again in it (`expectMenuEntry` is a menu label in that language).
 */
export async function chooseLanguage(page: Page, language: string, expectMenuEntry: string): Promise<void> {
  // react-admin's LocalesMenuButton: the app bar's button that opens the language menu, named by the current language.
  await page.locator('header button[aria-controls="simple-menu"]').click();
  await page.getByRole('menuitem', { name: language, exact: true }).click();
  await menuEntry(page, expectMenuEntry).waitFor();
}

export function menuEntry(page: Page, label: string) {
  return page.getByRole('menuitem', { name: label, exact: true });
}

export async function menuLabels(page: Page): Promise<string[]> {
  const labels = await page.getByRole('menuitem').allInnerTexts();
  return labels.map((label) => label.trim()).filter((label) => label !== '');
}

/** Clicks a menu entry and waits for that resource's list (not the screen being left). */
export async function openFromMenu(page: Page, label: string, resource: string): Promise<void> {
  await menuEntry(page, label).click();
  await waitForList(page, resource);
}

/**
 * Waits until the page shows `resource`'s list: the URL is `#/<resource>`, that resource's menu entry is the
 * highlighted one (react-router commits the highlight and the new page in one transition, so while the old
 * screen lingers the old entry stays highlighted), its list page is the only page mounted, and it has
 * loaded - its rows, or the empty state.
 */
export async function waitForList(page: Page, resource: string): Promise<void> {
  await page.waitForFunction(
    ({ name, rowsSelector }) => {
      const path = window.location.hash.replace(/^#/, '').split('?')[0];
      const highlighted = [...document.querySelectorAll('a.RaMenuItemLink-active')].map((link) => link.getAttribute('href'));
      return (
        path === `/${name}` &&
        highlighted.length === 1 &&
        highlighted[0] === `#/${name}` &&
        document.querySelectorAll('.list-page').length === 1 &&
        document.querySelectorAll('.show-page, .edit-page, .create-page').length === 0 &&
        (document.querySelector(`.list-page ${rowsSelector}`) !== null ||
          // Loaded and empty: the empty page, or a content area without the (loading or loaded) table.
          document.querySelector('.list-page .RaList-noResults') !== null ||
          (document.querySelector('.list-page .RaList-content') !== null &&
            document.querySelector('.list-page .RaList-content table') === null))
      );
    },
    { name: resource, rowsSelector: listRows },
  );
}

/**
 * Opens the first row of `resource`'s list, or the first one containing `text`, and checks it landed
 * on that resource's show page; returns the record's id.
 */
export async function openListRow(page: Page, resource: string, text?: string): Promise<string> {
  await waitForList(page, resource);
  const rows = page.locator(`.list-page ${listRows}`);
  await (text === undefined ? rows : rows.filter({ hasText: text })).first().click();
  return waitForShow(page, resource);
}

/** Waits until `#/<resource>/<id>/show` is the URL and its show page has replaced whatever was on screen. */
export async function waitForShow(page: Page, resource: string): Promise<string> {
  await page.waitForURL((url) => showRecordIdOf(url.hash.replace(/^#/, '').split('?')[0] ?? '', resource) !== undefined);
  await page.waitForFunction(
    () => document.querySelectorAll('.show-page').length === 1 && document.querySelectorAll('.list-page, .edit-page').length === 0,
  );
  const id = showRecordIdOf(hashPath(page), resource);
  if (id === undefined) throw new Error(`Left ${resource}'s show page while opening it (now at ${page.url()})`);
  return decodeURIComponent(id);
}

/** Texts of one column on the current page of a list, in row order (once the column has rendered). */
export async function columnTexts(page: Page, source: string): Promise<string[]> {
  const cells = page.locator(`.list-page ${listRows} td.column-${source}`);
  await cells.first().waitFor();
  return cells.allInnerTexts();
}

/** "1-25 of 288" under a list: the total the API reported in Content-Range. */
export async function listTotal(page: Page): Promise<number> {
  const text = await page.locator('.list-page .MuiTablePagination-displayedRows').innerText();
  const total = /of\s+(\d+)/.exec(text)?.[1];
  if (total === undefined) throw new Error(`No total in the pagination text "${text}"`);
  return Number(total);
}

export async function chooseInSelect(page: Page, label: string, optionStartingWith: string): Promise<void> {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: new RegExp(`^${optionStartingWith}`) }).click();
}

/** Waits until the list shows only rows whose `source` column reads `text` (filters apply asynchronously). */
export async function waitUntilEveryRowShows(page: Page, source: string, text: string): Promise<void> {
  await page.waitForFunction(
    ({ selector, expected }) => {
      const cells = [...document.querySelectorAll(selector)];
      return cells.length > 0 && cells.every((cell) => (cell as HTMLElement).innerText.trim() === expected);
    },
    { selector: `.list-page ${listRows} td.column-${source}`, expected: text },
  );
}

/**
 * Types `text` into the list's search box, as a person looking for one record does, and waits until the
 * search is applied and a row's `source` reads exactly `text` (the search matches names too, so other rows may stay).
 */
export async function searchListFor(page: Page, source: string, text: string): Promise<void> {
  await page.locator('.list-page input[name="q"]').fill(text);
  // The search box applies its filter after a debounce: until the URL carries it, a row clicked now would be
  // left again when the filter lands (the matching row is often on the unfiltered page already).
  await page.waitForURL((url) => new URLSearchParams(url.hash.split('?')[1] ?? '').get('filter')?.includes(JSON.stringify(text)) ?? false);
  await page.waitForFunction(
    ({ selector, expected }) => {
      const cells = [...document.querySelectorAll(selector)].map((cell) => (cell as HTMLElement).innerText.trim());
      return cells.includes(expected);
    },
    { selector: `.list-page ${listRows} td.column-${source}`, expected: text },
  );
}
