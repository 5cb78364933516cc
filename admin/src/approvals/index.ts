import FactCheckIcon from '@mui/icons-material/FactCheck';
import { lazyScreen } from '../shared/lazy-screen';

export const approvals = {
  list: lazyScreen(() => import('./ApprovalList'), 'ApprovalList'),
  show: lazyScreen(() => import('./ApprovalShow'), 'ApprovalShow'),
  icon: FactCheckIcon,
  recordRepresentation: (approval: { summary: string }) => approval.summary,
};
