import InventoryIcon from '@mui/icons-material/Inventory';
import { lazyScreen } from '../shared/lazy-screen';

export const inventory = {
  list: lazyScreen(() => import('./InventoryList'), 'InventoryList'),
  show: lazyScreen(() => import('./InventoryShow'), 'InventoryShow'),
  icon: InventoryIcon,
  recordRepresentation: (level: { sku: string; storeCode: string }) => `${level.sku} @ ${level.storeCode}`,
};
