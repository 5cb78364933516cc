import { z } from 'zod';

/**
 * Tunables of the inventory core. A process that runs inventory activities (the worker, benches) spreads
 * `inventoryEnv` into its config schema and passes `inventorySettingsFrom(config)` to the activity
 * factories; without that they use the defaults below.
 */
export const inventoryEnv = {
  /** Most distinct SKUs one reservation/release/consumption/adjustment may touch (bounds lock time). */
  INVENTORY_MAX_LINES_PER_CHANGE: z.coerce.number().int().min(1).max(10_000).default(500),
  /** Attempts for a stock transaction that PostgreSQL aborted as a serialization failure or deadlock. */
  INVENTORY_TX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(5),
  /** First back-off between those attempts; doubles each time, with jitter. */
  INVENTORY_TX_RETRY_BACKOFF_MS: z.coerce.number().int().min(0).max(10_000).default(20),
  /** Longest wait for a pooled connection to open a stock transaction. */
  INVENTORY_TX_MAX_WAIT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** Longest a stock transaction may stay open (row locks are held that long at most). */
  INVENTORY_TX_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
};

const inventoryConfigSchema = z.object(inventoryEnv);
export type InventoryConfig = z.infer<typeof inventoryConfigSchema>;

export interface InventorySettings {
  maxLinesPerChange: number;
  transactionMaxAttempts: number;
  transactionRetryBackoffMs: number;
  transactionMaxWaitMs: number;
  transactionTimeoutMs: number;
}

export function inventorySettingsFrom(config: InventoryConfig): InventorySettings {
  return {
    maxLinesPerChange: config.INVENTORY_MAX_LINES_PER_CHANGE,
    transactionMaxAttempts: config.INVENTORY_TX_MAX_ATTEMPTS,
    transactionRetryBackoffMs: config.INVENTORY_TX_RETRY_BACKOFF_MS,
    transactionMaxWaitMs: config.INVENTORY_TX_MAX_WAIT_MS,
    transactionTimeoutMs: config.INVENTORY_TX_TIMEOUT_MS,
  };
}

export const defaultInventorySettings: InventorySettings = inventorySettingsFrom(inventoryConfigSchema.parse({}));
