import { Alert, Box, Button, Typography } from '@mui/material';
import { useState } from 'react';
import {
  AutocompleteInput,
  BooleanInput,
  CheckboxGroupInput,
  FormDataConsumer,
  maxLength,
  maxValue,
  minValue,
  NumberInput,
  required,
  SaveButton,
  SelectInput,
  SimpleForm,
  TextInput,
  Toolbar,
  useGetList,
  useNotify,
  useTranslate,
} from 'react-admin';
import { useFormContext } from 'react-hook-form';
import { discountTypeChoices, promotionBodyOf, type PromotionFormValues, scopeProblemsOf, type ScopeProblem } from './promotion-record';
import { ScopeProblems } from './ScopeProblems';
import { SkuPicker } from './SkuPicker';
import { usePromotionActions } from './usePromotionActions';

const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

const matches = (pattern: RegExp, message: string) => (value: unknown) =>
  typeof value === 'string' && value !== '' && !pattern.test(value) ? message : undefined;

/** Every IANA zone the browser knows (Intl), the stores' zones among them. */
const timeZoneChoices = (typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['UTC']).map((zone) => ({
  id: zone,
  name: zone,
}));

const endsAfterStart = (value: string, values: PromotionFormValues) =>
  value !== undefined && values.startsLocal !== undefined && value <= values.startsLocal ? 'omni.promotion.ends_after_start' : undefined;

/** "Check" before saving: what the API would refuse (floor breaches, conflicts, unknown SKUs), writing nothing. */
function CheckButton({ onProblems }: { onProblems: (problems: ScopeProblem[], summary: string | null) => void }) {
  const { getValues } = useFormContext<PromotionFormValues>();
  const { checkPromotion } = usePromotionActions();
  const translate = useTranslate();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const check = async () => {
    setBusy(true);
    try {
      const result = await checkPromotion(promotionBodyOf(getValues()));
      const problems = scopeProblemsOf(result.errors);
      onProblems(problems, translate('omni.promotion.check_result', { skus: result.skuCount, channels: result.channelCount }));
    } catch (error) {
      const body = (error as { body?: { errors?: Record<string, string> } }).body;
      onProblems(scopeProblemsOf(body?.errors), null);
      notify((error as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button onClick={() => void check()} disabled={busy} data-testid="check-promotion">
      {translate('omni.promotion.check')}
    </Button>
  );
}

function FormToolbar({ onProblems }: { onProblems: (problems: ScopeProblem[], summary: string | null) => void }) {
  return (
    <Toolbar sx={{ gap: 1 }}>
      <SaveButton />
      <CheckButton onProblems={onProblems} />
    </Toolbar>
  );
}

/**
 * Create and edit: name, discount, SKUs (picker, category rule; a CSV replaces them on the promotion's
 * page), channels (all by default), the window as wall-clock times of a named zone. The API's refusals
 * per SKU and channel (`problems`, from a failed save or a check) are listed under the SKUs.
 */
export function PromotionForm({
  problems,
  onProblems,
  values,
}: {
  problems: ScopeProblem[];
  onProblems: (problems: ScopeProblem[]) => void;
  /** The values to start from: defaults on create, the saved promotion with its SKUs on edit. */
  values: Partial<PromotionFormValues>;
}) {
  const translate = useTranslate();
  const [summary, setSummary] = useState<string | null>(null);
  const { data: channels = [] } = useGetList<{ id: string; code: string; name: string; status: string }>('channels', {
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'code', order: 'ASC' },
  });
  const channelChoices = channels
    .filter((channel) => channel.status !== 'DISABLED')
    .map((channel) => ({ id: channel.code, name: channel.name }));
  const handleProblems = (next: ScopeProblem[], text: string | null) => {
    onProblems(next);
    setSummary(text);
  };
  return (
    <SimpleForm toolbar={<FormToolbar onProblems={handleProblems} />} record={values} sx={{ maxWidth: 1000 }}>
      <TextInput source="name" validate={[required(), maxLength(200)]} fullWidth />
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        <SelectInput source="discountType" choices={discountTypeChoices} validate={required()} />
        <FormDataConsumer<PromotionFormValues>>
          {({ formData }) =>
            formData.discountType === 'PERCENT' ? (
              <NumberInput
                source="discountAmount"
                label="omni.promotion.percent_off"
                step={1}
                validate={[required(), minValue(1), maxValue(99)]}
              />
            ) : (
              <NumberInput
                source="discountAmount"
                label={formData.discountType === 'FIXED' ? 'omni.promotion.amount_off' : 'omni.promotion.promo_price'}
                helperText={translate('omni.promotion.amount_help', { currency: formData.currency ?? '' })}
                validate={[required(), minValue(0.001)]}
              />
            )
          }
        </FormDataConsumer>
        <TextInput source="currency" validate={[required(), matches(/^[A-Z]{3}$/, 'omni.promotion.currency_format')]} sx={{ width: 120 }} />
      </Box>
      <SkuPicker />
      <ScopeProblems problems={problems} title={translate('omni.promotion.problems_title')} />
      {summary !== null && problems.length === 0 && (
        <Alert severity="success" data-testid="check-ok">
          {summary}
        </Alert>
      )}
      <BooleanInput source="allChannels" label="omni.promotion.all_channels" helperText="omni.promotion.all_channels_help" />
      <FormDataConsumer<PromotionFormValues>>
        {({ formData }) =>
          !formData.allChannels && <CheckboxGroupInput source="channelCodes" choices={channelChoices} validate={required()} row={false} />
        }
      </FormDataConsumer>
      <Typography variant="subtitle1">{translate('omni.promotion.window')}</Typography>
      <AutocompleteInput source="timeZone" choices={timeZoneChoices} validate={required()} sx={{ minWidth: 260 }} />
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        <TextInput
          source="startsLocal"
          type="datetime-local"
          validate={[required(), matches(LOCAL_DATE_TIME, 'omni.promotion.local_format')]}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <TextInput
          source="endsLocal"
          type="datetime-local"
          validate={[required(), matches(LOCAL_DATE_TIME, 'omni.promotion.local_format'), endsAfterStart]}
          slotProps={{ inputLabel: { shrink: true } }}
        />
      </Box>
      <Alert severity="info">{translate('omni.promotion.approval_note')}</Alert>
    </SimpleForm>
  );
}
