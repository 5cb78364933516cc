import { type Theme, useMediaQuery } from '@mui/material';
import {
  CreateButton,
  DataTable,
  ExportButton,
  List,
  ReferenceInput,
  SelectField,
  SelectInput,
  TextField,
  TopToolbar,
  useCanAccess,
  usePermissions,
} from 'react-admin';
import { type Permissions, isConfinedToStore } from '../auth/permissions';
import { adminConfig } from '../config';
import { MoneyField } from '../shared/MoneyField';
import { StoreDateField } from '../shared/StoreDateField';
import { StoreFilterInput } from '../shared/StoreFilterInput';
import { returnReasonChoices, returnStatusChoices } from './return-record';
import { ReturnCards } from './ReturnCards';
import { ReturnItemsField, truncated } from './ReturnItemsField';
import { ReturnStatusTabs } from './ReturnStatusTabs';

function ListActions() {
  const { canAccess } = useCanAccess({ resource: 'returns', action: 'create' });
  return (
    <TopToolbar>
      {canAccess === true && <CreateButton label="omni.return.return_items" />}
      <ExportButton />
    </TopToolbar>
  );
}

/**
 * Returns by status tab, newest first, with store (head office only), channel and status filters. Store
 * staff see the returns received at their store (the API narrows), so they get no store filter.
 */
export function ReturnList() {
  const { permissions } = usePermissions<Permissions>();
  const isPhone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const filters = [
    ...(isConfinedToStore(permissions) ? [] : [<StoreFilterInput key="storeId" alwaysOn />]),
    <ReferenceInput key="channelId" source="channelId" reference="channels" sort={{ field: 'code', order: 'ASC' }} alwaysOn>
      <SelectInput optionText="code" />
    </ReferenceInput>,
    <SelectInput key="status" source="status" choices={returnStatusChoices} />,
  ];
  return (
    <List
      sort={{ field: 'createdAt', order: 'DESC' }}
      filters={filters}
      actions={<ListActions />}
      perPage={adminConfig.listPageSize}
      // Stays a list with its tabs, filters and "Return items" when there is no return yet (a store's first).
      empty={false}
    >
      <ReturnStatusTabs />
      {isPhone ? (
        <ReturnCards />
      ) : (
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="createdAt">
            <StoreDateField source="createdAt" showTime />
          </DataTable.Col>
          <DataTable.Col source="orderExternalId" disableSort>
            <TextField source="orderExternalId" sx={truncated} />
          </DataTable.Col>
          <DataTable.Col source="channelCode" disableSort>
            <TextField source="channelCode" sx={truncated} />
          </DataTable.Col>
          <DataTable.Col source="storeCode" disableSort>
            <TextField source="storeCode" emptyText="—" />
          </DataTable.Col>
          <DataTable.Col source="items" disableSort>
            <ReturnItemsField />
          </DataTable.Col>
          <DataTable.Col source="reasonCode" disableSort>
            <SelectField source="reasonCode" choices={returnReasonChoices} />
          </DataTable.Col>
          <DataTable.Col source="refundTotalMinor" disableSort align="right">
            <MoneyField source="refundTotalMinor" />
          </DataTable.Col>
          <DataTable.Col source="status">
            <SelectField source="status" choices={returnStatusChoices} />
          </DataTable.Col>
        </DataTable>
      )}
    </List>
  );
}
