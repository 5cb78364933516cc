import { Stack } from '@mui/material';
import { BooleanField, DataTable, Labeled, ReferenceManyField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { AvailableStockField } from '../inventory/AvailableStockField';
import { MoneyField } from '../shared/MoneyField';
import { BrandField } from './BrandField';
import { useRecordLoadError } from '../shared/useRecordLoadError';

/** Store staff see only their own store's row: the API narrows the inventory list for them. */
export function ProductShow() {
  const onLoadError = useRecordLoadError();
  return (
    <Show queryOptions={{ onError: onLoadError }}>
      <SimpleShowLayout>
        <TextField source="sku" />
        <TextField source="name" />
        <TextField source="description" />
        {/* Five facts in a row on a desktop; on a phone they wrap instead of widening the page. */}
        <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap', rowGap: 2 }}>
          <Labeled>
            <TextField source="category" />
          </Labeled>
          <Labeled source="brand">
            <BrandField source="brand" />
          </Labeled>
          <Labeled source="basePriceMinor">
            <MoneyField source="basePriceMinor" />
          </Labeled>
          <Labeled source="floorPriceMinor">
            <MoneyField source="floorPriceMinor" />
          </Labeled>
          <Labeled>
            <BooleanField source="active" />
          </Labeled>
        </Stack>
        <ReferenceManyField
          reference="inventory"
          target="productId"
          sort={{ field: 'storeCode', order: 'ASC' }}
          label="omni.sections.stock_per_store"
        >
          <DataTable bulkActionButtons={false} rowClick="show">
            <DataTable.Col source="storeCode" />
            <DataTable.Col source="storeName" disableSort />
            <DataTable.NumberCol source="onHand" />
            <DataTable.NumberCol source="reserved" />
            <DataTable.Col source="available" field={AvailableStockField} align="right" />
          </DataTable>
        </ReferenceManyField>
      </SimpleShowLayout>
    </Show>
  );
}
