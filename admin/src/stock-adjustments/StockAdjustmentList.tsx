import {
  CreateButton,
  DataTable,
  ExportButton,
  List,
  ReferenceField,
  SelectField,
  SelectInput,
  TextField,
  TopToolbar,
  usePermissions,
} from 'react-admin';
import { type Permissions } from '../auth/permissions';
import { adminConfig } from '../config';
import { MoneyField } from '../shared/MoneyField';
import { StoreDateField } from '../shared/StoreDateField';
import { StoreFilterInput } from '../shared/StoreFilterInput';
import { canAdjustStock, stockAdjustmentStatusChoices } from './stock-adjustment-record';
import { SignedDeltaField } from './SignedDeltaField';

function ListActions() {
  const { permissions } = usePermissions<Permissions>();
  return (
    <TopToolbar>
      {canAdjustStock(permissions) && <CreateButton label="omni.stock_adjustment.adjust" />}
      <ExportButton />
    </TopToolbar>
  );
}

/** Corrections of on hand, newest first; store staff see their own store's (the API narrows). */
export function StockAdjustmentList() {
  const filters = [
    <SelectInput key="status" source="status" choices={stockAdjustmentStatusChoices} alwaysOn />,
    <StoreFilterInput key="storeId" />,
  ];
  return (
    <List sort={{ field: 'createdAt', order: 'DESC' }} filters={filters} actions={<ListActions />} perPage={adminConfig.listPageSize}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="createdAt">
          <StoreDateField source="createdAt" showTime />
        </DataTable.Col>
        <DataTable.Col source="storeId" disableSort>
          <ReferenceField source="storeId" reference="stores" link={false} />
        </DataTable.Col>
        <DataTable.Col source="sku" disableSort>
          <TextField source="sku" />
        </DataTable.Col>
        <DataTable.Col source="delta" disableSort>
          <SignedDeltaField source="delta" />
        </DataTable.Col>
        <DataTable.Col source="valueMinor" disableSort>
          <MoneyField source="valueMinor" />
        </DataTable.Col>
        <DataTable.Col source="reason" disableSort>
          <TextField
            source="reason"
            sx={{ display: 'block', maxWidth: 320, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
          />
        </DataTable.Col>
        <DataTable.Col source="status">
          <SelectField source="status" choices={stockAdjustmentStatusChoices} />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
