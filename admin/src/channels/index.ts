import HubIcon from '@mui/icons-material/Hub';
import { lazyScreen } from '../shared/lazy-screen';

export const channels = {
  list: lazyScreen(() => import('./ChannelList'), 'ChannelList'),
  show: lazyScreen(() => import('./ChannelShow'), 'ChannelShow'),
  edit: lazyScreen(() => import('./ChannelEdit'), 'ChannelEdit'),
  icon: HubIcon,
  recordRepresentation: 'name',
};
