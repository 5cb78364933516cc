import { type RequestHandler } from 'express';
import { type Actor, type Role, hasRole } from '../../domain/auth/roles';
import { ForbiddenError, UnauthorizedError } from '../../domain/errors';
import { type TokenSettings, type VerifiedToken, verifyAccessToken } from './tokens';

/** Loads the caller as they are now; null when the user is gone or deactivated or the token was revoked. */
export type ActiveActorLookup = (token: VerifiedToken) => Promise<Actor | null>;

const bearerPrefix = /^Bearer\s+(\S+)$/i;

/** 401 unless the request carries a valid, unrevoked token of a user who is still active; sets `req.actor` and `req.accessToken`. */
export function authenticate(tokens: TokenSettings, findActiveActor: ActiveActorLookup): RequestHandler {
  return async (req, _res, next) => {
    const match = bearerPrefix.exec(req.headers.authorization ?? '');
    if (match?.[1] === undefined) throw new UnauthorizedError();
    const token = verifyAccessToken(match[1], tokens);
    const actor = await findActiveActor(token);
    if (actor === null) throw new UnauthorizedError('Invalid or expired token');
    req.actor = actor;
    req.accessToken = token;
    next();
  };
}

/** 403 unless the authenticated caller has one of the roles. Must run after `authenticate`. */
export function requireRole(...allowed: Role[]): RequestHandler {
  return (req, _res, next) => {
    if (req.actor === undefined) throw new UnauthorizedError();
    if (!hasRole(req.actor, allowed)) throw new ForbiddenError(`This needs one of the roles: ${allowed.join(', ')}`);
    next();
  };
}
