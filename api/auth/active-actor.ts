import { type Actor } from '../../domain/auth/roles';
import { type PrismaClient } from '../../prisma/client';
import { type ActiveActorLookup } from './authenticate';

/** The caller as the database knows them now, or null when the account is gone or deactivated. */
export function activeActorLookup(prisma: PrismaClient): ActiveActorLookup {
  return async (userId): Promise<Actor | null> => {
    const user = await prisma.user.findUnique({
      where: { id: userId },
      select: { id: true, email: true, role: true, storeId: true, isStoreManager: true, active: true },
    });
    if (user === null || !user.active) return null;
    return { userId: user.id, email: user.email, role: user.role, storeId: user.storeId, isStoreManager: user.isStoreManager };
  };
}
