import { Button, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { type TaskRecord } from './task-record';
import { useTaskActions } from './useTaskActions';

/**
 * The picker reports what they found, line by line. Every line must be filled in (0 up to the ordered
 * quantity); less than ordered is a short pick, which the workflow releases and refunds.
 */
export function CompletePickForm() {
  const task = useRecordContext<TaskRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { completePick } = useTaskActions();
  const [picked, setPicked] = useState<Record<string, string>>({});
  const lines = task?.payload.lines ?? [];
  const quantities = lines.map((line) => ({ lineId: line.lineId, ordered: line.quantity ?? 0, entered: picked[line.lineId] ?? '' }));
  const valid = quantities.every(({ ordered, entered }) => /^\d+$/.test(entered) && Number(entered) <= ordered);
  const { mutate, isPending } = useMutation({
    mutationFn: () =>
      completePick(
        task?.id ?? '',
        quantities.map(({ lineId, entered }) => ({ lineId, pickedQuantity: Number(entered) })),
      ),
    onSuccess: () => {
      notify('omni.task.pick_done', { type: 'success' });
      refresh();
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  if (task === undefined) return null;
  return (
    <Stack spacing={1} className="pick-form">
      <Typography variant="subtitle1">{translate('omni.task.pick_title')}</Typography>
      <Typography variant="body2">{translate('omni.task.pick_help')}</Typography>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{translate('omni.order.sku')}</TableCell>
            <TableCell>{translate('omni.order.product')}</TableCell>
            <TableCell align="right">{translate('omni.order.quantity')}</TableCell>
            <TableCell>{translate('omni.order.picked')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {lines.map((line) => (
            <TableRow key={line.lineId}>
              <TableCell>{line.sku}</TableCell>
              <TableCell>{line.productName}</TableCell>
              <TableCell align="right">{line.quantity}</TableCell>
              <TableCell>
                <TextField
                  size="small"
                  type="number"
                  name={`picked-${line.lineId}`}
                  slotProps={{
                    htmlInput: { min: 0, max: line.quantity, 'aria-label': `${translate('omni.order.picked')} ${line.sku ?? line.lineId}` },
                  }}
                  value={picked[line.lineId] ?? ''}
                  onChange={(event) => setPicked((current) => ({ ...current, [line.lineId]: event.target.value }))}
                />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <div>
        <Button variant="contained" disabled={!valid || isPending} onClick={() => mutate()}>
          {translate('omni.task.complete_pick')}
        </Button>
      </div>
    </Stack>
  );
}
