import { type Client, type WorkflowHandle } from '@temporalio/client';
import { pickupCodeMatches } from '../../../domain/pickup/pickup-code';
import { type PickupSettings } from '../../../domain/pickup/pickup-settings';
import { pickupWorkflowId, type ProcessActor } from '../../../domain/pickup/pickup-workflow';
import { type PrismaClient, type TaskStatus, type TaskType } from '../../../prisma/client';
import { type pickupOrder } from '../../../workflows/pickup/pickup-order';
import { completeTaskUpdate, pickupTimelineQuery } from '../../../workflows/pickup/messages';
import { type PickupWorld, type WorldUser } from './pickup-world';

export const actorOf = (user: WorldUser): ProcessActor => ({ userId: user.id, label: user.email });

export async function startPickup(client: Client, taskQueue: string, world: PickupWorld, orderId: string, settings: PickupSettings, storeCode = world.storeA): Promise<WorkflowHandle<typeof pickupOrder>> {
  return client.workflow.start<typeof pickupOrder>('pickupOrder', { taskQueue, workflowId: pickupWorkflowId(orderId), args: [{ orderId, storeCode, settings }] });
}

/** Polls until the workflow has opened a task of this type (and, when given, it has this status). */
export async function waitForTask(prisma: PrismaClient, orderId: string, type: TaskType, status?: TaskStatus, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const task = await prisma.task.findFirst({ where: { workflowId: pickupWorkflowId(orderId), type, ...(status !== undefined && { status }) } });
    if (task !== null) return task;
    if (Date.now() > deadline) throw new Error(`no ${type} task${status === undefined ? '' : ` in ${status}`} for order ${orderId} after ${timeoutMs} ms`);
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

export async function pick(handle: WorkflowHandle, prisma: PrismaClient, orderId: string, by: WorldUser, picked: { lineId: string; pickedQuantity: number }[]) {
  const task = await waitForTask(prisma, orderId, 'PICK');
  return handle.executeUpdate(completeTaskUpdate, { args: [{ taskId: task.id, actor: actorOf(by), outcome: { type: 'PICK', lines: picked } }] });
}

/** The code as the customer received it: the outbox message is the only place it exists in clear. */
export async function codeSentToCustomer(prisma: PrismaClient, orderId: string): Promise<string> {
  const message = await prisma.notification.findUniqueOrThrow({ where: { idempotencyKey: `notify:pickup-ready:${orderId}` } });
  return String((message.payload as { code: string }).code);
}

/** What the API does at the counter: check the code against the stored hash, forward only the verdict. */
export async function enterCode(handle: WorkflowHandle, prisma: PrismaClient, orderId: string, by: WorldUser, code: string) {
  const task = await waitForTask(prisma, orderId, 'HANDOVER');
  const order = await prisma.order.findUniqueOrThrow({ where: { id: orderId } });
  const codeMatched = order.pickupCodeHash !== null && (await pickupCodeMatches(code, order.pickupCodeHash));
  return handle.executeUpdate(completeTaskUpdate, { args: [{ taskId: task.id, actor: actorOf(by), outcome: { type: 'HANDOVER', codeMatched } }] });
}

export async function ledgerOf(prisma: PrismaClient, orderId: string) {
  const rows = await prisma.inventoryMovement.findMany({ where: { workflowId: pickupWorkflowId(orderId) }, include: { product: { select: { sku: true } } }, orderBy: { createdAt: 'asc' } });
  return rows.map((row) => ({ kind: row.kind, sku: row.product.sku, deltaOnHand: row.deltaOnHand, deltaReserved: row.deltaReserved }));
}
