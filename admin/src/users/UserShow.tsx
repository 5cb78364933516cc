import { BooleanField, ReferenceField, SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { roleChoices } from './role-choices';
import { useRecordLoadError } from '../shared/useRecordLoadError';
import { StoreDateField } from '../shared/StoreDateField';

export function UserShow() {
  const onLoadError = useRecordLoadError();
  return (
    <Show queryOptions={{ onError: onLoadError }}>
      <SimpleShowLayout>
        <TextField source="name" />
        <TextField source="email" />
        <SelectField source="role" choices={roleChoices} />
        <ReferenceField source="storeId" reference="stores" emptyText="—" />
        <BooleanField source="isStoreManager" />
        <BooleanField source="active" />
        <StoreDateField source="lastLoginAt" showTime emptyText="—" />
      </SimpleShowLayout>
    </Show>
  );
}
