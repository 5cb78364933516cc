import { Client, Connection } from '@temporalio/client';
import { type ApiConfig } from './config';

export interface TemporalClientHandle {
  /** The API's one client for starting, signalling, updating and querying workflows. */
  client: Client;
  /** Resolves when the Temporal frontend answers before `deadline` (epoch ms); for `/readyz`. */
  checkReachable(deadline: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * The API's Temporal client. Connections are lazy: the API starts (and `/readyz` says what is wrong)
 * while Temporal is still coming up, and the first call that needs Temporal connects.
 *
 * Readiness probes go over a second channel without the SDK's retry interceptor: a probe must be one
 * quick attempt, and a retry timer still pending when the connection closes at shutdown throws
 * "Channel has been shut down" out of a timer, which would crash the process.
 */
export function createTemporalClient(config: Pick<ApiConfig, 'TEMPORAL_ADDRESS' | 'TEMPORAL_NAMESPACE'>): TemporalClientHandle {
  const connection = Connection.lazy({ address: config.TEMPORAL_ADDRESS });
  const probeConnection = Connection.lazy({ address: config.TEMPORAL_ADDRESS, interceptors: [] });
  return {
    client: new Client({ connection, namespace: config.TEMPORAL_NAMESPACE }),
    async checkReachable(deadline) {
      await probeConnection.withDeadline(deadline, () => probeConnection.workflowService.getSystemInfo({}));
    },
    async close() {
      await Promise.all([connection.close(), probeConnection.close()]);
    },
  };
}
