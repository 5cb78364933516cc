import { type DataProvider, type Identifier, type RaRecord } from 'react-admin';
import simpleRestProvider from 'ra-data-simple-rest';
import { authenticatedHttpClient } from './http-client';

/**
 * react-admin's simple-rest dialect (lists with sort/range/filter and Content-Range) plus our API's
 * record actions, `POST /api/<resource>/:id/<verb>` answering the updated record. Screens call actions
 * through named methods added here (e.g. `complete` for tasks), never through fetch.
 */
export interface OmnichannelDataProvider extends DataProvider {
  recordAction<RecordType extends RaRecord>(
    resource: string,
    params: { id: Identifier; action: string; body?: unknown },
  ): Promise<{ data: RecordType }>;
  /** A dashboard tile's figures, `GET /api/metrics/<tile>?<query>`. */
  metrics<Figures>(tile: string, query: string): Promise<Figures>;
}

export function createDataProvider(apiBaseUrl: string): OmnichannelDataProvider {
  const rest = simpleRestProvider(apiBaseUrl, authenticatedHttpClient);
  return {
    ...rest,
    async recordAction<RecordType extends RaRecord>(
      resource: string,
      { id, action, body }: { id: Identifier; action: string; body?: unknown },
    ) {
      const url = `${apiBaseUrl}/${resource}/${encodeURIComponent(String(id))}/${encodeURIComponent(action)}`;
      const response = await authenticatedHttpClient(url, { method: 'POST', body: JSON.stringify(body ?? {}) });
      return { data: response.json as RecordType };
    },
    async metrics<Figures>(tile: string, query: string) {
      const response = await authenticatedHttpClient(`${apiBaseUrl}/metrics/${encodeURIComponent(tile)}?${query}`);
      return response.json as Figures;
    },
  };
}
