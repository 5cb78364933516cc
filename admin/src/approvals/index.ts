import FactCheckIcon from '@mui/icons-material/FactCheck';
import { ApprovalList } from './ApprovalList';
import { ApprovalShow } from './ApprovalShow';

export const approvals = {
  list: ApprovalList,
  show: ApprovalShow,
  icon: FactCheckIcon,
  recordRepresentation: (approval: { summary: string }) => approval.summary,
};
