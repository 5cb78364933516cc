import { type Client } from '@temporalio/client';
import { type Express } from 'express';
import request from 'supertest';
import { returnWorkflowId } from '../../../domain/returns/return-keys';
import { eventually } from '../../support/eventually';
import { type ReturnsWorld } from './returns-world';

/** The one worker process of the run: SIGKILL it, start a replacement. */
export interface KillableWorker {
  kill(): Promise<void>;
  start(): Promise<void>;
}

export interface KilledRefundRun {
  returnId: string;
  externalOrderId: string;
  /** Refunds the payment provider paid for this return (its refund log): 1 is right. */
  providerRefunds: number;
  /** The refund row was still PENDING when the worker died: the kill fell between the call and its recording. */
  killedBeforeRecording: boolean;
  /** Times the provider answered a repeat of the refund with the refund already made. */
  replays: number;
  status: string;
  wallMs: number;
}

/** How long the provider holds the refund's answer after paying it: longer than the kill takes to land. */
const ANSWER_HELD_MS = 5000;

/**
 * One web-store return whose worker dies (SIGKILL) while the refund is out: the payment provider has paid
 * it and holds the answer, our refund row is still PENDING. A replacement worker picks the activity up
 * after the refund profile's heartbeat timeout and calls again with the same key. Used by
 * test/returns/return-refund-worker-kill.test.ts and the chaos run chaos/returns-refund-kill.ts.
 */
export async function driveKilledRefund(options: {
  app: Express;
  client: Client;
  world: ReturnsWorld;
  bearer: (key: 'clerkB') => string;
  worker: KillableWorker;
}): Promise<KilledRefundRun> {
  const { app, client, world, bearer, worker } = options;
  const startedAt = Date.now();
  const order = await world.deliveredWebOrder([{ sku: world.skuTwo, quantity: 1 }]);
  const created = await request(app)
    .post('/api/returns')
    .set('Authorization', bearer('clerkB'))
    .send({
      orderId: order.orderId,
      lines: [{ orderLineId: order.lineIds[0], quantity: 1 }],
      reasonCode: 'DOES_NOT_FIT',
      reason: 'Too small',
    });
  if (created.status !== 201) throw new Error(`return refused: ${created.status} ${JSON.stringify(created.body)}`);
  const ret = created.body as { id: string; lines: { id: string }[] };
  const task = await eventually(
    () => world.prisma.task.findFirst({ where: { workflowId: returnWorkflowId(ret.id), type: 'RETURN_INSPECTION', status: 'OPEN' } }),
    (row) => row !== null,
    60_000,
  );
  await world.setPaymentFaults({ answerDelayMs: ANSWER_HELD_MS });
  const inspected = await eventually(
    () =>
      request(app)
        .post(`/api/tasks/${task?.id ?? ''}/complete`)
        .set('Authorization', bearer('clerkB'))
        .send({ lines: ret.lines.map((line) => ({ returnLineId: line.id, grade: 'AS_NEW', disposition: 'RESTOCK' })) }),
    (answer) => answer.status !== 409,
    30_000,
    250,
  );
  if (inspected.status !== 200) throw new Error(`inspection refused: ${inspected.status}`);

  // The provider paid: kill the worker before its answer (held) can be recorded.
  await eventually(
    () => world.providerRefunds(order.externalId),
    (refunds) => refunds.length > 0,
    60_000,
    20,
  );
  await worker.kill();
  const row = await world.prisma.refund.findFirst({ where: { returnId: ret.id }, select: { status: true } });
  await world.setPaymentFaults({ answerDelayMs: 0 });
  await worker.start();

  const result = (await client.workflow.getHandle(returnWorkflowId(ret.id)).result()) as { status: string };
  const events = await world.paymentEvents('payment.refund_replayed');
  return {
    returnId: ret.id,
    externalOrderId: order.externalId,
    providerRefunds: (await world.providerRefunds(order.externalId)).length,
    killedBeforeRecording: row?.status === 'PENDING',
    replays: events.filter((event) =>
      (typeof event.detail.idempotencyKey === 'string' ? event.detail.idempotencyKey : '').startsWith(`refund:return:${ret.id}:`),
    ).length,
    status: result.status,
    wallMs: Date.now() - startedAt,
  };
}
