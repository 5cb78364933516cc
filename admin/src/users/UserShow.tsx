import { BooleanField, EditButton, ReferenceField, SelectField, Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';
import { ResetPasswordButton } from './ResetPasswordButton';
import { roleChoices } from './role-choices';
import { useRecordLoadError } from '../shared/useRecordLoadError';
import { StoreDateField } from '../shared/StoreDateField';

function UserShowActions() {
  return (
    <TopToolbar>
      <ResetPasswordButton />
      <EditButton />
    </TopToolbar>
  );
}

export function UserShow() {
  const onLoadError = useRecordLoadError();
  return (
    <Show queryOptions={{ onError: onLoadError }} actions={<UserShowActions />}>
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
