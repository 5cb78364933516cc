import { type IncomingMessage } from 'node:http';
import { type Request } from 'express';

declare module 'express-serve-static-core' {
  interface Request {
    /** The body exactly as received, kept by express.json() so webhook signatures can be checked over it. */
    rawBody?: Buffer;
  }
}

/**
 * express.json()'s `verify` hook: keeps the bytes the parser saw. A signature must be checked over these,
 * never over a re-serialised parse (key order and whitespace would change the digest). The buffer is the
 * one the parser already holds, so keeping it costs nothing extra.
 */
export function keepRawBody(req: IncomingMessage, _res: unknown, body: Buffer): void {
  (req as Request).rawBody = body;
}
