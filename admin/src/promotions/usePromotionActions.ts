import { useDataProvider } from 'react-admin';
import { type OmnichannelDataProvider } from '../data/data-provider';
import { type PromotionRecord } from './promotion-record';
import { type PromotionProgress } from './promotion-progress';

export interface PromotionCheck {
  skuCount: number;
  channelCount: number;
  errors: Record<string, string>;
}

/** The promotion screens' calls beyond list/show/create/update, named, over the dataProvider. */
export function usePromotionActions() {
  const dataProvider = useDataProvider<OmnichannelDataProvider>();
  return {
    checkPromotion: (body: unknown) => dataProvider.postJson<PromotionCheck>('/promotions/check', body),
    uploadSkuCsv: (id: string, file: Blob) => dataProvider.putCsv<PromotionRecord>(`/promotions/${encodeURIComponent(id)}/sku-csv`, file),
    readProgress: (id: string) => dataProvider.readJson<PromotionProgress>(`/promotions/${encodeURIComponent(id)}/progress`),
    cancelPromotion: (id: string, reason: string) =>
      dataProvider.recordAction<PromotionRecord>('promotions', { id, action: 'cancel', body: { reason } }),
    readSkus: (id: string) =>
      dataProvider.readJson<{ skus: string[]; total: number; truncated: boolean }>(`/promotions/${encodeURIComponent(id)}/skus`),
  };
}
