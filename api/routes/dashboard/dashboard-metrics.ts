import { storeFilterFor } from '../../../domain/auth/store-access';
import { type Actor } from '../../../domain/auth/roles';
import { type PrismaClient } from '../../../prisma/client';
import { type ApiRouter } from '../../http/api-router';
import { openTasksByQueue, tasksCreated, workflowStartTrouble } from './attention-metrics';
import { channelHealth } from './channel-health-metrics';
import {
  attentionMetricsSchema,
  channelHealthSchema,
  type MetricsQuery,
  metricsQuerySchema,
  orderMetricsSchema,
  pickupMetricsSchema,
  stockDriftMetricsSchema,
} from './dashboard.validators';
import { orderFiguresByChannel } from './order-channel-metrics';
import { pickupFiguresByStore } from './pickup-sla-metrics';
import { forBothPeriods, type Period, previousPeriodOf } from './reporting-period';
import { driftDaily, driftRaised, emptyDrift, listingsDriftingNow } from './stock-drift-metrics';

export interface DashboardRouteDeps {
  prisma: PrismaClient;
}

function scopeOf(actor: Actor, query: MetricsQuery) {
  const period: Period = { from: query.from, to: query.to };
  return { period, previousPeriod: previousPeriodOf(period), storeIds: storeFilterFor(actor, query.storeId) };
}

async function storesById(prisma: PrismaClient, ids: Iterable<string | null>) {
  const wanted = [...ids].filter((id): id is string => id !== null);
  const stores = await prisma.store.findMany({
    where: { id: { in: wanted } },
    select: { id: true, code: true, name: true },
    orderBy: { code: 'asc' },
  });
  return stores.map((store) => ({ storeId: store.id, storeCode: store.code, storeName: store.name }));
}

const noOrders = { orders: 0, cancelled: 0, cancellationRate: null, returned: 0, returnRate: null };

const common = { tags: ['metrics'], access: 'authenticated' as const, request: { query: metricsQuerySchema } };
const scopeNote =
  'Figures are SQL aggregates over [from, to) and the period of the same length before it. Store staff get their own store only.';

/** The operations dashboard's figures (docs/dashboard.md): one route per tile, all computed in PostgreSQL. */
export function registerDashboardMetricRoutes(api: ApiRouter, { prisma }: DashboardRouteDeps): void {
  api.route({
    ...common,
    method: 'get',
    path: '/api/metrics/orders',
    summary: 'Orders, cancellation rate and return rate per source channel',
    description: scopeNote,
    response: { description: 'Order figures', schema: orderMetricsSchema },
    handle: async ({ query, actor }) => {
      const { period, previousPeriod, storeIds } = scopeOf(actor, query);
      const { current, previous } = await forBothPeriods(period, (p) => orderFiguresByChannel(prisma, p, storeIds));
      const previousByChannel = new Map(previous.map((row) => [row.channel?.channelId ?? null, row.figures]));
      const total = current.find((row) => row.channel === null);
      const totalBefore = previousByChannel.get(null);
      if (total === undefined || totalBefore === undefined) throw new Error('The grouping set without channel is always there');
      return {
        period,
        previousPeriod,
        total: { current: total.figures, previous: totalBefore },
        byChannel: current.flatMap((row) =>
          row.channel === null
            ? []
            : [
                {
                  ...row.channel,
                  // Every channel has a row in both periods (the query starts from channels); one created between the two
                  // reads had no orders before, which is what its zero row says, not the total's figures.
                  figures: { current: row.figures, previous: previousByChannel.get(row.channel.channelId) ?? noOrders },
                },
              ],
        ),
      };
    },
  });

  api.route({
    ...common,
    method: 'get',
    path: '/api/metrics/pickup-sla',
    summary: 'Pickup SLA: PICK tasks within SLA, order to ready p50/p90, expired uncollected, per store',
    description: scopeNote,
    response: { description: 'Pickup figures', schema: pickupMetricsSchema },
    handle: async ({ query, actor }) => {
      const { period, previousPeriod, storeIds } = scopeOf(actor, query);
      const { current, previous } = await forBothPeriods(period, (p) => pickupFiguresByStore(prisma, p, storeIds));
      const empty = current.get(null);
      const emptyBefore = previous.get(null);
      if (empty === undefined || emptyBefore === undefined) throw new Error('The all-stores row is always there');
      const stores = await storesById(prisma, new Set([...current.keys(), ...previous.keys()]));
      const none = {
        ...empty,
        pickTasks: 0,
        pickedWithinSla: 0,
        withinSlaRate: null,
        readyOrders: 0,
        orderToReadySecondsP50: null,
        orderToReadySecondsP90: null,
        expiredUncollected: 0,
      };
      return {
        period,
        previousPeriod,
        total: { current: empty, previous: emptyBefore },
        byStore: stores.map((store) => ({
          ...store,
          figures: { current: current.get(store.storeId) ?? none, previous: previous.get(store.storeId) ?? none },
        })),
      };
    },
  });

  api.route({
    ...common,
    method: 'get',
    path: '/api/metrics/stock-drift',
    summary: 'Stock drift: channel read-backs and stock counts that differ from our system, units and value',
    description: `${scopeNote} Listings drifting now are channel-wide (a channel lists one stock for all stores).`,
    response: { description: 'Stock drift figures', schema: stockDriftMetricsSchema },
    handle: async ({ query, actor }) => {
      const { period, previousPeriod, storeIds } = scopeOf(actor, query);
      const [{ current, previous }, daily, drifting] = await Promise.all([
        forBothPeriods(period, (p) => driftRaised(prisma, p, storeIds)),
        driftDaily(prisma, period, storeIds),
        listingsDriftingNow(prisma),
      ]);
      const find = (groups: typeof current, kind: 'store' | 'channel' | 'total', id: string | null) =>
        groups.find((group) =>
          kind === 'store'
            ? group.storeId === id
            : kind === 'channel'
              ? group.channelId === id
              : group.storeId === null && group.channelId === null,
        )?.figures ?? emptyDrift();
      const storeIdsSeen = new Set([...current, ...previous].map((group) => group.storeId));
      const channelIdsSeen = [
        ...new Set([...current, ...previous].flatMap((group) => (group.channelId === null ? [] : [group.channelId]))),
      ];
      const channels = await prisma.channel.findMany({ where: { id: { in: channelIdsSeen } }, orderBy: { code: 'asc' } });
      return {
        period,
        previousPeriod,
        listingsDriftingNow: drifting,
        raised: {
          total: { current: find(current, 'total', null), previous: find(previous, 'total', null) },
          byChannel: channels.map((channel) => ({
            channelId: channel.id,
            channelCode: channel.code,
            channelName: channel.name,
            channelKind: channel.kind,
            figures: { current: find(current, 'channel', channel.id), previous: find(previous, 'channel', channel.id) },
          })),
          byStore: (await storesById(prisma, storeIdsSeen)).map((store) => ({
            ...store,
            figures: { current: find(current, 'store', store.storeId), previous: find(previous, 'store', store.storeId) },
          })),
          daily,
        },
      };
    },
  });

  api.route({
    ...common,
    method: 'get',
    path: '/api/metrics/channel-health',
    summary: 'Channel health now: status, last healthy probe, open outages; outages detected per period',
    description: 'Channels are shared by every store: the store filter is accepted (and checked) but changes nothing here.',
    response: { description: 'Channel health', schema: channelHealthSchema },
    handle: async ({ query, actor }) => {
      const { period, previousPeriod } = scopeOf(actor, query);
      return { period, previousPeriod, channels: await channelHealth(prisma, period, previousPeriod) };
    },
  });

  api.route({
    ...common,
    method: 'get',
    path: '/api/metrics/attention',
    summary: 'Workflows that need a person: open tasks by queue and past SLA, failed and retrying starts',
    description: scopeNote,
    response: { description: 'What needs a person', schema: attentionMetricsSchema },
    handle: async ({ query, actor }) => {
      const { period, previousPeriod, storeIds } = scopeOf(actor, query);
      const [openTasks, created, createdBefore, starts, startsBefore] = await Promise.all([
        openTasksByQueue(prisma, storeIds),
        tasksCreated(prisma, period, storeIds),
        tasksCreated(prisma, previousPeriod, storeIds),
        workflowStartTrouble(prisma, period, storeIds),
        workflowStartTrouble(prisma, previousPeriod, storeIds),
      ]);
      return {
        period,
        previousPeriod,
        openTasksByQueue: openTasks,
        tasksCreated: { current: created.created, previous: createdBefore.created },
        tasksPastSlaCreated: { current: created.pastSla, previous: createdBefore.pastSla },
        workflowStarts: {
          failed: starts.failed,
          retrying: starts.retrying,
          failedCreated: { current: starts.failedCreated, previous: startsBefore.failedCreated },
        },
      };
    },
  });
}
