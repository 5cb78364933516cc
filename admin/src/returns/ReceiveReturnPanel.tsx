import { Alert, Button, Stack } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useCanAccess, useNotify, usePermissions, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { isConfinedToStore, type Permissions } from '../auth/permissions';
import { awaitsReceiving, type ReturnRecord } from './return-record';
import { useReturnActions } from './useReturnActions';
import { ActiveStoreSelect } from '../shared/ActiveStoreSelect';

/**
 * A return the customer started on a channel waits, with no store and no run, until they bring the items
 * in: "Receive item" takes them in at the clerk's own store (head office picks the store first), which
 * starts the return's run, so the page then follows its timeline (inspection next).
 */
export function ReceiveReturnPanel(_props: { label?: string }) {
  const record = useRecordContext<ReturnRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { canAccess } = useCanAccess({ resource: 'returns', action: 'receive' });
  const { permissions } = usePermissions<Permissions>();
  const headOffice = permissions !== undefined && !isConfinedToStore(permissions);
  const waiting = awaitsReceiving(record);
  const [storeId, setStoreId] = useState('');
  const { receiveReturn } = useReturnActions();
  const { mutate, isPending } = useMutation({
    mutationFn: () => receiveReturn(record?.id ?? '', headOffice ? storeId : undefined),
    onSuccess: () => {
      notify('omni.return.received', { type: 'success' });
      refresh();
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  if (record === undefined || !waiting) return null;
  return (
    <Stack spacing={2} className="receive-return" sx={{ maxWidth: 640 }}>
      <Alert severity="info" sx={{ overflowWrap: 'anywhere' }}>
        {translate('omni.return.awaits_receiving', { channel: record.channelCode })}
      </Alert>
      {canAccess === true && headOffice && (
        <ActiveStoreSelect
          name="receivingStoreId"
          label={translate('omni.return.receiving_store')}
          value={storeId}
          onChange={setStoreId}
          helperText={translate('omni.return.receiving_store_help')}
        />
      )}
      {canAccess === true && (
        <Button
          variant="contained"
          size="large"
          disabled={isPending || (headOffice && storeId === '')}
          onClick={() => mutate()}
          className="receive-return-button"
          sx={{ minHeight: 48, alignSelf: 'flex-start' }}
        >
          {translate(headOffice ? 'omni.return.receive_at_store' : 'omni.return.receive')}
        </Button>
      )}
    </Stack>
  );
}
