/** The workflow bundle's entry: every workflow type the worker runs is exported from here. */
export { checkPipeline } from './system/check-pipeline';
export { syncStock } from './inventory/sync-stock';
export { syncChannelStock } from './inventory/sync-channel-stock';
export { pickupOrder } from './pickup/pickup-order';
export { adjustStockWithApproval } from './stock-adjustments/adjust-stock-with-approval';
export { rollOutPromotion } from './promotions/roll-out-promotion';
export { pushPromotionToChannel } from './promotions/push-promotion-to-channel';
export { labelShelves } from './promotions/label-shelves';
export { checkProductPrices } from './promotions/check-product-prices';
export { returnOrder } from './returns/return-order';
export { handleOutage } from './outages/handle-outage';
export { detectOutages } from './outages/detect-outages';
export { countStock } from './stock-counts/count-stock';
