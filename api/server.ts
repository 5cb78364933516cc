import { type Server } from 'node:http';
import { type Logger } from './logger';

/**
 * Stops the HTTP server the polite way: no new connections, idle keep-alive sockets closed, in-flight
 * requests given `graceMs` to finish, then whatever is left is cut so shutdown always ends.
 */
export async function closeServerGracefully(server: Server, graceMs: number, logger: Logger): Promise<void> {
  const closed = new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  server.closeIdleConnections();
  const forceTimer = setTimeout(() => {
    logger.warn({ graceMs }, 'requests still running after the grace period; closing their connections');
    server.closeAllConnections();
  }, graceMs);
  forceTimer.unref();
  try {
    await closed;
  } finally {
    clearTimeout(forceTimer);
  }
}
