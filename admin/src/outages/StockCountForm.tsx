import { Button, Stack, TextField, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { type TaskRecord } from '../tasks/task-record';
import { countsOf, maxCountedQuantity, parseCount, type StockCountPayload } from './outage-task-record';
import { useOutageTaskActions } from './useOutageTaskActions';

/**
 * The shelf count of a set of SKUs, typed on a phone: one full-width box per SKU under its name (no sideways
 * scroll at 390 px, a numeric keypad, touch-sized), every SKU required. The counts feed the reconciliation's
 * diff (stock drift against what the system holds).
 */
export function StockCountForm() {
  const task = useRecordContext<TaskRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { submitStockCount } = useOutageTaskActions();
  const [entered, setEntered] = useState<Record<string, string>>({});
  const skus = (task?.payload as unknown as StockCountPayload | undefined)?.skus ?? [];
  const counts = countsOf(skus, entered);
  const { mutate, isPending } = useMutation({
    mutationFn: (submitted: { sku: string; counted: number }[]) => submitStockCount(task?.id ?? '', submitted),
    onSuccess: () => {
      notify('omni.outage_task.counted', { type: 'success' });
      refresh();
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  if (task === undefined) return null;
  const missing = skus.filter(({ sku }) => parseCount(entered[sku] ?? '') === null).length;
  return (
    <Stack spacing={1} className="stock-count-form" sx={{ minWidth: 0 }}>
      <Typography variant="subtitle1">{translate('omni.outage_task.count_title')}</Typography>
      <Typography variant="body2">{translate('omni.outage_task.count_help')}</Typography>
      <Stack spacing={1.5} className="stock-count-lines">
        {skus.map(({ sku, name }) => {
          const value = entered[sku] ?? '';
          const wrong = value.trim() !== '' && parseCount(value) === null;
          return (
            <Stack key={sku} spacing={0.5} sx={{ borderBottom: 1, borderColor: 'divider', pb: 1.5, minWidth: 0 }} data-sku={sku}>
              <Typography variant="body1" sx={{ overflowWrap: 'anywhere' }}>
                {name}
              </Typography>
              <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
                {sku}
              </Typography>
              <TextField
                name={`counted-${sku}`}
                fullWidth
                label={translate('omni.outage_task.counted_label')}
                value={value}
                error={wrong}
                helperText={wrong ? translate('omni.outage_task.count_invalid', { max: maxCountedQuantity }) : ' '}
                onChange={(event) => setEntered((current) => ({ ...current, [sku]: event.target.value }))}
                slotProps={{
                  htmlInput: {
                    inputMode: 'numeric',
                    pattern: '[0-9]*',
                    autoComplete: 'off',
                    'aria-label': `${translate('omni.outage_task.counted_label')} ${sku}`,
                    style: { fontSize: '1.25rem', minHeight: 32 },
                  },
                }}
              />
            </Stack>
          );
        })}
      </Stack>
      <div>
        <Button
          variant="contained"
          size="large"
          fullWidth
          sx={{ minHeight: 48, maxWidth: 480 }}
          disabled={counts === null || isPending}
          onClick={() => counts !== null && mutate(counts)}
          className="submit-stock-count"
        >
          {translate('omni.outage_task.submit_count')}
        </Button>
        {counts === null && (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }} className="count-why-disabled">
            {translate('omni.outage_task.count_missing', { smart_count: missing })}
          </Typography>
        )}
      </div>
    </Stack>
  );
}
