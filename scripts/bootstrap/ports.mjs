/**
 * Network probes: free ports for isolated test stacks, and "does it answer yet?" polling with a deadline,
 * so no step waits on a fixed sleep.
 */
import { createServer, connect } from 'node:net';

/**
 * Reserves `count` distinct free ports by holding them all open at once, then releases them.
 * @param {number} count
 * @returns {Promise<number[]>}
 */
export async function findFreePorts(count, host = '127.0.0.1') {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise((resolvePort, reject) => {
          const server = createServer();
          server.once('error', reject);
          server.listen(0, host, () => resolvePort(server));
        }),
    ),
  );
  const ports = servers.map((server) => /** @type {import('node:net').AddressInfo} */ (server.address()).port);
  await Promise.all(servers.map((server) => new Promise((done) => server.close(done))));
  return ports;
}

/**
 * @param {string} host
 * @param {number} port
 * @returns {Promise<boolean>} whether something accepts TCP connections there
 */
export function acceptsConnections(host, port, timeoutMs = 1000) {
  return new Promise((answer) => {
    const socket = connect({ host, port });
    const finish = (/** @type {boolean} */ open) => {
      socket.destroy();
      answer(open);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
  });
}

/** @param {string} url @returns {Promise<boolean>} whether `url` answers 2xx */
export async function answersOk(url, timeoutMs = 2000) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * Polls `check` until it returns a truthy value or the deadline passes. `giveUpIf` lets the caller stop
 * early, e.g. when the process we are waiting for has already died; its message becomes the error.
 * @template T
 * @param {string} what
 * @param {() => Promise<T>} check
 * @param {{ timeoutMs: number, intervalMs?: number, giveUpIf?: () => string | undefined }} options
 * @returns {Promise<NonNullable<T>>}
 */
export async function waitUntil(what, check, { timeoutMs, intervalMs = 250, giveUpIf }) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await check();
    if (result) return /** @type {NonNullable<T>} */ (result);
    const reason = giveUpIf?.();
    if (reason) throw new Error(`${what}: ${reason}`);
    if (Date.now() >= deadline) throw new Error(`${what}: no answer within ${Math.round(timeoutMs / 1000)}s`);
    await new Promise((wake) => setTimeout(wake, intervalMs));
  }
}

/** A listen address as something we can connect to (0.0.0.0 and :: mean "this machine"). */
export function reachableHost(/** @type {string} */ host) {
  return host === '0.0.0.0' || host === '::' || host === '' ? '127.0.0.1' : host;
}

export function isLocalHost(/** @type {string} */ host) {
  return ['127.0.0.1', 'localhost', '::1', '[::1]', '0.0.0.0'].includes(host);
}
