import { Stack, Typography } from '@mui/material';
import { Labeled, SelectField, Show, SimpleShowLayout, TextField, TopToolbar, useTranslate } from 'react-admin';
import { ReturnItemsButton } from '../returns/ReturnItemsButton';
import { MoneyField } from '../shared/MoneyField';
import { useRecordLoadError } from '../shared/useRecordLoadError';
import { timelineRefreshMs } from '../workflows/workflow-choices';
import { CancelOrderButton } from './CancelOrderButton';
import { orderStatusChoices } from './order-choices';
import { isSettled, type OrderRecord } from './order-record';
import { OrderLinesTable } from './OrderLinesTable';
import { OrderTimeline } from './OrderTimeline';
import { WorkflowStartBadge } from './WorkflowStartBadge';
import { StoreDateField } from '../shared/StoreDateField';

function OrderShowActions() {
  return (
    <TopToolbar>
      <CancelOrderButton />
      <ReturnItemsButton />
    </TopToolbar>
  );
}

/** One order: lines, customer, and its pickup as it happens (order and timeline refresh while open). */
export function OrderShow() {
  const onLoadError = useRecordLoadError();
  const translate = useTranslate();
  return (
    <Show
      actions={<OrderShowActions />}
      queryOptions={{
        onError: onLoadError,
        refetchInterval: (query) => (isSettled(query.state.data as OrderRecord | undefined) ? false : timelineRefreshMs),
      }}
    >
      <SimpleShowLayout>
        <WorkflowStartBadge />
        <Stack direction="row" spacing={4}>
          <Labeled>
            <TextField source="externalId" />
          </Labeled>
          <Labeled>
            <SelectField source="status" choices={orderStatusChoices} className="order-status" />
          </Labeled>
          <Labeled>
            <TextField source="channelCode" />
          </Labeled>
          <Labeled>
            <TextField source="pickupStoreCode" emptyText="—" />
          </Labeled>
          <Labeled>
            <MoneyField source="totalMinor" />
          </Labeled>
          <Labeled>
            <StoreDateField source="placedAt" showTime />
          </Labeled>
        </Stack>
        <Stack direction="row" spacing={4}>
          <Labeled>
            <StoreDateField source="readyForPickupAt" showTime emptyText="—" />
          </Labeled>
          <Labeled>
            <StoreDateField source="collectedAt" showTime emptyText="—" />
          </Labeled>
          <Labeled>
            <StoreDateField source="cancelledAt" showTime emptyText="—" />
          </Labeled>
          <Labeled>
            <TextField source="cancelReason" emptyText="—" />
          </Labeled>
        </Stack>
        <Typography variant="subtitle1">{translate('omni.order.customer')}</Typography>
        <Stack direction="row" spacing={4}>
          <Labeled>
            <TextField source="customer.name" emptyText="—" />
          </Labeled>
          <Labeled>
            <TextField source="customer.phone" emptyText="—" />
          </Labeled>
          <Labeled>
            <TextField source="customer.email" emptyText="—" />
          </Labeled>
        </Stack>
        <Typography variant="subtitle1">{translate('omni.order.lines')}</Typography>
        <OrderLinesTable />
        <OrderTimeline />
      </SimpleShowLayout>
    </Show>
  );
}
