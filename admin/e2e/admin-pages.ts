import { type Page } from 'playwright-core';

/**
 * What the tests do on react-admin's screens, named after what a person does, so a markup change is fixed
 * here once and the tests keep reading as stories.
 */

const listRows = '.RaDataTable-tbody .RaDataTable-row';

export async function signIn(page: Page, adminUrl: string, credentials: { email: string; password: string }): Promise<void> {
  await page.goto(`${adminUrl}#/login`);
  await page.locator('input[name="username"]').fill(credentials.email);
  await page.locator('input[name="password"]').fill(credentials.password);
  await page.locator('button[type="submit"]').click();
  // Every role can list inventory, and react-admin opens the first list the user may see.
  await menuEntry(page, 'Inventory').waitFor();
}

export function menuEntry(page: Page, label: string) {
  return page.getByRole('menuitem', { name: label, exact: true });
}

export async function menuLabels(page: Page): Promise<string[]> {
  const labels = await page.getByRole('menuitem').allInnerTexts();
  return labels.map((label) => label.trim()).filter((label) => label !== '');
}

export async function openFromMenu(page: Page, label: string, resource: string): Promise<void> {
  // Rows of another list still on screen must be gone first, or they would pass for the new list's rows.
  const onAnotherScreen = !new URL(page.url()).hash.startsWith(`#/${resource}`);
  const previousRows = onAnotherScreen ? await page.locator(listRows).elementHandles() : [];
  await menuEntry(page, label).click();
  await page.waitForURL((url) => url.hash.startsWith(`#/${resource}`));
  await page.waitForFunction((rows) => rows.every((row) => !row.isConnected), previousRows);
  await waitForListRows(page);
}

/** Opens the first row of the current list, or the first one containing `text`. */
export async function openListRow(page: Page, text?: string): Promise<void> {
  const rows = page.locator(listRows);
  await (text === undefined ? rows : rows.filter({ hasText: text })).first().click();
  await page.waitForURL((url) => url.hash.endsWith('/show'));
}

export async function waitForListRows(page: Page): Promise<void> {
  await page.locator(listRows).first().waitFor();
}

/** Texts of one column on the current page of a list, in row order (once the column has rendered). */
export async function columnTexts(page: Page, source: string): Promise<string[]> {
  const cells = page.locator(`${listRows} td.column-${source}`);
  await cells.first().waitFor();
  return cells.allInnerTexts();
}

/** "1-25 of 288" under a list: the total the API reported in Content-Range. */
export async function listTotal(page: Page): Promise<number> {
  const text = await page.locator('.MuiTablePagination-displayedRows').innerText();
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
    { selector: `${listRows} td.column-${source}`, expected: text },
  );
}
