import { Context } from '@temporalio/activity';
import { isChannelError } from '../../channels/channel-errors';
import { STOCK_SYNC_RECONCILIATION_KIND } from '../channels/stock-sync-run';
import { isAppError } from '../../domain/errors';
import { checkFailed, type HealthCheck, type OutageDetectionSettings } from '../../domain/outages/outage-detection';
import { type ActivityDeps } from '../deps';
import { withTemporalFailures } from '../failures/to-temporal-failure';

export interface CheckChannelHealthInput {
  /** The detection run (its workflow id): one check per run and channel, whatever the retries. */
  runId: string;
  channelId: string;
  channelCode: string;
  /** Pushes of stock-sync runs that finished within this window count towards the failure rate. */
  pushWindowMs: number;
  detection: OutageDetectionSettings;
}

export interface ChannelHealthVerdict {
  channelId: string;
  channelCode: string;
  /** The newest checks, oldest first (at most consecutiveFailures + healthyChecksToRecover of them). */
  recent: HealthCheck[];
  latest: { failed: boolean; detail: string | null };
  /** The channel's open outage, if it has one. */
  openOutageId: string | null;
}

async function probe(deps: Pick<ActivityDeps, 'channels'>, channelCode: string): Promise<{ ok: boolean; detail: string | null }> {
  try {
    const adapter = await deps.channels.adapterFor(channelCode);
    const health = await adapter.health({ signal: Context.current().cancellationSignal });
    return { ok: health.healthy, detail: health.detail };
  } catch (error) {
    // A channel that does not answer at all is exactly what this check looks for: a failed probe, not a retry.
    if (isChannelError(error) || isAppError(error)) return { ok: false, detail: error.message };
    throw error;
  }
}

/**
 * One scheduled health check of a channel (docs/outages.md, "Detection"): the adapter's health probe
 * plus the failure rate of its recent pushes (stock-sync runs finished within the window: rows the
 * channel refused, and a channel sync that failed counts as one failed push). Recorded once per
 * detection run (`channel_health_checks.run_id`) and answered with the channel's newest checks, which
 * the workflow judges with shouldOpenOutage.
 */
export function createCheckChannelHealth({ prisma, channels }: Pick<ActivityDeps, 'prisma' | 'channels'>) {
  return async function checkChannelHealth(input: CheckChannelHealthInput): Promise<ChannelHealthVerdict> {
    const probed = await probe({ channels }, input.channelCode);
    return withTemporalFailures(async () => {
      const [pushes] = await prisma.$queryRaw<{ pushes: number; failed: number }[]>`
        SELECT COALESCE(sum(CASE WHEN c->>'outcome' = 'SYNCED' THEN (c->'totals'->>'pushed')::int + (c->'totals'->>'rejected')::int
                                 WHEN c->>'outcome' = 'FAILED' THEN 1 ELSE 0 END), 0)::int AS pushes,
               COALESCE(sum(CASE WHEN c->>'outcome' = 'SYNCED' THEN (c->'totals'->>'rejected')::int
                                 WHEN c->>'outcome' = 'FAILED' THEN 1 ELSE 0 END), 0)::int AS failed
          FROM reconciliations r CROSS JOIN LATERAL jsonb_array_elements(COALESCE(r.summary->'channels', '[]'::jsonb)) c
         WHERE r.summary->>'kind' = ${STOCK_SYNC_RECONCILIATION_KIND} AND r.finished_at > now() - make_interval(secs => ${input.pushWindowMs / 1000})
           AND c->>'channelCode' = ${input.channelCode}`;
      const check: HealthCheck = { probeOk: probed.ok, pushes: pushes?.pushes ?? 0, failedPushes: pushes?.failed ?? 0 };
      const failed = checkFailed(check, input.detection);
      const detail = probed.ok ? (failed ? `${check.failedPushes} of ${check.pushes} recent pushes failed` : null) : probed.detail;
      await prisma.$executeRaw`
        INSERT INTO channel_health_checks (id, channel_id, checked_at, probe_ok, pushes, failed_pushes, failed, detail, run_id)
        VALUES (gen_random_uuid(), ${input.channelId}::uuid, now(), ${check.probeOk}, ${check.pushes}, ${check.failedPushes}, ${failed}, ${detail},
                ${`${input.runId}:${input.channelId}`})
        ON CONFLICT (run_id) DO NOTHING`;
      const keep = input.detection.consecutiveFailures + input.detection.healthyChecksToRecover;
      const rows = await prisma.channelHealthCheck.findMany({
        where: { channelId: input.channelId },
        orderBy: { checkedAt: 'desc' },
        take: keep,
        select: { probeOk: true, pushes: true, failedPushes: true, failed: true, detail: true },
      });
      const open = await prisma.outage.findFirst({ where: { channelId: input.channelId, openScope: { not: null } }, select: { id: true } });
      const newest = rows[0];
      return {
        channelId: input.channelId,
        channelCode: input.channelCode,
        recent: rows.reverse().map((r) => ({ probeOk: r.probeOk, pushes: r.pushes, failedPushes: r.failedPushes })),
        latest: { failed: newest?.failed ?? failed, detail: newest?.detail ?? detail },
        openOutageId: open?.id ?? null,
      };
    });
  };
}

/** The channels detection watches: every one not switched off (OUTAGE ones too, so a detection can join their outage). */
export function createListWatchedChannels({ prisma }: Pick<ActivityDeps, 'prisma'>) {
  return async function listWatchedChannels({ channelCodes }: { channelCodes?: string[] } = {}): Promise<{
    channels: { id: string; code: string }[];
  }> {
    return withTemporalFailures(async () => ({
      channels: await prisma.channel.findMany({
        where: { status: { in: ['ACTIVE', 'DEGRADED', 'OUTAGE'] }, ...(channelCodes !== undefined && { code: { in: channelCodes } }) },
        select: { id: true, code: true },
        orderBy: { code: 'asc' },
      }),
    }));
  };
}
