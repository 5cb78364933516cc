import { type Client, type WorkflowHandle } from '@temporalio/client';

type HistoryEvent = NonNullable<Awaited<ReturnType<WorkflowHandle['fetchHistory']>>['events']>[number];
type ProtoTimestamp = { seconds?: { toString(): string } | null; nanos?: number | null } | null | undefined;

/** Where the time from intake to "PICK task created" goes, in ms, averaged over sampled workflows. */
export interface LatencyBreakdown {
  sampled: number;
  /** HTTP intake until Temporal recorded the workflow start (order transaction, start call). */
  intakeToStarted: number;
  /** Workflow tasks waiting in the task queue for a worker slot / poll. */
  workflowTaskQueue: number;
  /** Workflow tasks running workflow code on the worker. */
  workflowTaskRun: number;
  /** Activities waiting in the task queue for a worker to pick them up. */
  activityQueue: number;
  /** Activities running (database work) until their result reached the server. */
  activityRun: number;
}

function toMs(timestamp: ProtoTimestamp): number {
  return Number(timestamp?.seconds?.toString() ?? 0) * 1000 + (timestamp?.nanos ?? 0) / 1e6;
}

function idOf(value: { toString(): string } | null | undefined): string {
  return value?.toString() ?? '';
}

/** One workflow's phases from its history, up to the completion of the activity named `untilActivity`. */
function phasesOf(events: HistoryEvent[], sentAtMs: number, untilActivity: string): Omit<LatencyBreakdown, 'sampled'> | undefined {
  const phases = { intakeToStarted: 0, workflowTaskQueue: 0, workflowTaskRun: 0, activityQueue: 0, activityRun: 0 };
  const scheduledAt = new Map<string, number>();
  const activityNames = new Map<string, string>();
  const startedAt = new Map<string, number>();
  for (const event of events) {
    const at = toMs(event.eventTime);
    const eventId = idOf(event.eventId);
    if (event.workflowExecutionStartedEventAttributes) phases.intakeToStarted = at - sentAtMs;
    if (event.workflowTaskScheduledEventAttributes) scheduledAt.set(eventId, at);
    if (event.workflowTaskStartedEventAttributes) {
      phases.workflowTaskQueue += at - (scheduledAt.get(idOf(event.workflowTaskStartedEventAttributes.scheduledEventId)) ?? at);
      startedAt.set(eventId, at);
    }
    if (event.workflowTaskCompletedEventAttributes)
      phases.workflowTaskRun += at - (startedAt.get(idOf(event.workflowTaskCompletedEventAttributes.startedEventId)) ?? at);
    if (event.activityTaskScheduledEventAttributes) {
      scheduledAt.set(eventId, at);
      activityNames.set(eventId, event.activityTaskScheduledEventAttributes.activityType?.name ?? '');
    }
    if (event.activityTaskStartedEventAttributes) {
      phases.activityQueue += at - (scheduledAt.get(idOf(event.activityTaskStartedEventAttributes.scheduledEventId)) ?? at);
      startedAt.set(eventId, at);
    }
    const completed = event.activityTaskCompletedEventAttributes;
    if (completed) {
      phases.activityRun += at - (startedAt.get(idOf(completed.startedEventId)) ?? at);
      if (activityNames.get(idOf(completed.scheduledEventId)) === untilActivity) return phases;
    }
  }
  return undefined;
}

/**
 * Reads the histories of `sample` workflows spread evenly over a step and splits their latency into
 * queue waits and work. Queue waits growing with the rate point at the worker (slots, CPU) or Temporal's
 * matching; run times growing point at the database or the worker's CPU.
 */
export async function breakDownLatency(
  client: Client,
  runs: { workflowId: string; sentAtMs: number }[],
  sample: number,
  untilActivity: string,
): Promise<LatencyBreakdown | undefined> {
  if (sample === 0 || runs.length === 0) return undefined;
  const step = Math.max(1, Math.floor(runs.length / sample));
  const chosen = runs.filter((_, index) => index % step === 0).slice(0, sample);
  const phases = await Promise.all(
    chosen.map(async (run) => {
      const history = await client.workflow.getHandle(run.workflowId).fetchHistory();
      return phasesOf(history.events ?? [], run.sentAtMs, untilActivity);
    }),
  );
  const found = phases.filter((entry) => entry !== undefined);
  if (found.length === 0) return undefined;
  const mean = (pick: (entry: Omit<LatencyBreakdown, 'sampled'>) => number) =>
    found.reduce((sum, entry) => sum + pick(entry), 0) / found.length;
  return {
    sampled: found.length,
    intakeToStarted: mean((entry) => entry.intakeToStarted),
    workflowTaskQueue: mean((entry) => entry.workflowTaskQueue),
    workflowTaskRun: mean((entry) => entry.workflowTaskRun),
    activityQueue: mean((entry) => entry.activityQueue),
    activityRun: mean((entry) => entry.activityRun),
  };
}
