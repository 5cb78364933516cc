import CancelIcon from '@mui/icons-material/Cancel';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { ReasonConfirmDialog } from '../workflows/ReasonConfirmDialog';
import { isCancellable, type PromotionRecord } from './promotion-record';
import { usePromotionActions } from './usePromotionActions';

/**
 * Ops leads and admins cancel a promotion until it is over, with a reason (audited): one nobody approved
 * yet is cancelled at once, a scheduled one never goes live, a live one is restored on every channel (the
 * page then follows the status and the restore's bars).
 */
export function CancelPromotionButton() {
  const record = useRecordContext<PromotionRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const { cancelPromotion } = usePromotionActions();
  const { mutate, isPending } = useMutation({
    mutationFn: (reason: string) => cancelPromotion(record?.id ?? '', reason),
    onSuccess: ({ data }) => {
      setOpen(false);
      notify(data.status === 'CANCELLED' ? 'omni.promotion.cancel.done' : 'omni.promotion.cancel.under_way', { type: 'info' });
      void queryClient.invalidateQueries({ queryKey: ['promotion-progress', record?.id] });
      refresh();
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  if (record === undefined || !isCancellable(record.status)) return null;
  return (
    <>
      <Button label="omni.promotion.cancel.action" color="error" onClick={() => setOpen(true)}>
        <CancelIcon />
      </Button>
      <ReasonConfirmDialog
        open={open}
        title={translate('omni.promotion.cancel.title', { name: record.name })}
        content={translate(record.status === 'ACTIVE' ? 'omni.promotion.cancel.content_active' : 'omni.promotion.cancel.content_before')}
        reasonLabel={translate('omni.promotion.cancel.reason')}
        confirmLabel={translate('omni.promotion.cancel.action')}
        keepLabel={translate('omni.promotion.cancel.keep')}
        isPending={isPending}
        onConfirm={(reason) => mutate(reason)}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
