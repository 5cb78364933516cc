import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { UnauthorizedError } from '../../domain/errors';

export interface TokenSettings {
  secret: string;
  ttlSeconds: number;
}

/** What a verified token says: whose it is, its own id (for logout) and the user's token version it was issued under. */
export interface VerifiedToken {
  userId: string;
  tokenId: string;
  tokenVersion: number;
  expiresAt: Date;
}

/** HS256 only: accepting whatever `alg` a token names is how "alg: none" forgeries get in. */
const algorithm = 'HS256';

/**
 * The token names the user and nothing else about them: role, store and the active flag are read fresh
 * on every request, so demoting or deactivating someone takes effect at once rather than when the token
 * expires. `jti` lets logout revoke this one token; `ver` is the user's token version when it was issued,
 * so a password change or deactivation (which bump it) ends every earlier token.
 */
export function signAccessToken(userId: string, settings: TokenSettings, tokenVersion = 0): string {
  return jwt.sign({ ver: tokenVersion }, settings.secret, {
    algorithm,
    subject: String(userId),
    jwtid: randomUUID(),
    expiresIn: settings.ttlSeconds,
  });
}

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function verifyAccessToken(token: string, settings: TokenSettings): VerifiedToken {
  let payload: string | jwt.JwtPayload;
  try {
    payload = jwt.verify(token, settings.secret, { algorithms: [algorithm] });
  } catch {
    throw new UnauthorizedError('Invalid or expired token');
  }
  if (typeof payload !== 'object') throw new UnauthorizedError('Invalid or expired token');
  const { sub, jti, exp } = payload;
  const ver: unknown = payload.ver;
  // Ours always carry all four; checking the shapes keeps garbage out of the database queries.
  if (
    sub === undefined ||
    !uuidShape.test(sub) ||
    jti === undefined ||
    !uuidShape.test(jti) ||
    typeof exp !== 'number' ||
    typeof ver !== 'number' ||
    !Number.isSafeInteger(ver)
  )
    throw new UnauthorizedError('Invalid or expired token');
  return { userId: sub, tokenId: jti, tokenVersion: ver, expiresAt: new Date(exp * 1000) };
}
