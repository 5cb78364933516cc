import { NotFoundError } from '../../domain/errors';
import { type PrismaClient } from '../../prisma/client';

/** The parts of a channel's record that decide what stock sync publishes and how it pages. */
export interface SyncChannel {
  id: string;
  code: string;
  safetyBuffer: number;
  closeListingAtOrBelow: number;
  maxBatchSize: number;
}

export async function readSyncChannel(prisma: PrismaClient, channelCode: string): Promise<SyncChannel> {
  const channel = await prisma.channel.findUnique({
    where: { code: channelCode },
    select: { id: true, code: true, safetyBuffer: true, closeListingAtOrBelow: true, maxBatchSize: true },
  });
  if (!channel) throw new NotFoundError(`no channel "${channelCode}"`);
  return channel;
}
