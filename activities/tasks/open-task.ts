import { NotFoundError } from '../../domain/errors';
import { type Prisma, type TaskQueue, type TaskType } from '../../prisma/client';
import { type ActivityDeps } from '../deps';
import { withTemporalFailures } from '../failures/to-temporal-failure';

export interface OpenTaskRequest {
  /** Chosen by the workflow before the row exists, so it accepts the task's completion the moment anyone can see it. */
  taskId: string;
  /** Business key of the step (`pick:<orderId>`): a retry returns the task it created the first time. */
  idempotencyKey: string;
  type: TaskType;
  queue: TaskQueue;
  title: string;
  /** Null for head-office queues (customer service) that belong to no store. */
  storeCode: string | null;
  workflowId: string;
  /** ISO 8601; when the SLA runs out. */
  dueAt: string | null;
  payload: Prisma.InputJsonObject;
}

/** Puts a human step into the task inbox the UI lists; the workflow then waits for its Update. */
export function createOpenTask({ prisma }: Pick<ActivityDeps, 'prisma'>) {
  return async function openTask(request: OpenTaskRequest): Promise<{ taskId: string }> {
    return withTemporalFailures(() => insertTaskOnce(prisma, request));
  };
}

/** The task row, created once per idempotency key; usable inside a caller's transaction. */
export async function insertTaskOnce(db: Prisma.TransactionClient, request: OpenTaskRequest): Promise<{ taskId: string }> {
  let storeId: string | null = null;
  if (request.storeCode !== null) {
    const store = await db.store.findUnique({ where: { code: request.storeCode }, select: { id: true } });
    if (store === null) throw new NotFoundError(`Store ${request.storeCode} not found`);
    storeId = store.id;
  }
  const task = await db.task.upsert({
    where: { idempotencyKey: request.idempotencyKey },
    create: {
      id: request.taskId,
      idempotencyKey: request.idempotencyKey,
      type: request.type,
      queue: request.queue,
      title: request.title,
      storeId,
      workflowId: request.workflowId,
      dueAt: request.dueAt === null ? null : new Date(request.dueAt),
      payload: request.payload,
    },
    update: {},
    select: { id: true },
  });
  return { taskId: task.id };
}
