/** The import screen is a route of the outages resource (index.tsx), with the store in its query. */
export const offlineSalesImportRoute = 'offline-sales-import';

export const offlineSalesImportPath = (storeId: string | null): string =>
  `/outages/${offlineSalesImportRoute}${storeId === null ? '' : `?storeId=${encodeURIComponent(storeId)}`}`;
