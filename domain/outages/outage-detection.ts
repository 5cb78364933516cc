/**
 * When a health check opens or ends an outage (docs/outages.md). A check is the adapter's health probe
 * plus the failure rate of the channel's recent pushes; the newest check is last.
 */
export interface OutageDetectionSettings {
  /** Consecutive failed checks that open an outage (OUTAGE_DETECTION_FAILURES). */
  consecutiveFailures: number;
  /** Share of failed pushes in the window that counts a check as failed even when the probe answered. */
  failureRate: number;
  /** Consecutive healthy checks that end a channel outage (OUTAGE_RECOVERY_PROBES). */
  healthyChecksToRecover: number;
}

export interface HealthCheck {
  probeOk: boolean;
  pushes: number;
  failedPushes: number;
}

export function checkFailed(check: HealthCheck, settings: Pick<OutageDetectionSettings, 'failureRate'>): boolean {
  if (!check.probeOk) return true;
  return check.pushes > 0 && check.failedPushes / check.pushes >= settings.failureRate;
}

function trailingCount(checks: readonly HealthCheck[], failed: boolean, settings: OutageDetectionSettings): number {
  let count = 0;
  for (const check of [...checks].reverse()) {
    if (checkFailed(check, settings) !== failed) break;
    count += 1;
  }
  return count;
}

/** OPEN: the last N checks all failed; otherwise nothing to do. */
export function shouldOpenOutage(checks: readonly HealthCheck[], settings: OutageDetectionSettings): boolean {
  return settings.consecutiveFailures > 0 && trailingCount(checks, true, settings) >= settings.consecutiveFailures;
}

/** The channel answered the last N checks: recovery may start. */
export function hasRecovered(checks: readonly HealthCheck[], settings: OutageDetectionSettings): boolean {
  return settings.healthyChecksToRecover > 0 && trailingCount(checks, false, settings) >= settings.healthyChecksToRecover;
}

/** The scope the one-open-outage-per-subject rule is enforced on (outages.open_scope). */
export function openScopeOf(subject: { kind: 'CHANNEL'; channelId: string } | { kind: 'STORE'; storeId: string }): string {
  return subject.kind === 'CHANNEL' ? `channel:${subject.channelId}` : `store:${subject.storeId}`;
}

export function outageWorkflowId(outageId: string): string {
  return `outage:${outageId}`;
}
