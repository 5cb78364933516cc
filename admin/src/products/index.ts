import CategoryIcon from '@mui/icons-material/Category';
import { lazyScreen } from '../shared/lazy-screen';

export const products = {
  list: lazyScreen(() => import('./ProductList'), 'ProductList'),
  show: lazyScreen(() => import('./ProductShow'), 'ProductShow'),
  icon: CategoryIcon,
  recordRepresentation: (product: { sku: string; name: string }) => `${product.sku} ${product.name}`,
};
