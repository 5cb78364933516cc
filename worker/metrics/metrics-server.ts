import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { type WorkerMetrics } from './worker-metrics';

export interface MetricsServerOptions {
  host: string;
  port: number;
  /** Where the Temporal SDK's own Prometheus exporter listens (loopback only); its text is appended. */
  sdkMetricsUrl?: string;
  /** How long a scrape waits for the SDK's exporter before answering without its part. */
  sdkTimeoutMs: number;
}

async function sdkMetricsText(url: string, timeoutMs: number): Promise<string> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    return response.ok ? await response.text() : `# Temporal SDK metrics answered ${response.status}\n`;
  } catch {
    return '# Temporal SDK metrics unavailable\n';
  }
}

/**
 * `GET /metrics` of a worker: our prom-client registry followed by the Temporal SDK's metrics (temporal_*:
 * workflow and activity task latencies, slots, pollers, sticky cache, workflow completions per type), so a
 * scraper has one target per worker. Anything else is a 404. For the internal network, like the API's.
 */
export async function startMetricsServer(metrics: WorkerMetrics, options: MetricsServerOptions): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found\n');
      return;
    }
    void (async () => {
      try {
        const ours = await metrics.registry.metrics();
        const sdk = options.sdkMetricsUrl === undefined ? '' : await sdkMetricsText(options.sdkMetricsUrl, options.sdkTimeoutMs);
        res.writeHead(200, { 'Content-Type': metrics.registry.contentType }).end(`${ours}\n${sdk}`);
      } catch {
        res.writeHead(503, { 'Content-Type': 'text/plain' }).end('# metrics could not be collected\n');
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(
              `WORKER_METRICS_PORT ${options.port} on ${options.host} is taken (another worker on this machine?): give each worker its own port, or 0 for any free one`,
            )
          : error,
      ),
    );
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://${options.host}:${port}/metrics` };
}

/** A loopback port nobody uses right now, for the SDK's exporter (which cannot tell us the port it picked). */
export async function freeLoopbackPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', resolve);
  });
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
