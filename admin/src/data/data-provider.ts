import { type DataProvider, type Identifier, type RaRecord, type UpdateParams } from 'react-admin';
import simpleRestProvider from 'ra-data-simple-rest';
import { authenticatedHttpClient } from './http-client';
import { type UploadProgress, uploadWithProgress } from './upload-with-progress';

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
  /** A read of the API that is not a resource list or record (`/users/names`, `/tasks/lookup?q=`). */
  readJson<Result>(path: string): Promise<Result>;
  /** A dashboard tile's figures, `GET /api/metrics/<tile>?<query>`. */
  metrics<Figures>(tile: string, query: string): Promise<Figures>;
  /** A command of the API that is not one record's action (`POST /outages`, `/discrepancies/bulk-decision`, `/promotions/check`): JSON in, JSON out. */
  postJson<Result>(path: string, body: unknown): Promise<Result>;
  /** A file as the request body, reporting upload progress (`POST /stores/:id/offline-sales/import`). */
  uploadFile<Result>(
    path: string,
    file: Blob,
    options: { contentType: string; onProgress?: (progress: UploadProgress) => void; signal?: AbortSignal },
  ): Promise<Result>;
  /** A file upload the API streams (`PUT /promotions/:id/sku-csv`, text/csv). */
  putCsv<Result>(path: string, file: Blob): Promise<Result>;
}

/** Resources whose API changes a record by PATCH with the changed fields, not PUT of the whole record. */
const patchedResources = new Set(['users']);

export function createDataProvider(apiBaseUrl: string): OmnichannelDataProvider {
  const rest = simpleRestProvider(apiBaseUrl, authenticatedHttpClient);
  const readJson = async <Result>(path: string) => {
    const response = await authenticatedHttpClient(`${apiBaseUrl}${path}`, { method: 'GET' });
    return response.json as Result;
  };
  return {
    ...rest,
    async update<RecordType extends RaRecord>(resource: string, params: UpdateParams<RecordType>) {
      if (!patchedResources.has(resource)) return rest.update<RecordType>(resource, params);
      const url = `${apiBaseUrl}/${resource}/${encodeURIComponent(String(params.id))}`;
      const response = await authenticatedHttpClient(url, { method: 'PATCH', body: JSON.stringify(params.data) });
      return { data: response.json as RecordType };
    },
    async recordAction<RecordType extends RaRecord>(
      resource: string,
      { id, action, body }: { id: Identifier; action: string; body?: unknown },
    ) {
      const url = `${apiBaseUrl}/${resource}/${encodeURIComponent(String(id))}/${encodeURIComponent(action)}`;
      const response = await authenticatedHttpClient(url, { method: 'POST', body: JSON.stringify(body ?? {}) });
      return { data: response.json as RecordType };
    },
    readJson,
    async putCsv<Result>(path: string, file: Blob) {
      const headers = new Headers({ Accept: 'application/json', 'Content-Type': 'text/csv' });
      const response = await authenticatedHttpClient(`${apiBaseUrl}${path}`, { method: 'PUT', body: file, headers });
      return response.json as Result;
    },
    metrics: <Figures>(tile: string, query: string) => readJson<Figures>(`/metrics/${encodeURIComponent(tile)}?${query}`),
    async postJson<Result>(path: string, body: unknown) {
      const response = await authenticatedHttpClient(`${apiBaseUrl}${path}`, { method: 'POST', body: JSON.stringify(body) });
      return response.json as Result;
    },
    uploadFile: <Result>(
      path: string,
      file: Blob,
      options: { contentType: string; onProgress?: (progress: UploadProgress) => void; signal?: AbortSignal },
    ) => uploadWithProgress<Result>(`${apiBaseUrl}${path}`, file, options),
  };
}
