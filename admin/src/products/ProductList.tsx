import { BooleanField, DataTable, List, NullableBooleanInput, SearchInput, TextInput } from 'react-admin';
import { adminConfig } from '../config';
import { MoneyField } from '../shared/MoneyField';
import { BrandField } from './BrandField';

const productFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <TextInput key="category" source="category" />,
  <TextInput key="brand" source="brand" />,
  <NullableBooleanInput key="active" source="active" />,
];

export function ProductList() {
  return (
    <List sort={{ field: 'sku', order: 'ASC' }} filters={productFilters} perPage={adminConfig.listPageSize}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="sku" />
        <DataTable.Col source="name" />
        <DataTable.Col source="category" />
        <DataTable.Col source="brand" field={BrandField} />
        <DataTable.Col source="basePriceMinor" field={MoneyField} align="right" />
        <DataTable.Col source="floorPriceMinor" field={MoneyField} align="right" disableSort />
        <DataTable.Col source="active" field={BooleanField} disableSort />
      </DataTable>
    </List>
  );
}
