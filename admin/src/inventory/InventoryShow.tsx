import { Labeled, NumberField, ReferenceField, Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';
import { Stack } from '@mui/material';
import { AdjustStockButton } from '../stock-adjustments/AdjustStockButton';
import { AvailableStockField } from './AvailableStockField';
import { useRecordLoadError } from '../shared/useRecordLoadError';
import { StoreDateField } from '../shared/StoreDateField';

export function InventoryShow() {
  const onLoadError = useRecordLoadError();
  return (
    <Show
      queryOptions={{ onError: onLoadError }}
      actions={
        <TopToolbar>
          <AdjustStockButton />
        </TopToolbar>
      }
    >
      <SimpleShowLayout>
        <ReferenceField source="productId" reference="products" label="resources.inventory.fields.productName" />
        <ReferenceField source="storeId" reference="stores" />
        <Stack direction="row" spacing={4}>
          <Labeled>
            <NumberField source="onHand" />
          </Labeled>
          <Labeled>
            <NumberField source="reserved" />
          </Labeled>
          <Labeled source="available">
            <AvailableStockField source="available" />
          </Labeled>
        </Stack>
        <StoreDateField source="updatedAt" showTime />
        <TextField source="sku" />
      </SimpleShowLayout>
    </Show>
  );
}
