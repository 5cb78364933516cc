import { hash } from '@node-rs/argon2';
import { type DemoChannel } from '../../channels/catalog';
import { type PrismaClient } from '../client';
import { type DemoStore } from '../seed-data/stores';
import { type DemoUsersFile } from './demo-users';

/** Where a demo channel's API lives in the sandbox. */
export function sandboxChannelUrl(sandboxUrl: string, channelCode: string): string {
  return `${sandboxUrl.replace(/\/+$/, '')}/channels/${channelCode}`;
}

/** Stores are created when missing; existing ones (possibly edited by an admin) are left as they are. */
export async function seedStores(prisma: PrismaClient, stores: readonly DemoStore[]): Promise<number> {
  const { count } = await prisma.store.createMany({
    data: stores.map(({ stockScale: _stockScale, ...store }) => store),
    skipDuplicates: true,
  });
  return count;
}

/**
 * Channels are created when missing. The one field refreshed on every run is the base URL of channels
 * still pointing at a sandbox, so a changed SANDBOX_URL takes effect; a channel an admin pointed at a real
 * marketplace is never touched.
 */
export async function seedChannels(prisma: PrismaClient, sandboxUrl: string, channels: readonly DemoChannel[]): Promise<number> {
  const { count } = await prisma.channel.createMany({
    data: channels.map((channel) => ({
      code: channel.code,
      name: channel.name,
      kind: channel.kind,
      baseUrl: sandboxChannelUrl(sandboxUrl, channel.code),
      requestsPerSecond: channel.rateLimit.perSecond,
      burst: channel.rateLimit.burst,
      perItemCost: channel.rateLimit.perItem,
      maxBatchSize: channel.maxBatchSize,
      asyncJobs: channel.asyncJobs,
      safetyBuffer: channel.safetyBuffer,
      webhookSecret: channel.webhookSecret,
    })),
    skipDuplicates: true,
  });
  for (const channel of channels) {
    const baseUrl = sandboxChannelUrl(sandboxUrl, channel.code);
    await prisma.channel.updateMany({
      where: { code: channel.code, baseUrl: { endsWith: `/channels/${channel.code}`, not: baseUrl } },
      data: { baseUrl },
    });
  }
  return count;
}

/**
 * Users are created when missing, with the demo password hashed (argon2id). Existing users keep their
 * password, role and store: someone may have changed them on purpose.
 */
export async function seedUsers(prisma: PrismaClient, demo: DemoUsersFile): Promise<number> {
  const existing = await prisma.user.findMany({ where: { email: { in: demo.users.map((user) => user.email) } }, select: { email: true } });
  const existingEmails = new Set(existing.map((user) => user.email));
  const missing = demo.users.filter((user) => !existingEmails.has(user.email));
  if (missing.length === 0) return 0;

  const stores = await prisma.store.findMany({ select: { id: true, code: true } });
  const storeIdByCode = new Map(stores.map((store) => [store.code, store.id]));
  const rows = await Promise.all(
    missing.map(async (user) => {
      const storeId = user.storeCode === null ? null : storeIdByCode.get(user.storeCode);
      if (storeId === undefined) throw new Error(`demo user ${user.email}: unknown store ${user.storeCode}`);
      return {
        email: user.email,
        name: user.name,
        role: user.role,
        storeId,
        isStoreManager: user.isStoreManager,
        passwordHash: await hash(demo.password),
      };
    }),
  );
  const { count } = await prisma.user.createMany({ data: rows, skipDuplicates: true });
  return count;
}
