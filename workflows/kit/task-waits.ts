import { condition } from '@temporalio/workflow';
import { db } from './activity-proxies';
import { type Compensations } from './saga';

/** What closing the process leaves its open tasks as. */
export type ClosedTaskStatus = 'CANCELLED' | 'EXPIRED';

export interface TaskWaitsParts<Context> {
  workflowId: string;
  /** The run's task inbox: a wait does not end while a completion is being applied. */
  inbox: { readonly isApplying: boolean; close(): void };
  compensations: Compensations<Context>;
  /** True when the process is asked to stop waiting (e.g. a cancellation came in). */
  interrupted: () => boolean;
  /** The status the open tasks get when the process is wound down for `context`. */
  closedTaskStatus: (context: Context) => ClosedTaskStatus;
}

/** What happens when a task's SLA is missed, and when it is missed by the escalation delay as well. */
export interface EscalationPlan {
  slaMs: number;
  onSlaMissed: () => Promise<void>;
  escalationDelayMs: number;
  onEscalated: () => Promise<void>;
}

/** Reminders at offsets from `startedAt` until `deadlineMs` after it. */
export interface ReminderPlan {
  /** Workflow time (ms) the offsets count from. */
  startedAt: number;
  offsetsMs: readonly number[];
  deadlineMs: number;
  remind: (index: number) => Promise<void>;
}

/**
 * Waiting on people: a task's due time, waits that end early when the process is interrupted, SLA
 * reminders and escalation, reminders up to a deadline, and closing whatever tasks are open when the
 * process is undone. Timers are workflow timers, so every duration is replayed exactly.
 */
export class TaskWaits<Context> {
  private tasksClosedOnUndo = false;

  constructor(private readonly parts: TaskWaitsParts<Context>) {}

  /** Waits up to `timeoutMs` (forever when undefined) for `done` or an interruption; true when one came. */
  async waitFor(done: () => boolean, timeoutMs?: number): Promise<boolean> {
    const settled = () => done() || (this.parts.interrupted() && !this.parts.inbox.isApplying);
    return timeoutMs === undefined ? condition(settled).then(() => true) : condition(settled, Math.max(timeoutMs, 1));
  }

  /** ISO time `ms` from now (workflow time): a task's due time. */
  dueIn(ms: number): string {
    return new Date(new Date().getTime() + ms).toISOString();
  }

  /**
   * Waits for `done` with an SLA: when it is missed `onSlaMissed` runs (remind the staff), when it is
   * missed by the escalation delay as well `onEscalated` runs (move the task up) and the wait goes on
   * without a limit. Ends early on an interruption.
   */
  async waitWithEscalation(done: () => boolean, plan: EscalationPlan): Promise<void> {
    if (await this.waitFor(done, plan.slaMs)) return;
    await plan.onSlaMissed();
    if (await this.waitFor(done, plan.escalationDelayMs)) return;
    await plan.onEscalated();
    await this.waitFor(done);
  }

  /**
   * Waits for `done` until the deadline, running `remind` at each offset on the way (offsets at or
   * past the deadline are skipped). True when `done` or an interruption came, false at the deadline.
   */
  async waitWithReminders(done: () => boolean, plan: ReminderPlan): Promise<boolean> {
    const elapsed = () => new Date().getTime() - plan.startedAt;
    for (const [index, offsetMs] of plan.offsetsMs.entries()) {
      if (offsetMs >= plan.deadlineMs) break;
      if (await this.waitFor(done, offsetMs - elapsed())) break;
      await plan.remind(index);
    }
    return this.waitFor(done, plan.deadlineMs - elapsed());
  }

  /** Once any task exists, undoing the process must close whatever tasks are still open. Idempotent. */
  closeTasksOnUndo(): void {
    if (this.tasksClosedOnUndo) return;
    this.tasksClosedOnUndo = true;
    this.parts.compensations.add({
      name: 'close open tasks',
      undo: async (context) => {
        this.parts.inbox.close();
        await db.closeWorkflowTasks({ workflowId: this.parts.workflowId, status: this.parts.closedTaskStatus(context) });
      },
    });
  }
}
