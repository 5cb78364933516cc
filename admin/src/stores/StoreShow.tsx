import { Stack, Typography } from '@mui/material';
import { FunctionField, Labeled, NumberField, SelectField, Show, SimpleShowLayout, TextField, useTranslate } from 'react-admin';
import { unfulfillablePolicyChoices } from './policy-choices';
import { formatMinutesList } from './minutes-list';
import { useRecordLoadError } from '../shared/useRecordLoadError';
import { StoreStockCountButton } from '../stock-counts/StoreStockCountButton';

export function StoreShow() {
  const onLoadError = useRecordLoadError();
  const translate = useTranslate();
  return (
    <Show queryOptions={{ onError: onLoadError }}>
      <SimpleShowLayout>
        <TextField source="code" />
        <TextField source="name" />
        <StoreStockCountButton />
        <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap', rowGap: 2 }}>
          <Labeled>
            <TextField source="address" />
          </Labeled>
          <Labeled>
            <TextField source="openingHours" emptyText="-" />
          </Labeled>
          <Labeled>
            <TextField source="city" />
          </Labeled>
          <Labeled>
            <TextField source="timeZone" />
          </Labeled>
          <Labeled>
            <TextField source="currency" />
          </Labeled>
        </Stack>
        <Typography variant="subtitle1">{translate('omni.sections.pickup_settings')}</Typography>
        <NumberField source="pickSlaMinutes" />
        <NumberField source="pickEscalationMinutes" />
        <FunctionField
          source="pickupReminderMinutes"
          render={(store: { pickupReminderMinutes?: unknown }) => formatMinutesList(store.pickupReminderMinutes)}
        />
        <NumberField source="pickupExpiryHours" />
        <SelectField source="unfulfillablePolicy" choices={unfulfillablePolicyChoices} />
      </SimpleShowLayout>
    </Show>
  );
}
