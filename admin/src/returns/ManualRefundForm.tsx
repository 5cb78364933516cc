import { Alert, Button, Stack, TextField, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { useLocaleFormat } from '../shared/useLocaleFormat';
import { type TaskRecord } from '../tasks/task-record';
import { manualRefundPayloadOf } from './return-task-payloads';
import { useReturnTaskActions } from './useReturnTaskActions';

/** The API's bounds of the reference (manualRefundOutcomeBodySchema). */
const minReferenceLength = 3;
const maxReferenceLength = 200;

/**
 * The MANUAL_REFUND task: the channel refused or never answered, so customer service refunds by hand
 * and records the reference; the amount is the line's, formatted as money.
 */
export function ManualRefundForm() {
  const task = useRecordContext<TaskRecord>();
  const payload = manualRefundPayloadOf(task);
  const translate = useTranslate();
  const format = useLocaleFormat();
  const notify = useNotify();
  const refresh = useRefresh();
  const { completeManualRefund } = useReturnTaskActions();
  const [reference, setReference] = useState('');
  const valid = reference.trim().length >= minReferenceLength;
  const { mutate, isPending } = useMutation({
    mutationFn: () => completeManualRefund(task?.id ?? '', reference.trim()),
    onSuccess: () => {
      notify('omni.return.manual_refund_done', { type: 'success' });
      refresh();
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  if (task === undefined || payload === undefined) return null;
  return (
    <Stack spacing={2} className="manual-refund-form" sx={{ maxWidth: 640 }}>
      <Typography variant="subtitle1">{translate('omni.return.manual_refund_title')}</Typography>
      <Typography variant="body2">
        {translate('omni.return.manual_refund_help', { amount: format.money(payload.amountMinor, payload.currency) })}
      </Typography>
      <Alert severity="warning" sx={{ overflowWrap: 'anywhere' }}>
        {translate('omni.return.manual_refund_problem', { problem: payload.problem })}
      </Alert>
      <div>
        <Link to={`/returns/${encodeURIComponent(payload.returnId)}/show`}>{translate('omni.return.open_return')}</Link>
      </div>
      <TextField
        name="reference"
        label={translate('omni.return.manual_refund_reference')}
        helperText={translate('omni.return.manual_refund_reference_help')}
        value={reference}
        onChange={(event) => setReference(event.target.value)}
        slotProps={{ htmlInput: { maxLength: maxReferenceLength } }}
      />
      <div>
        <Button variant="contained" size="large" disabled={!valid || isPending} onClick={() => mutate()} sx={{ minHeight: 48 }}>
          {translate('omni.return.complete_manual_refund')}
        </Button>
      </div>
    </Stack>
  );
}
