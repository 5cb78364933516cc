import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import { Alert, Chip } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { Button, useCanAccess, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { isStartOutstanding, type OrderRecord } from './order-record';
import { useDateTimeFormat } from '../shared/useDateTimeFormat';
import { useStoreTimeZone } from '../shared/useStoreTimeZone';
import { useOrderActions } from './useOrderActions';

/** In the orders list: a chip on orders whose run has not started yet (retrying) or was refused. */
export function WorkflowStartChip() {
  const order = useRecordContext<OrderRecord>();
  const translate = useTranslate();
  if (!isStartOutstanding(order)) return null;
  const failed = order?.startStatus === 'FAILED';
  return (
    <Chip
      size="small"
      className="workflow-start-chip"
      color={failed ? 'error' : 'warning'}
      label={translate(failed ? 'omni.order.start_failed' : 'omni.order.start_pending')}
    />
  );
}

/**
 * On the order page, while the order's run does not exist yet: how far the automatic retries got, and
 * (for head office) a button that tries the start now. Once the run exists, nothing is shown.
 */
export function WorkflowStartBadge() {
  const order = useRecordContext<OrderRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { canAccess } = useCanAccess({ resource: 'orders', action: 'start-fulfilment' });
  const { startFulfilment } = useOrderActions();
  const formatDateTime = useDateTimeFormat(useStoreTimeZone({ code: order?.pickupStoreCode }));
  const { mutate, isPending } = useMutation({
    mutationFn: () => startFulfilment(order?.id ?? ''),
    onSuccess: () => {
      notify('omni.order.start_now_done', { type: 'info' });
      refresh();
    },
    onError: (error: Error) => {
      notify(error.message, { type: 'error' });
      refresh();
    },
  });
  // The list's row (shown first when opened from the list) has no workflowStart: wait for the order itself.
  const start = order?.workflowStart;
  if (order === undefined || start == null || !isStartOutstanding(order)) return null;
  const failed = order.startStatus === 'FAILED';
  return (
    <Alert
      severity={failed ? 'error' : 'warning'}
      className="workflow-start-badge"
      action={
        canAccess === true ? (
          <Button label="omni.order.start_now" onClick={() => mutate()} disabled={isPending}>
            <PlayArrowIcon />
          </Button>
        ) : undefined
      }
    >
      {translate(failed ? 'omni.order.start_failed_help' : 'omni.order.start_pending_help', {
        attempts: start.attempts,
        next: formatDateTime(start.nextAttemptAt),
        error: order.fulfilmentStartError ?? '—',
      })}
    </Alert>
  );
}
