import { type LatencyBreakdown } from './latency-breakdown';
import { type ResourceUsage } from './resource-sampler';

export type Workload = 'pickup' | 'baseline';

/** What a step offers: `rate` per second for `seconds`, its calls numbered within `batch` (unique ids across steps). */
export interface StepPlan {
  rate: number;
  seconds: number;
  batch: string;
}

/** One offered rate of one workload: what was sent, what finished when, and what the machine did meanwhile. */
export interface StepResult {
  workload: Workload;
  offeredRate: number;
  /** Calls answered successfully (pickup: intake 2xx; baseline: workflow started). */
  accepted: number;
  skipped: number;
  failed: number;
  firstError?: string;
  /** Pickup: intake HTTP response times; baseline: workflow start call times. */
  requestLatenciesMs: number[];
  /** Epoch ms sent and finished (pickup: PICK task created; baseline: workflow completed) of each finished call. */
  completions: { sentAtMs: number; doneAtMs: number }[];
  sendLagP99Ms: number;
  resources: ResourceUsage;
  breakdown?: LatencyBreakdown;
}

/**
 * Finished per second over the span in which they finished. A system that keeps up finishes at the
 * offered rate; one that falls behind finishes at its own capacity, however fast the work was offered.
 */
export function achievedRate(step: StepResult): number {
  const doneTimes = step.completions.map((completion) => completion.doneAtMs);
  if (doneTimes.length < 2) return 0;
  const spanSeconds = (Math.max(...doneTimes) - Math.min(...doneTimes)) / 1000;
  return spanSeconds <= 0 ? 0 : (doneTimes.length - 1) / spanSeconds;
}

export function completionLatenciesMs(step: StepResult): number[] {
  return step.completions.map((completion) => completion.doneAtMs - completion.sentAtMs).sort((a, b) => a - b);
}

export function unfinished(step: StepResult): number {
  return step.accepted - step.completions.length;
}

/** Kept up: nothing skipped, failed or left unfinished after the drain, and at least `share` of the offered rate achieved. */
export function isSustained(step: StepResult, share: number): boolean {
  return step.skipped === 0 && step.failed === 0 && unfinished(step) === 0 && achievedRate(step) >= share * step.offeredRate;
}

/** Stack CPU (all processes, all cores) per finished call: the cost that caps throughput when CPU is the limit. */
export function cpuMsPerCompletion(step: StepResult): number {
  return step.completions.length === 0 ? Number.NaN : (step.resources.stackCpuSeconds * 1000) / step.completions.length;
}
