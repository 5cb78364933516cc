import { proxyActivities } from '@temporalio/workflow';
import type { NaiveActivities } from './naive-activities';

const { pushOneSku } = proxyActivities<NaiveActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', maximumAttempts: 10 },
});

/** The naive design the bench compares with: one activity per SKU per channel, one after the other. */
export async function naivePromoPush(input: {
  channelCode: string;
  skus: string[];
  priceMinor: number;
  currency: string;
}): Promise<number> {
  for (const sku of input.skus)
    await pushOneSku({ channelCode: input.channelCode, sku, priceMinor: input.priceMinor, currency: input.currency });
  return input.skus.length;
}
