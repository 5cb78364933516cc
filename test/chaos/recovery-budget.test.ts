import { activityHoldMs, longestActivityHoldMs, runDeadlineMs, stallPerKillMs } from '../../chaos/recovery-budget';
import { activityProfiles } from '../../workflows/kit/activity-profiles';

describe('chaos recovery budget', () => {
  it('holds an activity of a dead worker as long as its shortest timeout, then the first retry interval', () => {
    // A channel call: start-to-close 5 min, heartbeat 10 s (a dead worker never heartbeats), retry after 2 s;
    // a db step (30 s, heartbeat 10 s, retry after 0.2 s) and a notification (1 s) are released sooner.
    expect(longestActivityHoldMs(undefined)).toBe(12_000);
    // Capped: every profile's hold is the cap; the longest first retry interval (channel call, 2 s) is added.
    expect(longestActivityHoldMs(8000)).toBe(10_000);
    expect(longestActivityHoldMs(120_000)).toBe(12_000);
    // The outages' db steps have no heartbeat timeout: their 30 s start-to-close, then 0.2 s.
    expect(activityHoldMs(activityProfiles.db, undefined)).toBe(30_200);
  });

  it('derives a run deadline from every timeout a kill can cost and the number of kills', () => {
    const timeouts = { activityTimeoutCapMs: 8000, workflowTaskTimeoutMs: 5000, stickyQueueTimeoutMs: 5000, workerStartMs: 15_000 };
    expect(stallPerKillMs(timeouts)).toBe(35_000);
    expect(runDeadlineMs(30_000, 2, timeouts)).toBe(100_000);
    expect(runDeadlineMs(30_000, 0, timeouts)).toBe(30_000);
    expect(stallPerKillMs({ workflowTaskTimeoutMs: 10_000, stickyQueueTimeoutMs: 10_000, workerStartMs: 15_000 })).toBe(47_000);
  });
});
