import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useTranslate } from 'react-admin';

/** A short pick cannot be taken back: say how many units go back and how much money, then ask. */
export function ShortPickConfirmDialog(props: {
  open: boolean;
  shortUnits: number;
  refund: string | null;
  isPending: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const translate = useTranslate();
  return (
    <Dialog open={props.open} onClose={props.onClose} fullWidth maxWidth="xs" className="short-pick-dialog">
      <DialogTitle>{translate('omni.task.short_pick_title', { smart_count: props.shortUnits })}</DialogTitle>
      <DialogContent>
        <DialogContentText>
          {props.refund === null
            ? translate('omni.task.short_pick_content_no_price')
            : translate('omni.task.short_pick_content', { refund: props.refund })}
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose} disabled={props.isPending} sx={{ textTransform: 'none' }}>
          {translate('omni.task.short_pick_recount')}
        </Button>
        <Button variant="contained" color="warning" onClick={props.onConfirm} disabled={props.isPending} sx={{ textTransform: 'none' }}>
          {translate('omni.task.short_pick_confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
