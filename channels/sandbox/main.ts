import pino from 'pino';
import { loadConfigOrExit } from '../../domain/config';
import { createSandboxApp, sandboxOptionsFromConfig } from './app';
import { sandboxConfigSchema } from './config';
import { listenSandbox } from './server';
import { restoreSnapshot, startSnapshotting } from './state-snapshot';

async function main(): Promise<void> {
  const config = loadConfigOrExit(sandboxConfigSchema, 'sandbox');
  const logger = pino({ name: 'sandbox', level: config.LOG_LEVEL });
  const sandbox = createSandboxApp(sandboxOptionsFromConfig(config, logger));

  const stateFile = config.SANDBOX_STATE_FILE;
  if (stateFile !== undefined)
    logger.info(
      { stateFile, restored: restoreSnapshot(sandbox.context.worlds, stateFile, sandbox.context.gateway) },
      'sandbox state restored',
    );
  else logger.info('sandbox state is in memory only: a restart forgets listings and orders (set SANDBOX_STATE_FILE to keep them)');

  const snapshots =
    stateFile === undefined
      ? null
      : startSnapshotting(sandbox.context.worlds, stateFile, config.SANDBOX_STATE_SNAPSHOT_INTERVAL_MS, sandbox.context.gateway);
  const running = await listenSandbox(sandbox, { host: config.SANDBOX_HOST, port: config.SANDBOX_PORT });
  logger.info({ url: running.url, webhooksTo: config.API_URL, channels: [...sandbox.context.worlds.keys()] }, 'channel sandbox listening');

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'channel sandbox stopping');
    snapshots?.stop();
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'channel sandbox did not close cleanly');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error('[sandbox] failed to start:', error);
  process.exit(1);
});
