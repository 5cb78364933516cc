import { ApplicationFailure, setHandler } from '@temporalio/workflow';
import { type OutageTaskOutcome } from '../../domain/outages/outage-workflow';
import {
  completeTaskUpdate,
  TASK_NOT_CURRENT,
  type CompleteTaskRequest,
  type CompleteTaskResult,
} from '../../domain/workflow-kit/task-messages';

interface DeskTask {
  type: OutageTaskOutcome['type'];
  /** STOCK_COUNT: the SKUs asked for, each to be counted exactly once. */
  skus?: string[];
}

/**
 * The outage's human tasks that may be open side by side (the store's checklist, any number of stock
 * counts), behind the shared completeTask Update. Unlike the kit's TaskInbox (one awaited task at a
 * time) it keeps a set; its validator turns away a task that is not open here, a wrong outcome type, a
 * count that leaves out or repeats a SKU, and a second completion of the same task while one is applied.
 */
export class OutageTaskDesk {
  private readonly open = new Map<string, DeskTask>();
  private readonly applying = new Set<string>();

  install(handle: (request: CompleteTaskRequest<OutageTaskOutcome>) => Promise<void>): void {
    setHandler(
      completeTaskUpdate,
      async (request: CompleteTaskRequest): Promise<CompleteTaskResult> => {
        this.applying.add(request.taskId);
        try {
          await handle(request as unknown as CompleteTaskRequest<OutageTaskOutcome>);
          this.open.delete(request.taskId);
          return { taskId: request.taskId, completed: true, taskStatus: 'DONE', message: 'Done' };
        } finally {
          this.applying.delete(request.taskId);
        }
      },
      { validator: (request: CompleteTaskRequest) => this.validate(request) },
    );
  }

  expect(taskId: string, task: DeskTask): void {
    this.open.set(taskId, task);
  }

  /** No more completions of this type are taken (e.g. counts once the diff ran). */
  closeType(type: DeskTask['type']): void {
    for (const [taskId, task] of this.open) if (task.type === type && !this.applying.has(taskId)) this.open.delete(taskId);
  }

  get isApplying(): boolean {
    return this.applying.size > 0;
  }

  openTasks(): { taskId: string; type: string }[] {
    return [...this.open].map(([taskId, task]) => ({ taskId, type: task.type }));
  }

  private validate(request: CompleteTaskRequest): void {
    const task = this.open.get(request.taskId);
    const refuse = (message: string) => {
      throw ApplicationFailure.create({ type: TASK_NOT_CURRENT, message });
    };
    if (task === undefined) return refuse('This task is not open in its outage (already done, or closed)');
    if (this.applying.has(request.taskId)) return refuse('This task is being completed right now');
    if (request.outcome.type !== task.type) return refuse(`This is a ${task.type} task, not ${request.outcome.type}`);
    if (task.type === 'STOCK_COUNT') {
      const counted = (request.outcome as unknown as Extract<OutageTaskOutcome, { type: 'STOCK_COUNT' }>).counts.map((c) => c.sku);
      const asked = task.skus ?? [];
      if (counted.length !== asked.length || new Set(counted).size !== counted.length || counted.some((sku) => !asked.includes(sku)))
        refuse(`Count every SKU of this task exactly once: ${asked.join(', ')}`);
    }
  }
}
