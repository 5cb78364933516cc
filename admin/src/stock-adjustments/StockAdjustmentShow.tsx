import { Alert } from '@mui/material';
import { Labeled, ReferenceField, SelectField, Show, SimpleShowLayout, TextField, useTranslate } from 'react-admin';
import { MoneyField } from '../shared/MoneyField';
import { StoreDateField } from '../shared/StoreDateField';
import { useRecordLoadError } from '../shared/useRecordLoadError';
import { PendingApprovalLink } from './PendingApprovalLink';
import { RequesterField } from './RequesterField';
import { SignedDeltaField } from './SignedDeltaField';
import { isSettled, stockAdjustmentStatusChoices, type StockAdjustmentRecord } from './stock-adjustment-record';

/** Refreshes every 2 s until the workflow has applied or closed the adjustment. */
const pollUntilSettled = (query: { state: { data?: StockAdjustmentRecord } }) => (isSettled(query.state.data) ? false : 2000);

export function StockAdjustmentShow() {
  const onLoadError = useRecordLoadError();
  const translate = useTranslate();
  return (
    <Show queryOptions={{ onError: onLoadError, refetchInterval: pollUntilSettled }}>
      <SimpleShowLayout>
        <SelectField source="status" choices={stockAdjustmentStatusChoices} />
        <PendingApprovalLink />
        <ReferenceField source="storeId" reference="stores" />
        <TextField source="sku" />
        <Labeled source="delta">
          <SignedDeltaField source="delta" />
        </Labeled>
        <MoneyField source="valueMinor" />
        <TextField source="reason" />
        <Labeled source="requestedByUserId">
          <RequesterField source="requestedByUserId" />
        </Labeled>
        <StoreDateField source="createdAt" showTime />
        <StoreDateField source="appliedAt" showTime emptyText="—" />
        <TextField source="decisionReason" emptyText="—" />
        <Alert severity="info">{translate('omni.stock_adjustment.approval_note')}</Alert>
      </SimpleShowLayout>
    </Show>
  );
}
