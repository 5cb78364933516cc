import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControl,
  InputLabel,
  MenuItem,
  Select,
  Stack,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import { useGetList, useTranslate } from 'react-admin';
import { correctionOf, type DiscrepancyRecord } from './discrepancy-record';
import { type DiscrepancyDecision } from './useDiscrepancyActions';

/** The API's bound on a correction (domain/validation/integers.ts) and on a reason. */
const maxCorrection = 1_000_000;
const maxReasonLength = 500;
const everyStore = { pagination: { page: 1, perPage: 200 }, sort: { field: 'code', order: 'ASC' as const } };

export type DialogKind = 'EDIT' | 'REJECT' | 'FULFIL_FROM_STORE' | 'CANCEL_AND_REFUND';

/**
 * What a decision needs beyond a click: an edited correction (whole units, with a reason), a rejection's
 * reason, the store that fulfils a double-sold order instead, or the reason to cancel and refund it.
 */
export function DecisionDialog({
  kind,
  discrepancy,
  isPending,
  onDecide,
  onClose,
}: {
  kind: DialogKind | null;
  discrepancy: DiscrepancyRecord;
  isPending: boolean;
  onDecide: (decision: DiscrepancyDecision) => void;
  onClose: () => void;
}) {
  const translate = useTranslate();
  const [correction, setCorrection] = useState(String(correctionOf(discrepancy)));
  const [reason, setReason] = useState('');
  const [storeId, setStoreId] = useState('');
  const { data: stores } = useGetList<{ id: string; code: string; name: string }>('stores', everyStore, {
    enabled: kind === 'FULFIL_FROM_STORE',
  });
  if (kind === null) return null;
  const correctionValue = /^-?\d+$/.test(correction.trim()) ? Number(correction.trim()) : null;
  const correctionOk = correctionValue !== null && Math.abs(correctionValue) <= maxCorrection;
  const reasonOk = reason.trim().length > 0 && reason.trim().length <= maxReasonLength;
  const ready =
    kind === 'EDIT'
      ? correctionOk && reasonOk
      : kind === 'REJECT'
        ? reason.trim().length <= maxReasonLength
        : kind === 'CANCEL_AND_REFUND'
          ? reasonOk
          : storeId !== '';
  const decide = () => {
    if (kind === 'EDIT' && correctionValue !== null)
      onDecide({ decision: 'APPROVE', correctedDelta: correctionValue, reason: reason.trim() });
    else if (kind === 'REJECT') onDecide({ decision: 'REJECT', ...(reason.trim() !== '' && { reason: reason.trim() }) });
    else if (kind === 'CANCEL_AND_REFUND') onDecide({ decision: 'CANCEL_AND_REFUND', reason: reason.trim() });
    else if (kind === 'FULFIL_FROM_STORE') onDecide({ decision: 'FULFIL_FROM_STORE', storeId });
  };
  const key = kind.toLowerCase();
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" className={`decision-dialog decision-${key}`}>
      <DialogTitle>{translate(`omni.discrepancy.dialog.${key}_title`, { sku: discrepancy.sku })}</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <DialogContentText>{translate(`omni.discrepancy.dialog.${key}_help`)}</DialogContentText>
          {kind === 'EDIT' && (
            <TextField
              name="correctedDelta"
              label={translate('omni.discrepancy.corrected_delta')}
              value={correction}
              onChange={(event) => setCorrection(event.target.value)}
              error={!correctionOk}
              helperText={
                correctionOk ? translate('omni.discrepancy.corrected_delta_help') : translate('omni.discrepancy.corrected_delta_invalid')
              }
              slotProps={{ htmlInput: { inputMode: 'numeric' } }}
              autoFocus
            />
          )}
          {kind === 'FULFIL_FROM_STORE' && (
            <FormControl fullWidth>
              <InputLabel id="fulfil-store">{translate('omni.outage.store')}</InputLabel>
              <Select
                labelId="fulfil-store"
                label={translate('omni.outage.store')}
                value={storeId}
                name="storeId"
                onChange={(event) => setStoreId(event.target.value)}
              >
                {(stores ?? [])
                  .filter((store) => store.id !== discrepancy.storeId)
                  .map((store) => (
                    <MenuItem key={store.id} value={store.id}>{`${store.code} ${store.name}`}</MenuItem>
                  ))}
              </Select>
            </FormControl>
          )}
          {kind !== 'FULFIL_FROM_STORE' && (
            <TextField
              name="reason"
              label={translate(kind === 'REJECT' ? 'omni.discrepancy.reason_optional' : 'omni.discrepancy.reason')}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              error={reason.length > maxReasonLength}
              helperText={reason.length > maxReasonLength ? translate('omni.outage.cause_too_long', { max: maxReasonLength }) : ' '}
              multiline
              minRows={2}
              fullWidth
              autoFocus={kind !== 'EDIT'}
            />
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={isPending} sx={{ textTransform: 'none' }} className="dialog-keep">
          {translate('omni.discrepancy.dialog.keep')}
        </Button>
        <Button
          variant="contained"
          color={kind === 'REJECT' || kind === 'CANCEL_AND_REFUND' ? 'error' : 'primary'}
          sx={{ textTransform: 'none' }}
          disabled={!ready || isPending}
          onClick={decide}
          className="dialog-confirm"
        >
          {translate(`omni.discrepancy.dialog.${key}_confirm`)}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
