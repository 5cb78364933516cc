import pino from 'pino';
import { parseConfig } from '../../../domain/config';
import { type DemoChannel } from '../../../channels/catalog';
import { createSandboxApp, sandboxOptionsFromConfig, type Sandbox } from '../../../channels/sandbox/app';
import { type ChannelFaults } from '../../../channels/sandbox/channel-faults';
import { devApiKeyFor } from '../../../channels/sandbox/channel-auth';
import { sandboxConfigSchema } from '../../../channels/sandbox/config';
import { type SandboxEvent } from '../../../channels/sandbox/event-log';
import { listenSandbox } from '../../../channels/sandbox/server';
import { type WebhookSettings } from '../../../channels/sandbox/webhook-dispatcher';

/**
 * A sandbox of its own for each test file, on a free port, driven over real HTTP. Not the one the
 * bootstrap starts (SANDBOX_URL): these tests switch faults and reset state, which would pull the rug
 * from under other suites running against the shared one at the same time.
 */
export interface TestSandbox {
  url: string;
  sandbox: Sandbox;
  /** Raw call to a channel endpoint with the channel's dev API key. */
  call(
    channel: string,
    path: string,
    init?: { method?: string; body?: unknown; idempotencyKey?: string; apiKey?: string | null },
  ): Promise<{ status: number; headers: Headers; body: unknown }>;
  setFaults(channel: string, faults: Partial<ChannelFaults>): Promise<void>;
  setWebhooks(settings: Partial<WebhookSettings>): Promise<void>;
  reset(seed?: number): Promise<void>;
  log(query?: { channel?: string; kind?: string }): Promise<SandboxEvent[]>;
  close(): Promise<void>;
}

export async function startTestSandbox(
  options: { env?: Record<string, string>; channels?: readonly DemoChannel[] } = {},
): Promise<TestSandbox> {
  const config = parseConfig(sandboxConfigSchema, {
    LOG_LEVEL: 'silent',
    SANDBOX_ASYNC_JOB_DELAY_MS: '300',
    SANDBOX_STORM_RETRY_AFTER_SECONDS: '1',
    SANDBOX_WEBHOOK_BACKOFF_BASE_MS: '20',
    SANDBOX_WEBHOOK_BACKOFF_MAX_MS: '200',
    SANDBOX_WEBHOOK_TIMEOUT_MS: '2000',
    ...options.env,
  });
  const logger = pino({ level: config.LOG_LEVEL });
  const sandbox = createSandboxApp({ ...sandboxOptionsFromConfig(config, logger), channels: options.channels });
  const running = await listenSandbox(sandbox, { host: '127.0.0.1', port: 0 });
  const url = running.url;

  const control = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const response = await fetch(`${url}/_control${path}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`control ${method} ${path} answered ${response.status}: ${await response.text()}`);
    return response.json();
  };

  return {
    url,
    sandbox,
    call: async (channel, path, init = {}) => {
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      const apiKey = init.apiKey === undefined ? devApiKeyFor(channel) : init.apiKey;
      if (apiKey !== null) headers.Authorization = `Bearer ${apiKey}`;
      if (init.idempotencyKey !== undefined) headers['Idempotency-Key'] = init.idempotencyKey;
      const response = await fetch(`${url}/channels/${channel}${path}`, {
        method: init.method ?? 'GET',
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      });
      return { status: response.status, headers: response.headers, body: await response.json() };
    },
    setFaults: async (channel, faults) => {
      await control('PUT', `/channels/${channel}/faults`, faults);
    },
    setWebhooks: async (settings) => {
      await control('PUT', '/webhooks', settings);
    },
    reset: async (seed) => {
      await control('POST', '/reset', seed === undefined ? {} : { seed });
    },
    log: async (query = {}) => {
      const params = new URLSearchParams({ limit: '10000', ...query });
      const { events } = (await control('GET', `/log?${params.toString()}`)) as { events: SandboxEvent[] };
      return events;
    },
    close: () => running.close(),
  };
}
