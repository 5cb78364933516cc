import TuneIcon from '@mui/icons-material/Tune';
import { lazyScreen } from '../shared/lazy-screen';

export const stockAdjustments = {
  list: lazyScreen(() => import('./StockAdjustmentList'), 'StockAdjustmentList'),
  show: lazyScreen(() => import('./StockAdjustmentShow'), 'StockAdjustmentShow'),
  create: lazyScreen(() => import('./StockAdjustmentCreate'), 'StockAdjustmentCreate'),
  icon: TuneIcon,
  recordRepresentation: (adjustment: { sku: string; delta: number }) =>
    `${adjustment.sku} ${adjustment.delta > 0 ? '+' : ''}${adjustment.delta}`,
};
