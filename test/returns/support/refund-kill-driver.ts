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
  /** The return's lines (one ledger RETURN_RESTOCK row each is right). */
  returnLineIds: string[];
  externalOrderId: string;
  /** Refunds the payment provider paid for this return (its refund log): 1 is right. */
  providerRefunds: number;
  /** The refund row was still PENDING when the worker died: the kill fell between the call and its recording. */
  killedBeforeRecording: boolean;
  /** Times the provider answered a repeat of the refund with the refund already made. */
  replays: number;
  status: string;
  /** When the worker was killed, and when the replacement had recorded the refund (undefined: never, while the run was awaited). */
  killedAt: number;
  refundRecordedAt?: number;
  wallMs: number;
}

/** How long the provider holds the refund's answer after paying it: longer than the kill takes to land. */
const ANSWER_HELD_MS = 5000;

/**
 * One web-store return whose worker dies (SIGKILL) while the refund is out: the payment provider has paid
 * it and holds the answer, our refund row is still PENDING. A replacement worker picks the activity up
 * after the refund profile's heartbeat timeout and calls again with the same key. Used by
 * test/returns/return-refund-worker-kill.test.ts and the chaos row chaos/return-refund-kill.ts.
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
  const killedAt = Date.now();
  const refundRow = () => world.prisma.refund.findFirst({ where: { returnId: ret.id }, select: { status: true } });
  const row = await refundRow();
  await world.setPaymentFaults({ answerDelayMs: 0 });
  await worker.start();

  // Watched while the run is awaited: how long the refund stayed unrecorded after the kill.
  let closed = false;
  const recorded = eventually(refundRow, (now) => closed || (now !== null && now.status !== 'PENDING'), 24 * 3600_000, 100).then((now) =>
    now !== null && now.status !== 'PENDING' ? Date.now() : undefined,
  );
  const result = (await client.workflow
    .getHandle(returnWorkflowId(ret.id))
    .result()
    .finally(() => {
      closed = true;
    })) as { status: string };
  const refundRecordedAt = await recorded;
  const events = await world.paymentEvents('payment.refund_replayed');
  return {
    returnId: ret.id,
    returnLineIds: ret.lines.map((line) => line.id),
    externalOrderId: order.externalId,
    providerRefunds: (await world.providerRefunds(order.externalId)).length,
    killedBeforeRecording: row?.status === 'PENDING',
    replays: events.filter((event) =>
      (typeof event.detail.idempotencyKey === 'string' ? event.detail.idempotencyKey : '').startsWith(`refund:return:${ret.id}:`),
    ).length,
    status: result.status,
    killedAt,
    ...(refundRecordedAt !== undefined && { refundRecordedAt }),
    wallMs: Date.now() - startedAt,
  };
}
