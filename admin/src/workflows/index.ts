import AccountTreeIcon from '@mui/icons-material/AccountTree';
import { lazyScreen } from '../shared/lazy-screen';

export const workflows = {
  list: lazyScreen(() => import('./WorkflowList'), 'WorkflowList'),
  show: lazyScreen(() => import('./WorkflowShow'), 'WorkflowShow'),
  icon: AccountTreeIcon,
  recordRepresentation: (run: { id: string }) => run.id,
};
