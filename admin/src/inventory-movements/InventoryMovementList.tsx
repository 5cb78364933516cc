import {
  DataTable,
  List,
  NumberField,
  ReferenceField,
  ReferenceInput,
  SelectField,
  SelectInput,
  TextField,
  TextInput,
  usePermissions,
} from 'react-admin';
import { type Permissions, isConfinedToStore } from '../auth/permissions';
import { adminConfig } from '../config';
import { StoreDateField } from '../shared/StoreDateField';
import { StoreFilterInput } from '../shared/StoreFilterInput';
import { MovementActorField } from './MovementActorField';
import { movementKindChoices } from './movement-kinds';

/**
 * The stock ledger (GET /api/inventory-movements), newest first: every change of on-hand or reserved
 * stock with its kind, reason, who and which workflow. Append-only, so there is nothing to edit here.
 */
export function InventoryMovementList() {
  const { permissions } = usePermissions<Permissions>();
  const filters = [
    <SelectInput key="kind" source="kind" choices={movementKindChoices} alwaysOn />,
    <ReferenceInput key="productId" source="productId" reference="products" sort={{ field: 'sku', order: 'ASC' }}>
      <SelectInput optionText="sku" />
    </ReferenceInput>,
    <TextInput key="workflowId" source="workflowId" />,
    ...(isConfinedToStore(permissions) ? [] : [<StoreFilterInput key="storeId" alwaysOn />]),
  ];
  return (
    <List sort={{ field: 'createdAt', order: 'DESC' }} filters={filters} perPage={adminConfig.listPageSize}>
      <DataTable bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source="createdAt">
          <StoreDateField source="createdAt" showTime />
        </DataTable.Col>
        <DataTable.Col source="storeId" disableSort>
          <ReferenceField source="storeId" reference="stores" link={false}>
            <TextField source="code" />
          </ReferenceField>
        </DataTable.Col>
        <DataTable.Col source="productId" disableSort>
          <ReferenceField source="productId" reference="products" link="show">
            <TextField source="sku" />
          </ReferenceField>
        </DataTable.Col>
        <DataTable.Col source="kind">
          <SelectField source="kind" choices={movementKindChoices} />
        </DataTable.Col>
        <DataTable.Col source="deltaOnHand" disableSort>
          <NumberField source="deltaOnHand" options={{ signDisplay: 'exceptZero' }} />
        </DataTable.Col>
        <DataTable.Col source="deltaReserved" disableSort>
          <NumberField source="deltaReserved" options={{ signDisplay: 'exceptZero' }} />
        </DataTable.Col>
        <DataTable.Col source="reason" disableSort sx={{ maxWidth: '20rem', overflowWrap: 'anywhere' }} />
        <DataTable.Col source="actorLabel" disableSort>
          <MovementActorField />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
