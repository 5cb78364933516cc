/**
 * One of several worker processes of the shared-rate-limit test: polls PROBE_TEST_TASK_QUEUE with the
 * test's probe workflow and the real probeChannelHealth activity, built on the real channel adapter
 * source (the channel's row, its bucket in PostgreSQL). Prints one line per activity it ran, so the test
 * can tell that every process took part.
 */
import { Context } from '@temporalio/activity';
import { NativeConnection, Runtime, DefaultLogger, Worker } from '@temporalio/worker';
import path from 'node:path';
import { createChannelAdapterSource } from '../../../activities/channels/channel-adapter-source';
import { createProbeChannelHealth } from '../../../activities/channels/probe-channel-health';
import { createPrismaClient } from '../../../prisma/client';
import { requireEnv, testEnv } from '../../support/env';

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const prisma = createPrismaClient({ databaseUrl: testEnv.databaseUrl, poolSize: 5 });
  const connection = await NativeConnection.connect({ address: testEnv.temporalAddress });
  const channels = createChannelAdapterSource({ prisma, apiKeys: { keys: {}, useSandboxDevKeys: true } });
  const probe = createProbeChannelHealth({ prisma, channels });
  const worker = await Worker.create({
    connection,
    namespace: testEnv.temporalNamespace,
    taskQueue: requireEnv('PROBE_TEST_TASK_QUEUE'),
    workflowsPath: path.join(__dirname, 'probe-channel-workflow.ts'),
    activities: {
      probeChannelHealth: async (input: Parameters<typeof probe>[0]) => {
        const result = await probe(input);
        console.log(`probe ran in ${process.pid}: ${result.healthy ? 'healthy' : result.detail} (${Context.current().info.activityId})`);
        return result;
      },
    },
    maxConcurrentActivityTaskExecutions: 50,
    shutdownGraceTime: 1000,
  });
  const running = worker.run();
  console.log('worker ready');
  await running;
  await prisma.$disconnect();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
