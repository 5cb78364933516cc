import HubIcon from '@mui/icons-material/Hub';
import { ChannelEdit } from './ChannelEdit';
import { ChannelList } from './ChannelList';
import { ChannelShow } from './ChannelShow';

export const channels = {
  list: ChannelList,
  show: ChannelShow,
  edit: ChannelEdit,
  icon: HubIcon,
  recordRepresentation: 'name',
};
