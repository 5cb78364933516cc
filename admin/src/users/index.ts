import PeopleIcon from '@mui/icons-material/People';
import { lazyScreen } from '../shared/lazy-screen';

export const users = {
  list: lazyScreen(() => import('./UserList'), 'UserList'),
  show: lazyScreen(() => import('./UserShow'), 'UserShow'),
  edit: lazyScreen(() => import('./UserEdit'), 'UserEdit'),
  create: lazyScreen(() => import('./UserCreate'), 'UserCreate'),
  icon: PeopleIcon,
  recordRepresentation: 'name',
};
