import { type RequestHandler } from 'express';
import { channelOf, sendError } from './channel-request';
import { type SandboxContext } from './sandbox-context';

/**
 * Dev API key of a sandbox channel. Not a secret: the sandbox is a local emulation, and a predictable
 * key lets the seed and the adapters' demo profiles agree without configuration.
 */
export function devApiKeyFor(channelCode: string): string {
  return `sandbox-key-${channelCode}`;
}

/** `Authorization: Bearer <api key>`, as the channels' real APIs ask for. */
export function requireApiKey(context: SandboxContext): RequestHandler {
  return (req, res, next) => {
    const world = channelOf(res);
    const header = req.get('authorization') ?? '';
    const presented = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
    if (presented === '' || presented !== context.apiKeys.get(world.code)) {
      context.log.record('auth.refused', world.code, { path: req.path });
      sendError(res, 401, 'UNAUTHORIZED', 'missing or wrong API key (Authorization: Bearer <key>)');
      return;
    }
    next();
  };
}
