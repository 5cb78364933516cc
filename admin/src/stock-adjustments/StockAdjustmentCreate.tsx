import { Alert } from '@mui/material';
import {
  Create,
  maxLength,
  maxValue,
  minValue,
  number,
  NumberInput,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
  useLocation,
  useNotify,
  usePermissions,
  useRedirect,
  useTranslate,
} from 'react-admin';
import { type Permissions } from '../auth/permissions';
import { canAdjustStock } from './stock-adjustment-record';

/** The API's bounds (stock-adjustments.validators.ts, domain/validation/integers.ts). */
const maxQuantity = 1_000_000;
const maxReasonLength = 500;
const notZero = (value: unknown) => (value === 0 ? 'omni.stock_adjustment.not_zero' : undefined);

/**
 * A correction of on hand with a reason, opened from a stock level (store and SKU filled in) or from the
 * list. Store managers adjust their own store only, so their store is fixed.
 */
export function StockAdjustmentCreate() {
  const { permissions } = usePermissions<Permissions>();
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const prefilled = (useLocation().state as { record?: { storeId?: string; sku?: string } } | null)?.record ?? {};
  if (permissions !== undefined && !canAdjustStock(permissions)) {
    return <Alert severity="warning">{translate('omni.stock_adjustment.only_managers')}</Alert>;
  }
  const ownStore = permissions?.role === 'STORE_STAFF' ? permissions.storeId : null;
  return (
    <Create
      mutationOptions={{
        onSuccess: (created: { id: string }) => {
          notify('omni.stock_adjustment.requested');
          redirect('show', 'stock-adjustments', created.id);
        },
      }}
    >
      <SimpleForm defaultValues={{ ...prefilled, ...(ownStore !== null && { storeId: ownStore }) }}>
        <ReferenceInput source="storeId" reference="stores" sort={{ field: 'code', order: 'ASC' }}>
          <SelectInput
            optionText={(store: { code: string; name: string }) => `${store.code} ${store.name}`}
            validate={required()}
            readOnly={ownStore !== null}
          />
        </ReferenceInput>
        <TextInput source="sku" validate={[required(), maxLength(100)]} />
        <NumberInput
          source="delta"
          step={1}
          validate={[required(), number(), notZero, minValue(-maxQuantity), maxValue(maxQuantity)]}
          helperText="omni.stock_adjustment.delta_help"
        />
        <TextInput
          source="reason"
          multiline
          minRows={2}
          fullWidth
          validate={[required(), maxLength(maxReasonLength)]}
          helperText="omni.stock_adjustment.reason_help"
        />
        <Alert severity="info">{translate('omni.stock_adjustment.approval_note')}</Alert>
      </SimpleForm>
    </Create>
  );
}
