import CancelIcon from '@mui/icons-material/Cancel';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, useCanAccess, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { useOrderRun } from '../orders/useOrderRun';
import { ReasonConfirmDialog } from '../workflows/ReasonConfirmDialog';
import { isCancellableNow } from '../workflows/workflow-record';
import { type ReturnRecord } from './return-record';
import { useReturnActions } from './useReturnActions';

/** Offered while the run still takes a cancellation (received or in inspection: before any refund). */
export function CancelReturnButton() {
  const record = useRecordContext<ReturnRecord>();
  const { data: run } = useOrderRun(record);
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { canAccess } = useCanAccess({ resource: 'returns', action: 'cancel' });
  const [open, setOpen] = useState(false);
  const { cancelReturn } = useReturnActions();
  const { mutate, isPending } = useMutation({
    mutationFn: (reason: string) => cancelReturn(record?.id ?? '', reason),
    onSuccess: () => {
      setOpen(false);
      notify('omni.return.cancelled', { type: 'info' });
      refresh();
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  if (canAccess !== true || record === undefined || run === undefined || !isCancellableNow(run) || run.status !== 'RUNNING') return null;
  return (
    <>
      <Button label="omni.return.cancel" color="error" onClick={() => setOpen(true)}>
        <CancelIcon />
      </Button>
      <ReasonConfirmDialog
        open={open}
        title={translate('omni.return.cancel_title', { externalId: record.orderExternalId })}
        content={translate('omni.return.cancel_content')}
        reasonLabel={translate('omni.return.cancel_reason')}
        confirmLabel={translate('omni.return.cancel')}
        keepLabel={translate('omni.return.keep')}
        isPending={isPending}
        onConfirm={(reason) => mutate(reason)}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
