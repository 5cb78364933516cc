import StorefrontIcon from '@mui/icons-material/Storefront';
import { StoreEdit } from './StoreEdit';
import { StoreList } from './StoreList';
import { StoreShow } from './StoreShow';

export const stores = {
  list: StoreList,
  show: StoreShow,
  edit: StoreEdit,
  icon: StorefrontIcon,
  recordRepresentation: (store: { code: string; name: string }) => `${store.code} ${store.name}`,
};
