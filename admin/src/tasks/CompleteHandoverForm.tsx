import { Alert, Button, Stack, TextField, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { HttpError, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { type TaskRecord } from './task-record';
import { useTaskActions } from './useTaskActions';

/** The API checks codes of at least this length (domain/tasks/task-outcomes.ts). */
const shortestCode = 4;

/**
 * The customer shows their pickup code; a wrong one is answered with the attempts left, and the last
 * wrong one locks the task (the page then shows the locked state and, for managers, Unlock).
 */
export function CompleteHandoverForm() {
  const task = useRecordContext<TaskRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { completeHandover } = useTaskActions();
  const [code, setCode] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const { mutate, isPending } = useMutation({
    mutationFn: () => completeHandover(task?.id ?? '', code.trim()),
    onSuccess: () => {
      setRefusal(null);
      notify('omni.task.handover_done', { type: 'success' });
      refresh();
    },
    onError: (error: Error) => {
      setRefusal(error.message);
      setCode('');
      notify(error.message, { type: 'error' });
      // A wrong code (400 on `code`) counts against the task and a lock (409) closes it: either way the
      // task changed, and the counter below must say the same as the API's "N attempt(s) left".
      if (error instanceof HttpError && (error.status === 400 || error.status === 409)) refresh();
    },
  });
  if (task === undefined) return null;
  return (
    <Stack spacing={1} className="handover-form">
      <Typography variant="subtitle1">{translate('omni.task.handover_title')}</Typography>
      <Typography variant="body2">{translate('omni.task.handover_help')}</Typography>
      <Typography variant="h6" className="handover-customer">
        {task.payload.customerName ?? '—'}
      </Typography>
      <Stack component="ul" sx={{ m: 0, pl: 3 }} className="handover-items">
        {(task.payload.lines ?? []).map((line) => (
          <Typography component="li" variant="body1" key={line.lineId}>
            {translate('omni.task.handover_item', {
              quantity: line.pickedQuantity ?? line.quantity ?? 0,
              product: line.productName ?? line.sku ?? line.lineId,
            })}
          </Typography>
        ))}
      </Stack>
      {task.failedAttempts > 0 && (
        <Typography variant="body2" className="handover-wrong-codes">
          {translate('omni.task.wrong_codes_so_far', { smart_count: task.failedAttempts })}
        </Typography>
      )}
      {refusal !== null && (
        <Alert severity="error" className="handover-refusal">
          {refusal}
        </Alert>
      )}
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <TextField
          size="small"
          name="code"
          sx={{ width: '15rem', maxWidth: '100%' }}
          label={translate('omni.task.code')}
          value={code}
          onChange={(event) => setCode(event.target.value)}
          autoComplete="off"
        />
        <Button variant="contained" size="large" disabled={code.trim().length < shortestCode || isPending} onClick={() => mutate()}>
          {translate('omni.task.complete_handover')}
        </Button>
      </Stack>
    </Stack>
  );
}
