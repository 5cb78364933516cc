/** What `GET /api/metrics/<tile>` answers (api/routes/dashboard/dashboard.validators.ts). */
export interface WithPrevious<T> {
  current: T;
  previous: T;
}
export interface Money {
  currency: string;
  minor: number;
}
interface ChannelRef {
  channelId: string;
  channelCode: string;
  channelName: string;
  channelKind: string;
}
interface StoreRef {
  storeId: string;
  storeCode: string;
  storeName: string;
}

export interface OrderFigures {
  orders: number;
  cancelled: number;
  cancellationRate: number | null;
  returned: number;
  returnRate: number | null;
}
export interface OrderMetrics {
  total: WithPrevious<OrderFigures>;
  byChannel: (ChannelRef & { figures: WithPrevious<OrderFigures> })[];
}

export interface PickupFigures {
  pickTasks: number;
  pickedWithinSla: number;
  withinSlaRate: number | null;
  readyOrders: number;
  orderToReadySecondsP50: number | null;
  orderToReadySecondsP90: number | null;
  expiredUncollected: number;
}
export interface PickupMetrics {
  total: WithPrevious<PickupFigures>;
  byStore: (StoreRef & { figures: WithPrevious<PickupFigures> })[];
}

export interface DriftFigures {
  discrepancies: number;
  units: number;
  value: Money[];
}
export interface StockDriftMetrics {
  listingsDriftingNow: (ChannelRef & { listings: number; units: number; value: Money[] })[];
  raised: {
    total: WithPrevious<DriftFigures>;
    byChannel: (ChannelRef & { figures: WithPrevious<DriftFigures> })[];
    byStore: (StoreRef & { figures: WithPrevious<DriftFigures> })[];
    daily: { day: string; discrepancies: number; units: number }[];
  };
}

export interface ChannelHealthMetrics {
  channels: (ChannelRef & { status: string; lastHealthyAt: string | null; openOutages: number; outagesDetected: WithPrevious<number> })[];
}

export interface AttentionMetrics {
  openTasksByQueue: { queue: string; open: number; pastSla: number; locked: number }[];
  tasksCreated: WithPrevious<number>;
  tasksPastSlaCreated: WithPrevious<number>;
  workflowStarts: { failed: number; retrying: number; failedCreated: WithPrevious<number> };
}

export interface MetricsByTile {
  orders: OrderMetrics;
  'pickup-sla': PickupMetrics;
  'stock-drift': StockDriftMetrics;
  'channel-health': ChannelHealthMetrics;
  attention: AttentionMetrics;
}
export type MetricsTile = keyof MetricsByTile;
