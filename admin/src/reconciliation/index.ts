import FactCheckIcon from '@mui/icons-material/FactCheck';
import { lazyScreen } from '../shared/lazy-screen';

export const discrepancies = {
  list: lazyScreen(() => import('./DiscrepancyList'), 'DiscrepancyList'),
  icon: FactCheckIcon,
  recordRepresentation: (discrepancy: { class: string; sku: string }) => `${discrepancy.class} ${discrepancy.sku}`,
};
