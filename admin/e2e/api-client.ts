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

/** The total a list reports in Content-Range, fetching no rows. */
async function countList(apiUrl: string, token: string, resource: string, filter: Record<string, unknown>): Promise<number> {
  const query = new URLSearchParams({ filter: JSON.stringify(filter), range: '[0,0]' });
  const response = await fetch(`${apiUrl}/api/${resource}?${query.toString()}`, { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`GET /api/${resource} failed: HTTP ${response.status}`);
  const total = /\/(\d+)$/.exec(response.headers.get('Content-Range') ?? '')?.[1];
  if (total === undefined) throw new Error(`GET /api/${resource} answered without a Content-Range total`);
  return Number(total);
}

/** How many stock levels the store with this code has, as the API counts them. */
export async function inventoryCountOfStore(apiUrl: string, token: string, storeCode: string): Promise<number> {
  const store = await findStoreByCode(apiUrl, token, storeCode);
  return countList(apiUrl, token, 'inventory', { storeId: store.id });
}

export async function findStoreByCode(
  apiUrl: string,
  token: string,
  storeCode: string,
): Promise<{ id: string; pickSlaMinutes: number; pickupReminderMinutes: number[]; pickupExpiryHours: number; openingHours: string }> {
  const query = new URLSearchParams({ filter: JSON.stringify({ q: storeCode }) });
  const response = await fetch(`${apiUrl}/api/stores?${query.toString()}`, { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`GET /api/stores failed: HTTP ${response.status}`);
  const [store] = (await response.json()) as {
    id: string;
    code: string;
    pickSlaMinutes: number;
    pickupReminderMinutes: number[];
    pickupExpiryHours: number;
    openingHours: string;
  }[];
  if (store?.code !== storeCode) throw new Error(`No store ${storeCode}`);
  return store;
}

/** Puts pickup settings back as they were, so a test that edits them leaves the shared demo data intact. */
export async function restorePickupSettings(
  apiUrl: string,
  token: string,
  store: { id: string; pickSlaMinutes: number; pickupReminderMinutes: number[]; openingHours: string },
): Promise<void> {
  const response = await fetch(`${apiUrl}/api/stores/${store.id}`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      pickSlaMinutes: store.pickSlaMinutes,
      pickupReminderMinutes: store.pickupReminderMinutes,
      openingHours: store.openingHours,
    }),
  });
  if (!response.ok) throw new Error(`Restoring the pickup settings of store ${store.id} failed: HTTP ${response.status}`);
}

async function apiCall<T>(
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
  return { status: response.status, body: (await response.json()) as T };
}

/** A SKU the store stocks, as the inventory list shows it first. */
export async function firstSkuOfStore(apiUrl: string, token: string, storeId: string): Promise<string> {
  const query = new URLSearchParams({ filter: JSON.stringify({ storeId }), range: '[0,0]' });
  const { body } = await apiCall<{ sku: string }[]>(apiUrl, token, 'GET', `/api/inventory?${query.toString()}`);
  const sku = body[0]?.sku;
  if (sku === undefined) throw new Error(`Store ${storeId} stocks nothing`);
  return sku;
}

/** The store's SKU last in SKU order: one the other browser tests (which take the first) leave alone. */
export async function lastSkuOfStore(apiUrl: string, token: string, storeId: string): Promise<string> {
  const query = new URLSearchParams({ filter: JSON.stringify({ storeId }), sort: JSON.stringify(['sku', 'DESC']), range: '[0,0]' });
  const { body } = await apiCall<{ sku: string }[]>(apiUrl, token, 'GET', `/api/inventory?${query.toString()}`);
  const sku = body[0]?.sku;
  if (sku === undefined) throw new Error(`Store ${storeId} stocks nothing`);
  return sku;
}

export async function requestStockAdjustment(
  apiUrl: string,
  token: string,
  adjustment: { storeId: string; sku: string; delta: number; reason: string },
): Promise<{ id: string; status: string }> {
  const { status, body } = await apiCall<{ id: string; status: string }>(apiUrl, token, 'POST', '/api/stock-adjustments', adjustment);
  if (status !== 201) throw new Error(`POST /api/stock-adjustments answered ${status}: ${JSON.stringify(body)}`);
  return body;
}

export async function readStockAdjustment(apiUrl: string, token: string, id: string): Promise<{ status: string; delta: number }> {
  return (await apiCall<{ status: string; delta: number }>(apiUrl, token, 'GET', `/api/stock-adjustments/${id}`)).body;
}

export async function editStockAdjustment(
  apiUrl: string,
  token: string,
  id: string,
  change: { delta?: number; reason?: string },
): Promise<number> {
  return (await apiCall(apiUrl, token, 'PUT', `/api/stock-adjustments/${id}`, change)).status;
}

/** The pending approval request of a subject, as the API lists it to someone who can see it. */
export async function pendingApprovalOf(
  apiUrl: string,
  token: string,
  subjectId: string,
): Promise<{ id: string; summary: string } | undefined> {
  const query = new URLSearchParams({ filter: JSON.stringify({ subjectId, status: 'PENDING' }) });
  const { body } = await apiCall<{ id: string; summary: string }[]>(apiUrl, token, 'GET', `/api/approvals?${query.toString()}`);
  return body[0];
}

export async function approveAsApi(apiUrl: string, token: string, approvalId: string): Promise<number> {
  return (await apiCall(apiUrl, token, 'POST', `/api/approvals/${approvalId}/approve`, {})).status;
}

/** On hand of one SKU at one store, as the API reports it. */
export async function onHandOf(apiUrl: string, token: string, storeId: string, sku: string): Promise<number> {
  const query = new URLSearchParams({ filter: JSON.stringify({ storeId, sku }) });
  const { body } = await apiCall<{ onHand: number }[]>(apiUrl, token, 'GET', `/api/inventory?${query.toString()}`);
  const level = body[0];
  if (level === undefined) throw new Error(`No stock level of ${sku} at store ${storeId}`);
  return level.onHand;
}

/** The reasons of a store's newest stock adjustments (the first page, newest first). */
export async function recentStockAdjustmentReasons(apiUrl: string, token: string, storeId: string): Promise<string[]> {
  const query = new URLSearchParams({ filter: JSON.stringify({ storeId }), sort: JSON.stringify(['createdAt', 'DESC']), range: '[0,49]' });
  const { body } = await apiCall<{ reason: string }[]>(apiUrl, token, 'GET', `/api/stock-adjustments?${query.toString()}`);
  return body.map((adjustment) => adjustment.reason);
}

export async function rejectAsApi(apiUrl: string, token: string, approvalId: string, reason: string): Promise<number> {
  return (await apiCall(apiUrl, token, 'POST', `/api/approvals/${approvalId}/reject`, { reason })).status;
}
