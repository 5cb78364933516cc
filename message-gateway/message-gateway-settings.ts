import { z } from 'zod';
import { parseConfig } from '../domain/config';

/**
 * Where the message gateway is and how hard the client tries, for the processes that send messages
 * (the worker). MESSAGE_GATEWAY_URL defaults to the channel sandbox's gateway (`${SANDBOX_URL}/gateway`).
 */
export const messageGatewayEnv = {
  SANDBOX_URL: z.url().default('http://127.0.0.1:4010'),
  MESSAGE_GATEWAY_URL: z.url().optional(),
  /** The sandbox gateway's dev key; a real provider's key is a deployment secret. */
  MESSAGE_GATEWAY_API_KEY: z.string().min(1).default('sandbox-key-gateway'),
  MESSAGE_GATEWAY_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  /** Attempts inside one activity attempt; Temporal retries the activity on top of these. */
  MESSAGE_GATEWAY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(3),
  MESSAGE_GATEWAY_RETRY_BASE_MS: z.coerce.number().int().min(1).default(200),
  MESSAGE_GATEWAY_RETRY_MAX_MS: z.coerce.number().int().min(1).default(5000),
};

const messageGatewayEnvSchema = z.object(messageGatewayEnv);
type MessageGatewayEnv = z.infer<typeof messageGatewayEnvSchema>;

export interface MessageGatewaySettings {
  /** e.g. http://127.0.0.1:4010/gateway; messages go to `${baseUrl}/messages`. */
  baseUrl: string;
  apiKey: string;
  requestTimeoutMs: number;
  retry: { maxAttempts: number; baseDelayMs: number; maxDelayMs: number };
}

export function messageGatewaySettingsOf(config: MessageGatewayEnv): MessageGatewaySettings {
  return {
    baseUrl: (config.MESSAGE_GATEWAY_URL ?? `${config.SANDBOX_URL.replace(/\/$/, '')}/gateway`).replace(/\/$/, ''),
    apiKey: config.MESSAGE_GATEWAY_API_KEY,
    requestTimeoutMs: config.MESSAGE_GATEWAY_TIMEOUT_MS,
    retry: {
      maxAttempts: config.MESSAGE_GATEWAY_MAX_ATTEMPTS,
      baseDelayMs: config.MESSAGE_GATEWAY_RETRY_BASE_MS,
      maxDelayMs: config.MESSAGE_GATEWAY_RETRY_MAX_MS,
    },
  };
}

/** The settings from an environment (defaults for anything unset): tests and scripts. */
export function messageGatewaySettingsFromEnv(env: NodeJS.ProcessEnv = process.env): MessageGatewaySettings {
  return messageGatewaySettingsOf(parseConfig(messageGatewayEnvSchema, env));
}
