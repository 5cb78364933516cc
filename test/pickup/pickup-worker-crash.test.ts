import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { testEnv } from '../support/env';
import { codeSentToCustomer, enterCode, ledgerOf, messagesTo, pick, startPickup, waitForStep, waitForTask } from './support/pickup-driver';
import { fastSettings, PickupWorld } from './support/pickup-world';

const repoRoot = path.resolve(__dirname, '../..');

/** Starts a worker process and resolves once it polls; the test kills it with SIGKILL. */
async function startWorkerProcess(taskQueue: string, gatewayUrl: string): Promise<ChildProcess> {
  // One process (tsx as a loader, not its CLI, which would fork a child that survives our SIGKILL).
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'worker/isolated-worker-process.ts')], {
    cwd: repoRoot,
    env: { ...process.env, ISOLATED_WORKER_TASK_QUEUE: taskQueue, MESSAGE_GATEWAY_URL: gatewayUrl },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('worker ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`worker process exited with ${String(code)} before polling`)));
  });
  return child;
}

async function kill(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

/**
 * The worker dies twice (SIGKILL: no shutdown, an activity may be cut off mid-flight) and a new one
 * takes over each time: the order still ends collected, and the ledger, refunds and channel show every
 * side effect exactly once.
 */
describe('pickup workflow: worker killed mid-run', () => {
  const world = new PickupWorld();
  const taskQueue = `pickup-crash-${randomUUID()}`;
  let connection: Connection;
  let client: Client;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    await world.setUp();
    connection = await Connection.connect({ address: testEnv.temporalAddress });
    client = new Client({ connection, namespace: testEnv.temporalNamespace });
  });
  afterAll(async () => {
    for (const worker of workers) if (worker.exitCode === null && worker.signalCode === null) await kill(worker);
    await connection.close();
    await world.tearDown();
  });

  it('completes after two crashes with nothing done twice', async () => {
    const order = await world.placeOrder([
      { sku: world.skuOne, quantity: 2 },
      { sku: world.skuTwo, quantity: 1 },
    ]);
    const [lineOne, lineTwo] = order.lineIds as [string, string];
    workers.push(await startWorkerProcess(taskQueue, `${world.sandboxUrl}/gateway`));
    const handle = await startPickup(client, taskQueue, world, order.orderId, fastSettings);
    await waitForTask(world.prisma, order.orderId, 'PICK');
    await kill(workers[0] as ChildProcess);

    workers.push(await startWorkerProcess(taskQueue, `${world.sandboxUrl}/gateway`));
    await pick(handle, world.prisma, order.orderId, world.users.staffA, [
      { lineId: lineOne, pickedQuantity: 1 },
      { lineId: lineTwo, pickedQuantity: 1 },
    ]);
    await waitForStep(handle, 'AWAITING_COLLECTION');
    await enterCode(
      handle,
      world.prisma,
      order.orderId,
      world.users.staffA,
      await codeSentToCustomer(world.prisma, order.orderId, world.sandboxUrl),
    );
    // Killed right after the hand-over was accepted, while the stock is being consumed.
    await kill(workers[1] as ChildProcess);

    workers.push(await startWorkerProcess(taskQueue, `${world.sandboxUrl}/gateway`));
    const result = await handle.result();

    expect(result.finalStep).toBe('COLLECTED');
    expect(
      (await ledgerOf(world.prisma, order.orderId)).map((row) => `${row.kind} ${row.sku} ${row.deltaOnHand}/${row.deltaReserved}`).sort(),
    ).toEqual(
      [
        `RESERVE ${world.skuOne} 0/2`,
        `RESERVE ${world.skuTwo} 0/1`,
        `RELEASE ${world.skuOne} 0/-1`,
        `CONSUME ${world.skuOne} -1/-1`,
        `CONSUME ${world.skuTwo} -1/-1`,
      ].sort(),
    );
    expect(await world.stock(world.storeA, world.skuOne)).toEqual({ onHand: 9, reserved: 0 });
    expect(await world.prisma.refund.count({ where: { orderId: order.orderId } })).toBe(1);
    const channelView = await world.channelOrder(order.externalId);
    expect(channelView.refunds).toHaveLength(1);
    expect(channelView.status).toBe('COLLECTED');
    expect(await world.prisma.notification.count({ where: { idempotencyKey: `notify:pickup-ready:${order.orderId}` } })).toBe(1);
    // The customer's phone shows the code once, however often the send was cut off and retried.
    const codeMessage = await world.prisma.notification.findUniqueOrThrow({
      where: { idempotencyKey: `notify:pickup-ready:${order.orderId}` },
    });
    expect(
      (await messagesTo(world.sandboxUrl, codeMessage.recipient)).filter(
        (message) => message.idempotencyKey === codeMessage.idempotencyKey,
      ),
    ).toHaveLength(1);
  }, 180_000);
});
