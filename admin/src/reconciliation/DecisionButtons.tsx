import { Button, Stack, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useNotify, usePermissions, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { type Permissions } from '../auth/permissions';
import {
  approvalBlockedBecause,
  canReview,
  isEditableCorrection,
  isOpenForDecision,
  isOrderDecision,
  type DiscrepancyRecord,
} from './discrepancy-record';
import { DecisionDialog, type DialogKind } from './DecisionDialog';
import { type DiscrepancyDecision, useDiscrepancyActions } from './useDiscrepancyActions';

const buttonSx = { textTransform: 'none', minHeight: 36, whiteSpace: 'nowrap' } as const;

/**
 * A row's decision: approve (a second admin confirms above the four-eyes value), reject, or edit the stock
 * correction and approve it; a double sale instead goes to another store or is cancelled and refunded. The
 * first approver sees why they cannot give the second approval.
 */
export function DecisionButtons(_props: { label?: string; source?: string }) {
  const discrepancy = useRecordContext<DiscrepancyRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { permissions } = usePermissions<Permissions>();
  const { decide } = useDiscrepancyActions();
  const [dialog, setDialog] = useState<DialogKind | null>(null);
  const { mutate, isPending } = useMutation({
    mutationFn: (decision: DiscrepancyDecision) => decide(discrepancy?.id ?? '', decision),
    onSuccess: (result) => {
      setDialog(null);
      notify(
        result.data.discrepancy.status === 'AWAITING_SECOND_APPROVAL' ? 'omni.discrepancy.awaits_second' : 'omni.discrepancy.decided',
        {
          type: 'success',
        },
      );
      refresh();
    },
    onError: (error: Error) => {
      notify(error.message, { type: 'error' });
      refresh();
    },
  });
  if (discrepancy === undefined || !canReview(permissions) || !isOpenForDecision(discrepancy)) return null;
  const blocked = approvalBlockedBecause(permissions, discrepancy);
  const stop = (event: React.MouseEvent) => event.stopPropagation();
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }} onClick={stop} className="decision-buttons">
      {isOrderDecision(discrepancy) ? (
        <>
          <Button
            size="small"
            variant="outlined"
            sx={buttonSx}
            disabled={isPending}
            onClick={() => setDialog('FULFIL_FROM_STORE')}
            className="fulfil-from-store"
          >
            {translate('omni.discrepancy.fulfil_from_store')}
          </Button>
          <Button
            size="small"
            color="error"
            sx={buttonSx}
            disabled={isPending}
            onClick={() => setDialog('CANCEL_AND_REFUND')}
            className="cancel-and-refund"
          >
            {translate('omni.discrepancy.cancel_and_refund')}
          </Button>
        </>
      ) : (
        <>
          <Button
            size="small"
            variant="contained"
            sx={buttonSx}
            disabled={blocked !== null || isPending}
            onClick={() => mutate({ decision: 'APPROVE' })}
            className="approve-discrepancy"
          >
            {translate(discrepancy.status === 'AWAITING_SECOND_APPROVAL' ? 'omni.discrepancy.approve_second' : 'omni.discrepancy.approve')}
          </Button>
          {isEditableCorrection(discrepancy) && (
            <Button
              size="small"
              variant="outlined"
              sx={buttonSx}
              disabled={isPending}
              onClick={() => setDialog('EDIT')}
              className="edit-correction"
            >
              {translate('omni.discrepancy.edit')}
            </Button>
          )}
          <Button
            size="small"
            color="error"
            sx={buttonSx}
            disabled={isPending}
            onClick={() => setDialog('REJECT')}
            className="reject-discrepancy"
          >
            {translate('omni.discrepancy.reject')}
          </Button>
        </>
      )}
      {blocked === 'first_approver' && (
        <Typography variant="caption" color="text.secondary" className="why-not-approve" sx={{ flexBasis: '100%' }}>
          {translate('omni.discrepancy.you_approved_first')}
        </Typography>
      )}
      <DecisionDialog
        key={dialog ?? 'closed'}
        kind={dialog}
        discrepancy={discrepancy}
        isPending={isPending}
        onDecide={(decision) => mutate(decision)}
        onClose={() => setDialog(null)}
      />
    </Stack>
  );
}
