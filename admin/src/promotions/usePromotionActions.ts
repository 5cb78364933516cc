import { useDataProvider } from 'react-admin';
import { type OmnichannelDataProvider } from '../data/data-provider';
import { type PromotionRecord } from './promotion-record';
import { type PromotionProgress } from './promotion-progress';

/** GET /api/products/facets (api/routes/product-facets.ts): every category and brand of the active catalogue. */
export interface ProductFacets {
  categories: { name: string; count: number }[];
  brands: { name: string; count: number }[];
  withoutBrand: number;
}

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
    readProductFacets: () => dataProvider.readJson<ProductFacets>('/products/facets'),
    readSkus: (id: string) =>
      dataProvider.readJson<{ skus: string[]; total: number; truncated: boolean }>(`/promotions/${encodeURIComponent(id)}/skus`),
  };
}
