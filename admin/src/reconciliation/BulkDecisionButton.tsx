import DoneAllIcon from '@mui/icons-material/DoneAll';
import RemoveDoneIcon from '@mui/icons-material/RemoveDone';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useGetList, useListContext, useNotify, usePermissions, useRefresh, useTranslate } from 'react-admin';
import { type Permissions } from '../auth/permissions';
import { minorUnitExponent } from '../../../domain/money/currency-exponent';
import { useLocaleFormat } from '../shared/useLocaleFormat';
import {
  bulkFilterOf,
  canReview,
  minorFromTyped,
  openStatuses,
  type DiscrepancyListFilter,
  type DiscrepancyRecord,
} from './discrepancy-record';
import { useCurrencyOf } from './useCurrencyOfStore';
import { useDiscrepancyActions } from './useDiscrepancyActions';

/** The longest reason the API takes. */
const maxReasonLength = 500;

/**
 * Approves (or rejects, with a reason), in one go, every open discrepancy the list's filters select (one
 * outage; class, store and SKU as filtered; optionally only up to a value). Approved above the four-eyes value,
 * each one still waits for a second person, and the answer says how many do. Double sales are never decided in
 * bulk (the API skips them: they are decided one by one, for their order).
 */
export function BulkDecisionButton({ decision }: { decision: 'APPROVE' | 'REJECT' }) {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const format = useLocaleFormat();
  const { permissions } = usePermissions<Permissions>();
  const filter = useListContext<DiscrepancyRecord>().filterValues as DiscrepancyListFilter;
  const { decideInBulk } = useDiscrepancyActions();
  const currencyOf = useCurrencyOf();
  const currency = currencyOf({ storeId: filter.storeId ?? null });
  const exponent = currency === undefined ? 2 : minorUnitExponent(currency);
  const [open, setOpen] = useState(false);
  const [maxValue, setMaxValue] = useState('');
  const [reason, setReason] = useState('');
  const key = decision === 'APPROVE' ? 'bulk' : 'bulk_reject';
  const reasonOk = decision === 'APPROVE' || (reason.trim().length > 0 && reason.trim().length <= maxReasonLength);
  const maxValueMinor = maxValue.trim() === '' ? undefined : (minorFromTyped(maxValue, exponent) ?? null);
  const bulk = bulkFilterOf(filter, maxValueMinor ?? undefined);
  const { total: matching } = useGetList<DiscrepancyRecord>(
    'discrepancies',
    {
      pagination: { page: 1, perPage: 1 },
      sort: { field: 'valueMinor', order: 'DESC' },
      filter: {
        ...('filter' in bulk
          ? { outageId: bulk.filter.outageId, class: bulk.filter.class, storeId: bulk.filter.storeId, sku: bulk.filter.sku }
          : {}),
        status: openStatuses,
      },
    },
    { enabled: open && 'filter' in bulk },
  );
  const { mutate, isPending } = useMutation({
    mutationFn: () => {
      if (!('filter' in bulk)) throw new Error(translate(`omni.discrepancy.bulk_problem.${bulk.problem}`));
      return decideInBulk(bulk.filter, decision, decision === 'REJECT' ? reason.trim() : undefined);
    },
    onSuccess: ({ decided, needSecondApproval, skipped }) => {
      setOpen(false);
      notify(`omni.discrepancy.${key}_done`, { type: 'success', messageArgs: { decided, waiting: needSecondApproval, skipped } });
      refresh();
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  if (!canReview(permissions)) return null;
  const problem = 'problem' in bulk ? bulk.problem : null;
  return (
    <>
      <Button
        size="small"
        color={decision === 'APPROVE' ? 'primary' : 'error'}
        startIcon={decision === 'APPROVE' ? <DoneAllIcon /> : <RemoveDoneIcon />}
        onClick={() => setOpen(true)}
        className={decision === 'APPROVE' ? 'bulk-approve' : 'bulk-reject'}
      >
        {translate(`omni.discrepancy.${key}_button`)}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate(`omni.discrepancy.${key}_title`)}</DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            <DialogContentText>{translate(`omni.discrepancy.${key}_help`)}</DialogContentText>
            {problem !== null ? (
              <Alert severity="warning" className="bulk-problem">
                {translate(`omni.discrepancy.bulk_problem.${problem}`)}
              </Alert>
            ) : (
              <Typography variant="body2" className="bulk-scope">
                {translate('omni.discrepancy.bulk_scope', {
                  classes:
                    filter.class === undefined
                      ? translate('omni.discrepancy.every_class')
                      : translate(`omni.discrepancy.class.${filter.class}`),
                  sku: filter.sku ?? translate('omni.discrepancy.every_sku'),
                })}
                {matching !== undefined &&
                  maxValueMinor === undefined &&
                  ` ${translate('omni.discrepancy.bulk_matching', { smart_count: matching })}`}
              </Typography>
            )}
            <TextField
              name="maxValue"
              label={translate('omni.discrepancy.bulk_max_value', { currency: currency ?? '' })}
              value={maxValue}
              onChange={(event) => setMaxValue(event.target.value)}
              error={maxValueMinor === null}
              helperText={
                maxValueMinor === null
                  ? translate('omni.discrepancy.value_invalid')
                  : maxValueMinor !== undefined && currency !== undefined
                    ? translate('omni.discrepancy.bulk_up_to', { value: format.money(maxValueMinor, currency) })
                    : translate('omni.discrepancy.bulk_max_value_help')
              }
              slotProps={{ htmlInput: { inputMode: 'decimal' } }}
            />
            {decision === 'REJECT' && (
              <TextField
                name="reason"
                label={translate('omni.discrepancy.reason')}
                value={reason}
                onChange={(event) => setReason(event.target.value)}
                error={reason.length > maxReasonLength}
                helperText={reason.length > maxReasonLength ? translate('omni.outage.cause_too_long', { max: maxReasonLength }) : ' '}
                multiline
                minRows={2}
                fullWidth
              />
            )}
            {decision === 'APPROVE' && <Alert severity="info">{translate('omni.discrepancy.four_eyes_help')}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)} disabled={isPending} sx={{ textTransform: 'none' }} className="dialog-keep">
            {translate('omni.discrepancy.dialog.keep')}
          </Button>
          <Button
            variant="contained"
            sx={{ textTransform: 'none' }}
            color={decision === 'APPROVE' ? 'primary' : 'error'}
            disabled={problem !== null || maxValueMinor === null || !reasonOk || isPending}
            onClick={() => mutate()}
            className="dialog-confirm"
          >
            {translate(`omni.discrepancy.${key}_confirm`)}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
