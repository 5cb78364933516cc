import { z } from 'zod';
import { parseConfig } from '../../domain/config';

/**
 * Where the web store's payment provider is, for the processes that refund (the worker).
 * PAYMENT_PROVIDER_URL defaults to the channel sandbox's emulation (`${SANDBOX_URL}/payments`);
 * PAYMENT_PROVIDER_CODE is the name our payments table records for it (web orders' `payment.provider`).
 */
export const paymentProviderEnv = {
  SANDBOX_URL: z.url().default('http://127.0.0.1:4010'),
  PAYMENT_PROVIDER_URL: z.url().optional(),
  PAYMENT_PROVIDER_CODE: z
    .string()
    .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/)
    .default('web-psp'),
  /** The sandbox provider's dev key; a real provider's key is a deployment secret. */
  PAYMENT_PROVIDER_API_KEY: z.string().min(1).default('sandbox-key-payments'),
  PAYMENT_PROVIDER_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  /** The provider's published request rate; the client paces itself under it. */
  PAYMENT_PROVIDER_REQUESTS_PER_SECOND: z.coerce.number().positive().default(25),
};

const paymentProviderEnvSchema = z.object(paymentProviderEnv);
type PaymentProviderEnv = z.infer<typeof paymentProviderEnvSchema>;

export interface PaymentProviderSettings {
  providerCode: string;
  /** e.g. http://127.0.0.1:4010/payments; calls go to `${baseUrl}/v1/...`. */
  baseUrl: string;
  apiKey: string;
  requestTimeoutMs: number;
  rateLimit: { perSecond: number; burst: number; perItem: false };
  retry?: { rateLimitedAttempts?: number; maxElapsedMs?: number; baseDelayMs?: number; maxDelayMs?: number };
}

export function paymentProviderSettingsOf(config: PaymentProviderEnv): PaymentProviderSettings {
  const perSecond = config.PAYMENT_PROVIDER_REQUESTS_PER_SECOND;
  return {
    providerCode: config.PAYMENT_PROVIDER_CODE,
    baseUrl: (config.PAYMENT_PROVIDER_URL ?? `${config.SANDBOX_URL.replace(/\/$/, '')}/payments`).replace(/\/$/, ''),
    apiKey: config.PAYMENT_PROVIDER_API_KEY,
    requestTimeoutMs: config.PAYMENT_PROVIDER_TIMEOUT_MS,
    rateLimit: { perSecond, burst: Math.max(1, Math.ceil(perSecond * 2)), perItem: false },
  };
}

/** The settings from an environment (defaults for anything unset): the isolated worker, tests and scripts. */
export function paymentProviderSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): PaymentProviderSettings {
  return paymentProviderSettingsOf(parseConfig(paymentProviderEnvSchema, env));
}
