/**
 * API reads and clean-up of the outage browser test: what a store stocks (to write a journal of real SKUs)
 * and ending whatever outage a failed run left open, so the tests after it find the store online.
 */
async function apiJson<T>(
  apiUrl: string,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${apiUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text === '' ? null : JSON.parse(text)) as T };
}

/** The store's stock levels with at least two units available, SKU order (a paper sale of one never oversells). */
export async function inventoryOfStore(apiUrl: string, token: string, storeId: string): Promise<{ sku: string; available: number }[]> {
  const query = new URLSearchParams({ filter: JSON.stringify({ storeId }), sort: JSON.stringify(['sku', 'ASC']), range: '[0,99]' });
  const { status, body } = await apiJson<{ sku: string; available: number }[]>(apiUrl, token, 'GET', `/api/inventory?${query.toString()}`);
  if (status !== 200) throw new Error(`GET /api/inventory answered ${status}`);
  return body.filter((level) => level.available >= 2);
}

/** Ends every open outage of the store that still waits for recovery (the reconciliation then closes it). */
export async function endOpenOutagesOfStore(apiUrl: string, token: string, storeId: string): Promise<void> {
  const query = new URLSearchParams({ filter: JSON.stringify({ storeId, open: true }), range: '[0,49]' });
  const { body } = await apiJson<{ id: string; status: string }[]>(apiUrl, token, 'GET', `/api/outages?${query.toString()}`);
  for (const outage of body.filter((candidate) => candidate.status === 'ACTIVE' || candidate.status === 'RECOVERING')) {
    await apiJson(apiUrl, token, 'POST', `/api/outages/${outage.id}/end`, { reason: 'ended by the browser test clean-up' });
  }
}
