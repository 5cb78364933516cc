import { Box, Button, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { isActionable, type TaskRecord } from '../tasks/task-record';
import { useLocaleFormat } from '../shared/useLocaleFormat';
import { type ShelfLabelPayload, shelfLabelRowsOf } from './promotion-tasks';
import { usePromotionTaskActions } from './usePromotionTaskActions';

/**
 * A store's shelf labels to change at a promotion's start or end: a printable list (the page's print
 * styles leave only the list) and "Labels changed" once the shelf shows what the till charges. At 390 px
 * the rows stack name under SKU, so the list reads on a phone walking the aisle.
 */
export function ShelfLabelForm() {
  const task = useRecordContext<TaskRecord>();
  const translate = useTranslate();
  const format = useLocaleFormat();
  const notify = useNotify();
  const refresh = useRefresh();
  const { confirmShelfLabels } = usePromotionTaskActions();
  const mutation = useMutation({
    mutationFn: () => confirmShelfLabels(task?.id ?? ''),
    onSuccess: () => {
      notify('omni.promotion.labels.done');
      refresh();
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  if (task === undefined) return null;
  const payload = task.payload as unknown as ShelfLabelPayload;
  const rows = shelfLabelRowsOf(payload, format.money);
  return (
    <Box sx={{ width: '100%' }} data-testid="shelf-label-form" className="printable">
      <Typography variant="subtitle1">
        {translate(payload.phase === 'START' ? 'omni.promotion.labels.start' : 'omni.promotion.labels.end', { smart_count: rows.length })}
      </Typography>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{translate('omni.promotion.labels.product')}</TableCell>
            <TableCell align="right">{translate('omni.promotion.labels.old_price')}</TableCell>
            <TableCell align="right">{translate('omni.promotion.labels.new_price')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.sku}>
              <TableCell sx={{ wordBreak: 'break-word' }}>
                <Typography variant="body2" sx={{ fontWeight: 600 }}>
                  {row.sku}
                </Typography>
                <Typography variant="caption">{row.name}</Typography>
              </TableCell>
              <TableCell align="right" sx={{ textDecoration: 'line-through', whiteSpace: 'nowrap' }}>
                {row.oldPrice}
              </TableCell>
              <TableCell align="right" sx={{ fontWeight: 600, whiteSpace: 'nowrap' }}>
                {row.newPrice}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Stack direction="row" spacing={1} sx={{ mt: 2, flexWrap: 'wrap', '@media print': { display: 'none' } }}>
        <Button variant="outlined" onClick={() => window.print()}>
          {translate('omni.promotion.labels.print')}
        </Button>
        {isActionable(task) && (
          <Button variant="contained" onClick={() => mutation.mutate()} disabled={mutation.isPending} data-testid="labels-changed">
            {translate('omni.promotion.labels.changed')}
          </Button>
        )}
      </Stack>
    </Box>
  );
}
