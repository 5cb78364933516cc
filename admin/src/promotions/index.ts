import LocalOfferIcon from '@mui/icons-material/LocalOffer';
import { lazyScreen } from '../shared/lazy-screen';

export const promotions = {
  list: lazyScreen(() => import('./PromotionList'), 'PromotionList'),
  show: lazyScreen(() => import('./PromotionShow'), 'PromotionShow'),
  create: lazyScreen(() => import('./PromotionCreate'), 'PromotionCreate'),
  edit: lazyScreen(() => import('./PromotionEdit'), 'PromotionEdit'),
  icon: LocalOfferIcon,
  recordRepresentation: (promotion: { name: string; version: number }) => `${promotion.name} (v${promotion.version})`,
};
