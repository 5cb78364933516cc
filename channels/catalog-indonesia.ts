import { type DemoChannel } from './catalog';

/**
 * The Indonesian demo retailer's channels (SEED_PROFILE=indonesia): what a shop selling in Jakarta,
 * Surabaya and Makassar uses - two big marketplaces, a chat catalogue customers order from by message, its
 * own web store and the till. Names are made up; the limits mirror the kind (marketplaces throttle hard and
 * one answers with feed-style async jobs, the chat catalogue is small and slow). Prices are in IDR.
 */
export const indonesianDemoChannels: readonly DemoChannel[] = [
  {
    code: 'tokoria',
    name: 'Tokoria marketplace',
    kind: 'MARKETPLACE',
    rateLimit: { perSecond: 10, burst: 20, perItem: false },
    maxBatchSize: 100,
    asyncJobs: false,
    safetyBuffer: 2,
    webhookSecret: 'dev-webhook-secret-tokoria',
    currency: 'IDR',
  },
  {
    code: 'belanjaraya',
    name: 'BelanjaRaya marketplace',
    kind: 'MARKETPLACE',
    rateLimit: { perSecond: 5, burst: 10, perItem: true },
    maxBatchSize: 500,
    asyncJobs: true,
    safetyBuffer: 3,
    webhookSecret: 'dev-webhook-secret-belanjaraya',
    currency: 'IDR',
  },
  {
    code: 'obrolan',
    name: 'Obrolan chat catalogue',
    kind: 'SOCIAL_CATALOG',
    rateLimit: { perSecond: 2, burst: 5, perItem: false },
    maxBatchSize: 20,
    asyncJobs: false,
    safetyBuffer: 1,
    webhookSecret: 'dev-webhook-secret-obrolan',
    currency: 'IDR',
  },
  {
    code: 'toko-web',
    name: 'Toko online sendiri',
    kind: 'WEB_STORE',
    rateLimit: { perSecond: 50, burst: 100, perItem: false },
    maxBatchSize: 500,
    asyncJobs: false,
    safetyBuffer: 0,
    webhookSecret: 'dev-webhook-secret-toko-web',
    currency: 'IDR',
  },
  {
    code: 'kasir',
    name: 'Kasir toko (POS)',
    kind: 'POS',
    rateLimit: { perSecond: 100, burst: 200, perItem: false },
    maxBatchSize: 500,
    asyncJobs: false,
    safetyBuffer: 0,
    webhookSecret: 'dev-webhook-secret-kasir',
    currency: 'IDR',
  },
];
