import NotificationsActiveIcon from '@mui/icons-material/NotificationsActive';
import NotificationsOffIcon from '@mui/icons-material/NotificationsOff';
import { ListItemIcon, ListItemText, MenuItem } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { newTaskSoundOn, playChime, setNewTaskSound } from './new-task-alert';

/** In the user menu: a chime when a new task arrives, off by default, remembered on this device. */
export function NewTaskSoundToggle() {
  const translate = useTranslate();
  const [on, setOn] = useState(newTaskSoundOn);
  const toggle = () => {
    setNewTaskSound(!on);
    setOn(!on);
    // Playing it now lets the browser allow sound later and tells the user what they will hear.
    if (!on) playChime();
  };
  return (
    <MenuItem onClick={toggle} className="new-task-sound-toggle" data-on={on}>
      <ListItemIcon>{on ? <NotificationsActiveIcon fontSize="small" /> : <NotificationsOffIcon fontSize="small" />}</ListItemIcon>
      <ListItemText>{translate(on ? 'omni.task.sound_on' : 'omni.task.sound_off')}</ListItemText>
    </MenuItem>
  );
}
