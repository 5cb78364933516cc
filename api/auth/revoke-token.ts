import { type Prisma } from '../../prisma/client';
import { type VerifiedToken } from './tokens';

/** Ends one token before its expiry (logout); rows of tokens that have expired anyway are cleared on the way. */
export async function revokeToken(tx: Prisma.TransactionClient, token: Pick<VerifiedToken, 'tokenId' | 'expiresAt'>): Promise<void> {
  await tx.revokedToken.deleteMany({ where: { expiresAt: { lt: new Date() } } });
  await tx.revokedToken.upsert({
    where: { tokenId: token.tokenId },
    create: { tokenId: token.tokenId, expiresAt: token.expiresAt },
    update: {},
  });
}
