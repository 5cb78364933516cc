import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import {
  type CheckProductPricesInput,
  type CheckProductPricesResult,
} from '../../domain/price-consistency/check-product-prices-definition';

/**
 * One read-back of one SKU per channel: quick, so a short timeout; a channel that is down is reported by
 * the activity itself (not retried here), so only a lost worker or database makes it try again.
 */
const { readBackProductPrices } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '500 milliseconds', backoffCoefficient: 2, maximumInterval: '5 seconds', maximumAttempts: 3 },
});

/** "Check now" of the price consistency view (domain/price-consistency/check-product-prices-definition.ts). */
export async function checkProductPrices(input: CheckProductPricesInput): Promise<CheckProductPricesResult> {
  return readBackProductPrices(input);
}
