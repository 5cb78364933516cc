import HistoryIcon from '@mui/icons-material/History';
import { lazyScreen } from '../shared/lazy-screen';

export const auditEvents = {
  list: lazyScreen(() => import('./AuditEventList'), 'AuditEventList'),
  show: lazyScreen(() => import('./AuditEventShow'), 'AuditEventShow'),
  icon: HistoryIcon,
  recordRepresentation: (event: { action: string; entityType: string }) => `${event.action} ${event.entityType}`,
};
