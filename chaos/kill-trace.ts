import { type Client } from '@temporalio/client';
import { type temporal } from '@temporalio/proto';
import { pickupWorkflowId } from '../domain/pickup/pickup-workflow';
import { type RunRecord } from './pickup-run';

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

/** Temporal's TimeoutType numbers, as the history carries them. */
const timeoutTypes: Record<number, string> = { 1: 'start-to-close', 2: 'schedule-to-start', 3: 'schedule-to-close', 4: 'heartbeat' };

/** One run open at a kill: where it was, what the dead worker held of it, and how long until it moved again. */
export interface RunAtKill {
  orderId: string;
  outcome: string;
  /** The run's CurrentStep as the driver last saw it before the kill. */
  stepAtKill: string;
  /** From the kill until the driver saw the run move (a new step, or closed); undefined if it never did. */
  recoveryMs?: number;
  /** Later kills that came before that move: each cut into the retry the earlier one left, so recoveries chain. */
  laterKillsBeforeMove: number;
  /** From the kill until the run's first workflow task completed after it (the history's own clock). */
  firstTaskCompletedMs?: number;
  /** Activities scheduled before the kill and not closed by it: name, attempt that closed it, when (from the kill). */
  activitiesOpen: string[];
  /** What the history shows between the kill and the move, each as "+s what" (timeouts, retries, completions). */
  timeline: string[];
}

export interface KillTrace {
  killedAt: number;
  /** How long the replacement took to poll after this kill. */
  replacementPolledMs?: number;
  runs: RunAtKill[];
}

function eventMs(event: HistoryEvent): number {
  const time = event.eventTime;
  return Number(String(time?.seconds ?? 0)) * 1000 + Math.floor((time?.nanos ?? 0) / 1e6);
}

const id = (value: { toString(): string } | null | undefined): string => (value === null || value === undefined ? '' : value.toString());
const offset = (ms: number, at: number): string => `${ms >= at ? '+' : ''}${((ms - at) / 1000).toFixed(1)} s`;

/** A short name for an event the trace cares about; undefined for the rest (markers, search attributes, ...). */
function describeEvent(event: HistoryEvent, names: Map<string, string>): string | undefined {
  const activity = (scheduledEventId: Parameters<typeof id>[0]) => names.get(id(scheduledEventId)) ?? '?';
  if (event.activityTaskStartedEventAttributes)
    return `${activity(event.activityTaskStartedEventAttributes.scheduledEventId)} started (attempt ${event.activityTaskStartedEventAttributes.attempt ?? 1})`;
  if (event.activityTaskCompletedEventAttributes)
    return `${activity(event.activityTaskCompletedEventAttributes.scheduledEventId)} completed`;
  if (event.activityTaskFailedEventAttributes) return `${activity(event.activityTaskFailedEventAttributes.scheduledEventId)} failed`;
  if (event.activityTaskTimedOutEventAttributes) {
    const type = event.activityTaskTimedOutEventAttributes.failure?.timeoutFailureInfo?.timeoutType ?? 0;
    return `${activity(event.activityTaskTimedOutEventAttributes.scheduledEventId)} timed out (${timeoutTypes[type] ?? type})`;
  }
  if (event.activityTaskScheduledEventAttributes)
    return `${event.activityTaskScheduledEventAttributes.activityType?.name ?? '?'} scheduled`;
  if (event.workflowTaskTimedOutEventAttributes) {
    const type = event.workflowTaskTimedOutEventAttributes.timeoutType ?? 0;
    return `workflow task timed out (${timeoutTypes[type] ?? type})`;
  }
  if (event.workflowTaskFailedEventAttributes)
    return `workflow task failed (cause ${event.workflowTaskFailedEventAttributes.cause ?? '?'})`;
  if (event.workflowTaskStartedEventAttributes) return 'workflow task started';
  if (event.workflowTaskCompletedEventAttributes) return 'workflow task completed';
  if (event.workflowExecutionUpdateAcceptedEventAttributes) return 'update accepted';
  if (event.workflowExecutionUpdateCompletedEventAttributes) return 'update completed';
  if (event.workflowExecutionSignaledEventAttributes)
    return `signal ${event.workflowExecutionSignaledEventAttributes.signalName ?? ''}`.trim();
  if (event.timerFiredEventAttributes) return 'timer fired';
  return undefined;
}

/** What one run's history says about one kill. */
export function traceRun(record: RunRecord, events: HistoryEvent[], at: number, killedAt: number[]): RunAtKill {
  const names = new Map<string, string>();
  const closedAt = new Map<string, number>();
  for (const event of events) {
    const scheduled = event.activityTaskScheduledEventAttributes;
    if (scheduled) names.set(id(event.eventId), scheduled.activityType?.name ?? '?');
    const closing =
      event.activityTaskCompletedEventAttributes ?? event.activityTaskFailedEventAttributes ?? event.activityTaskTimedOutEventAttributes;
    if (closing) closedAt.set(id(closing.scheduledEventId), eventMs(event));
  }
  const activitiesOpen: string[] = [];
  for (const event of events) {
    if (!event.activityTaskScheduledEventAttributes || eventMs(event) > at) continue;
    const closed = closedAt.get(id(event.eventId));
    if (closed !== undefined && closed <= at) continue;
    const started = events.find((other) => id(other.activityTaskStartedEventAttributes?.scheduledEventId) === id(event.eventId));
    const attempt = started?.activityTaskStartedEventAttributes?.attempt ?? 1;
    activitiesOpen.push(
      `${names.get(id(event.eventId))} scheduled ${offset(eventMs(event), at)}, last attempt ${attempt} started ${started ? offset(eventMs(started), at) : '-'}, closed ${closed === undefined ? 'never' : offset(closed, at)}`,
    );
  }
  const index = record.progressAt.findIndex((time) => time > at);
  const movedAt = index >= 0 ? record.progressAt[index] : undefined;
  const stepAtKill = index > 0 ? record.progressSteps[index - 1] : index === 0 ? '(not yet seen)' : record.progressSteps.at(-1);
  const until = movedAt ?? Infinity;
  const firstCompleted = events.find((event) => event.workflowTaskCompletedEventAttributes && eventMs(event) > at);
  const timeline = events
    .filter((event) => eventMs(event) > at && eventMs(event) <= until)
    .map((event) => {
      const what = describeEvent(event, names);
      return what === undefined ? undefined : `${offset(eventMs(event), at)} ${what}`;
    })
    .filter((line): line is string => line !== undefined)
    .filter((line) => !/workflow task (started|completed)$/.test(line));
  return {
    orderId: record.orderId,
    outcome: record.outcome,
    stepAtKill: stepAtKill ?? '?',
    ...(movedAt !== undefined && { recoveryMs: movedAt - at }),
    laterKillsBeforeMove: killedAt.filter((other) => other > at && other <= until).length,
    ...(firstCompleted !== undefined && { firstTaskCompletedMs: eventMs(firstCompleted) - at }),
    activitiesOpen,
    timeline,
  };
}

/**
 * Per kill, every run open at it: its step, the activities the dead worker held (from the run's history)
 * and how long until it moved again, so the row's max recovery can be traced to a kill, a run and a step.
 */
export async function traceKills(
  client: Client,
  records: RunRecord[],
  killedAt: number[],
  replacementPolledMs: number[],
): Promise<KillTrace[]> {
  const histories = new Map<string, HistoryEvent[]>();
  for (const record of records) {
    const history = await client.workflow
      .getHandle(pickupWorkflowId(record.orderId))
      .fetchHistory()
      .catch(() => undefined);
    histories.set(record.orderId, history?.events ?? []);
  }
  return killedAt.map((at, kill) => ({
    killedAt: at,
    ...(replacementPolledMs[kill] !== undefined && { replacementPolledMs: replacementPolledMs[kill] }),
    runs: records
      .filter((record) => record.startedAt <= at && (record.endedAt === undefined || record.endedAt > at))
      .map((record) => traceRun(record, histories.get(record.orderId) ?? [], at, killedAt)),
  }));
}

/** The `count` slowest recoveries over every kill, one line each, for under the table. */
export function worstRecoveries(traces: KillTrace[], count: number): string[] {
  const entries = traces.flatMap((trace, kill) => trace.runs.map((run) => ({ trace, kill, run })));
  entries.sort((a, b) => (b.run.recoveryMs ?? Infinity) - (a.run.recoveryMs ?? Infinity));
  return entries.slice(0, count).map(({ trace, kill, run }) => {
    const recovery =
      run.recoveryMs === undefined
        ? 'never moved'
        : `moved ${(run.recoveryMs / 1000).toFixed(1)} s after (${run.laterKillsBeforeMove} later kills before that)`;
    const task =
      run.firstTaskCompletedMs === undefined ? '' : `, first workflow task done +${(run.firstTaskCompletedMs / 1000).toFixed(1)} s`;
    const polled =
      trace.replacementPolledMs === undefined ? '' : ` (replacement polled in ${(trace.replacementPolledMs / 1000).toFixed(1)} s)`;
    const held = run.activitiesOpen.length === 0 ? 'no activity open' : `open: ${run.activitiesOpen.join('; ')}`;
    return (
      `kill ${kill + 1} at ${new Date(trace.killedAt).toISOString().slice(11, 23)}${polled}: order ${run.orderId.slice(0, 8)} ` +
      `(${run.outcome}) at ${run.stepAtKill}, ${recovery}${task}; ${held}; history: ${run.timeline.slice(0, 10).join(', ') || '-'}`
    );
  });
}

/** The longest recovery of a run no later kill reached before it moved: what one kill alone cost. */
export function longestSingleKillRecoveryMs(traces: KillTrace[]): number {
  const alone = traces.flatMap((trace) => trace.runs).filter((run) => run.laterKillsBeforeMove === 0);
  return Math.max(0, ...alone.map((run) => run.recoveryMs ?? 0));
}
