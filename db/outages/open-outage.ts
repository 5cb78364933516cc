import { openScopeOf } from '../../domain/outages/outage-detection';
import { type Prisma } from '../../prisma/client';

export type OutageSubject = { kind: 'CHANNEL'; channelId: string } | { kind: 'STORE'; storeId: string };

export interface OpenOutageRequest {
  subject: OutageSubject;
  cause: string;
  source: 'DETECTED' | 'DECLARED';
  declaredByUserId: string | null;
}

/**
 * Opens the outage of a channel or store, or joins the one already open (one statement, on the unique
 * open_scope): a second detection or declaration counts as joined and never opens a second outage.
 * Call it inside the transaction that enqueues the run's start, for a new outage only.
 */
export async function openOrJoinOutage(
  tx: Prisma.TransactionClient,
  request: OpenOutageRequest,
): Promise<{ id: string; created: boolean }> {
  const { subject } = request;
  const channelId = subject.kind === 'CHANNEL' ? subject.channelId : null;
  const storeId = subject.kind === 'STORE' ? subject.storeId : null;
  const [row] = await tx.$queryRaw<{ id: string; created: boolean }[]>`
    INSERT INTO outages (id, kind, channel_id, store_id, open_scope, status, cause, source, declared_by_user_id, detected_at, updated_at)
    VALUES (gen_random_uuid(), ${subject.kind}::outage_kind, ${channelId}::uuid, ${storeId}::uuid, ${openScopeOf(subject)}, 'ACTIVE',
            ${request.cause}, ${request.source}, ${request.declaredByUserId}::uuid, now(), now())
    ON CONFLICT (open_scope) DO UPDATE SET joined_count = outages.joined_count + 1, updated_at = now()
    RETURNING id, (xmax = 0) AS created`;
  return row as { id: string; created: boolean };
}
