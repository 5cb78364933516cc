import { type Request, type RequestHandler, type Response } from 'express';
import { ChannelWorld } from './channel-world';
import { type SandboxContext } from './sandbox-context';

const rawBodies = new WeakMap<Request, Buffer>();

/** Handed to express.json({ verify }) so idempotency fingerprints see the exact bytes sent. */
export function keepRawBody(req: Request, _res: Response, buffer: Buffer): void {
  rawBodies.set(req, buffer);
}

export function rawBodyOf(req: Request): Buffer | undefined {
  return rawBodies.get(req);
}

/** Finds the channel named in the path; an unknown code is a 404 like any unknown host path. */
export function resolveChannel(context: SandboxContext): RequestHandler {
  return (req, res, next) => {
    const code = String(req.params.code ?? '');
    const world = context.worlds.get(code);
    if (!world) {
      res.status(404).json({ error: 'CHANNEL_NOT_FOUND', message: `no channel "${code}" in this sandbox` });
      return;
    }
    res.locals.channel = world;
    next();
  };
}

export function channelOf(res: Response): ChannelWorld {
  const world: unknown = res.locals.channel;
  if (!(world instanceof ChannelWorld)) throw new Error('channelOf() used on a route without resolveChannel');
  return world;
}

export function sendError(res: Response, status: number, error: string, message: string): void {
  res.status(status).json({ error, message });
}
