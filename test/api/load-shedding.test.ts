import { once } from 'node:events';
import { type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import express from 'express';
import { watchEventLoopPressure } from '../../api/http/event-loop-pressure';
import { shedLoad } from '../../api/http/load-shedding';
import { createApiMetrics } from '../../api/metrics/api-metrics';

/**
 * Load shedding in front of a route that holds every request until the test lets it go: past the
 * concurrency and the queue a request is answered 503 + Retry-After at once, a queued one that waits
 * too long the same, and one that gets a slot is served.
 */
describe('load shedding', () => {
  let server: Server;
  let baseUrl: string;
  const held: (() => void)[] = [];
  const metrics = createApiMetrics({ processMetrics: false });

  beforeAll(async () => {
    const app = express();
    app.use(shedLoad({ maxConcurrent: 2, maxQueued: 1, maxQueueWaitMs: 3000 }, metrics));
    app.get('/slow', (_req, res) => {
      held.push(() => res.json({ ok: true }));
    });
    server = app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    for (const release of held.splice(0)) release();
    server.close();
    await once(server, 'close');
  });

  const timedGet = async () => {
    const started = performance.now();
    const response = await fetch(`${baseUrl}/slow`);
    return {
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      ms: performance.now() - started,
      body: await response.text(),
    };
  };
  const waitFor = async (count: number) => {
    while (held.length < count) await new Promise((resolve) => setTimeout(resolve, 10));
  };

  it('answers past capacity with 503 and Retry-After at once, a long wait with 503, and serves who got a slot', async () => {
    const first = timedGet();
    const second = timedGet();
    await waitFor(2);
    const queuedThenServed = timedGet();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const overflow = await timedGet();

    expect(overflow).toMatchObject({ status: 503, retryAfter: '1' });
    // At once, not after the queue wait: the margin is wide so a loaded machine cannot blur the two.
    expect(overflow.ms).toBeLessThan(1500);

    held.shift()?.();
    await waitFor(2);
    held.shift()?.();
    held.shift()?.();
    expect((await first).status).toBe(200);
    expect((await second).status).toBe(200);
    expect((await queuedThenServed).status).toBe(200);

    const third = timedGet();
    const fourth = timedGet();
    await waitFor(2);
    const timedOut = await timedGet();
    expect(timedOut).toMatchObject({ status: 503, retryAfter: '1' });
    expect(timedOut.ms).toBeGreaterThanOrEqual(2900);
    for (const release of held.splice(0)) release();
    expect([(await third).status, (await fourth).status]).toEqual([200, 200]);

    const shed = await metrics.shedRequests.get();
    expect(Object.fromEntries(shed.values.map((value) => [value.labels.reason, value.value]))).toEqual({ queue_full: 1, queue_timeout: 1 });
  });
});

/** The event loop as the load shedder sees it: sustained delay is pressure, an idle loop is not. */
describe('event loop pressure', () => {
  it('turns on while every tick runs late and off once the loop is idle again', async () => {
    const pressure = watchEventLoopPressure({ maxDelayMs: 50, windowMs: 200 });
    try {
      let sawLagging = false;
      const busyUntil = performance.now() + 1200;
      while (performance.now() < busyUntil) {
        const sliceEnd = performance.now() + 120;
        while (performance.now() < sliceEnd) {
          // a CPU-bound request handler's slice of work
        }
        await new Promise((resolve) => setImmediate(resolve));
        // What a request arriving between slices would see.
        sawLagging ||= pressure.isLagging();
      }
      expect(sawLagging).toBe(true);
      // Idle again: off within a few windows. Bounded generously, since on a machine whose other processes
      // take every core even an idle loop's timers run late (that is pressure too, just not ours).
      const idleSince = performance.now();
      while (pressure.isLagging() && performance.now() - idleSince < 8000) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(pressure.isLagging()).toBe(false);
    } finally {
      pressure.stop();
    }
  });
});

/** While the loop lags, a request that would wait is answered at once, and only half the slots are used. */
describe('load shedding under event loop pressure', () => {
  let server: Server;
  let baseUrl: string;
  const held: (() => void)[] = [];
  const metrics = createApiMetrics({ processMetrics: false });
  let lagging = false;

  beforeAll(async () => {
    const app = express();
    app.use(
      shedLoad({ maxConcurrent: 4, maxQueued: 10, maxQueueWaitMs: 5000 }, metrics, { isLagging: () => lagging, stop: () => undefined }),
    );
    app.get('/slow', (_req, res) => {
      held.push(() => res.json({ ok: true }));
    });
    server = app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    for (const release of held.splice(0)) release();
    server.close();
    await once(server, 'close');
  });

  it('sheds what would queue at once and admits at most half the slots', async () => {
    lagging = true;
    const admitted = [fetch(`${baseUrl}/slow`), fetch(`${baseUrl}/slow`)];
    while (held.length < 2) await new Promise((resolve) => setTimeout(resolve, 10));
    const started = performance.now();
    const third = await fetch(`${baseUrl}/slow`);
    expect(third.status).toBe(503);
    expect(third.headers.get('retry-after')).toBe('1');
    // Not after the 5 s queue wait: at once.
    expect(performance.now() - started).toBeLessThan(2500);

    lagging = false;
    const fourth = fetch(`${baseUrl}/slow`);
    while (held.length < 3) await new Promise((resolve) => setTimeout(resolve, 10));
    for (const release of held.splice(0)) release();
    expect((await Promise.all([...admitted, fourth])).map((response) => response.status)).toEqual([200, 200, 200]);
    const shed = await metrics.shedRequests.get();
    expect(Object.fromEntries(shed.values.map((value) => [value.labels.reason, value.value]))).toEqual({ event_loop_lag: 1 });
  });
});
