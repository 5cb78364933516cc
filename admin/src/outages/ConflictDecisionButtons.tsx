import { Button, Stack, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useNotify, usePermissions, useRefresh } from 'react-admin';
import { type Permissions } from '../auth/permissions';
import { ReasonConfirmDialog } from '../workflows/ReasonConfirmDialog';
import { type ConflictDecision, type OfflineSaleConflictRecord } from './conflict-compare';
import { canRunOutage } from './outage-record';
import { useOutageActions } from './useOutageActions';
import { useScreenMessages } from './useScreenMessages';

/**
 * Keep the journal's version or take the incoming one, each with a reason (audited). Offered to who the API lets
 * decide (admins, ops leads, the store's manager); taking is not offered once the receipt is applied to stock.
 */
export function ConflictDecisionButtons({ conflict }: { conflict: OfflineSaleConflictRecord }) {
  const t = useScreenMessages();
  const notify = useNotify();
  const refresh = useRefresh();
  const { permissions } = usePermissions<Permissions>();
  const { decideConflict } = useOutageActions();
  const [chosen, setChosen] = useState<ConflictDecision | null>(null);
  const { mutate, isPending } = useMutation({
    mutationFn: ({ decision, reason }: { decision: ConflictDecision; reason: string }) => decideConflict(conflict.id, decision, reason),
    onSuccess: () => {
      setChosen(null);
      notify(t('omni.conflicts.decided'), { type: 'success' });
      refresh();
    },
    onError: (error: Error) => {
      setChosen(null);
      notify(error.message, { type: 'error' });
      refresh();
    },
  });
  if (conflict.status !== 'OPEN') return null;
  if (!canRunOutage(permissions, { storeId: conflict.storeId }))
    return (
      <Typography variant="body2" color="text.secondary">
        {t('omni.conflicts.not_yours')}
      </Typography>
    );
  const mayTake = conflict.appliedToStockAt === null;
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} useFlexGap>
      <Button
        variant="outlined"
        className="conflict-keep"
        onClick={() => setChosen('KEEP_JOURNAL')}
        sx={{ textTransform: 'none', minHeight: 44 }}
      >
        {t('omni.conflicts.keep')}
      </Button>
      {mayTake && (
        <Button
          variant="contained"
          className="conflict-take"
          onClick={() => setChosen('TAKE_INCOMING')}
          sx={{ textTransform: 'none', minHeight: 44 }}
        >
          {t('omni.conflicts.take')}
        </Button>
      )}
      <ReasonConfirmDialog
        open={chosen !== null}
        title={t(chosen === 'TAKE_INCOMING' ? 'omni.conflicts.take_title' : 'omni.conflicts.keep_title', {
          receipt: conflict.receiptNumber,
        })}
        content={t(chosen === 'TAKE_INCOMING' ? 'omni.conflicts.take_help' : 'omni.conflicts.keep_help')}
        reasonLabel={t('omni.conflicts.reason')}
        confirmLabel={t('omni.conflicts.confirm')}
        keepLabel={t('omni.conflicts.back')}
        isPending={isPending}
        onConfirm={(reason) => chosen !== null && mutate({ decision: chosen, reason })}
        onClose={() => setChosen(null)}
      />
    </Stack>
  );
}
