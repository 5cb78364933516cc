import StorefrontIcon from '@mui/icons-material/Storefront';
import { lazyScreen } from '../shared/lazy-screen';

export const stores = {
  list: lazyScreen(() => import('./StoreList'), 'StoreList'),
  show: lazyScreen(() => import('./StoreShow'), 'StoreShow'),
  edit: lazyScreen(() => import('./StoreEdit'), 'StoreEdit'),
  icon: StorefrontIcon,
  recordRepresentation: (store: { code: string; name: string }) => `${store.code} ${store.name}`,
};
