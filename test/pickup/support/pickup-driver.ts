import { type Client, isGrpcServiceError, ServiceError, type WorkflowHandle } from '@temporalio/client';
import { pickupCodeMatches } from '../../../domain/pickup/pickup-code';
import { type PickupSettings } from '../../../domain/pickup/pickup-settings';
import { pickupWorkflowId } from '../../../domain/pickup/pickup-workflow';
import { type ProcessActor } from '../../../domain/workflow-kit/process-actor';
import { type PrismaClient, type TaskStatus, type TaskType } from '../../../prisma/client';
import { type pickupOrder } from '../../../workflows/pickup/pickup-order';
import { pickupTimelineQuery } from '../../../domain/pickup/pickup-messages';
import { completeTaskUpdate } from '../../../domain/workflow-kit/task-messages';
import { requireEnv } from '../../support/env';
import { type PickupWorld, type WorldUser } from './pickup-world';

export const actorOf = (user: WorldUser): ProcessActor => ({ userId: user.id, label: user.email });

export async function startPickup(
  client: Client,
  taskQueue: string,
  world: PickupWorld,
  orderId: string,
  settings: PickupSettings,
  storeCode = world.storeA,
): Promise<WorkflowHandle<typeof pickupOrder>> {
  return client.workflow.start<typeof pickupOrder>('pickupOrder', {
    taskQueue,
    workflowId: pickupWorkflowId(orderId),
    args: [{ orderId, storeCode, settings }],
  });
}

/** Polls until the workflow has opened a task of this type (and, when given, it has this status). */
export async function waitForTask(prisma: PrismaClient, orderId: string, type: TaskType, status?: TaskStatus, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const task = await prisma.task.findFirst({
      where: { workflowId: pickupWorkflowId(orderId), type, ...(status !== undefined && { status }) },
    });
    if (task !== null) return task;
    if (Date.now() > deadline)
      throw new Error(`no ${type} task${status === undefined ? '' : ` in ${status}`} for order ${orderId} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Polls the timeline query until the workflow is at `step`. */
export async function waitForStep(handle: WorkflowHandle, step: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const view = await handle.query(pickupTimelineQuery);
    if (view.currentStep === step) return;
    if (Date.now() > deadline) throw new Error(`still at ${view.currentStep}, not ${step}, after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A completion sent again after an earlier one was applied: the task is settled, the run has moved on. */
export class TaskAlreadySettledError extends Error {
  constructor(taskId: string, status: TaskStatus) {
    super(`task ${taskId} is already ${status}: an earlier completion was applied`);
    this.name = 'TaskAlreadySettledError';
  }
}

const liveTaskStatuses: readonly TaskStatus[] = ['OPEN', 'CLAIMED', 'LOCKED'];

/** gRPC status the server answers a query with while no worker polls the run's task queue. */
const GRPC_FAILED_PRECONDITION = 9;

/**
 * Polls the timeline query until the run itself awaits this task. The task row is written by an activity
 * before the workflow task that records it completes; right after a worker crash the row is there while
 * the new worker is still replaying up to the wait, and a completion sent then is turned away as "not the
 * current step" (the API answers 409 and the clerk tries again). Generous: after a SIGKILL the server
 * hands the workflow to the new worker only once the dead one's workflow task has timed out. Gives up at
 * once when the task row is settled (DONE, CANCELLED, EXPIRED): a retried completion whose first attempt
 * was applied would otherwise wait the whole timeout for a task the run will never await again.
 */
export async function waitUntilAwaited(handle: WorkflowHandle, prisma: PrismaClient, taskId: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await prisma.task.findUnique({ where: { id: taskId }, select: { status: true } });
    if (row !== null && !liveTaskStatuses.includes(row.status)) throw new TaskAlreadySettledError(taskId, row.status);
    const view = await handle.query(pickupTimelineQuery).catch((error: unknown) => {
      // Between a SIGKILL and the replacement's first poll the server refuses queries ("no poller seen
      // for task queue recently"): not an answer yet, ask again.
      const grpc = error instanceof ServiceError ? error.cause : error;
      if (isGrpcServiceError(grpc) && Number(grpc.code) === GRPC_FAILED_PRECONDITION) return null;
      throw error;
    });
    if (view?.openTask?.taskId === taskId) return;
    if (Date.now() > deadline)
      throw new Error(`the run does not await task ${taskId} after ${timeoutMs} ms (at ${view?.currentStep ?? 'no worker answering'})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function pick(
  handle: WorkflowHandle,
  prisma: PrismaClient,
  orderId: string,
  by: WorldUser,
  picked: { lineId: string; pickedQuantity: number }[],
) {
  const task = await waitForTask(prisma, orderId, 'PICK');
  await waitUntilAwaited(handle, prisma, task.id);
  return handle.executeUpdate(completeTaskUpdate, {
    args: [{ taskId: task.id, actor: actorOf(by), outcome: { type: 'PICK', lines: picked } }],
  });
}

/**
 * The code as the customer received it: read from the message the sandbox's gateway delivered to their
 * phone (the outbox row no longer holds it once sent). `sandboxUrl` is the sandbox whose gateway the
 * worker sends through: the test stack's unless the test gave the worker its world's gateway.
 */
export async function codeSentToCustomer(
  prisma: PrismaClient,
  orderId: string,
  sandboxUrl = requireEnv('SANDBOX_URL'),
  timeoutMs = 20_000,
): Promise<string> {
  const idempotencyKey = `notify:pickup-ready:${orderId}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await prisma.notification.findUnique({ where: { idempotencyKey }, select: { recipient: true } });
    if (row !== null) {
      const code = (await messagesTo(sandboxUrl, row.recipient))
        .find((message) => message.idempotencyKey === idempotencyKey)
        ?.text.match(pickupCodeInText)?.[1];
      if (code !== undefined) return code;
    }
    if (Date.now() > deadline) throw new Error(`no pickup code reached the customer of order ${orderId} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** How the pickup-ready message (domain/notifications/message-templates.ts) shows the code. */
const pickupCodeInText = /code at the counter: (\d+)/;

/** What the gateway delivered to one phone number or address, oldest first. */
export async function messagesTo(
  sandboxUrl: string,
  recipient: string,
): Promise<{ idempotencyKey: string; channel: string; text: string }[]> {
  const response = await fetch(`${sandboxUrl}/_control/messages?${new URLSearchParams({ recipient }).toString()}`);
  if (!response.ok) throw new Error(`GET /_control/messages answered ${response.status}`);
  return ((await response.json()) as { messages: { idempotencyKey: string; channel: string; text: string }[] }).messages;
}

/** What the API does at the counter: check the code against the stored hash, forward only the verdict. */
export async function enterCode(handle: WorkflowHandle, prisma: PrismaClient, orderId: string, by: WorldUser, code: string) {
  const task = await waitForTask(prisma, orderId, 'HANDOVER');
  await waitUntilAwaited(handle, prisma, task.id);
  const order = await prisma.order.findUniqueOrThrow({ where: { id: orderId } });
  const codeMatched = order.pickupCodeHash !== null && (await pickupCodeMatches(code, order.pickupCodeHash));
  return handle.executeUpdate(completeTaskUpdate, {
    args: [{ taskId: task.id, actor: actorOf(by), outcome: { type: 'HANDOVER', codeMatched } }],
  });
}

export async function ledgerOf(prisma: PrismaClient, orderId: string) {
  const rows = await prisma.inventoryMovement.findMany({
    where: { workflowId: pickupWorkflowId(orderId) },
    include: { product: { select: { sku: true } } },
    orderBy: { createdAt: 'asc' },
  });
  return rows.map((row) => ({ kind: row.kind, sku: row.product.sku, deltaOnHand: row.deltaOnHand, deltaReserved: row.deltaReserved }));
}
