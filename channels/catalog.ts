/**
 * The demo channels: the seed creates them in our database and the channel sandbox emulates them, so the
 * two agree on codes, limits and secrets. A real deployment edits the channel records instead; nothing
 * at run time reads this file except the seed and the sandbox's defaults.
 */
export type ChannelKind = 'WEB_STORE' | 'MARKETPLACE' | 'SOCIAL_CATALOG' | 'POS';

export interface DemoChannel {
  code: string;
  name: string;
  kind: ChannelKind;
  /** Token bucket the channel enforces: sustained requests per second and burst size. */
  rateLimit: { perSecond: number; burst: number; /** every row of a batch costs one token */ perItem: boolean };
  /** Largest batch the channel's batch endpoints accept. */
  maxBatchSize: number;
  /** Price/stock writes are submitted as async jobs to poll (feed-style API) instead of answered inline. */
  asyncJobs: boolean;
  /** Units held back from what we publish to this channel. */
  safetyBuffer: number;
  /** Shared secret for the HMAC signature of the channel's order webhooks (dev value). */
  webhookSecret: string;
  /** The currency the channel sells in, when not the sandbox's default (the Indonesian demo's are IDR). */
  currency?: string;
}

export const demoChannels: readonly DemoChannel[] = [
  {
    code: 'web',
    name: 'Own web store',
    kind: 'WEB_STORE',
    rateLimit: { perSecond: 50, burst: 100, perItem: false },
    maxBatchSize: 500,
    asyncJobs: false,
    safetyBuffer: 0,
    webhookSecret: 'dev-webhook-secret-web',
  },
  {
    code: 'megamart',
    name: 'MegaMart marketplace',
    kind: 'MARKETPLACE',
    rateLimit: { perSecond: 10, burst: 20, perItem: false },
    maxBatchSize: 100,
    asyncJobs: false,
    safetyBuffer: 2,
    webhookSecret: 'dev-webhook-secret-megamart',
  },
  {
    code: 'bazaar',
    name: 'Bazaar marketplace',
    kind: 'MARKETPLACE',
    rateLimit: { perSecond: 5, burst: 10, perItem: false },
    maxBatchSize: 1000,
    asyncJobs: true,
    safetyBuffer: 3,
    webhookSecret: 'dev-webhook-secret-bazaar',
  },
  {
    code: 'quickbuy',
    name: 'QuickBuy marketplace',
    kind: 'MARKETPLACE',
    rateLimit: { perSecond: 200, burst: 400, perItem: true },
    maxBatchSize: 50,
    asyncJobs: false,
    safetyBuffer: 2,
    webhookSecret: 'dev-webhook-secret-quickbuy',
  },
  {
    code: 'chatshop',
    name: 'ChatShop social catalogue',
    kind: 'SOCIAL_CATALOG',
    rateLimit: { perSecond: 2, burst: 5, perItem: false },
    maxBatchSize: 20,
    asyncJobs: false,
    safetyBuffer: 1,
    webhookSecret: 'dev-webhook-secret-chatshop',
  },
  {
    code: 'pos',
    name: 'Store point of sale',
    kind: 'POS',
    rateLimit: { perSecond: 100, burst: 200, perItem: false },
    maxBatchSize: 500,
    asyncJobs: false,
    safetyBuffer: 0,
    webhookSecret: 'dev-webhook-secret-pos',
  },
];
