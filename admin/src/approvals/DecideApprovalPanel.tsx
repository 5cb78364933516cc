import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import { Stack, TextField as MuiTextField, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { type ApprovalRecord } from './approval-record';
import { useApprovalActions } from './useApprovalActions';

/**
 * Approve, or reject with a reason, for someone the API says may decide (`canDecide`: not the requester,
 * not an editor of the subject, their level and store). Everyone else sees why not, and no buttons.
 */
export function DecideApprovalPanel() {
  const approval = useRecordContext<ApprovalRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { approve, reject } = useApprovalActions();
  const [reason, setReason] = useState('');
  const done = (message: string) => () => {
    notify(message, { type: 'info' });
    refresh();
  };
  const onError = (error: Error) => notify(error.message, { type: 'error' });
  const approving = useMutation({ mutationFn: () => approve(approval?.id ?? ''), onSuccess: done('omni.approval.approved'), onError });
  const rejecting = useMutation({
    mutationFn: () => reject(approval?.id ?? '', reason),
    onSuccess: done('omni.approval.rejected'),
    onError,
  });
  if (approval === undefined || approval.status !== 'PENDING') return null;
  if (!approval.canDecide) return <Typography variant="body2">{approval.refusal ?? translate('omni.approval.not_yours')}</Typography>;
  const busy = approving.isPending || rejecting.isPending;
  return (
    <Stack spacing={2} sx={{ maxWidth: 480 }}>
      <Button label="omni.approval.approve" variant="contained" onClick={() => approving.mutate()} disabled={busy}>
        <CheckIcon />
      </Button>
      <MuiTextField
        label={translate('omni.approval.reject_reason')}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        multiline
        slotProps={{ htmlInput: { maxLength: 500 } }}
      />
      <Button
        label="omni.approval.reject"
        variant="outlined"
        color="error"
        onClick={() => rejecting.mutate()}
        disabled={busy || reason.trim() === ''}
      >
        <CloseIcon />
      </Button>
    </Stack>
  );
}
