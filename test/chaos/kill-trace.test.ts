import { type temporal } from '@temporalio/proto';
import { longestSingleKillRecoveryMs, traceRun, worstRecoveries, type KillTrace } from '../../chaos/kill-trace';
import { type RunRecord } from '../../chaos/pickup-run';

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

const T0 = Date.parse('2026-12-07T23:00:00.000Z');
const at = (seconds: number) => ({ seconds: Math.floor((T0 + seconds * 1000) / 1000), nanos: ((seconds * 1000) % 1000) * 1e6 });
let nextId = 0;
/** Ids and seconds as plain numbers (the client hands Longs; the trace reads either). */
type Loose<T> = { [K in keyof T]?: unknown };
const event = (seconds: number, attributes: Loose<HistoryEvent>): HistoryEvent & { eventId: number } =>
  ({ eventId: (nextId += 1), eventTime: at(seconds), ...attributes }) as unknown as HistoryEvent & { eventId: number };

/**
 * A short pick killed twice: the first kill (at 10 s) catches refundOrderLines on its first attempt, the second
 * (at 16 s) its retry, the third attempt completes at 30 s and the run leaves PICKING at 31 s.
 */
function killedTwice(): { record: RunRecord; events: HistoryEvent[] } {
  nextId = 0;
  const release = event(8, { activityTaskScheduledEventAttributes: { activityType: { name: 'releaseStock' } } });
  const scheduled = event(9, { activityTaskScheduledEventAttributes: { activityType: { name: 'refundOrderLines' } } });
  const events = [
    release,
    event(8.5, { activityTaskStartedEventAttributes: { scheduledEventId: release.eventId, attempt: 1 } }),
    event(8.6, { activityTaskCompletedEventAttributes: { scheduledEventId: release.eventId } }),
    scheduled,
    event(19, { workflowTaskTimedOutEventAttributes: { timeoutType: 1 } }),
    event(28, { activityTaskStartedEventAttributes: { scheduledEventId: scheduled.eventId, attempt: 3 } }),
    event(30, { activityTaskCompletedEventAttributes: { scheduledEventId: scheduled.eventId } }),
    event(30.5, { workflowTaskCompletedEventAttributes: {} }),
  ];
  const record: RunRecord = {
    orderId: 'order-1',
    externalId: 'ext-1',
    outcome: 'COLLECTED',
    startedAt: T0,
    progressAt: [T0 + 2000, T0 + 31_000, T0 + 40_000],
    progressSteps: ['PICKING', 'MARKING_READY', '(closed)'],
  };
  return { record, events };
}

describe('the worker SIGKILL row tracing each kill from the runs histories', () => {
  it('names the step, the activity the dead worker held, the later kills and how long until the run moved', () => {
    const { record, events } = killedTwice();
    const kills = [T0 + 10_000, T0 + 16_000];
    const first = traceRun(record, events, kills[0] ?? 0, kills);
    expect(first).toMatchObject({ stepAtKill: 'PICKING', recoveryMs: 21_000, laterKillsBeforeMove: 1, firstTaskCompletedMs: 20_500 });
    // releaseStock closed before the kill: not held.
    expect(first.activitiesOpen).toEqual(['refundOrderLines scheduled -1.0 s, last attempt 3 started +18.0 s, closed +20.0 s']);
    expect(first.timeline).toEqual([
      '+9.0 s workflow task timed out (start-to-close)',
      '+18.0 s refundOrderLines started (attempt 3)',
      '+20.0 s refundOrderLines completed',
    ]);
    expect(traceRun(record, events, kills[1] ?? 0, kills)).toMatchObject({ recoveryMs: 15_000, laterKillsBeforeMove: 0 });
  });

  it('puts the slowest recovery first and keeps the single-kill figure apart from chains', () => {
    const { record, events } = killedTwice();
    const kills = [T0 + 10_000, T0 + 16_000];
    const traces: KillTrace[] = kills.map((killedAt) => ({
      killedAt,
      replacementPolledMs: 3000,
      runs: [traceRun(record, events, killedAt, kills)],
    }));
    const [worst] = worstRecoveries(traces, 1);
    expect(worst).toContain('kill 1 at 23:00:10.000 (replacement polled in 3.0 s): order order-1 (COLLECTED) at PICKING');
    expect(worst).toContain('moved 21.0 s after (1 later kills before that)');
    // Only the second kill's 15 s had no later kill before the move.
    expect(longestSingleKillRecoveryMs(traces)).toBe(15_000);
  });

  it('counts a run that never moved after a kill as the slowest', () => {
    const { record, events } = killedTwice();
    const stuck = { ...record, progressAt: [T0 + 2000], progressSteps: ['PICKING'] };
    const run = traceRun(stuck, events, T0 + 10_000, [T0 + 10_000]);
    expect(run).toMatchObject({ stepAtKill: 'PICKING', laterKillsBeforeMove: 0 });
    expect(run.recoveryMs).toBeUndefined();
    expect(worstRecoveries([{ killedAt: T0 + 10_000, runs: [run] }], 1)[0]).toContain('never moved');
  });
});
