import { z } from 'zod';

/**
 * Timing of the workflow-start outbox, shared by the API (its own first attempt right after commit) and
 * the relay in every worker (every later attempt). Named config: see .env.example and docs/workflow-starts.md.
 */
export const workflowStartEnv = {
  /**
   * How long after commit the relay leaves a new start to the API that wrote it, so the two do not both
   * call Temporal for every order. Longer than the API's Temporal deadline; an API that died meanwhile
   * only delays the start by this much.
   */
  WORKFLOW_START_RELAY_DELAY_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  /** How often the relay looks for starts (and signals) that are due, when it found none last time. */
  WORKFLOW_START_RELAY_INTERVAL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  /** Starts one relay claims per round; the rest stay for the next round or another worker. */
  WORKFLOW_START_RELAY_BATCH_SIZE: z.coerce.number().int().min(1).max(1000).default(50),
  /** Temporal calls one relay has in flight at once. */
  WORKFLOW_START_RELAY_CONCURRENCY: z.coerce.number().int().min(1).max(200).default(10),
  /** A claimed start is another relay's again after this long, should its claimer have died mid-call. */
  WORKFLOW_START_CLAIM_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
  /** The relay's deadline for each Temporal call (start or signal). */
  WORKFLOW_START_TEMPORAL_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  /** Backoff between attempts of one start: doubling from the first delay up to the cap, with jitter. */
  WORKFLOW_START_RETRY_INITIAL_MS: z.coerce.number().int().min(10).max(600_000).default(1000),
  WORKFLOW_START_RETRY_MAX_MS: z.coerce.number().int().min(10).max(3_600_000).default(60_000),
};

export interface WorkflowStartTiming {
  retryInitialMs: number;
  retryMaxMs: number;
}

export interface WorkflowStartRelaySettings extends WorkflowStartTiming {
  intervalMs: number;
  batchSize: number;
  concurrency: number;
  claimMs: number;
  temporalTimeoutMs: number;
}

type WorkflowStartConfig = { [K in keyof typeof workflowStartEnv]: z.output<(typeof workflowStartEnv)[K]> };

export function relaySettingsFrom(config: WorkflowStartConfig): WorkflowStartRelaySettings {
  return {
    intervalMs: config.WORKFLOW_START_RELAY_INTERVAL_MS,
    batchSize: config.WORKFLOW_START_RELAY_BATCH_SIZE,
    concurrency: config.WORKFLOW_START_RELAY_CONCURRENCY,
    claimMs: config.WORKFLOW_START_CLAIM_MS,
    temporalTimeoutMs: config.WORKFLOW_START_TEMPORAL_TIMEOUT_MS,
    retryInitialMs: config.WORKFLOW_START_RETRY_INITIAL_MS,
    retryMaxMs: config.WORKFLOW_START_RETRY_MAX_MS,
  };
}

/**
 * Delay before attempt `attempts + 1`: doubling from the first delay, capped, with "equal jitter" (at
 * least half the nominal delay) so starts that failed together do not all come back in the same instant.
 */
export function retryDelayMs(attempts: number, timing: WorkflowStartTiming, random: () => number = Math.random): number {
  const nominal = Math.min(timing.retryMaxMs, timing.retryInitialMs * 2 ** Math.max(0, Math.min(attempts - 1, 30)));
  return Math.round(nominal / 2 + random() * (nominal / 2));
}
