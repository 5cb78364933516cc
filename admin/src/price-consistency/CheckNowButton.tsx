import { Button } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useDataProvider, useNotify, usePermissions, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { type Permissions } from '../auth/permissions';
import { type OmnichannelDataProvider } from '../data/data-provider';
import { canWritePromotions } from '../promotions/access';

/**
 * "Check now": the worker reads this SKU back from every channel (`POST /api/price-consistency/:id/check`);
 * the page then shows those read-backs, and a notification names the channels that could not be read.
 */
export function CheckNowButton() {
  const record = useRecordContext<{ id: string }>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { permissions } = usePermissions<Permissions>();
  const dataProvider = useDataProvider<OmnichannelDataProvider>();
  const mutation = useMutation({
    mutationFn: (id: string) =>
      dataProvider.recordAction<{ id: string; unavailableChannels?: { channelCode: string }[] }>('price-consistency', {
        id,
        action: 'check',
      }),
    onSuccess: ({ data }) => {
      const unavailable = (data.unavailableChannels ?? []).map((row) => row.channelCode);
      if (unavailable.length === 0) notify('omni.price_consistency.checked');
      else notify('omni.price_consistency.checked_partly', { type: 'warning', messageArgs: { channels: unavailable.join(', ') } });
      refresh();
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  if (record === undefined || !canWritePromotions(permissions)) return null;
  return (
    <Button variant="outlined" onClick={() => mutation.mutate(record.id)} disabled={mutation.isPending} data-testid="check-now">
      {translate(mutation.isPending ? 'omni.price_consistency.checking' : 'omni.price_consistency.check_now')}
    </Button>
  );
}
