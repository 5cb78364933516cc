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

/** @returns {Promise<boolean>} whether `port` could be bound on `host` just now */
function canListen(/** @type {number} */ port, /** @type {string} */ host) {
  return new Promise((answer) => {
    const server = createServer();
    server.once('error', () => answer(false));
    server.listen(port, host, () => server.close(() => answer(true)));
  });
}

/**
 * `count` distinct ports that are free now, from [min, max], tried from a random point so two runs at
 * once rarely race for the same ones. For ports that must stay below the kernel's ephemeral range (the
 * Temporal cluster stores membership ports as SMALLINT, at most 32767).
 * @param {number} count
 * @param {{ min: number, max: number }} range
 */
export async function findFreePortsInRange(count, { min, max }, host = '127.0.0.1') {
  const span = max - min + 1;
  const start = Math.floor(Math.random() * span);
  /** @type {number[]} */
  const found = [];
  for (let offset = 0; offset < span && found.length < count; offset += 1) {
    const port = min + ((start + offset) % span);
    if (await canListen(port, host)) found.push(port);
  }
  if (found.length < count) throw new Error(`only ${found.length} of ${count} free ports between ${min} and ${max}`);
  return found;
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
