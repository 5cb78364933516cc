import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { type DemoChannel } from '../../channels/catalog';
import { createPrismaClient } from '../../prisma/client';
import { testEnv } from '../support/env';
import { type probeChannelRepeatedly } from './support/probe-channel-workflow';
import { startTestSandbox, type TestSandbox } from './support/test-sandbox';

const repoRoot = path.resolve(__dirname, '../..');

/**
 * A channel's rate limit is the channel's, not each worker's: two worker processes probing one channel
 * as fast as their pacing lets them stay, together, inside its token bucket. The sandbox enforces that
 * bucket exactly (429 over it), so zero 429s is the proof; each process pacing to the whole limit on its
 * own would send about twice the rate and draw them.
 */
const limit = { perSecond: 5, burst: 5 };
const calls = 40;

interface WorkerProcess {
  child: ChildProcess;
  output: () => string;
}

async function startWorkerProcess(taskQueue: string): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'support/probe-worker-process.ts')], {
    cwd: repoRoot,
    env: { ...process.env, PROBE_TEST_TASK_QUEUE: taskQueue },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('worker ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`probe worker exited with ${String(code)} before polling`)));
  });
  return { child, output: () => output };
}

async function stop({ child }: WorkerProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

describe('channel rate limit with two worker processes', () => {
  const code = `ratelimit-${randomUUID().slice(0, 8)}`;
  const taskQueue = `shared-rate-limit-${randomUUID()}`;
  const prisma = createPrismaClient({ databaseUrl: testEnv.databaseUrl, poolSize: 2 });
  const workers: WorkerProcess[] = [];
  let sandbox: TestSandbox;
  let connection: Connection;

  beforeAll(async () => {
    const channel: DemoChannel = {
      code,
      name: 'Rate limit test channel',
      kind: 'MARKETPLACE',
      rateLimit: { ...limit, perItem: false },
      maxBatchSize: 100,
      asyncJobs: false,
      safetyBuffer: 0,
      webhookSecret: 'unused-in-rate-limit-tests',
    };
    sandbox = await startTestSandbox({ channels: [channel], env: { SANDBOX_EVENT_LOG_CAPACITY: '5000' } });
    await prisma.channel.create({
      data: {
        code,
        name: channel.name,
        kind: 'MARKETPLACE',
        baseUrl: `${sandbox.url}/channels/${code}`,
        requestsPerSecond: limit.perSecond,
        burst: limit.burst,
        maxBatchSize: channel.maxBatchSize,
        webhookSecret: channel.webhookSecret,
      },
    });
    connection = await Connection.connect({ address: testEnv.temporalAddress });
    workers.push(...(await Promise.all([startWorkerProcess(taskQueue), startWorkerProcess(taskQueue)])));
  });
  afterAll(async () => {
    await Promise.all(workers.map(stop));
    await connection?.close();
    await prisma.channel.deleteMany({ where: { code } });
    await prisma.$disconnect();
    await sandbox?.close();
  });

  it('keeps what both processes send together under the channel limit', async () => {
    const client = new Client({ connection, namespace: testEnv.temporalNamespace });
    const result = await client.workflow.execute<typeof probeChannelRepeatedly>('probeChannelRepeatedly', {
      taskQueue,
      workflowId: `probe-${code}`,
      args: [{ channelCode: code, calls }],
    });

    const requests = await sandbox.log({ channel: code, kind: 'request' });
    const refused = await sandbox.log({ channel: code, kind: 'rate_limited' });
    expect(requests).toHaveLength(calls);
    for (const worker of workers) expect(worker.output()).toMatch(/probe ran in \d+: healthy/);
    // What the channel was offered (refused requests included) after its burst: at most its rate. Two
    // processes each pacing to the whole limit offer about twice that.
    const times = requests.map((event) => Date.parse(event.at)).sort((a, b) => a - b);
    const spanSeconds = ((times.at(-1) ?? 0) - (times[0] ?? 0)) / 1000;
    expect((calls - limit.burst) / spanSeconds).toBeLessThanOrEqual(limit.perSecond);
    // A request leaves a scheduling delay after its reserved turn (a loaded machine), so two can reach the
    // channel closer together than they were paced; the 10% headroom nearly always absorbs it, and a 429
    // is then answered by the adapter's pause. Per-process pacing draws a 429 for about every other request.
    expect(refused.length).toBeLessThanOrEqual(calls / 20);
    expect(result).toEqual({ healthy: calls - refused.length });
    const bucket = await prisma.channelRateBucket.findFirstOrThrow({ where: { channel: { code } } });
    expect(bucket.tokens).toBeLessThanOrEqual(limit.burst);
  }, 120_000);
});
