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

export interface StockLevel {
  sku: string;
  onHand: number;
  reserved: number;
  available: number;
}

/** The store's stock levels with at least five units available and none reserved, in SKU order. */
export async function inventoryOfStore(apiUrl: string, token: string, storeId: string): Promise<StockLevel[]> {
  const query = new URLSearchParams({ filter: JSON.stringify({ storeId }), sort: JSON.stringify(['sku', 'ASC']), range: '[0,99]' });
  const { status, body } = await apiJson<StockLevel[]>(apiUrl, token, 'GET', `/api/inventory?${query.toString()}`);
  if (status !== 200) throw new Error(`GET /api/inventory answered ${status}`);
  return body.filter((level) => level.available >= 5 && level.reserved === 0);
}

/** Units of a SKU available at a store (0 when it has no stock level). */
export async function availableAt(apiUrl: string, token: string, storeId: string, sku: string): Promise<number> {
  const query = new URLSearchParams({ filter: JSON.stringify({ storeId, sku }) });
  const { body } = await apiJson<StockLevel[]>(apiUrl, token, 'GET', `/api/inventory?${query.toString()}`);
  return body[0]?.available ?? 0;
}

/**
 * Ends every open outage of the store that still waits for recovery, and rejects what an outage under review
 * still waits for (bulk: double sales are left, they need an order decision), so the run can close it.
 */
export async function endOpenOutagesOfStore(apiUrl: string, token: string, storeId: string): Promise<void> {
  const query = new URLSearchParams({ filter: JSON.stringify({ storeId, open: true }), range: '[0,49]' });
  const { body } = await apiJson<{ id: string; status: string }[]>(apiUrl, token, 'GET', `/api/outages?${query.toString()}`);
  for (const outage of body) {
    if (outage.status === 'ACTIVE' || outage.status === 'RECOVERING')
      await apiJson(apiUrl, token, 'POST', `/api/outages/${outage.id}/end`, { reason: 'ended by the browser test clean-up' });
    else if (outage.status === 'RECONCILING')
      await apiJson(apiUrl, token, 'POST', '/api/discrepancies/bulk-decision', {
        filter: { outageId: outage.id },
        decision: 'REJECT',
        reason: 'rejected by the browser test clean-up',
      });
  }
}
