import CancelIcon from '@mui/icons-material/Cancel';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, useCanAccess, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { ReasonConfirmDialog } from '../workflows/ReasonConfirmDialog';
import { isCancellableNow } from '../workflows/workflow-record';
import { type OrderRecord } from './order-record';
import { useOrderActions } from './useOrderActions';
import { useOrderRun } from './useOrderRun';

/** Offered while the pickup can still be cancelled (its definition's cancellable steps), to roles the API lets cancel. */
export function CancelOrderButton() {
  const order = useRecordContext<OrderRecord>();
  const { data: run } = useOrderRun(order);
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { canAccess } = useCanAccess({ resource: 'orders', action: 'cancel' });
  const [open, setOpen] = useState(false);
  const { cancelOrder } = useOrderActions();
  const { mutate, isPending } = useMutation({
    mutationFn: (reason: string) => cancelOrder(order?.id ?? '', reason),
    onSuccess: () => {
      setOpen(false);
      notify('omni.order.cancelled', { type: 'info' });
      refresh();
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  if (canAccess !== true || order === undefined || run === undefined || !isCancellableNow(run)) return null;
  return (
    <>
      <Button label="omni.order.cancel" color="error" onClick={() => setOpen(true)}>
        <CancelIcon />
      </Button>
      <ReasonConfirmDialog
        open={open}
        title={translate('omni.order.cancel_title', { externalId: order.externalId })}
        content={translate('omni.order.cancel_content')}
        reasonLabel={translate('omni.order.cancel_reason')}
        confirmLabel={translate('omni.order.cancel')}
        keepLabel={translate('omni.order.keep')}
        isPending={isPending}
        onConfirm={(reason) => mutate(reason)}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
