import { type RequestHandler } from 'express';
import { type ApiMetrics } from '../metrics/api-metrics';
import { RETRY_AFTER_SECONDS } from './error-handler';
import { type EventLoopPressure } from './event-loop-pressure';

export interface LoadSheddingSettings {
  /** API_MAX_CONCURRENT_REQUESTS: requests being worked on at once (a few times the database pool). */
  maxConcurrent: number;
  /** API_MAX_QUEUED_REQUESTS: requests waiting for a slot; one more is answered 503 at once. */
  maxQueued: number;
  /** API_MAX_QUEUE_WAIT_MS: a request that waited this long for a slot is answered 503 instead of served late. */
  maxQueueWaitMs: number;
}

interface Waiting {
  admit: () => void;
  shed: (reason: ShedReason) => void;
  timer: NodeJS.Timeout;
  queuedAt: number;
}

type ShedReason = 'queue_full' | 'queue_timeout' | 'event_loop_lag';

/**
 * Bounded concurrency with a bounded, short queue in front of `/api`: past capacity a caller gets
 * `503` + `Retry-After` within API_MAX_QUEUE_WAIT_MS (at once when the queue is full) and nothing was
 * read or written, instead of a request held until the sender's own timeout while it competes with the
 * ones that can still be served. Channels redeliver, web stores retry, and an accepted request is
 * served at full speed. Requests are admitted in arrival order.
 *
 * While the event loop lags (event-loop-pressure.ts: the process has more work than CPU) nothing queues
 * and only half the slots are used, so the work in flight shrinks until answers are fast again; a wait
 * is also measured on admission, since a timer runs late on a lagging loop.
 */
export function shedLoad(settings: LoadSheddingSettings, metrics: ApiMetrics, pressure?: EventLoopPressure): RequestHandler {
  let active = 0;
  const queue: Waiting[] = [];

  const lagging = () => pressure?.isLagging() ?? false;
  const slots = () => (lagging() ? Math.max(1, Math.ceil(settings.maxConcurrent / 2)) : settings.maxConcurrent);
  const admitNext = () => {
    while (active < slots() && queue.length > 0) {
      const next = queue.shift() as Waiting;
      clearTimeout(next.timer);
      if (performance.now() - next.queuedAt > settings.maxQueueWaitMs) next.shed('queue_timeout');
      else next.admit();
    }
  };

  return (req, res, next) => {
    const shed = (reason: ShedReason) => {
      metrics.shedRequests.inc({ reason });
      // The unread body is drained, not parsed: left unread, Node would reset the connection under the answer,
      // and the sender would see a network error instead of the 503 and its Retry-After.
      req.resume();
      res
        .status(503)
        .set('Retry-After', String(RETRY_AFTER_SECONDS))
        .json({ message: `The API is at capacity; nothing was done, try again in ${RETRY_AFTER_SECONDS} s` });
    };
    const admit = () => {
      active += 1;
      let released = false;
      res.once('close', () => {
        if (released) return;
        released = true;
        active -= 1;
        admitNext();
      });
      next();
    };

    if (active < slots() && queue.length === 0) {
      admit();
      return;
    }
    if (lagging()) {
      shed('event_loop_lag');
      return;
    }
    if (queue.length >= settings.maxQueued) {
      shed('queue_full');
      return;
    }
    const waiting: Waiting = {
      admit,
      shed,
      queuedAt: performance.now(),
      timer: setTimeout(() => {
        const index = queue.indexOf(waiting);
        if (index >= 0) queue.splice(index, 1);
        shed('queue_timeout');
      }, settings.maxQueueWaitMs),
    };
    queue.push(waiting);
    // A caller that gives up while waiting frees its place (the response closes only with its connection here).
    res.once('close', () => {
      const index = queue.indexOf(waiting);
      if (index < 0) return;
      queue.splice(index, 1);
      clearTimeout(waiting.timer);
    });
  };
}
