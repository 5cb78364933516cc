import HistoryIcon from '@mui/icons-material/History';
import { AuditEventList } from './AuditEventList';
import { AuditEventShow } from './AuditEventShow';

export const auditEvents = {
  list: AuditEventList,
  show: AuditEventShow,
  icon: HistoryIcon,
  recordRepresentation: (event: { action: string; entityType: string }) => `${event.action} ${event.entityType}`,
};
