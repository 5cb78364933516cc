import { type Role } from '../../domain/auth/roles';
import { UnauthorizedError } from '../../domain/errors';
import { type PrismaClient } from '../../prisma/client';
import { recordAudit } from '../../db/audit/record-audit';
import { type LoginThrottle } from '../auth/login-throttle';
import { passwordMatches } from '../auth/passwords';
import { revokeToken } from '../auth/revoke-token';
import { signAccessToken, type TokenSettings } from '../auth/tokens';
import { type ApiRouter } from '../http/api-router';
import { currentUserSchema, loginBodySchema, loginResponseSchema, logoutResponseSchema } from './auth.validators';

export interface AuthRouteDeps {
  prisma: PrismaClient;
  tokens: TokenSettings;
  loginThrottle: LoginThrottle;
}

/** One answer for every failed login, so it never tells which part (email, password, status) was wrong. */
const invalidLoginMessage = 'Invalid email or password';

const currentUserSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  storeId: true,
  isStoreManager: true,
  store: { select: { code: true } },
} as const;

/** Field by field, so whatever else was loaded for the check (the password hash) can never leak out. */
function toCurrentUser(user: {
  id: string;
  email: string;
  name: string;
  role: Role;
  storeId: string | null;
  isStoreManager: boolean;
  store: { code: string } | null;
}) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    storeId: user.storeId,
    storeCode: user.store?.code ?? null,
    isStoreManager: user.isStoreManager,
  };
}

export function registerAuthRoutes(api: ApiRouter, { prisma, tokens, loginThrottle }: AuthRouteDeps): void {
  api.route({
    method: 'post',
    path: '/api/auth/login',
    summary: 'Sign in with email and password',
    description:
      'A wrong email, a wrong password and a deactivated account all get the same 401. Attempts that fail are counted per ' +
      'account and per client address; over either limit every attempt (even a right one) gets 429 with Retry-After until the window ends.',
    tags: ['auth'],
    access: 'public',
    request: { body: loginBodySchema },
    response: { description: 'A bearer token and who it belongs to', schema: loginResponseSchema },
    otherResponses: [
      { status: 401, description: invalidLoginMessage },
      { status: 429, description: 'Too many failed attempts for this account or address; Retry-After says when to try again' },
    ],
    handle: async ({ body, req, requestId }) => {
      // req.ip is the TCP peer unless API_TRUST_PROXY names the proxies allowed to say otherwise.
      const attempt = { email: body.email, ip: req.ip ?? req.socket.remoteAddress ?? 'unknown' };
      await loginThrottle.admit(attempt);
      const user = await prisma.user.findUnique({
        where: { email: body.email },
        select: { ...currentUserSelect, passwordHash: true, active: true, tokenVersion: true },
      });
      // Always one argon2 verification, also for unknown emails, so timing reveals nothing either.
      const matches = await passwordMatches(user?.passwordHash ?? null, body.password);
      if (user === null || !matches || !user.active) {
        req.log.info({ email: body.email }, 'login refused');
        throw new UnauthorizedError(invalidLoginMessage);
      }
      await loginThrottle.succeeded(attempt);
      const actor = { userId: user.id, email: user.email, role: user.role, storeId: user.storeId, isStoreManager: user.isStoreManager };
      await prisma.$transaction(async (tx) => {
        await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
        await recordAudit(tx, { actor, action: 'auth.login', entityType: 'User', entityId: user.id, requestId });
      });
      return {
        token: signAccessToken(user.id, tokens, user.tokenVersion),
        expiresAt: new Date(Date.now() + tokens.ttlSeconds * 1000),
        user: toCurrentUser(user),
      };
    },
  });

  api.route({
    method: 'get',
    path: '/api/auth/me',
    summary: 'Who the token belongs to',
    tags: ['auth'],
    access: 'authenticated',
    response: { description: 'The signed-in user', schema: currentUserSchema },
    handle: async ({ actor }) => {
      const user = await prisma.user.findUniqueOrThrow({ where: { id: actor.userId }, select: currentUserSelect });
      return toCurrentUser(user);
    },
  });

  api.route({
    method: 'post',
    path: '/api/auth/logout',
    summary: 'Sign out: the token stops working at once',
    description: 'Revokes the bearer token the request carries (only that one; other sessions of the user stay signed in).',
    tags: ['auth'],
    access: 'authenticated',
    response: { description: 'The token is revoked', schema: logoutResponseSchema },
    handle: async ({ req, actor, requestId }) => {
      // authenticate() set both; a route that is not public never runs without them.
      const token = req.accessToken;
      if (token === undefined) throw new UnauthorizedError();
      await prisma.$transaction(async (tx) => {
        await revokeToken(tx, token);
        await recordAudit(tx, { actor, action: 'auth.logout', entityType: 'User', entityId: actor.userId, requestId });
      });
      return { revoked: true as const };
    },
  });
}
