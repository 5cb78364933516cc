import {
  BooleanInput,
  Edit,
  Labeled,
  maxValue,
  minValue,
  NumberInput,
  required,
  SelectInput,
  SimpleForm,
  TextField,
  useTranslate,
} from 'react-admin';
import { Stack, Typography } from '@mui/material';
import { channelStatusChoices } from './channel-choices';
import { useRecordLoadError } from '../shared/useRecordLoadError';

/** Same bounds as the API (which re-checks them); they catch typos, not business rules. */
const largestSetting = 100_000;
const units = [required(), minValue(0), maxValue(largestSetting)];
const positive = [required(), minValue(1), maxValue(largestSetting)];

/**
 * Pessimistic: the change takes effect on the next sync or push, so the form waits for the API to accept
 * it and shows the API's field errors instead of pretending it saved.
 */
export function ChannelEdit() {
  const onLoadError = useRecordLoadError();
  const translate = useTranslate();
  return (
    <Edit mutationMode="pessimistic" redirect="show" queryOptions={{ onError: onLoadError }}>
      <SimpleForm>
        <Labeled source="code">
          <TextField source="code" />
        </Labeled>
        <SelectInput source="status" choices={channelStatusChoices} validate={required()} />
        <Typography variant="subtitle1">{translate('omni.sections.listing')}</Typography>
        <Stack direction="row" spacing={2}>
          <NumberInput source="safetyBuffer" step={1} validate={units} />
          <NumberInput source="closeListingAtOrBelow" step={1} validate={units} />
        </Stack>
        <Typography variant="subtitle1">{translate('omni.sections.rate_limit')}</Typography>
        <Stack direction="row" spacing={2}>
          <NumberInput source="requestsPerSecond" step={1} validate={positive} />
          <NumberInput source="burst" step={1} validate={positive} />
          <NumberInput source="maxBatchSize" step={1} validate={positive} />
        </Stack>
        <BooleanInput source="perItemCost" />
      </SimpleForm>
    </Edit>
  );
}
