import ShoppingBagIcon from '@mui/icons-material/ShoppingBag';
import { lazyScreen } from '../shared/lazy-screen';

export const orders = {
  list: lazyScreen(() => import('./OrderList'), 'OrderList'),
  show: lazyScreen(() => import('./OrderShow'), 'OrderShow'),
  icon: ShoppingBagIcon,
  recordRepresentation: (order: { externalId: string }) => order.externalId,
};
