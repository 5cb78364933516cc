import { checkFailed, hasRecovered, openScopeOf, shouldOpenOutage, type HealthCheck } from './outage-detection';

const settings = { consecutiveFailures: 3, failureRate: 0.5, healthyChecksToRecover: 2 };
const ok: HealthCheck = { probeOk: true, pushes: 10, failedPushes: 0 };
const down: HealthCheck = { probeOk: false, pushes: 0, failedPushes: 0 };
const failingPushes: HealthCheck = { probeOk: true, pushes: 10, failedPushes: 6 };

describe('outage detection', () => {
  it('counts a check as failed when the probe fails or too many pushes failed', () => {
    expect(checkFailed(down, settings)).toBe(true);
    expect(checkFailed(failingPushes, settings)).toBe(true);
    expect(checkFailed({ probeOk: true, pushes: 10, failedPushes: 4 }, settings)).toBe(false);
    expect(checkFailed({ probeOk: true, pushes: 0, failedPushes: 0 }, settings)).toBe(false);
  });
  it('opens only after N consecutive failures', () => {
    expect(shouldOpenOutage([down, down], settings)).toBe(false);
    expect(shouldOpenOutage([down, ok, down, down], settings)).toBe(false);
    expect(shouldOpenOutage([ok, down, failingPushes, down], settings)).toBe(true);
  });
  it('recovers after N healthy checks in a row', () => {
    expect(hasRecovered([down, ok], settings)).toBe(false);
    expect(hasRecovered([down, ok, ok], settings)).toBe(true);
    expect(hasRecovered([ok, ok, down], settings)).toBe(false);
  });
  it('names one scope per channel or store', () => {
    expect(openScopeOf({ kind: 'CHANNEL', channelId: 'c1' })).toBe('channel:c1');
    expect(openScopeOf({ kind: 'STORE', storeId: 's1' })).toBe('store:s1');
  });
});
