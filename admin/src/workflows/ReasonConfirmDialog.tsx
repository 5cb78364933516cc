import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';

/** The API requires a reason of at least this many characters for a cancellation (audit trail). */
const minimumReasonLength = 3;

export interface ReasonConfirmDialogProps {
  open: boolean;
  title: string;
  content: string;
  reasonLabel: string;
  confirmLabel: string;
  /** The way out, named by what it keeps ("Keep running"), never a bare "Cancel" next to "Cancel run". */
  keepLabel: string;
  isPending: boolean;
  onConfirm: (reason: string) => void;
  onClose: () => void;
}

/**
 * A confirmation that cannot be given without saying why: irreversible actions (cancelling an order or a
 * run) keep the reason in the audit log.
 */
export function ReasonConfirmDialog({
  open,
  title,
  content,
  reasonLabel,
  confirmLabel,
  keepLabel,
  isPending,
  onConfirm,
  onClose,
}: ReasonConfirmDialogProps) {
  const translate = useTranslate();
  const [reason, setReason] = useState('');
  const tooShort = reason.trim().length < minimumReasonLength;
  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        <DialogContentText>{content}</DialogContentText>
        <TextField
          name="reason"
          label={reasonLabel}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          helperText={reason !== '' && tooShort ? translate('omni.validation_reason') : ' '}
          error={reason !== '' && tooShort}
          fullWidth
          multiline
          autoFocus
          margin="normal"
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={isPending} sx={{ textTransform: 'none' }} className="dialog-keep">
          {keepLabel}
        </Button>
        <Button
          color="error"
          variant="contained"
          sx={{ textTransform: 'none' }}
          className="dialog-confirm"
          disabled={tooShort || isPending}
          onClick={() => onConfirm(reason.trim())}
        >
          {confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
