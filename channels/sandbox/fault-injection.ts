import { setTimeout as sleep } from 'node:timers/promises';
import { type RequestHandler, type Response } from 'express';
import { type ChannelFaults } from './channel-faults';
import { channelOf, sendError } from './channel-request';
import { type ChannelWorld } from './channel-world';
import { type DropDecision } from './listing-writes';
import { type SandboxContext } from './sandbox-context';

/**
 * Makes a channel misbehave as told through /_control, before it does any work: outage (dropped
 * connection or 503), added latency, a 429 storm and random 500s. Every injected fault is logged.
 * The accept-but-drop fault is applied later, per written row (see listing routes).
 */
export function injectFaults(context: SandboxContext): RequestHandler {
  return injectFaultsOf(context, (res) => channelOf(res));
}

/** What misbehaves: a channel, or the message gateway (`code` names it in the event log). */
export interface FaultTarget {
  code: string;
  faults: ChannelFaults;
}

/** The same faults for any emulated service, found per request by `targetOf`. */
export function injectFaultsOf(context: SandboxContext, targetOf: (res: Response) => FaultTarget): RequestHandler {
  return async (req, res, next) => {
    const world = targetOf(res);
    const faults = world.faults;
    const where = { method: req.method, path: req.path };
    context.log.record('request', world.code, where);

    if (faults.outage === 'refuse') {
      context.log.record('fault.outage', world.code, { ...where, mode: 'refuse' });
      // Dropping the socket without a byte is what a client sees of a host that went away.
      req.socket.destroy();
      return;
    }
    if (faults.outage === '503') {
      context.log.record('fault.outage', world.code, { ...where, mode: '503' });
      sendError(res, 503, 'SERVICE_UNAVAILABLE', 'channel is down (injected outage)');
      return;
    }
    if (faults.latencyMs > 0) {
      context.log.record('fault.latency', world.code, { ...where, latencyMs: faults.latencyMs });
      await sleep(faults.latencyMs);
    }
    if (faults.rateLimitStorm) {
      context.log.record('fault.rate_limit_storm', world.code, where);
      res.set('Retry-After', String(context.settings.stormRetryAfterSeconds));
      sendError(res, 429, 'RATE_LIMITED', 'too many requests (injected 429 storm)');
      return;
    }
    if (context.random.chance(faults.errorRate)) {
      context.log.record('fault.error', world.code, where);
      sendError(res, 500, 'INTERNAL_ERROR', 'channel failed (injected error)');
      return;
    }
    next();
  };
}

/** The lying success: per written row, whether to answer "applied" and not apply it. */
export function dropDecisionFor(context: SandboxContext, world: ChannelWorld): DropDecision {
  return (sku) => {
    const drop = context.random.chance(world.faults.acceptButDropRate);
    if (drop) context.log.record('fault.accept_but_drop', world.code, { sku });
    return drop;
  };
}
