import AssignmentIcon from '@mui/icons-material/Assignment';
import { TaskList } from './TaskList';
import { TaskShow } from './TaskShow';

export const tasks = {
  list: TaskList,
  show: TaskShow,
  icon: AssignmentIcon,
  recordRepresentation: (task: { title: string }) => task.title,
};
