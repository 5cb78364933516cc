import { type WorkflowDefinition } from '../workflow-kit/workflow-definition';

export const CHECK_PRODUCT_PRICES_WORKFLOW_TYPE = 'checkProductPrices';

export interface CheckProductPricesInput {
  productId: string;
  /** Who pressed "Check now" (kept on each read-back row). */
  requestedByUserId: string;
}

export interface CheckedChannel {
  channelCode: string;
  listed: boolean;
  priceMinor: number | null;
}

export interface CheckProductPricesResult {
  productId: string;
  checkedAt: string;
  checked: CheckedChannel[];
  /** Channels that could not be read now (down, no API key): their last read-back stays as it was. */
  unavailable: { channelCode: string; reason: string }[];
}

/**
 * "Check now" from the price consistency view: a live read-back of one SKU on every channel that lists it,
 * done by the worker (the API never talks to channels). One run per product at a time: a second click
 * joins the running check.
 */
export const checkProductPricesWorkflow = {
  type: CHECK_PRODUCT_PRICES_WORKFLOW_TYPE,
  domain: 'promotions',
  workflowIdOf: (productId: string) => `price-check:${productId}`,
  searchAttributes: [],
  timelineQuery: null,
  cancelUpdate: null,
  taskTypes: [],
  steps: [],
} as const satisfies WorkflowDefinition;
