import AssignmentReturnIcon from '@mui/icons-material/AssignmentReturn';
import { lazyScreen } from '../shared/lazy-screen';

export const returns = {
  list: lazyScreen(() => import('./ReturnList'), 'ReturnList'),
  show: lazyScreen(() => import('./ReturnShow'), 'ReturnShow'),
  create: lazyScreen(() => import('./ReturnCreate'), 'ReturnCreate'),
  icon: AssignmentReturnIcon,
  recordRepresentation: (record: { orderExternalId: string }) => record.orderExternalId,
};
