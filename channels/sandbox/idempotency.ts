import { type RequestHandler, type Response } from 'express';
import { channelOf, rawBodyOf, sendError } from './channel-request';
import { IdempotencyStore } from './idempotency-store';
import { type SandboxContext } from './sandbox-context';

/** Answers that are not final (retry later) are never stored, so the same key can be sent again. */
function isFinalAnswer(status: number): boolean {
  return status < 500 && status !== 429 && status !== 409;
}

/**
 * `Idempotency-Key` on writes: the same key with the same request replays the first final answer
 * (status and body, marked `Idempotent-Replayed: true`) without doing anything again; the same key with
 * a different request is refused with 422; a key whose first request is still running gets 409.
 * Keys are scoped per channel (or per other service, by `scopeOf`).
 */
export function applyIdempotency(
  context: SandboxContext,
  scopeOf: (res: Response) => string = (res) => channelOf(res).code,
): RequestHandler {
  return (req, res, next) => {
    const key = req.get('idempotency-key');
    if (key === undefined || req.method === 'GET') {
      next();
      return;
    }
    const world = { code: scopeOf(res) };
    const scopedKey = `${world.code}:${key}`;
    const fingerprint = IdempotencyStore.fingerprint(req.method, req.originalUrl, rawBodyOf(req));
    const lookup = context.idempotency.begin(scopedKey, fingerprint);

    switch (lookup.outcome) {
      case 'replay':
        context.log.record('idempotent_replay', world.code, { key, path: req.path, status: lookup.answer.status });
        res.set('Idempotent-Replayed', 'true').status(lookup.answer.status).json(lookup.answer.body);
        return;
      case 'mismatch':
        context.log.record('idempotency_key_reused', world.code, { key, path: req.path });
        sendError(res, 422, 'IDEMPOTENCY_KEY_REUSED', `Idempotency-Key "${key}" was already used for a different request`);
        return;
      case 'in-flight':
        sendError(res, 409, 'IDEMPOTENCY_KEY_IN_USE', `a request with Idempotency-Key "${key}" is still being processed`);
        return;
      case 'new':
        break;
    }

    const sendJson = res.json.bind(res);
    res.json = (body: unknown) => {
      if (isFinalAnswer(res.statusCode)) context.idempotency.complete(scopedKey, { status: res.statusCode, body });
      // The idempotency log: every write the channel took under a key, once (replays are logged apart).
      if (res.statusCode < 300)
        context.log.record('idempotent_write', world.code, { key, path: req.path, status: res.statusCode, rows: rowCountOf(req.body) });
      return sendJson(body);
    };
    // Whatever ended the request without a stored answer (error, dropped socket) frees the key.
    res.on('close', () => context.idempotency.abandon(scopedKey));
    next();
  };
}

/** Rows of a batch write (what one key applied), for the idempotency log. */
function rowCountOf(body: unknown): number | null {
  return typeof body === 'object' && body !== null && 'rows' in body && Array.isArray(body.rows) ? body.rows.length : null;
}
