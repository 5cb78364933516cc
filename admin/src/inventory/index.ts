import InventoryIcon from '@mui/icons-material/Inventory';
import { InventoryList } from './InventoryList';
import { InventoryShow } from './InventoryShow';

export const inventory = {
  list: InventoryList,
  show: InventoryShow,
  icon: InventoryIcon,
  recordRepresentation: (level: { sku: string; storeCode: string }) => `${level.sku} @ ${level.storeCode}`,
};
