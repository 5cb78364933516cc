import { BooleanField, DateField, ReferenceField, SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { roleChoices } from './role-choices';

export function UserShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="name" />
        <TextField source="email" />
        <SelectField source="role" choices={roleChoices} />
        <ReferenceField source="storeId" reference="stores" emptyText="—" />
        <BooleanField source="isStoreManager" />
        <BooleanField source="active" />
        <DateField source="lastLoginAt" showTime emptyText="—" />
      </SimpleShowLayout>
    </Show>
  );
}
