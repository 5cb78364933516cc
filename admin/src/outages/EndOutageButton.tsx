import { Button, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useNotify, usePermissions, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { type Permissions } from '../auth/permissions';
import { ReasonConfirmDialog } from '../workflows/ReasonConfirmDialog';
import { canRunOutage, isWaitingForRecovery, type OutageRecord } from './outage-record';
import { useOutageActions } from './useOutageActions';

/**
 * Ends an outage that is still waiting for recovery: its run reconciles, lifts the measures and closes it with
 * a report. Asks for a reason (audited), and is offered only to who the API lets end it.
 */
export function EndOutageButton() {
  const outage = useRecordContext<OutageRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { permissions } = usePermissions<Permissions>();
  const { endOutage } = useOutageActions();
  const [open, setOpen] = useState(false);
  // Between the request and the run taking it up the outage still reads ACTIVE: do not offer a second end.
  const [requested, setRequested] = useState(false);
  const { mutate, isPending } = useMutation({
    mutationFn: (reason: string) => endOutage(outage?.id ?? '', reason),
    onSuccess: () => {
      setOpen(false);
      setRequested(true);
      notify('omni.outage.ending', { type: 'success' });
      refresh();
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  if (outage === undefined || !isWaitingForRecovery(outage) || !canRunOutage(permissions, outage)) return null;
  if (requested)
    return (
      <Typography variant="body2" className="end-requested">
        {translate('omni.outage.end_requested')}
      </Typography>
    );
  return (
    <>
      <Button
        color="warning"
        variant="contained"
        size="small"
        onClick={() => setOpen(true)}
        className="end-outage"
        sx={{ textTransform: 'none' }}
      >
        {translate('omni.outage.end')}
      </Button>
      <ReasonConfirmDialog
        open={open}
        title={translate('omni.outage.end_title')}
        content={translate(outage.kind === 'STORE' ? 'omni.outage.end_help_store' : 'omni.outage.end_help_channel')}
        reasonLabel={translate('omni.outage.end_reason')}
        confirmLabel={translate('omni.outage.end_confirm')}
        keepLabel={translate('omni.outage.end_keep')}
        isPending={isPending}
        onConfirm={(reason) => mutate(reason)}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
