import AccountTreeIcon from '@mui/icons-material/AccountTree';
import { WorkflowList } from './WorkflowList';
import { WorkflowShow } from './WorkflowShow';

export const workflows = {
  list: WorkflowList,
  show: WorkflowShow,
  icon: AccountTreeIcon,
  recordRepresentation: (run: { id: string }) => run.id,
};
