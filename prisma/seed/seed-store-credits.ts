import { type PrismaClient } from '../client';
import { type SeedProfile } from './seed-profiles';

/** The profile's demo store credit, created when missing (by its code); a second run leaves its balance alone. */
export async function seedStoreCredits(prisma: PrismaClient, profile: SeedProfile): Promise<number> {
  const { code, storeCode, amountMinor } = profile.demoStoreCredit;
  const store = await prisma.store.findUniqueOrThrow({ where: { code: storeCode }, select: { id: true } });
  const { count } = await prisma.storeCredit.createMany({
    data: [
      {
        code,
        issuedAtStoreId: store.id,
        amountMinor: BigInt(amountMinor),
        balanceMinor: BigInt(amountMinor),
        currency: profile.currency,
        idempotencyKey: `store-credit:seed:${code}`,
      },
    ],
    skipDuplicates: true,
  });
  return count;
}
