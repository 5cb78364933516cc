import PriceCheckIcon from '@mui/icons-material/PriceCheck';
import { lazyScreen } from '../shared/lazy-screen';

export const priceConsistency = {
  list: lazyScreen(() => import('./PriceConsistencyList'), 'PriceConsistencyList'),
  show: lazyScreen(() => import('./PriceConsistencyShow'), 'PriceConsistencyShow'),
  icon: PriceCheckIcon,
  recordRepresentation: (product: { sku: string; name: string }) => `${product.sku} ${product.name}`,
};
