import jwt from 'jsonwebtoken';
import { UnauthorizedError } from '../../domain/errors';

export interface TokenSettings {
  secret: string;
  ttlSeconds: number;
}

/** HS256 only: accepting whatever `alg` a token names is how "alg: none" forgeries get in. */
const algorithm = 'HS256';

/**
 * The token names the user and nothing else: role, store and the active flag are read fresh on every
 * request, so demoting or deactivating someone takes effect at once rather than when the token expires.
 */
export function signAccessToken(userId: string, settings: TokenSettings): string {
  return jwt.sign({}, settings.secret, { algorithm, subject: String(userId), expiresIn: settings.ttlSeconds });
}

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function verifyAccessToken(token: string, settings: TokenSettings): { userId: string } {
  let payload: string | jwt.JwtPayload;
  try {
    payload = jwt.verify(token, settings.secret, { algorithms: [algorithm] });
  } catch {
    throw new UnauthorizedError('Invalid or expired token');
  }
  const userId = typeof payload === 'object' ? payload.sub : undefined;
  // A signed token always names a user id; checking the shape keeps garbage out of the database query.
  if (userId === undefined || !uuidShape.test(userId)) throw new UnauthorizedError('Invalid or expired token');
  return { userId };
}
