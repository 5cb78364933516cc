import { Alert, Button, Stack, TextField, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useGetOne, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { useLocaleFormat } from '../shared/useLocaleFormat';
import { type TaskRecord } from '../tasks/task-record';
import { type ReturnRecord } from './return-record';
import { handbackPayloadOf } from './return-task-payloads';
import { useReturnTaskActions } from './useReturnTaskActions';

/** The API's bound of the note (returnHandbackOutcomeBodySchema). */
const maxNoteLength = 500;

/**
 * The RETURN_HANDBACK task: the manager rejected the return, so the clerk gives the items back to the
 * customer at the counter and confirms it, with an optional note. Nothing is refunded and no stock moves;
 * the page says so, lists what to hand over and to whom, and its one button fills a phone's width.
 */
export function ReturnHandbackForm() {
  const task = useRecordContext<TaskRecord>();
  const payload = handbackPayloadOf(task);
  const translate = useTranslate();
  const format = useLocaleFormat();
  const notify = useNotify();
  const refresh = useRefresh();
  const { completeHandback } = useReturnTaskActions();
  const { data: record } = useGetOne<ReturnRecord>(
    'returns',
    { id: payload?.returnId ?? '' },
    { enabled: payload?.returnId !== undefined },
  );
  const [note, setNote] = useState('');
  const { mutate, isPending } = useMutation({
    mutationFn: () => completeHandback(task?.id ?? '', note.trim()),
    onSuccess: () => {
      notify('omni.return.handback_done', { type: 'success' });
      refresh();
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  if (task === undefined || payload === undefined) return null;
  const customer = record?.customerName ?? translate('omni.return.no_customer');
  return (
    <Stack spacing={2} className="handback-form" sx={{ maxWidth: 640, minWidth: 0 }}>
      <Typography variant="subtitle1">{translate('omni.return.handback_title')}</Typography>
      <Alert severity="info" sx={{ overflowWrap: 'anywhere' }}>
        {translate('omni.return.handback_help', { customer, order: record?.orderExternalId ?? '' })}
      </Alert>
      <div>
        <Link to={`/returns/${encodeURIComponent(payload.returnId)}/show`}>{translate('omni.return.open_return')}</Link>
      </div>
      <Typography variant="body2">{translate('omni.return.handback_items')}</Typography>
      <Stack spacing={1} component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }}>
        {payload.lines.map((line) => {
          const returned = record?.lines.find((candidate) => candidate.id === line.returnLineId);
          return (
            <Stack
              key={line.returnLineId}
              component="li"
              className="handback-line"
              data-sku={line.sku}
              sx={{ borderBottom: 1, borderColor: 'divider', pb: 1, minWidth: 0 }}
            >
              <Typography variant="body1" sx={{ overflowWrap: 'anywhere' }}>
                {format.count(line.quantity)} × {returned?.productName ?? line.sku}
              </Typography>
              <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
                {line.sku}
                {returned?.condition != null &&
                  ` · ${translate('omni.return.graded_as', { grade: translate(`omni.return.grade.${returned.condition}`) })}`}
              </Typography>
            </Stack>
          );
        })}
      </Stack>
      <TextField
        name="note"
        label={translate('omni.return.note')}
        helperText={translate('omni.return.handback_note_help')}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        multiline
        fullWidth
        slotProps={{ htmlInput: { maxLength: maxNoteLength } }}
      />
      <Button
        variant="contained"
        size="large"
        fullWidth
        disabled={isPending}
        onClick={() => mutate()}
        className="complete-handback"
        sx={{ minHeight: 56 }}
      >
        {translate('omni.return.complete_handback')}
      </Button>
    </Stack>
  );
}
