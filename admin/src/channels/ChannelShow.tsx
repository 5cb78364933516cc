import { BooleanField, Labeled, NumberField, SelectField, Show, SimpleShowLayout, TextField, useTranslate } from 'react-admin';
import { Stack, Typography } from '@mui/material';
import { channelKindChoices } from './channel-choices';
import { ChannelStatusChip } from './ChannelStatusChip';
import { useRecordLoadError } from '../shared/useRecordLoadError';
import { StoreDateField } from '../shared/StoreDateField';

export function ChannelShow() {
  const onLoadError = useRecordLoadError();
  const translate = useTranslate();
  return (
    <Show queryOptions={{ onError: onLoadError }}>
      <SimpleShowLayout>
        <TextField source="code" />
        <TextField source="name" />
        <SelectField source="kind" choices={channelKindChoices} />
        <Labeled source="status">
          <ChannelStatusChip source="status" />
        </Labeled>
        <StoreDateField source="lastHealthyAt" showTime emptyText="—" />
        <TextField source="baseUrl" />
        <Typography variant="subtitle1">{translate('omni.sections.rate_limit')}</Typography>
        <Stack direction="row" spacing={4}>
          <Labeled>
            <NumberField source="requestsPerSecond" />
          </Labeled>
          <Labeled>
            <NumberField source="burst" />
          </Labeled>
          <Labeled>
            <NumberField source="maxBatchSize" />
          </Labeled>
          <Labeled>
            <BooleanField source="perItemCost" />
          </Labeled>
          <Labeled>
            <BooleanField source="asyncJobs" />
          </Labeled>
        </Stack>
        <Typography variant="subtitle1">{translate('omni.sections.listing')}</Typography>
        <Stack direction="row" spacing={4}>
          <Labeled>
            <NumberField source="safetyBuffer" />
          </Labeled>
          <Labeled>
            <NumberField source="closeListingAtOrBelow" />
          </Labeled>
        </Stack>
      </SimpleShowLayout>
    </Show>
  );
}
