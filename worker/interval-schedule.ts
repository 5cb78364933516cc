import { ScheduleAlreadyRunning, type Client, type ScheduleOptionsStartWorkflowAction, type Workflow } from '@temporalio/client';

export interface EnsuredSchedule {
  scheduleId: string;
  created: boolean;
  paused: boolean;
}

export interface IntervalScheduleRequest<W extends Workflow> {
  scheduleId: string;
  everyMs: number;
  action: ScheduleOptionsStartWorkflowAction<W>;
  /** Paused by this worker's config (its `*_ENABLED=false`); the note marks such a pause as the worker's. */
  disabled: boolean;
  pausedByConfigNote: string;
}

/**
 * Creates a schedule that starts one workflow every interval, or brings an existing one in line with this
 * worker's config, so every worker start converges on the same schedule and a changed variable applies from
 * the next run. Overlap SKIP: a run still going when the next is due drops that tick. Catch-up of one
 * interval: a server outage is followed by at most one late run. A pause the config made (its note) is
 * lifted when the config enables it again; an operator's own pause is kept.
 */
export async function ensureIntervalSchedule<W extends Workflow>(
  client: Client,
  { scheduleId, everyMs, action, disabled, pausedByConfigNote }: IntervalScheduleRequest<W>,
): Promise<EnsuredSchedule> {
  const spec = { intervals: [{ every: everyMs }] };
  const policies = { overlap: 'SKIP' as const, catchupWindow: everyMs };
  try {
    await client.schedule.create({
      scheduleId,
      spec,
      action,
      policies,
      state: disabled ? { paused: true, note: pausedByConfigNote } : {},
    });
    return { scheduleId, created: true, paused: disabled };
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
  }
  let paused = disabled;
  await client.schedule.getHandle(scheduleId).update((previous) => {
    const pausedByOperator = previous.state.paused && previous.state.note !== pausedByConfigNote;
    paused = disabled || pausedByOperator;
    const note = disabled ? pausedByConfigNote : pausedByOperator ? previous.state.note : undefined;
    return { ...previous, spec, action, policies, state: { paused, note } };
  });
  return { scheduleId, created: false, paused };
}
