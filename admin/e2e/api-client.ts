/**
 * Direct calls to the same API the UI uses, so a test can compare what a screen shows with what the API
 * holds without hard-coding demo data.
 */
export async function signInToApi(apiUrl: string, credentials: { email: string; password: string }): Promise<string> {
  const response = await fetch(`${apiUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  if (!response.ok) throw new Error(`Sign-in as ${credentials.email} failed: HTTP ${response.status}`);
  const body = (await response.json()) as { token: string };
  return body.token;
}

async function getList(apiUrl: string, token: string, resource: string, filter: Record<string, unknown>): Promise<{ rows: { id: string }[]; total: number }> {
  const query = new URLSearchParams({ filter: JSON.stringify(filter), range: '[0,0]' });
  const response = await fetch(`${apiUrl}/api/${resource}?${query.toString()}`, { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`GET /api/${resource} failed: HTTP ${response.status}`);
  const total = /\/(\d+)$/.exec(response.headers.get('Content-Range') ?? '')?.[1];
  if (total === undefined) throw new Error(`GET /api/${resource} answered without a Content-Range total`);
  return { rows: (await response.json()) as { id: string }[], total: Number(total) };
}

/** How many stock levels the store with this code has, as the API counts them. */
export async function inventoryCountOfStore(apiUrl: string, token: string, storeCode: string): Promise<number> {
  const stores = await getList(apiUrl, token, 'stores', { q: storeCode });
  const storeId = stores.rows[0]?.id;
  if (storeId === undefined) throw new Error(`No store ${storeCode}`);
  return (await getList(apiUrl, token, 'inventory', { storeId })).total;
}
