import AssignmentIcon from '@mui/icons-material/Assignment';
import { lazyScreen } from '../shared/lazy-screen';

export const tasks = {
  list: lazyScreen(() => import('./TaskList'), 'TaskList'),
  show: lazyScreen(() => import('./TaskShow'), 'TaskShow'),
  icon: AssignmentIcon,
  recordRepresentation: (task: { title: string }) => task.title,
};
