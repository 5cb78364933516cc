import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import { lazyScreen } from '../shared/lazy-screen';

export const inventoryMovements = {
  list: lazyScreen(() => import('./InventoryMovementList'), 'InventoryMovementList'),
  icon: ReceiptLongIcon,
};
