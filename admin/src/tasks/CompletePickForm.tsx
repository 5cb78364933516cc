import { Button, Stack, TextField, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useGetOne, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { type OrderRecord } from '../orders/order-record';
import { useLocaleFormat } from '../shared/useLocaleFormat';
import { shortPickRefund } from './short-pick';
import { ShortPickConfirmDialog } from './ShortPickConfirmDialog';
import { type TaskRecord } from './task-record';
import { useTaskActions } from './useTaskActions';

/**
 * The picker reports what they found, line by line. Every line must be filled in (0 up to the ordered
 * quantity); less than ordered is a short pick, which the workflow releases and refunds.
 */
export function CompletePickForm() {
  const task = useRecordContext<TaskRecord>();
  const translate = useTranslate();
  const format = useLocaleFormat();
  const notify = useNotify();
  const refresh = useRefresh();
  const { completePick } = useTaskActions();
  const [picked, setPicked] = useState<Record<string, string>>({});
  const lines = task?.payload.lines ?? [];
  const quantities = lines.map((line) => ({ lineId: line.lineId, ordered: line.quantity ?? 0, entered: picked[line.lineId] ?? '' }));
  const valid = quantities.every(({ ordered, entered }) => /^\d+$/.test(entered) && Number(entered) <= ordered);
  const { data: order } = useGetOne<OrderRecord>(
    'orders',
    { id: task?.payload.orderId ?? '' },
    { enabled: task?.payload.orderId !== undefined },
  );
  const [confirming, setConfirming] = useState(false);
  const priceOf = (lineId: string) => order?.lines?.find((line) => line.id === lineId)?.unitPriceMinor;
  const short = shortPickRefund(
    quantities.map(({ lineId, ordered, entered }) => ({ ordered, picked: Number(entered), unitPriceMinor: priceOf(lineId) ?? 0 })),
  );
  const pricesKnown = order !== undefined && quantities.every(({ lineId }) => priceOf(lineId) !== undefined);
  const refund = pricesKnown ? format.money(short.refundMinor, order.currency) : null;
  const { mutate, isPending } = useMutation({
    mutationFn: () =>
      completePick(
        task?.id ?? '',
        quantities.map(({ lineId, entered }) => ({ lineId, pickedQuantity: Number(entered) })),
      ),
    onSuccess: () => {
      setConfirming(false);
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
      <Stack spacing={1} className="pick-lines">
        {quantities.map(({ lineId, ordered, entered }) => {
          const line = lines.find((candidate) => candidate.lineId === lineId);
          const over = /^\d+$/.test(entered) && Number(entered) > ordered;
          return (
            <Stack
              key={lineId}
              direction="row"
              spacing={2}
              useFlexGap
              sx={{ flexWrap: 'wrap', alignItems: 'center', borderBottom: 1, borderColor: 'divider', pb: 1 }}
            >
              <Stack sx={{ flex: '1 1 12rem', minWidth: 0 }}>
                <Typography variant="body1" sx={{ overflowWrap: 'anywhere' }}>
                  {line?.productName ?? line?.sku}
                </Typography>
                <Typography variant="body2" color="text.secondary">
                  {line?.sku} · {translate('omni.task.ordered_count', { count: ordered })}
                </Typography>
              </Stack>
              <TextField
                type="number"
                name={`picked-${lineId}`}
                sx={{ width: '8rem' }}
                label={translate('omni.order.picked')}
                error={over}
                helperText={over ? translate('omni.task.at_most', { count: ordered }) : translate('omni.task.zero_to', { count: ordered })}
                slotProps={{
                  htmlInput: {
                    min: 0,
                    max: ordered,
                    inputMode: 'numeric',
                    'aria-label': `${translate('omni.order.picked')} ${line?.sku ?? lineId}`,
                  },
                }}
                value={entered}
                onChange={(event) => setPicked((current) => ({ ...current, [lineId]: event.target.value }))}
              />
            </Stack>
          );
        })}
      </Stack>
      <div>
        <Button
          variant="contained"
          size="large"
          disabled={!valid || isPending}
          onClick={() => (short.shortUnits > 0 ? setConfirming(true) : mutate())}
        >
          {translate('omni.task.complete_pick')}
        </Button>
        {!valid && (
          <Typography variant="body2" color="text.secondary" className="pick-why-disabled" sx={{ mt: 1 }}>
            {translate('omni.task.pick_fill_every_line')}
          </Typography>
        )}
      </div>
      <ShortPickConfirmDialog
        open={confirming}
        shortUnits={short.shortUnits}
        refund={refund}
        isPending={isPending}
        onConfirm={() => mutate()}
        onClose={() => setConfirming(false)}
      />
    </Stack>
  );
}
