import { Client, Connection } from '@temporalio/client';
import { type ApiConfig } from './config';

export interface TemporalClientHandle {
  client: Client;
  close(): Promise<void>;
}

/**
 * The API's one Temporal client. The connection is lazy: the API starts (and `/readyz` says what is
 * wrong) while Temporal is still coming up, and the first call that needs Temporal connects.
 */
export function createTemporalClient(config: Pick<ApiConfig, 'TEMPORAL_ADDRESS' | 'TEMPORAL_NAMESPACE'>): TemporalClientHandle {
  const connection = Connection.lazy({ address: config.TEMPORAL_ADDRESS });
  const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
  return { client, close: () => connection.close() };
}
