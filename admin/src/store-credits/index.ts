import CardGiftcardIcon from '@mui/icons-material/CardGiftcard';
import { lazyScreen } from '../shared/lazy-screen';

export const storeCredits = {
  list: lazyScreen(() => import('./StoreCreditList'), 'StoreCreditList'),
  show: lazyScreen(() => import('./StoreCreditShow'), 'StoreCreditShow'),
  icon: CardGiftcardIcon,
  recordRepresentation: (credit: { code: string }) => credit.code,
};
