import { Typography } from '@mui/material';
import {
  Edit,
  Labeled,
  maxLength,
  maxValue,
  minValue,
  NumberInput,
  required,
  SelectInput,
  SimpleForm,
  TextField,
  TextInput,
  useTranslate,
} from 'react-admin';
import { unfulfillablePolicyChoices } from './policy-choices';
import { formatMinutesList, parseMinutesList, validateMinutesList } from './minutes-list';
import { useRecordLoadError } from '../shared/useRecordLoadError';

/** The API's bounds: address and opening hours up to 200 characters, a pick SLA of at least 5 minutes, an escalation delay of at least 1, nothing longer than a week. */
const weekInMinutes = 7 * 24 * 60;

/**
 * Pessimistic, so rules only the API knows (every reminder before the expiry) come back as field errors
 * on this form rather than as a rollback after the fact.
 */
export function StoreEdit() {
  const onLoadError = useRecordLoadError();
  const translate = useTranslate();
  return (
    <Edit mutationMode="pessimistic" redirect="show" queryOptions={{ onError: onLoadError }}>
      <SimpleForm>
        <Labeled source="name">
          <TextField source="name" />
        </Labeled>
        <Typography variant="subtitle1">{translate('omni.sections.customer_facing')}</Typography>
        <TextInput source="address" validate={[required(), maxLength(200)]} fullWidth />
        <TextInput source="openingHours" validate={maxLength(200)} fullWidth />
        <Typography variant="subtitle1">{translate('omni.sections.pickup_settings')}</Typography>
        <NumberInput source="pickSlaMinutes" step={1} validate={[required(), minValue(5), maxValue(weekInMinutes)]} />
        <NumberInput source="pickEscalationMinutes" step={1} validate={[required(), minValue(1), maxValue(weekInMinutes)]} />
        <TextInput source="pickupReminderMinutes" format={formatMinutesList} parse={parseMinutesList} validate={validateMinutesList} />
        <NumberInput source="pickupExpiryHours" step={1} validate={[required(), minValue(1), maxValue(weekInMinutes / 60)]} />
        <SelectInput source="unfulfillablePolicy" choices={unfulfillablePolicyChoices} validate={required()} />
      </SimpleForm>
    </Edit>
  );
}
