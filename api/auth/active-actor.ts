import { type Actor } from '../../domain/auth/roles';
import { type PrismaClient } from '../../prisma/client';
import { type ActiveActorLookup } from './authenticate';

/**
 * The caller as the database knows them now, or null when the account is gone or deactivated, or the
 * token was revoked (logged out, or issued before the user's last password change or deactivation).
 */
export function activeActorLookup(prisma: PrismaClient): ActiveActorLookup {
  return async ({ userId, tokenId, tokenVersion }): Promise<Actor | null> => {
    const [user, revoked] = await Promise.all([
      prisma.user.findUnique({
        where: { id: userId },
        select: { id: true, email: true, role: true, storeId: true, isStoreManager: true, active: true, tokenVersion: true },
      }),
      prisma.revokedToken.findUnique({ where: { tokenId }, select: { tokenId: true } }),
    ]);
    if (user === null || !user.active || user.tokenVersion !== tokenVersion || revoked !== null) return null;
    return { userId: user.id, email: user.email, role: user.role, storeId: user.storeId, isStoreManager: user.isStoreManager };
  };
}
