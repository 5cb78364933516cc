/**
 * Polls `read` until `done` holds for its answer or `timeoutMs` passed, and answers the last value read:
 * the test then asserts on it, so a timeout fails with the value that was seen rather than a bare timeout.
 */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
