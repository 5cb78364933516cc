import { ApplicationFailure, setHandler } from '@temporalio/workflow';
import {
  completeTaskUpdate,
  TASK_LOCKED,
  TASK_NOT_CURRENT,
  unlockTaskUpdate,
  type CompleteTaskRequest,
  type CompleteTaskResult,
  type TaskOutcomeBase,
  type UnlockTaskRequest,
  type UnlockTaskResult,
} from '../../domain/workflow-kit/task-messages';

export interface AwaitedTask<Outcome extends TaskOutcomeBase, T extends Outcome['type'] = Outcome['type']> {
  taskId: string;
  type: T;
  /** Extra checks of the outcome (e.g. every order line reported); throw an ApplicationFailure to reject. */
  validate?: (request: CompleteTaskRequest<Extract<Outcome, { type: T }>>) => void;
  /** Applies the outcome; runs one at a time. */
  handle: (request: CompleteTaskRequest<Extract<Outcome, { type: T }>>) => Promise<CompleteTaskResult>;
  /** A manager unlocks a task locked by failed attempts. */
  unlock?: (request: UnlockTaskRequest) => Promise<void>;
}

/**
 * The one human task a workflow waits on at a time (`Outcome`: the union of the outcomes of the task
 * types the workflow opens), behind the shared completeTask / unlockTask
 * Updates. Validators turn away, before anything is written to history: a task that is not the one
 * awaited (done already, out of turn, closed), a second completion while one is being applied, and a
 * locked task. The API answers those with 409 and the failure's message.
 */
export class TaskInbox<Outcome extends TaskOutcomeBase = TaskOutcomeBase> {
  private awaited: AwaitedTask<Outcome> | null = null;
  private locked = false;
  private applying = false;

  install(): void {
    setHandler(
      completeTaskUpdate,
      async (request: CompleteTaskRequest) => {
        // The validator checked that the outcome's type is the awaited task's type.
        const handle = this.current(request.taskId).handle;
        this.applying = true;
        try {
          return await handle(request as CompleteTaskRequest<Extract<Outcome, { type: Outcome['type'] }>>);
        } finally {
          this.applying = false;
        }
      },
      {
        validator: (request: CompleteTaskRequest) => {
          const task = this.current(request.taskId);
          if (this.locked)
            throw ApplicationFailure.create({
              type: TASK_LOCKED,
              message: 'This task is locked after too many failed attempts; a store manager must unlock it',
            });
          if (this.applying) throw ApplicationFailure.create({ type: TASK_NOT_CURRENT, message: 'This task is being completed right now' });
          if (request.outcome.type !== task.type)
            throw ApplicationFailure.create({
              type: TASK_NOT_CURRENT,
              message: `This is a ${task.type} task, not ${request.outcome.type}`,
            });
          task.validate?.(request as CompleteTaskRequest<Extract<Outcome, { type: Outcome['type'] }>>);
        },
      },
    );
    setHandler(
      unlockTaskUpdate,
      async (request): Promise<UnlockTaskResult> => {
        const task = this.current(request.taskId);
        await task.unlock?.(request);
        this.locked = false;
        return { taskId: request.taskId, taskStatus: 'OPEN' };
      },
      {
        validator: (request: UnlockTaskRequest) => {
          const task = this.current(request.taskId);
          if (!this.locked || task.unlock === undefined)
            throw ApplicationFailure.create({ type: TASK_NOT_CURRENT, message: 'This task is not locked' });
        },
      },
    );
  }

  /** From now on, completions of this task are accepted. */
  expect<T extends Outcome['type']>(task: AwaitedTask<Outcome, T>): void {
    this.awaited = task as unknown as AwaitedTask<Outcome>;
    this.locked = false;
  }

  /** No task is awaited any more (the step is over, or the process is closing). */
  close(): void {
    this.awaited = null;
    this.locked = false;
  }

  lock(): void {
    this.locked = true;
  }

  get isApplying(): boolean {
    return this.applying;
  }

  get openTask(): { taskId: string; type: string } | null {
    return this.awaited === null ? null : { taskId: this.awaited.taskId, type: this.awaited.type };
  }

  private current(taskId: string): AwaitedTask<Outcome> {
    if (this.awaited === null || this.awaited.taskId !== taskId) {
      throw ApplicationFailure.create({
        type: TASK_NOT_CURRENT,
        message: 'This task is not the current step of its process (already done, closed, or not yet due)',
      });
    }
    return this.awaited;
  }
}
