import { Context } from '@temporalio/activity';
import { type Client } from '@temporalio/client';
import { type ListedOrder } from '../../channels/order-listing';
import { isPhoneRegion } from '../../domain/customers/contact-details';
import { NotFoundError } from '../../domain/errors';
import {
  DEFAULT_LATE_ORDERS_MARGIN_MS,
  DEFAULT_LATE_ORDERS_PAGE_SIZE,
  DEFAULT_LATE_ORDERS_PHONE_REGION,
  type FetchLateOrdersInput,
  type FetchLateOrdersResult,
  lateOrderEventId,
  MAX_REFUSED_IDS_REPORTED,
  noLateOrders,
} from '../../domain/outages/late-orders';
import { type ActivityDeps } from '../deps';
import { withTemporalFailures } from '../failures/to-temporal-failure';
import { recordMissingOrder } from './record-missing-order';
import {
  applyListedCancellation,
  createdByLateOrderEvent,
  type LateOrderIntake,
  lateOrderStartPolicy,
  takeInLateOrder,
} from './take-in-late-order';

/** What a retried attempt resumes from (heartbeat details): the same window, the next page, the counts so far. */
interface LateOrdersProgress {
  lateOrders: { createdFrom: string; createdTo: string; cursor: string; counts: FetchLateOrdersResult };
}

function progressOf(details: unknown): LateOrdersProgress['lateOrders'] | null {
  if (typeof details !== 'object' || details === null || !('lateOrders' in details)) return null;
  const progress = (details as LateOrdersProgress).lateOrders;
  return typeof progress.cursor === 'string' && typeof progress.createdFrom === 'string' ? progress : null;
}

/** The worker's client for the pickup runs' first start attempt; none outside a worker (the relay starts them). */
function workerClient(context: Context): Client | null {
  try {
    return context.client;
  } catch {
    return null;
  }
}

/**
 * After a channel outage: lists the channel's orders placed from the outage's detection minus the margin until
 * now, page by page (heartbeating the cursor, which a retried attempt resumes from), and takes each order we do
 * not have (by channel and external id) through the webhook's intake path, recording one ORDER_MISSING
 * discrepancy per order taken in on the outage's reconciliation (fixed automatically: the order is in, and its
 * pickup run reserves as for a webhook order). Orders we have already are counted, and one the channel shows
 * cancelled at a newer sequence than ours gets that cancellation through intake (its webhook was lost).
 * Idempotent: an order or a cancellation an earlier attempt took in is recognised by its event id and counted
 * once. A page the adapter cannot parse fails
 * the activity (CHANNEL_REJECTED, not retried) before anything of that page is written. Answers counts only.
 */
export function createFetchLateOrders({ prisma, channels }: Pick<ActivityDeps, 'prisma' | 'channels'>) {
  return async function fetchLateOrders(input: FetchLateOrdersInput): Promise<FetchLateOrdersResult> {
    return withTemporalFailures(async () => {
      const context = Context.current();
      const outage = await prisma.outage.findUnique({
        where: { id: input.outageId },
        select: { kind: true, detectedAt: true, channel: { select: { id: true, code: true } } },
      });
      if (outage === null) throw new NotFoundError(`Outage ${input.outageId} not found`);
      if (outage.kind !== 'CHANNEL' || outage.channel === null) return noLateOrders;
      const channel = outage.channel;

      const resumed = progressOf(context.info.heartbeatDetails);
      const marginMs = input.marginMs ?? DEFAULT_LATE_ORDERS_MARGIN_MS;
      const createdFrom = resumed?.createdFrom ?? new Date(outage.detectedAt.getTime() - marginMs).toISOString();
      const createdTo = resumed?.createdTo ?? new Date().toISOString();
      const counts: FetchLateOrdersResult = resumed
        ? { cancellationsApplied: 0, ...resumed.counts, refusedExternalIds: [...resumed.counts.refusedExternalIds] }
        : { ...noLateOrders, refusedExternalIds: [] };
      let cursor: string | null = resumed?.cursor ?? null;

      const phoneRegion = input.phoneRegion ?? DEFAULT_LATE_ORDERS_PHONE_REGION;
      const intake: LateOrderIntake = {
        prisma,
        channel,
        outageId: input.outageId,
        rules: {
          phoneRegion: isPhoneRegion(phoneRegion) ? phoneRegion : undefined,
          // Pickup runs go where this worker's workflows run, as the API's TEMPORAL_TASK_QUEUE does for webhooks.
          starts: lateOrderStartPolicy(context.info.taskQueue),
        },
        client: workerClient(context),
      };
      const adapter = await channels.adapterFor(channel.code);
      do {
        const page = await adapter.listOrders({
          createdFrom: new Date(createdFrom),
          createdTo: new Date(createdTo),
          cursor,
          limit: input.pageSize ?? DEFAULT_LATE_ORDERS_PAGE_SIZE,
          signal: context.cancellationSignal,
        });
        await takeInPage(intake, input, page.orders, counts);
        counts.pages += 1;
        cursor = page.nextCursor;
        // A copy: the details may be sent after this loop has counted the next page (heartbeats are throttled).
        const snapshot = { ...counts, refusedExternalIds: [...counts.refusedExternalIds] };
        if (cursor !== null)
          context.heartbeat({ lateOrders: { createdFrom, createdTo, cursor, counts: snapshot } } satisfies LateOrdersProgress);
      } while (cursor !== null);
      return counts;
    });
  };
}

/**
 * One page: what we miss is taken in and recorded; what we have is counted, and a cancellation the channel shows
 * newer than our state is applied as its lost webhook; `counts` is updated in place.
 */
async function takeInPage(
  intake: LateOrderIntake,
  input: FetchLateOrdersInput,
  orders: readonly ListedOrder[],
  counts: FetchLateOrdersResult,
): Promise<void> {
  const known = await intake.prisma.order.findMany({
    where: { channelId: intake.channel.id, externalId: { in: orders.map((order) => order.externalId) } },
    select: { id: true, externalId: true, status: true, channelSequence: true },
  });
  const ours = new Map(known.map((order) => [order.externalId, order]));
  for (const order of orders) {
    counts.listed += 1;
    const eventId = lateOrderEventId(input.outageId, order.externalId);
    const knownOrder = ours.get(order.externalId);
    let orderId: string | null = null;
    if (knownOrder !== undefined) {
      // An earlier attempt of this step took it in (its event created the order): count it once, as taken in.
      if (await createdByLateOrderEvent(intake.prisma, knownOrder.id, eventId)) orderId = knownOrder.id;
      // Also one this step took in before the channel showed it cancelled (an earlier page or attempt).
      if (await applyListedCancellation(intake, knownOrder, order)) counts.cancellationsApplied = (counts.cancellationsApplied ?? 0) + 1;
    } else {
      const outcome = await takeInLateOrder(intake, order);
      if (outcome.kind === 'refused') {
        counts.refused += 1;
        if (counts.refusedExternalIds.length < MAX_REFUSED_IDS_REPORTED) counts.refusedExternalIds.push(order.externalId);
        continue;
      }
      if (outcome.kind === 'taken-in') orderId = outcome.orderId;
    }
    if (orderId === null) {
      counts.alreadyReceived += 1;
      continue;
    }
    await recordMissingOrder(intake.prisma, { reconciliationId: input.reconciliationId, orderId });
    counts.takenIn += 1;
    counts.valueMinor += order.totalAmount;
  }
}
